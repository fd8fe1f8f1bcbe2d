/// `jiefen.v1.Report`: every figure of domain.md D for one period, with denominators, year-on-year comparisons,
/// the monthly series, the funnel, times to resolution, village rows (small cells suppressed) and notable cases.
public struct StatsReport: Sendable, Hashable, Codable {
    /// The first day of the period.
    public var from = ""
    /// The last day of the period.
    public var to = ""
    /// The day cohort rates were judged at.
    public var asOf = ""
    /// The channel filter, or empty.
    public var channel = ""
    /// The village filter, or empty.
    public var villageCode = ""
    /// What the year-on-year figures compare with: `previous_period`, `baseline` or `none`.
    public var comparison = ""
    /// The first day of the comparison period.
    public var previousFrom = ""
    /// The last day of the comparison period.
    public var previousTo = ""
    /// Visits with at least this many people are collective.
    public var collectiveThreshold = 0
    /// Cases with at least this many people involved are group cases.
    public var groupThreshold = 0
    /// Village cells below this count (and above 0) are suppressed.
    public var suppressionThreshold = 0
    /// The figures.
    public var metrics: [Metric] = []
    /// Cases registered and resolved per month, track and channel.
    public var months: [MonthRow] = []
    /// From registered to resolved, petition and dispute cases registered in the period.
    public var funnel: [FunnelStage] = []
    /// Time to resolution per track.
    public var durations: [DurationRow] = []
    /// Cases per village.
    public var villages: [VillageRow] = []
    /// The largest cases closed and the fastest resolutions of the period.
    public var notable: [NotableCaseRow] = []

    /// An empty report.
    public init() {}

    /// The metric named `name` for `track` and `channel` (empty strings for "all").
    public func metric(_ name: String, track: String = "", channel: String = "") -> Metric? {
        metrics.first { $0.name == name && $0.track == track && $0.channel == channel }
    }

    /// One figure. A count has denominator 0; a rate has its numerator and denominator.
    public struct Metric: Sendable, Hashable, Codable {
        /// The metric name of domain.md D, e.g. `resolved` or `timely_acceptance_rate`.
        public var name: String
        /// The track, or empty for all.
        public var track: String
        /// The channel, or empty for all.
        public var channel: String
        /// `count`, `rate`, `days` or `hours`.
        public var unit: String
        /// The value (a rate is a fraction, 0.95 for 95 %).
        public var value: Double
        /// A rate's numerator (a count's value).
        public var numerator: Int64
        /// A rate's denominator, 0 for counts.
        public var denominator: Int64
        /// The comparison period's value, if known.
        public var previous: Double?
        /// The year-on-year change `(m − m₀) / m₀`, `nil` when the base is 0 or unknown.
        public var yoy: Double?

        /// Creates a metric.
        public init(
            name: String, track: String = "", channel: String = "", unit: String, value: Double,
            numerator: Int64 = 0, denominator: Int64 = 0, previous: Double? = nil, yoy: Double? = nil
        ) {
            self.name = name
            self.track = track
            self.channel = channel
            self.unit = unit
            self.value = value
            self.numerator = numerator
            self.denominator = denominator
            self.previous = previous
            self.yoy = yoy
        }

        /// The baseline key of this metric: `name/track/channel`.
        public var key: String { "\(name)/\(track)/\(channel)" }
    }

    /// Cases registered and resolved in one month.
    public struct MonthRow: Sendable, Hashable, Codable {
        /// `YYYY-MM`.
        public var month: String
        /// The track.
        public var track: String
        /// The channel.
        public var channel: String
        /// Registered in the month.
        public var registered: Int
        /// Resolved in the month.
        public var resolved: Int

        /// Creates a row.
        public init(month: String, track: String, channel: String, registered: Int, resolved: Int) {
            self.month = month
            self.track = track
            self.channel = channel
            self.registered = registered
            self.resolved = resolved
        }
    }

