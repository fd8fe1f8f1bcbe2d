import JiefenAPI
import JiefenDomain

/// Which figures the report renderers show, under which labels and in which order,
/// shared so that the terminal table and the HTML page agree.
enum ReportFigures {
    /// One headline line: a label with its formatted value, comparison value and year-on-year change.
    struct Figure: Sendable, Equatable {
        /// What the figure counts.
        let label: String
        /// The value in the period.
        let value: String
        /// The comparison period's value, or "–".
        let previous: String
        /// The year-on-year change, or "–".
        let yoy: String
    }

    /// The intake channels of domain.md D in display order.
    static let knownChannels = IntakeChannel.known.map(\.rawValue)
    /// The tracks in display order.
    static let tracks = Track.allCases.map(\.rawValue)
    /// The metric names in display order; names not listed follow in report order.
    static let metricOrder = ReportMetric.all.map(\.name)
    /// Human labels of the known channels (looked up, never iterated).
    private static let channelLabels: [String: String] = [
        "VILLAGE_RECEPTION": "Village reception", "GRID_ONLINE": "Grid (online)", "WECHAT_GROUP": "WeChat group",
        "HOTLINE": "Hotline", "WALK_IN": "Walk-in", "ONLINE_PETITION": "Online petition", "REFERRAL": "Referral",
    ]

    /// The label of metric `name`, or the name itself.
    static func label(_ name: String) -> String { ReportMetric.named(name)?.label ?? name }

    /// The label of `channel`: "All channels" for "", the code itself when unknown.
    static func channelLabel(_ channel: String) -> String {
        channel.isEmpty ? "All channels" : channelLabels[channel] ?? channel
    }

    /// The channels to show: the known ones, then any other channel the report mentions, sorted.
    static func channels(in report: StatsReport) -> [String] {
        let mentioned = Set(report.metrics.map(\.channel) + report.months.map(\.channel) + report.notable.map(\.channel))
        return knownChannels + mentioned.subtracting(knownChannels + [""]).sorted()
    }

    /// `metrics` in display order: by name (`metricOrder`), then track, then channel, totals first;
    /// ties keep report order.
    static func ordered(_ metrics: [StatsReport.Metric]) -> [StatsReport.Metric] {
        /// The position of `value` in `list`: -1 for "" (totals first), `list.count` when unknown.
        func rank(_ list: [String], _ value: String) -> Int { value.isEmpty ? -1 : list.firstIndex(of: value) ?? list.count }
        /// The sort key: name, track, channel, then report order.
        func key(_ item: (offset: Int, element: StatsReport.Metric)) -> (Int, Int, Int, Int) {
            (
                rank(metricOrder, item.element.name), rank(tracks, item.element.track),
                rank(knownChannels, item.element.channel), item.offset
            )
        }
        return metrics.enumerated().sorted { key($0) < key($1) }.map(\.element)
    }

    /// The rates of the report in display order.
    static func rates(_ report: StatsReport) -> [StatsReport.Metric] {
        ordered(report.metrics.filter { $0.unit == ReportMetric.Unit.rate.rawValue })
    }

    /// The all-tracks count `name` at `channel`: the report's own total if present, else the sum over tracks
    /// (or, for `channel` "", over channels), with the comparison summed when every part has one.
    static func total(_ report: StatsReport, _ metric: ReportMetric, channel: String = "") -> StatsReport.Metric? {
        let name = metric.name
        if let metric = report.metric(name, channel: channel) { return metric }
        var parts = report.metrics.filter { $0.name == name && $0.channel == channel && !$0.track.isEmpty }
        if parts.isEmpty && channel.isEmpty {
            parts = report.metrics.filter { $0.name == name && $0.track.isEmpty && !$0.channel.isEmpty }
        }
        guard let first = parts.first, parts.allSatisfy({ $0.unit == ReportMetric.Unit.count.rawValue }) else { return parts.first }
        if parts.count == 1 { return first }
        let value = parts.reduce(0) { $0 + $1.value }
        let previousParts = parts.compactMap(\.previous)
        let previous = previousParts.count == parts.count ? previousParts.reduce(0, +) : nil
        let yoy = previous.flatMap { $0 > 0 ? (value - $0) / $0 : nil }
        return StatsReport.Metric(
            name: name, channel: channel, unit: ReportMetric.Unit.count.rawValue, value: value,
            numerator: parts.reduce(0) { $0 + $1.numerator }, previous: previous, yoy: yoy)
    }

