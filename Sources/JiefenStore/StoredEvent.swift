/// An event to append to a case's history. The store assigns the case id and the sequence number.
public struct EventDraft: Hashable, Sendable {
    /// The event type, for example `ACCEPTED` or `JM_DECISION`.
    public var type: String
    /// Who did it: a department or officer identifier (no personal data).
    public var actor: String
    /// When it happened in the world: an ISO date (`2025-03-14`) or timestamp (`2025-03-14T09:30:00+08:00`).
    public var occurredAt: String
    /// When the system recorded it, unix seconds; also becomes the case's `updatedAt`.
    public var recordedAt: Int64
    /// Opaque JSON describing the event, produced by the service layer.
    public var payload: [UInt8]

    /// Creates an event draft. See the properties for the meaning of each parameter.
    public init(type: String, actor: String, occurredAt: String, recordedAt: Int64, payload: [UInt8]) {
        self.type = type
        self.actor = actor
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.payload = payload
    }
}

/// One stored event of a case's append-only history.
public struct StoredEvent: Hashable, Sendable {
    /// The case the event belongs to.
    public var caseID: String
    /// The position in the history: 1 for the event that created the case, then 2, 3, … without gaps.
    /// Equals the case's version right after the event.
    public var sequence: Int64
    /// The event type.
    public var type: String
    /// Who did it.
    public var actor: String
    /// When it happened in the world (ISO date or timestamp).
    public var occurredAt: String
    /// When the system recorded it, unix seconds.
    public var recordedAt: Int64
    /// Opaque JSON describing the event.
    public var payload: [UInt8]

    /// Creates an event; stores build these, tests compare them.
    public init(
        caseID: String,
        sequence: Int64,
        type: String,
        actor: String,
        occurredAt: String,
        recordedAt: Int64,
        payload: [UInt8]
    ) {
        self.caseID = caseID
        self.sequence = sequence
        self.type = type
        self.actor = actor
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.payload = payload
    }
}
