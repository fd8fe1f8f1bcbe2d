/// What ``CaseStore/statistics(_:)`` counts: one period of local dates, the date cohorts are judged at, the
/// thresholds, and optional filters.
public struct StatisticsQuery: Hashable, Sendable {
    /// The first day of the period, ISO `YYYY-MM-DD`.
    public var from: String
    /// The last day of the period, included.
    public var through: String
    /// The day cohort figures are judged at: a case counts as closed only if it closed on or before this day.
    public var asOf: String
    /// A visit with at least this many people is collective (集体访).
    public var collectiveThreshold: Int
    /// A case with at least this many people involved is a group case.
    public var groupThreshold: Int
    /// Only cases that came in through this channel (and their contacts), or `nil` for all.
    public var channel: String?
    /// Only cases and sessions of this village, or `nil` for all.
    public var villageCode: String?
    /// How many of the largest and fastest cases to list.
    public var notableLimit: Int

    /// Creates a query. See the properties for the meaning of each parameter.
    public init(
        from: String, through: String, asOf: String, collectiveThreshold: Int = 5, groupThreshold: Int = 5,
        channel: String? = nil, villageCode: String? = nil, notableLimit: Int = 3
    ) {
        self.from = from
        self.through = through
        self.asOf = asOf
        self.collectiveThreshold = collectiveThreshold
        self.groupThreshold = groupThreshold
        self.channel = channel
        self.villageCode = villageCode
        self.notableLimit = notableLimit
    }
}

/// The raw aggregates of one period, computed by the store with SQL. Rates, year-on-year changes and suppression
/// are the service layer's work.
public struct PeriodStatistics: Hashable, Sendable {
    /// Cases registered in the period, grouped by track, channel and outcome as of the `asOf` day (`nil`: open).
    public var registered: [CaseGroupCount] = []
    /// Cases closed in the period, grouped by track, channel and outcome.
    public var closed: [CaseGroupCount] = []
    /// Village-reception sessions held in the period.
    public var sessionsHeld = 0
    /// Contacts in the period on petition and dispute cases, by channel.
    public var contacts: [ContactCount] = []
    /// Distinct person keys over the visit contacts of the period.
    public var distinctPetitioners = 0
    /// Petition and dispute cases registered in the period with at least `groupThreshold` people involved.
    public var groupCases = 0
    /// Per channel, petition-track cases received in the period that required an acceptance notice by the `asOf`
    /// day (denominator) and the notices given on or before their last day (numerator).
    public var notices: [ChannelFraction] = []
    /// Per channel, petition-track cases closed in the period that had a handling deadline (denominator) and the
    /// ones closed on or before it, extension included (numerator).
    public var onTime: [ChannelFraction] = []
    /// Time from registration to resolution of the cases resolved in the period, per track.
    public var durations: [DurationSummary] = []
    /// Per channel, petition-track cases closed in the period that may be rated (not guided to a legal procedure,
    /// not screened out) and their ratings.
    public var ratingsByChannel: [ChannelRatings] = []
    /// Joint meetings held in the period.
    public var jointMeetingsHeld = 0
    /// Open cases (as of the `asOf` day) awaiting a joint meeting's decision.
    public var awaitingJointMeeting = 0
    /// Cases registered and resolved per month (`YYYY-MM`), track and channel.
    public var months: [MonthCount] = []
    /// Petition and dispute cases registered and resolved in the period per village.
    public var villages: [VillageCount] = []
    /// The cases closed in the period that involved the most households.
    public var largest: [NotableCase] = []
    /// The dispute cases, then the petition cases, resolved fastest in the period (up to the limit each).
    public var fastest: [NotableCase] = []

    /// Empty aggregates.
    public init() {}

    /// Notices required, over every channel.
    public var noticesRequired: Int { notices.reduce(0) { $0 + $1.denominator } }
    /// Notices given in time, over every channel.
    public var noticesTimely: Int { notices.reduce(0) { $0 + $1.numerator } }
    /// Closed cases with a deadline, over every channel.
    public var closedWithDeadline: Int { onTime.reduce(0) { $0 + $1.denominator } }
    /// Closed on time, over every channel.
    public var closedOnTime: Int { onTime.reduce(0) { $0 + $1.numerator } }
    /// Cases that may be rated, over every channel.
    public var ratingEligible: Int { ratingsByChannel.reduce(0) { $0 + $1.eligible } }
    /// Ratings by level over every channel (levels nobody gave are left out).
    public var ratings: [String: Int] {
        var out: [String: Int] = [:]
        for r in ratingsByChannel {
            for (level, n) in [("satisfied", r.satisfied), ("basically_satisfied", r.basicallySatisfied), ("dissatisfied", r.dissatisfied)]
            where n > 0 { out[level, default: 0] += n }
        }
        return out
    }
}

/// A count out of a count, for one channel.
public struct ChannelFraction: Hashable, Sendable {
    /// The channel.
    public var channel: String
    /// The cases that meet the rule.
    public var numerator: Int
    /// The cases the rule applies to.
    public var denominator: Int