    /// The headline figures of domain.md E.5: sessions, batches/person-times and resolutions at village
    /// reception, resolutions via the joint meeting and micro-matters resolved online.
    static func headline(_ report: StatsReport) -> [Figure] {
        let vr = IntakeChannel.villageReception.rawValue
        let batches = total(report, .batches, channel: vr)
        let personTimes = total(report, .personTimes, channel: vr)
        return [
            figure("Village-reception sessions held", total(report, .sessionsVillageReception)),
            Figure(
                label: "Batches / person-times at village reception",
                value: pair(batches.map(ReportFormat.value), personTimes.map(ReportFormat.value)),
                previous: pair(batches.map(ReportFormat.previous), personTimes.map(ReportFormat.previous)),
                yoy: pair(batches.map { ReportFormat.yoy($0.yoy) }, personTimes.map { ReportFormat.yoy($0.yoy) })),
            figure("Cases resolved from village reception", total(report, .resolved, channel: vr)),
            figure("Cases resolved via joint meeting", total(report, .resolvedViaJointMeeting)),
            figure("Micro-matters resolved online", total(report, .microResolvedOnline)),
        ]
    }

    /// The joint-meeting figures: meetings held, cases resolved through them, cases still under review.
    static func jointMeetings(_ report: StatsReport) -> [(label: String, metric: StatsReport.Metric?)] {
        [
            ("Joint meetings held", total(report, .jointMeetingsHeld)),
            ("Cases resolved via joint meeting", total(report, .resolvedViaJointMeeting)),
            ("Cases under joint-meeting review", total(report, .underJointMeetingReview)),
        ]
    }

    /// The cases-by-channel grid: a header, one row per channel with any figure, then the all-channels row;
    /// columns are registered and resolved per track, "–" where the report has no figure.
    static func caseGrid(_ report: StatsReport) -> (header: [String], rows: [[String]]) {
        /// The formatted metric, or `nil` when the report has none.
        func cell(_ metric: ReportMetric, _ track: String, _ channel: String) -> String? {
            report.metric(metric.name, track: track, channel: channel).map(ReportFormat.value)
        }
        let header = ["Channel"] + tracks.flatMap { ["\($0) registered", "\($0) resolved"] }
        var rows: [[String]] = []
        for channel in channels(in: report) {
            let cells = tracks.flatMap { [cell(.casesByChannel, $0, channel), cell(.resolved, $0, channel)] }
            if cells.allSatisfy({ $0 == nil }) { continue }
            rows.append([channelLabel(channel)] + cells.map { $0 ?? ReportFormat.missing })
        }
        let totals = tracks.flatMap { track in
            [cell(.casesByChannel, track, "") ?? cell(.casesRegistered, track, ""), cell(.resolved, track, "")]
        }
        rows.append([channelLabel("")] + totals.map { $0 ?? ReportFormat.missing })
        return (header, rows)
    }

    /// The comparison the year-on-year figures use, in words.
    static func comparison(_ report: StatsReport) -> String {
        let span = report.previousFrom.isEmpty ? "" : " \(report.previousFrom) – \(report.previousTo)"
        switch report.comparison {
        case "previous_period": return "previous period" + span
        case "baseline": return "baseline" + span
        case "", "none": return "none (no year-on-year figures)"
        default: return report.comparison + span
        }
    }

    /// The filters in words.
    static func filters(_ report: StatsReport) -> String {
        "channel: \(report.channel.isEmpty ? "all" : report.channel), village: \(report.villageCode.isEmpty ? "all" : report.villageCode)"
    }

    /// A headline figure from one metric, all "–" when it is missing.
    private static func figure(_ label: String, _ metric: StatsReport.Metric?) -> Figure {
        Figure(
            label: label, value: metric.map(ReportFormat.value) ?? ReportFormat.missing,
            previous: metric.map(ReportFormat.previous) ?? ReportFormat.missing,
            yoy: metric.map { ReportFormat.yoy($0.yoy) } ?? ReportFormat.missing)
    }

    /// `a / b`, "–" for a missing side.
    private static func pair(_ a: String?, _ b: String?) -> String {
        "\(a ?? ReportFormat.missing) / \(b ?? ReportFormat.missing)"
    }
}
