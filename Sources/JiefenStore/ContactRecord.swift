/// What the service layer supplies to record a contact: one visit batch (批次) or one call or letter on a case
/// (domain.md A.7).
public struct ContactDraft: Hashable, Sendable {
    /// The case the contact is about; it must exist.
    public var caseID: String
    /// The channel, for example `VILLAGE_RECEPTION`, `WALK_IN` or `HOTLINE`.
    public var channel: String
    /// The contact date, ISO `YYYY-MM-DD`.
    public var occurredOn: String
    /// People present (人数), at least 1; summed over batches this gives person-times (人次).
    public var headcount: Int
    /// The village-reception session the batch came to, if any; it must exist.
    public var sessionID: String?
    /// Opaque keyed hashes of the people present, for counting distinct petitioners; at most `headcount` keys.
    public var personKeys: [String]
    /// Whether this is a follow-up contact on an existing case (重复访) rather than the first.
    public var isFollowUp: Bool
    /// When the system recorded it, unix seconds.
    public var recordedAt: Int64

    /// Creates a draft. See the properties for the meaning of each parameter.
    public init(
        caseID: String,
        channel: String,
        occurredOn: String,
        headcount: Int,
        sessionID: String? = nil,
        personKeys: [String] = [],
        isFollowUp: Bool,
        recordedAt: Int64
    ) {
        self.caseID = caseID
        self.channel = channel
        self.occurredOn = occurredOn
        self.headcount = headcount
        self.sessionID = sessionID
        self.personKeys = personKeys
        self.isFollowUp = isFollowUp
        self.recordedAt = recordedAt
    }
}

/// A stored contact.
public struct ContactRecord: Hashable, Sendable {
    /// The store-assigned id: `CT-` and a zero-padded sequence number.
    public var id: String
    /// The case the contact is about.
    public var caseID: String
    /// The channel.
    public var channel: String
    /// The contact date, ISO `YYYY-MM-DD`.
    public var occurredOn: String
    /// People present, at least 1.
    public var headcount: Int
    /// The village-reception session, if any.
    public var sessionID: String?
    /// Opaque keyed hashes of the people present, in the order given.
    public var personKeys: [String]
    /// Whether this is a follow-up contact.
    public var isFollowUp: Bool
    /// When the system recorded it, unix seconds.
    public var recordedAt: Int64

    /// Creates a contact record; stores build these, tests compare them.
    public init(
        id: String,
        caseID: String,
        channel: String,
        occurredOn: String,
        headcount: Int,
        sessionID: String?,
        personKeys: [String],
        isFollowUp: Bool,
        recordedAt: Int64
    ) {
        self.id = id
        self.caseID = caseID
        self.channel = channel
        self.occurredOn = occurredOn
        self.headcount = headcount
        self.sessionID = sessionID
        self.personKeys = personKeys
        self.isFollowUp = isFollowUp
        self.recordedAt = recordedAt
    }
}
