import JiefenAPI
import NIOCore
import TTRPCCore

/// One write of the kill loop: its request id, the exact bytes sent (a retry sends the same bytes again), the case it
/// writes on, and the server's answer once there is one.
struct KillLoopWrite: Sendable {
    /// The kinds of write, one per write method of the API.
    enum Kind: String, Sendable, CaseIterable {
        case create, event, contact, session, meeting

        /// The `requests.kind` under which the server logs the write's request id.
        var requestKind: String { self == .create ? "case" : rawValue }

        var service: String {
            switch self {
            case .create, .event: Cases.name
            case .contact: Contacts.name
            case .session: Sessions.name
            case .meeting: Meetings.name
            }
        }

        var method: String {
            switch self {
            case .create: Cases.create.method
            case .event: Cases.apply.method
            case .contact: Contacts.record.method
            case .session: Sessions.create.method
            case .meeting: Meetings.record.method
            }
        }
    }

    let requestID: String
    let kind: Kind
    /// The encoded request, as first sent.
    let payload: ByteBuffer
    /// The case an event, contact or meeting writes on; `nil` for a create and a session.
    let caseID: String?
    /// The event a write on a case appends to its history: the event type, `contact_recorded` for a contact.
    let eventType: String?
    /// The session a contact names.
    let sessionID: String?

    /// The server's answer: the first one, or that to the retry after a kill when the first was lost.
    var answer: KillLoopAnswer?
    /// The cycle in which the answer came.
    var answeredIn = 0
    /// Whether the answer was lost at a kill (the write was unanswered when the server died).
    var lost = false
    /// For a lost write, the record the request log held for it after the kill (`nil`: the write left nothing).
    var storedWhenLost: String?
}

/// What a write's answer says, reduced to what a retry must repeat.
struct KillLoopAnswer: Sendable, Equatable {
    /// The record the write names: the case (create, event), contact, session or meeting id.
    var id: String
    /// A create's `created`.
    var created = false
    /// The answered case's version (create, event).
    var version: Int64 = 0
    /// A session as answered.
    var session: JiefenV1.Session?

    /// Decodes the answer to a write of `kind`.
    init(_ kind: KillLoopWrite.Kind, decoding reply: ByteBuffer) throws {
        switch kind {
        case .create:
            let response = try JiefenV1.CreateCaseResponse(decoding: reply)
            (id, created, version) = (response.case.id, response.created, response.case.version)
        case .event:
            let response = try JiefenV1.ApplyEventResponse(decoding: reply)
            (id, version) = (response.case.id, response.case.version)
        case .contact:
            id = try JiefenV1.RecordContactResponse(decoding: reply).contactID
        case .session:
            let response = try JiefenV1.Session(decoding: reply)
            (id, session) = (response.id, response)
        case .meeting:
            id = try JiefenV1.RecordMeetingResponse(decoding: reply).meetingID
        }
    }
}
