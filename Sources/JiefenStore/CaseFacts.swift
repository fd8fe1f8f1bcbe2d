/// The statistics projection of a case (domain.md D): the dates, outcome and contacts the reports count, written
/// by the store in the same transaction as the case row, so that statistics are SQL aggregates over these rows and
/// never need the opaque snapshots.
///
/// The service layer derives the facts from the case's fold of events; the store only stores and counts them.
/// Dates are local ISO dates (`YYYY-MM-DD`), instants are unix seconds.
public struct CaseFacts: Hashable, Sendable {
    /// The current track (a dispute converted to a petition counts as a petition).
    public var track: StoredTrack
    /// The closing outcome, for example `resolved_town`; `nil` while the case is open.
    public var outcome: String?
    /// When the case was registered.
    public var registeredAt: Int64
    /// When the case closed, if it has.
    public var closedAt: Int64?
    /// Petition track: the day the petition was received (registration, or conversion to a petition).
    public var receivedOn: String?
    /// Petition track: the last day for the acceptance notice.
    public var noticeDueOn: String?
    /// Petition track: the day the acceptance notice was given.
    public var noticeOn: String?
    /// Petition track: the day the petition was accepted.
    public var acceptedOn: String?
    /// Petition track: the handling deadline, including an approved extension.
    public var dueOn: String?
    /// `true` once an extension was approved.
    public var extended: Bool
    /// People involved (涉及人数).
    public var personsInvolved: Int
    /// Households involved.
    public var householdsInvolved: Int
    /// The petitioner's rating (`satisfied`, `basically_satisfied`, `dissatisfied`), if given.
    public var rating: String?
    /// The number of joint-meeting decisions on the case.
    public var jointMeetingDecisions: Int
    /// `true` while the case awaits a joint meeting's decision.
    public var awaitingJointMeeting: Bool
    /// Every contact (batch or item) on the case, the first one included, in the order recorded. Appends only
    /// add to the end; the store writes the ones it does not have yet.
    public var contacts: [ContactFact]
    /// Dated milestones from the case's details (for example `delivery_start_date` → `2023-01-18`); no personal data.
    public var keyDates: [String: String]

    /// Creates the facts of a case. See the properties for the meaning of each parameter.
    public init(
        track: StoredTrack, outcome: String? = nil, registeredAt: Int64, closedAt: Int64? = nil,
        receivedOn: String? = nil, noticeDueOn: String? = nil, noticeOn: String? = nil, acceptedOn: String? = nil,
        dueOn: String? = nil, extended: Bool = false, personsInvolved: Int = 1, householdsInvolved: Int = 1,
        rating: String? = nil, jointMeetingDecisions: Int = 0, awaitingJointMeeting: Bool = false,
        contacts: [ContactFact] = [], keyDates: [String: String] = [:]
    ) {
        self.track = track
        self.outcome = outcome
        self.registeredAt = registeredAt
        self.closedAt = closedAt
        self.receivedOn = receivedOn
        self.noticeDueOn = noticeDueOn
        self.noticeOn = noticeOn
        self.acceptedOn = acceptedOn
        self.dueOn = dueOn
        self.extended = extended
        self.personsInvolved = personsInvolved
        self.householdsInvolved = householdsInvolved
        self.rating = rating
        self.jointMeetingDecisions = jointMeetingDecisions
        self.awaitingJointMeeting = awaitingJointMeeting
        self.contacts = contacts
        self.keyDates = keyDates
    }
}

/// One contact of a case as statistics count it: a visit batch (批次) or an item (件次).
public struct ContactFact: Hashable, Sendable {
    /// The channel, for example `VILLAGE_RECEPTION`.
    public var channel: String
    /// The local date of the contact.
    public var occurredOn: String
    /// People present.
    public var headcount: Int
    /// The village-reception session, if any; it must exist.
    public var sessionID: String?
    /// Distinct-person keys (keyed hashes, never raw personal data).
    public var personKeys: [String]
    /// `true` for a follow-up on an existing case (重复访).
    public var isFollowUp: Bool

    /// Creates a contact fact. See the properties for the meaning of each parameter.
    public init(
        channel: String, occurredOn: String, headcount: Int, sessionID: String? = nil,
        personKeys: [String] = [], isFollowUp: Bool = false
    ) {
        self.channel = channel
        self.occurredOn = occurredOn
        self.headcount = headcount
        self.sessionID = sessionID
        self.personKeys = personKeys
        self.isFollowUp = isFollowUp
    }
}