    /// Creates a fraction.
    public init(channel: String, numerator: Int, denominator: Int) {
        self.channel = channel
        self.numerator = numerator
        self.denominator = denominator
    }
}

/// The cases of one channel that may be rated, and their ratings.
public struct ChannelRatings: Hashable, Sendable {
    /// The channel.
    public var channel: String
    /// Cases that may be rated.
    public var eligible: Int
    /// Rated satisfied (满意).
    public var satisfied: Int
    /// Rated basically satisfied (基本满意).
    public var basicallySatisfied: Int
    /// Rated dissatisfied (不满意).
    public var dissatisfied: Int

    /// Creates the counts.
    public init(channel: String, eligible: Int, satisfied: Int, basicallySatisfied: Int, dissatisfied: Int) {
        self.channel = channel
        self.eligible = eligible
        self.satisfied = satisfied
        self.basicallySatisfied = basicallySatisfied
        self.dissatisfied = dissatisfied
    }

    /// Cases rated at all.
    public var rated: Int { satisfied + basicallySatisfied + dissatisfied }
}

/// A number of cases with one track, channel and outcome.
public struct CaseGroupCount: Hashable, Sendable {
    /// The track.
    public var track: String
    /// The intake channel.
    public var channel: String
    /// The outcome, or `nil` for open cases.
    public var outcome: String?
    /// How many cases.
    public var count: Int

    /// Creates a count.
    public init(track: String, channel: String, outcome: String?, count: Int) {
        self.track = track
        self.channel = channel
        self.outcome = outcome
        self.count = count
    }
}

/// Contacts of one channel in a period.
public struct ContactCount: Hashable, Sendable {
    /// The channel.
    public var channel: String
    /// Contacts (batches for visits, items otherwise).
    public var contacts: Int
    /// Σ headcount (person-times).
    public var personTimes: Int
    /// Contacts with at least the collective threshold of people.
    public var collective: Int
    /// Follow-up contacts on existing cases.
    public var followUps: Int

    /// Creates a count.
    public init(channel: String, contacts: Int, personTimes: Int, collective: Int, followUps: Int) {
        self.channel = channel
        self.contacts = contacts
        self.personTimes = personTimes
        self.collective = collective
        self.followUps = followUps
    }
}

/// Mean, median and 90th percentile (nearest rank) of a track's times to resolution.
public struct DurationSummary: Hashable, Sendable {
    /// The track.
    public var track: String
    /// `days` (petition, dispute: calendar days between local dates) or `hours` (micro).
    public var unit: String
    /// How many cases.
    public var count: Int
    /// The mean.
    public var mean: Double
    /// The median (nearest rank).
    public var median: Double
    /// The 90th percentile (nearest rank).
    public var p90: Double
    /// Cases per bucket, keyed by the bucket's label, in bucket order.
    public var buckets: [DurationBucket]

    /// Creates a summary.
    public init(
        track: String, unit: String, count: Int, mean: Double, median: Double, p90: Double,
        buckets: [DurationBucket]
    ) {
        self.track = track
        self.unit = unit
        self.count = count
        self.mean = mean
        self.median = median
        self.p90 = p90
        self.buckets = buckets
    }
}

/// Cases whose time to resolution falls in one range.
public struct DurationBucket: Hashable, Sendable {
    /// The range, for example `8-15` (days) or `<1` (hours).
    public var label: String
    /// How many cases.
    public var count: Int

    /// Creates a bucket.
    public init(label: String, count: Int) {
        self.label = label
        self.count = count
    }
}

/// Cases registered and resolved in one month.
public struct MonthCount: Hashable, Sendable {
    /// `YYYY-MM`.
    public var month: String
    /// The track.
    public var track: String
    /// The channel.
    public var channel: String
    /// Registered in the month.
    public var registered: Int
    /// Resolved (closed with a resolved outcome) in the month.
    public var resolved: Int

    /// Creates a count.
    public init(month: String, track: String, channel: String, registered: Int, resolved: Int) {
        self.month = month
        self.track = track
        self.channel = channel
        self.registered = registered
        self.resolved = resolved
    }
}

/// Cases of one village in a period.
public struct VillageCount: Hashable, Sendable {
    /// The village code.
    public var villageCode: String
    /// Petition and dispute cases registered in the period.
    public var registered: Int
    /// Petition and dispute cases resolved in the period.
    public var resolved: Int

    /// Creates a count.
    public init(villageCode: String, registered: Int, resolved: Int) {
        self.villageCode = villageCode
        self.registered = registered
        self.resolved = resolved
    }
}

/// One case a report names: no personal data, only ids, codes, dates and durations.
public struct NotableCase: Hashable, Sendable {
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
    /// `true` if an extension was approved.
    public var extended: Bool
    /// Milestone dates from the case's details, by name.
    public var keyDates: [String: String]

    /// Creates an entry. See the properties for the meaning of each parameter.
    public init(
        caseID: String, kind: String, track: String, channel: String, outcome: String, householdsInvolved: Int,
        registeredAt: Int64, closedAt: Int64, jointMeetingDecisions: Int, extended: Bool,
        keyDates: [String: String]
    ) {
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
}
