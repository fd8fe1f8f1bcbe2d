public import JiefenAPI
import JiefenDomain

/// The statistics report as readable terminal text: aligned columns, no colour, deterministic.
public enum ReportTable {
    /// The whole report: header, headline figures, cases by channel and track, visits, rates, time to
    /// resolution, joint meetings, villages and notable cases.
    public static func render(_ report: StatsReport) -> String {
        let sections = [
            header(report), headline(report), caseGrid(report), visits(report), rates(report),
            durations(report), jointMeetings(report), villages(report), notable(report),
        ]
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// The title and the period, as-of date, filters, comparison and thresholds.
    private static func header(_ report: StatsReport) -> String {
        let title = "Jiefen report \(report.from) – \(report.to)"
        let lines = [
            ["As of", report.asOf], ["Filters", ReportFigures.filters(report)],
            ["Comparison", ReportFigures.comparison(report)],
            [
                "Thresholds",
                "collective visit ≥ \(report.collectiveThreshold) people, group case ≥ \(report.groupThreshold), "
                    + "village cells < \(report.suppressionThreshold) suppressed",
            ],
        ]
        return title + "\n" + String(repeating: "=", count: title.count) + "\n" + grid(lines)
    }

    /// The figures of domain.md E.5 with comparison and year-on-year change.
    private static func headline(_ report: StatsReport) -> String {
        let rows = ReportFigures.headline(report).map { [$0.label, $0.value, $0.previous, $0.yoy] }
        return section("Headline figures", grid([["Figure", "Value", "Previous", "YoY"]] + rows, right: [1, 2, 3]))
    }

    /// Registered and resolved cases per channel (rows) and track (columns).
    private static func caseGrid(_ report: StatsReport) -> String {
        let (header, rows) = ReportFigures.caseGrid(report)
        return section("Cases by channel and track", grid([header] + rows, right: Set(1..<header.count)))
    }

    /// Contacts at the visit channels, distinct petitioners, collective batches and group cases.
    private static func visits(_ report: StatsReport) -> String {
        let names = ReportMetric.visitFigures.map(\.name)
        let metrics = ReportFigures.ordered(report.metrics.filter { names.contains($0.name) })
        return section("Visits and groups", metricGrid(metrics, ratio: false))
    }

    /// Every rate with numerator/denominator, comparison and year-on-year change.
    private static func rates(_ report: StatsReport) -> String {
        section("Rates", metricGrid(ReportFigures.rates(report), ratio: true))
    }

    /// Mean, median and P90 per track, then a text histogram per track.
    private static func durations(_ report: StatsReport) -> String {
        guard !report.durations.isEmpty else {
            let metrics = ReportFigures.ordered(
                report.metrics.filter { name in ReportMetric.timeToResolution.contains { $0.name == name.name } })
            return section("Time to resolution", metricGrid(metrics, ratio: false))
        }
        let rows = report.durations.map { row in
            [
                row.track, row.unit, String(row.count), ReportFormat.inUnit(row.mean, unit: row.unit),
                ReportFormat.inUnit(row.median, unit: row.unit), ReportFormat.inUnit(row.p90, unit: row.unit),
            ]
        }
        var text = grid([["Track", "Unit", "Resolved", "Mean", "Median", "P90"]] + rows, right: [2, 3, 4, 5])
        for row in report.durations where !row.bucketLabels.isEmpty {
            let peak = max(1, row.bucketCounts.max() ?? 1)
            let bars = zip(row.bucketLabels, row.bucketCounts).map { label, count in
                [label, String(count), String(repeating: "█", count: (count * 30 + peak - 1) / peak)]
            }
            text += "\n\n  \(row.track) (\(row.unit)):\n" + grid(bars, right: [1], indent: "    ")
        }
        return section("Time to resolution", text)
    }

    /// Meetings held, cases resolved via the joint meeting and cases still under review.
    private static func jointMeetings(_ report: StatsReport) -> String {
        let rows = ReportFigures.jointMeetings(report).map { item in
            [
                item.label, item.metric.map(ReportFormat.value) ?? ReportFormat.missing,
                item.metric.map(ReportFormat.previous) ?? ReportFormat.missing,
                ReportFormat.yoy(item.metric?.yoy),
            ]
        }
        return section("Joint meetings", grid([["Figure", "Value", "Previous", "YoY"]] + rows, right: [1, 2, 3]))
    }

    /// Registered and resolved per village, small cells shown as `<threshold`.
    private static func villages(_ report: StatsReport) -> String {
        let threshold = report.suppressionThreshold
        let rows = report.villages.map { v in
            [
                v.villageCode, ReportFormat.villageCell(v.registered, suppressed: v.registeredSuppressed, threshold: threshold),
                ReportFormat.villageCell(v.resolved, suppressed: v.resolvedSuppressed, threshold: threshold),
            ]
        }
        let body = rows.isEmpty ? "  (none)" : grid([["Village", "Registered", "Resolved"]] + rows, right: [1, 2])
        return section("Villages", body + "\n  (<\(threshold): fewer than \(threshold) cases, suppressed)")
    }

    /// The largest and fastest cases, one table per list, times in Asia/Shanghai.
    private static func notable(_ report: StatsReport) -> String {
        let lists = ["largest", "fastest"] + Set(report.notable.map(\.list)).subtracting(["largest", "fastest"]).sorted()
        var parts: [String] = []
        for list in lists {
            let rows = report.notable.filter { $0.list == list }.map { c in
                [
                    c.caseID, c.kind, c.channel, c.outcome, String(c.householdsInvolved),
                    ReportFormat.localTime(unixSeconds: c.registeredAt), ReportFormat.localTime(unixSeconds: c.closedAt),
                    ReportFormat.duration(minutes: c.durationMinutes), String(c.jointMeetingDecisions),
                    c.extended ? "yes" : "no", c.keyDates.isEmpty ? ReportFormat.missing : c.keyDates.joined(separator: " "),
                ]
            }
            guard !rows.isEmpty else { continue }
            let header = [
                "Case", "Kind", "Channel", "Outcome", "Households", "Registered", "Closed", "Duration", "JM",
                "Extended", "Key dates",
            ]
            parts.append(
                "  \(ReportFormat.title(list)) (times Asia/Shanghai):\n" + grid([header] + rows, right: [4, 7, 8], indent: "    "))
        }
        return section("Notable cases", parts.isEmpty ? "  (none)" : parts.joined(separator: "\n\n"))
    }

    /// A table of metrics: name, track, channel, value, (numerator/denominator), previous, YoY.
    private static func metricGrid(_ metrics: [StatsReport.Metric], ratio: Bool) -> String {
        guard !metrics.isEmpty else { return "  (none)" }
        let header = ["Figure", "Track", "Channel", "Value"] + (ratio ? ["N/D"] : []) + ["Previous", "YoY"]
        let rows = metrics.map { m in
            [
                ReportFigures.label(m.name), m.track.isEmpty ? "all" : m.track, m.channel.isEmpty ? "all" : m.channel,
                ReportFormat.value(m),
            ] + (ratio ? [ReportFormat.ratio(m)] : []) + [ReportFormat.previous(m), ReportFormat.yoy(m.yoy)]
        }
        return grid([header] + rows, right: Set(3..<header.count))
    }

    /// A titled section: the title underlined, then the body.
    private static func section(_ title: String, _ body: String) -> String {
        title + "\n" + String(repeating: "-", count: title.count) + "\n" + body
    }

    /// `rows` as aligned columns two spaces apart, columns in `right` right-aligned, trailing spaces trimmed.
    private static func grid(_ rows: [[String]], right: Set<Int> = [], indent: String = "  ") -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = indent
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                line += (column > 0 ? "  " : "") + (right.contains(column) ? padding + cell : cell + padding)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
