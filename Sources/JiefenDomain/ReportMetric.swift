/// One figure of the period report (domain.md D): its name on the wire and in baselines, its unit, the tracks it is
/// broken down by, and a human label. The catalogue ``all`` is the one list the report builder computes from and the
/// renderers show, in display order.
public struct ReportMetric: Sendable, Hashable, CustomStringConvertible {
    /// The metric name of domain.md D, e.g. `resolved` or `timely_acceptance_rate`.
    public let name: String
    /// What the value measures.
    public let unit: Unit
    /// The tracks the metric is reported per, in display order; the all-tracks total may be reported as well.
    public let tracks: [Track]
    /// The label renderers show, e.g. "Cases resolved".
    public let label: String

    /// How a metric's value reads.
    public enum Unit: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// A number of cases, sessions, contacts or people.
        case count
        /// A fraction of a numerator over a denominator (0.95 for 95 %).
        case rate
        /// A time to resolution: `days` for petition and dispute cases, `hours` for micro-matters
        /// (``ReportMetric/durationUnit(of:)``).
        case duration

        /// The unit name, e.g. `count`.
        public var description: String { rawValue }
    }

    private init(_ name: String, _ unit: Unit, _ tracks: [Track] = [], _ label: String) {
        self.name = name
        self.unit = unit
        self.tracks = tracks
        self.label = label
    }

    /// The metric name.
    public var description: String { name }

    /// The unit name a report carries for this metric on `track`: `count`, `rate`, `days` or `hours`.
    public func unitName(on track: Track?) -> String {
        unit == .duration ? Self.durationUnit(of: track) : unit.rawValue
    }

    /// The unit of times to resolution on `track`: `hours` for micro-matters, `days` otherwise.
    public static func durationUnit(of track: Track?) -> String { track == .micro ? "hours" : "days" }

    /// The metric called `name`, or `nil` when the catalogue has none.
    public static func named(_ name: String) -> ReportMetric? { byName[name] }

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}

extension ReportMetric {
    /// Cases registered per track.
    public static let casesRegistered = ReportMetric("cases_registered", .count, Track.allCases, "Cases registered")
    /// Cases registered per track and channel.
    public static let casesByChannel = ReportMetric("cases_by_channel", .count, Track.allCases, "Cases registered")
    /// Cases closed with a resolved outcome (化解) per track and channel; the total leaves micro-matters out.
    public static let resolved = ReportMetric("resolved", .count, Track.allCases, "Cases resolved")
    /// Village-reception sessions held (驻村接访).
    public static let sessionsVillageReception = ReportMetric("sessions_vr", .count, [], "Village-reception sessions")
    /// Visit contacts (批次) per visit channel.
    public static let batches = ReportMetric("batches", .count, [], "Batches")
    /// People over the visit contacts (人次) per visit channel.
    public static let personTimes = ReportMetric("person_times", .count, [], "Person-times")
    /// Distinct people over the visit contacts.
    public static let distinctPetitioners = ReportMetric("distinct_petitioners", .count, [], "Distinct petitioners")
    /// Visits with at least the collective threshold of people (集体访).
    public static let collectiveBatches = ReportMetric("collective_batches", .count, [], "Collective batches")
    /// Cases with at least the group threshold of people involved.
    public static let groupCases = ReportMetric("group_cases", .count, [], "Group cases")
    /// Joint meetings held (联席会议).
    public static let jointMeetingsHeld = ReportMetric("jm_meetings", .count, [], "Joint meetings held")
    /// Cases closed as resolved by a joint meeting.
    public static let resolvedViaJointMeeting = ReportMetric("jm_resolved", .count, [], "Resolved via joint meeting")
    /// Open cases awaiting a joint meeting's decision.
    public static let underJointMeetingReview = ReportMetric("jm_in_progress", .count, [], "Under joint-meeting review")
    /// Micro-matters from the grid or a WeChat group resolved online.
    public static let microResolvedOnline = ReportMetric("micro_online", .count, [], "Micro-matters resolved online")
    /// Resolved over the period's cohort of petition and dispute cases, screened-out cases left out.
    public static let resolutionRate = ReportMetric("resolution_rate", .rate, [.petition, .dispute], "Resolution rate")
    /// Closed over the period's cohort of petition and dispute cases, screened-out cases left out.
    public static let closureRate = ReportMetric("closure_rate", .rate, [.petition, .dispute], "Closure rate")
    /// Acceptance notices given in time over notices required (petition track).
    public static let timelyAcceptanceRate = ReportMetric("timely_acceptance_rate", .rate, [.petition], "Timely acceptance rate")
    /// Cases closed by their deadline over cases closed with one (petition track).
    public static let onTimeClosureRate = ReportMetric("on_time_closure_rate", .rate, [.petition], "On-time closure rate")
    /// Rated over cases that may be rated (petition track).
    public static let participationRate = ReportMetric("participation_rate", .rate, [.petition], "Participation rate")
    /// Satisfied over rated (petition track).
    public static let satisfactionRateStrict = ReportMetric(
        "satisfaction_rate_strict", .rate, [.petition], "Satisfaction rate (strict)")
    /// Satisfied or basically satisfied over rated (petition track).
    public static let satisfactionRateBroad = ReportMetric(
        "satisfaction_rate_broad", .rate, [.petition], "Satisfaction rate (broad)")
    /// Follow-up contacts over all contacts.
    public static let repeatRate = ReportMetric("repeat_rate", .rate, [], "Repeat-petition rate")
    /// Mean time from registration to resolution per track.
    public static let timeToResolutionMean = ReportMetric(
        "time_to_resolution_mean", .duration, Track.allCases, "Time to resolution, mean")
    /// Median (nearest rank) time from registration to resolution per track.
    public static let timeToResolutionMedian = ReportMetric(
        "time_to_resolution_median", .duration, Track.allCases, "Time to resolution, median")
    /// 90th percentile (nearest rank) time from registration to resolution per track.
    public static let timeToResolutionP90 = ReportMetric(
        "time_to_resolution_p90", .duration, Track.allCases, "Time to resolution, P90")

    /// Every metric of the report, in display order.
    public static let all: [ReportMetric] = [
        .casesRegistered, .casesByChannel, .resolved, .sessionsVillageReception, .batches, .personTimes,
        .distinctPetitioners, .collectiveBatches, .groupCases, .jointMeetingsHeld, .resolvedViaJointMeeting,
        .underJointMeetingReview, .microResolvedOnline, .resolutionRate, .closureRate, .timelyAcceptanceRate,
        .onTimeClosureRate, .participationRate, .satisfactionRateStrict, .satisfactionRateBroad, .repeatRate,
        .timeToResolutionMean, .timeToResolutionMedian, .timeToResolutionP90,
    ]

    /// The contact figures of the visit channels, in display order.
    public static let visitFigures: [ReportMetric] = [
        .batches, .personTimes, .distinctPetitioners, .collectiveBatches, .groupCases,
    ]

    /// The times to resolution, in display order.
    public static let timeToResolution: [ReportMetric] = [
        .timeToResolutionMean, .timeToResolutionMedian, .timeToResolutionP90,
    ]
}
