import JiefenAPI
import JiefenDomain
import JiefenStore

/// Turns the store's raw aggregates of a period (and of its comparison period or baseline) into the report's
/// metrics of domain.md D: counts, rates with their denominators, durations, year-on-year changes, the funnel and
/// the village table with small cells suppressed.
struct ReportBuilder {
    /// The outcomes that count as resolved (化解).
    static let resolvedOutcomes = Set(OutcomeCode.allCases.filter(\.isResolved).map(\.rawValue))
    /// Outcomes of screening: the case never entered handling, so cohort rates leave it out.
    static let screenedOut: Set<String> = ["not_accepted", "transferred_out"]
    /// Channels whose contacts are visits (batches and person-times).
    static let visitChannels = IntakeChannel.known.filter(\.isVisit).map(\.rawValue)
    /// Village cells from 1 to this minus one are suppressed (domain.md F).
    static let suppressionThreshold = 3

    let statistics: PeriodStatistics

    /// The metrics of the period, without comparisons.
    func metrics() -> [StatsReport.Metric] {
        var out: [StatsReport.Metric] = []
        func count(_ metric: ReportMetric, _ value: Int, track: String = "", channel: String = "") {
            out.append(
                .init(
                    name: metric.name, track: track, channel: channel, unit: ReportMetric.Unit.count.rawValue,
                    value: Double(value), numerator: Int64(value)))
        }
        func rate(_ metric: ReportMetric, _ numerator: Int, _ denominator: Int, track: String = "", channel: String = "") {
            out.append(
                .init(
                    name: metric.name, track: track, channel: channel, unit: ReportMetric.Unit.rate.rawValue,
                    value: denominator == 0 ? 0 : Double(numerator) / Double(denominator),
                    numerator: Int64(numerator), denominator: Int64(denominator)))
        }
        let s = statistics
        let tracks = Track.allCases.map(\.rawValue)
        let petition = Track.petition.rawValue
        let dispute = Track.dispute.rawValue
        let micro = Track.micro.rawValue
        let channels = Self.channels(s)

        // Registrations and resolutions per track and channel.
        for track in tracks {
            count(.casesRegistered, s.registered.filter { $0.track == track }.total, track: track)
            for channel in channels {
                let n = s.registered.filter { $0.track == track && $0.channel == channel }.total
                if n > 0 { count(.casesByChannel, n, track: track, channel: channel) }
            }
        }
        let resolvedClosed = s.closed.filter { $0.outcome.map(Self.resolvedOutcomes.contains) ?? false }
        for track in tracks {
            count(.resolved, resolvedClosed.filter { $0.track == track }.total, track: track)
            for channel in channels {
                let n = resolvedClosed.filter { $0.track == track && $0.channel == channel }.total
                if n > 0 { count(.resolved, n, track: track, channel: channel) }
            }
        }
        let handled = resolvedClosed.filter { $0.track != micro }
        count(.resolved, handled.total)
        for channel in channels {
            let n = handled.filter { $0.channel == channel }.total
            if n > 0 { count(.resolved, n, channel: channel) }
        }

        // Village reception and visits.
        count(.sessionsVillageReception, s.sessionsHeld)
        let visits = s.contacts.filter { Self.visitChannels.contains($0.channel) }
        for channel in Self.visitChannels {
            let c = visits.first { $0.channel == channel }
            count(.batches, c?.contacts ?? 0, channel: channel)
            count(.personTimes, c?.personTimes ?? 0, channel: channel)
        }
        count(.batches, visits.reduce(0) { $0 + $1.contacts })
        count(.personTimes, visits.reduce(0) { $0 + $1.personTimes })
        count(.distinctPetitioners, s.distinctPetitioners)
        count(.collectiveBatches, visits.reduce(0) { $0 + $1.collective })
        count(.groupCases, s.groupCases)

        // Cohort rates: petition and dispute cases registered in the period, screened-out ones left out.
        for track in [petition, dispute, ""] {
            let cohort = s.registered.filter {
                (track.isEmpty ? $0.track != micro : $0.track == track) && !($0.outcome.map(Self.screenedOut.contains) ?? false)
            }
            let resolved = cohort.filter { $0.outcome.map(Self.resolvedOutcomes.contains) ?? false }.total
            let closed = cohort.filter { $0.outcome != nil }.total
            rate(.resolutionRate, resolved, cohort.total, track: track)
            rate(.closureRate, closed, cohort.total, track: track)
        }
        for channel in channels {
            let cohort = s.registered.filter {
                $0.track != micro && $0.channel == channel && !($0.outcome.map(Self.screenedOut.contains) ?? false)
            }
            guard cohort.total > 0 else { continue }
            rate(
                .resolutionRate, cohort.filter { $0.outcome.map(Self.resolvedOutcomes.contains) ?? false }.total, cohort.total,
                channel: channel)
            rate(.closureRate, cohort.filter { $0.outcome != nil }.total, cohort.total, channel: channel)
        }
        rate(.timelyAcceptanceRate, s.noticesTimely, s.noticesRequired, track: petition)
        for n in s.notices { rate(.timelyAcceptanceRate, n.numerator, n.denominator, track: petition, channel: n.channel) }
        rate(.onTimeClosureRate, s.closedOnTime, s.closedWithDeadline, track: petition)
        for n in s.onTime { rate(.onTimeClosureRate, n.numerator, n.denominator, track: petition, channel: n.channel) }

        for d in s.durations {
            for (metric, value) in zip(ReportMetric.timeToResolution, [d.mean, d.median, d.p90]) {
                out.append(.init(name: metric.name, track: d.track, unit: d.unit, value: value, numerator: Int64(d.count)))
            }
        }

        // Joint meetings.
        let jointMeeting = s.closed.filter { $0.outcome == "resolved_jm" }
        count(.resolvedViaJointMeeting, jointMeeting.total)
        for channel in channels {
            let n = jointMeeting.filter { $0.channel == channel }.total
            if n > 0 { count(.resolvedViaJointMeeting, n, channel: channel) }
        }
        count(.jointMeetingsHeld, s.jointMeetingsHeld)
        count(.underJointMeetingReview, s.awaitingJointMeeting)

        // Micro-matters, reported apart from petition counts.
        count(
            .microResolvedOnline,
            s.registered.filter {
                $0.track == micro && [IntakeChannel.gridOnline.rawValue, IntakeChannel.wechatGroup.rawValue].contains($0.channel)
                    && $0.outcome == OutcomeCode.resolvedOnline.rawValue
            }.total)

        // Ratings and repeats.
        let total = ChannelRatings(
            channel: "", eligible: s.ratingEligible, satisfied: s.ratings["satisfied", default: 0],
            basicallySatisfied: s.ratings["basically_satisfied", default: 0], dissatisfied: s.ratings["dissatisfied", default: 0])
        for r in [total] + s.ratingsByChannel {
            rate(.participationRate, r.rated, r.eligible, track: petition, channel: r.channel)
            rate(.satisfactionRateStrict, r.satisfied, r.rated, track: petition, channel: r.channel)
            rate(.satisfactionRateBroad, r.satisfied + r.basicallySatisfied, r.rated, track: petition, channel: r.channel)
        }
        rate(.repeatRate, s.contacts.reduce(0) { $0 + $1.followUps }, s.contacts.reduce(0) { $0 + $1.contacts })
        return out
    }

