/// One contact on a case (domain.md A.7): a visit batch (批次: people who came together, at one reception point
/// or session, on one day, about one matter) or one call, letter or online item (件次).
///
/// A follow-up visit on an existing case is a new contact on the same case (重复访), never a new case.
public struct Contact: Sendable, Hashable, Codable {
    /// The contact's identifier.
    public var id: ContactID
    /// How the contact came in.
    public var channel: IntakeChannel
    /// When it happened.
    public var at: Timestamp
    /// People present (人数), at least 1. For non-visit channels, 1 item.
    public var headcount: Int
    /// The village-reception session it belongs to, if any.
    public var sessionID: MeetingID?
    /// Distinct-person keys of those present (e.g. keyed hashes), for `distinct_petitioners`; may be empty.
    public var personKeys: [String]
    /// `true` when the contact is a follow-up on an existing case (set when it is recorded after registration).
    public var isFollowUp: Bool

    /// Creates a contact.
    public init(
        id: ContactID, channel: IntakeChannel, at: Timestamp, headcount: Int, sessionID: MeetingID? = nil,
        personKeys: [String] = [], isFollowUp: Bool = false
    ) {
        self.id = id
        self.channel = channel
        self.at = at
        self.headcount = headcount
        self.sessionID = sessionID
        self.personKeys = personKeys
        self.isFollowUp = isFollowUp
    }

    /// `true` for a visit (village reception or walk-in), counted in batches and person-times.
    public var isVisit: Bool { channel.isVisit }

    /// `true` when this is a visit with at least `policy.threshold` people (集体访).
    public func isCollective(_ policy: CollectivePolicy) -> Bool {
        isVisit && headcount >= policy.threshold
    }

    /// The largest headcount a contact may have: 1,000,000 (far above any visit; keeps sums of headcounts exact).
    public static let maximumHeadcount = 1_000_000

    /// Violations of the contact's own fields: id, headcount 1...``maximumHeadcount``, person keys, session, and
    /// a time within ``Timestamp/supportedRange`` (`<field>.at`).
    public func violations(field: String = "contact") -> [FieldViolation] {
        var result: [FieldViolation] = []
        if id.rawValue.isEmpty { result.append(FieldViolation(field: "\(field).id", message: "an id is required")) }
        if headcount < 1 || headcount > Self.maximumHeadcount {
            result.append(
                FieldViolation(
                    field: "\(field).headcount",
                    message: "must be 1 to \(Self.maximumHeadcount), got \(headcount)"))
        }
        if !Timestamp.supportedRange.contains(at) {
            result.append(
                FieldViolation(
                    field: "\(field).at",
                    message: "\(at.secondsSinceEpoch) is out of range: instants "
                        + "from \(Timestamp.supportedRange.lowerBound) to \(Timestamp.supportedRange.upperBound) seconds since "
                        + "the epoch are supported"))
        }
        if personKeys.count > max(headcount, 1) {
            result.append(
                FieldViolation(
                    field: "\(field).person_keys",
                    message: "\(personKeys.count) person keys for \(headcount) people present"))
        }
        if sessionID != nil && channel != .villageReception {
            result.append(
                FieldViolation(
                    field: "\(field).session_id",
                    message: "only VILLAGE_RECEPTION contacts belong to a session"))
        }
        return result
    }
}

/// When a visit counts as collective (集体访). Local practice, not law [C][U]: configurable, default 5.
public struct CollectivePolicy: Sendable, Hashable, Codable {
    /// The minimum headcount of a collective visit.
    public var threshold: Int
    /// The maximum number of representatives a multi-person visit may elect (Art. 20 ¶3: 5).
    public var maxRepresentatives: Int

    /// Creates a policy.
    public init(threshold: Int = 5, maxRepresentatives: Int = 5) {
        self.threshold = threshold
        self.maxRepresentatives = maxRepresentatives
    }

    /// Threshold 5, at most 5 representatives.
    public static let standard = CollectivePolicy()
}

/// Batch and person-time totals over a set of contacts (domain.md D).
public struct ContactTally: Sendable, Hashable, Codable {
    /// Visit batches (批次).
    public var batches: Int
    /// Sum of headcounts over those batches (人次).
    public var personTimes: Int
    /// Batches at or above the collective threshold.
    public var collectiveBatches: Int
    /// Follow-up batches on existing cases.
    public var followUps: Int

    /// Tallies the visit contacts in `contacts` under `policy`.
    public init(_ contacts: [Contact], policy: CollectivePolicy = .standard) {
        let visits = contacts.filter(\.isVisit)
        batches = visits.count
        // Saturating: headcounts are bounded by Contact.maximumHeadcount, but a tally never traps.
        personTimes = visits.reduce(0) { ExactArithmetic.saturatingSum($0, $1.headcount) }
        collectiveBatches = visits.filter { $0.isCollective(policy) }.count
        followUps = visits.filter(\.isFollowUp).count
    }
}
