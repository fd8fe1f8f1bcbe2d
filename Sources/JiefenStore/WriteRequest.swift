/// The kind of record a client-chosen request id names. A request id names one record of one kind, for ever.
public enum RequestKind: String, Sendable, Hashable, CaseIterable {
    /// `Cases/Create`: the target is the case id.
    case `case`
    /// `Sessions/Create`: the target is the session id.
    case session
    /// `Contacts/Record`: the target is the contact id (`<case id>-<n>`).
    case contact
    /// `Meetings/Record`: the target is the meeting id.
    case meeting
    /// `Cases/Apply`: the target is the case id.
    case event
}

/// A client-chosen request id for an append, and what it names, so that a retried write writes nothing.
public struct WriteRequest: Sendable, Hashable {
    /// The id the client chose (1 to 200 bytes).
    public var id: String
    /// The kind of record the append writes.
    public var kind: RequestKind
    /// The record the request names: the case id for an event, the contact id for a contact.
    public var target: String

    /// Creates a request.
    public init(id: String, kind: RequestKind, target: String) {
        self.id = id
        self.kind = kind
        self.target = target
    }
}