    /// The channels that appear in the aggregates, known ones first in the order of domain.md D.
    static func channels(_ s: PeriodStatistics) -> [String] {
        let known = IntakeChannel.known.map(\.rawValue)
        let seen = Set(s.registered.map(\.channel) + s.closed.map(\.channel))
        return known + seen.subtracting(known).sorted()
    }

    /// `true` when the store has anything at all for the period.
    var hasData: Bool {
        !statistics.registered.isEmpty || !statistics.closed.isEmpty || statistics.sessionsHeld > 0 || !statistics.contacts.isEmpty
    }

    /// From registered to resolved, over petition and dispute cases registered in the period.
    func funnel() -> [StatsReport.FunnelStage] {
        let cohort = statistics.registered.filter { $0.track != Track.micro.rawValue }
        let handled = cohort.filter { !($0.outcome.map(Self.screenedOut.contains) ?? false) }
        return [
            .init(stage: "registered", count: cohort.total),
            .init(stage: "accepted", count: handled.total),
            .init(stage: "closed", count: handled.filter { $0.outcome != nil }.total),
            .init(stage: "resolved", count: handled.filter { $0.outcome.map(Self.resolvedOutcomes.contains) ?? false }.total),
        ]
    }

    /// The village table with cells of 1 and 2 suppressed.
    func villages() -> [StatsReport.VillageRow] {
        statistics.villages.map { v in
            let hideRegistered = (1..<Self.suppressionThreshold).contains(v.registered)
            let hideResolved = (1..<Self.suppressionThreshold).contains(v.resolved)
            return .init(
                villageCode: v.villageCode, registered: hideRegistered ? 0 : v.registered, registeredSuppressed: hideRegistered,
                resolved: hideResolved ? 0 : v.resolved, resolvedSuppressed: hideResolved)
        }
    }

    func months() -> [StatsReport.MonthRow] {
        statistics.months.map {
            .init(month: $0.month, track: $0.track, channel: $0.channel, registered: $0.registered, resolved: $0.resolved)
        }
    }

    func durations() -> [StatsReport.DurationRow] {
        statistics.durations.map {
            .init(
                track: $0.track, unit: $0.unit, count: $0.count, mean: $0.mean, median: $0.median, p90: $0.p90,
                bucketLabels: $0.buckets.map(\.label), bucketCounts: $0.buckets.map(\.count))
        }
    }

    func notable() -> [StatsReport.NotableCaseRow] {
        var out: [StatsReport.NotableCaseRow] = []
        for (cases, list) in [(statistics.largest, "largest"), (statistics.fastest, "fastest")] {
            for c in cases {
                out.append(
                    .init(
                        list: list, caseID: c.caseID, kind: c.kind, track: c.track, channel: c.channel, outcome: c.outcome,
                        householdsInvolved: c.householdsInvolved, registeredAt: c.registeredAt, closedAt: c.closedAt,
                        jointMeetingDecisions: c.jointMeetingDecisions, extended: c.extended,
                        keyDates: c.keyDates.keys.sorted().map { "\($0)=\(c.keyDates[$0] ?? "")" }))
            }
        }
        return out
    }

    /// Adds each metric's comparison value and year-on-year change: `previous` maps metric keys to values.
    static func compare(_ metrics: [StatsReport.Metric], with previous: [String: Double]) -> [StatsReport.Metric] {
        metrics.map { metric in
            var m = metric
            guard let base = previous[metric.key] else { return m }
            m.previous = base
            m.yoy = base == 0 ? nil : (metric.value - base) / base
            return m
        }
    }
}

extension Array where Element == CaseGroupCount {
    /// The number of cases over the groups.
    var total: Int { reduce(0) { $0 + $1.count } }
}
