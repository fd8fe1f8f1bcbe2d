/// What the service layer supplies to record a joint meeting (联席会议) of several departments on one or more cases.
public struct JointMeetingDraft: Hashable, Sendable {
    /// A client-chosen id, or `nil` to let the store assign `JM-` and a zero-padded sequence number.
    public var id: String?
    /// The meeting date, ISO `YYYY-MM-DD`.
    public var heldOn: String
    /// The departments that took part, at least one.
    public var departments: [String]
    /// The decision as recorded.
    public var decision: String
    /// The cases discussed, at least one; each must exist. Duplicates are ignored.
    public var caseIDs: [String]
    /// Whether the meeting resolved the matter.
    public var resolved: Bool
    /// When the system recorded it, unix seconds.
    public var recordedAt: Int64

    /// Creates a draft. See the properties for the meaning of each parameter.
    public init(
        id: String? = nil,
        heldOn: String,
        departments: [String],
        decision: String,
        caseIDs: [String],
        resolved: Bool,
        recordedAt: Int64
    ) {
        self.id = id
        self.heldOn = heldOn
        self.departments = departments
        self.decision = decision
        self.caseIDs = caseIDs
        self.resolved = resolved
        self.recordedAt = recordedAt
    }
}

/// A stored joint meeting.
public struct StoredJointMeeting: Hashable, Sendable {
    /// The meeting id: client-chosen, or `JM-000001` style when the store assigned it.
    public var id: String
    /// The meeting date, ISO `YYYY-MM-DD`.
    public var heldOn: String
    /// The departments that took part, in the order given.
    public var departments: [String]
    /// The decision as recorded.
    public var decision: String
    /// The cases discussed, in ascending id order, without duplicates.
    public var caseIDs: [String]
    /// Whether the meeting resolved the matter.
    public var resolved: Bool
    /// When the system recorded it, unix seconds.
    public var recordedAt: Int64

    /// Creates a meeting record; stores build these, tests compare them.
    public init(
        id: String,
        heldOn: String,
        departments: [String],
        decision: String,
        caseIDs: [String],
        resolved: Bool,
        recordedAt: Int64
    ) {
        self.id = id
        self.heldOn = heldOn
        self.departments = departments
        self.decision = decision
        self.caseIDs = caseIDs
        self.resolved = resolved
        self.recordedAt = recordedAt
    }
}