    /// One stage of the funnel.
    public struct FunnelStage: Sendable, Hashable, Codable {
        /// `registered`, `accepted`, `closed`, `resolved`, `rated`.
        public var stage: String
        /// Cases at or past the stage.
        public var count: Int

        /// Creates a stage.
        public init(stage: String, count: Int) {
            self.stage = stage
            self.count = count
        }
    }

    /// Time to resolution of one track.
    public struct DurationRow: Sendable, Hashable, Codable {
        /// The track.
        public var track: String
        /// `days` or `hours`.
        public var unit: String
        /// Cases resolved in the period.
        public var count: Int
        /// Mean.
        public var mean: Double
        /// Median (nearest rank).
        public var median: Double
        /// 90th percentile (nearest rank).
        public var p90: Double
        /// Histogram bucket labels, in order.
        public var bucketLabels: [String]
        /// Histogram counts, one per label.
        public var bucketCounts: [Int]

        /// Creates a row.
        public init(
            track: String, unit: String, count: Int, mean: Double, median: Double, p90: Double,
            bucketLabels: [String], bucketCounts: [Int]
        ) {
            self.track = track
            self.unit = unit
            self.count = count
            self.mean = mean
            self.median = median
            self.p90 = p90
            self.bucketLabels = bucketLabels
            self.bucketCounts = bucketCounts
        }
    }

    /// One village's cases; a suppressed cell reads 0 with its flag set.
    public struct VillageRow: Sendable, Hashable, Codable {
        /// The village code.
        public var villageCode: String
        /// Registered (petition and dispute).
        public var registered: Int
        /// `true` when the registered count is below the threshold and hidden.
        public var registeredSuppressed: Bool
        /// Resolved (petition and dispute).
        public var resolved: Int
        /// `true` when the resolved count is below the threshold and hidden.
        public var resolvedSuppressed: Bool

        /// Creates a row.
        public init(villageCode: String, registered: Int, registeredSuppressed: Bool, resolved: Int, resolvedSuppressed: Bool) {
            self.villageCode = villageCode
            self.registered = registered
            self.registeredSuppressed = registeredSuppressed
            self.resolved = resolved
            self.resolvedSuppressed = resolvedSuppressed
        }
    }

    /// A case the report names (no personal data).
    public struct NotableCaseRow: Sendable, Hashable, Codable {
        /// `largest` or `fastest`.
        public var list: String
        /// The case id.
        public var caseID: String
        /// The dispute kind.
        public var kind: String
        /// The track.
        public var track: String
        /// The intake channel.
        public var channel: String
        /// The outcome.
        public var outcome: String
        /// Households involved.
        public var householdsInvolved: Int
        /// Registration instant, unix seconds.
        public var registeredAt: Int64
        /// Closing instant, unix seconds.
        public var closedAt: Int64
        /// Joint-meeting decisions on the case.
        public var jointMeetingDecisions: Int
        /// `true` if the handling period was extended.
        public var extended: Bool
        /// `name=YYYY-MM-DD` milestones from the case's details, sorted.
        public var keyDates: [String]

        /// Creates a row.
        public init(
            list: String, caseID: String, kind: String, track: String, channel: String, outcome: String,
            householdsInvolved: Int, registeredAt: Int64, closedAt: Int64, jointMeetingDecisions: Int,
            extended: Bool, keyDates: [String]
        ) {
            self.list = list
            self.caseID = caseID
            self.kind = kind
            self.track = track
            self.channel = channel
            self.outcome = outcome
            self.householdsInvolved = householdsInvolved
            self.registeredAt = registeredAt
            self.closedAt = closedAt
            self.jointMeetingDecisions = jointMeetingDecisions
            self.extended = extended
            self.keyDates = keyDates
        }

        /// Minutes from registration to closure.
        public var durationMinutes: Int64 { (closedAt - registeredAt) / 60 }
    }
}
