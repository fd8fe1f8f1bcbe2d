import Foundation
import JiefenAPI
import JiefenDomain
import JiefenStore
public import TTRPCCore

/// `jiefen.v1.Contacts/Record`, `jiefen.v1.Sessions/Create|List`, `jiefen.v1.Meetings/Record`.
///
/// A contact on an existing case is a new batch on that case (a follow-up), never a new case. It is applied as a
/// case event, so the case's person-times and repeat count follow its history.
public struct ContactsService: TTRPCService {
    let environment: CaseServiceEnvironment

    /// Creates the services.
    public init(environment: CaseServiceEnvironment) {
        self.environment = environment
    }

    public func registerMethods(with router: inout TTRPCRouter) {
        let env = environment
        router.register(Contacts.record, maxRequestBytes: InputLimits.writeRequestBytes) { request, context in
            try await StoreErrorMapping.mapping { try await Self.recordContact(request, env: env, context: context) }
        }
        router.register(Sessions.create, maxRequestBytes: InputLimits.writeRequestBytes) { request, _ in
            try await StoreErrorMapping.mapping { try await Self.createSession(request, env: env) }
        }
        router.register(Sessions.list) { request, _ in
            try await StoreErrorMapping.mapping { try await Self.listSessions(request, env: env) }
        }
        router.register(Meetings.record, maxRequestBytes: InputLimits.writeRequestBytes) { request, _ in
            try await StoreErrorMapping.mapping { try await Self.recordMeeting(request, env: env) }
        }
    }

    static func recordContact(_ request: JiefenV1.RecordContactRequest, env: CaseServiceEnvironment, context: TTRPCServerContext)
        async throws -> JiefenV1.RecordContactResponse
    {
        let pluginContext = env.context()
        try request.checkBounds(now: pluginContext.now)
        if !request.requestID.isEmpty, let recorded = try await env.store.requestTarget(requestID: request.requestID, kind: .contact) {
            return try await retriedContact(request, recorded: recorded, env: env)
        }
        let (record, state) = try await env.repository.load(request.caseID)
        guard let channel = IntakeChannel.parse(request.channel) else {
            throw DomainError.invalidArgument(field: "channel", IntakeChannel.problem(request.channel))
        }
        try CasesService.checkRoom(state, forContact: true)
        let at = request.at == 0 ? pluginContext.now : Timestamp(secondsSinceEpoch: request.at)
        let contact = Contact(
            id: ContactID("\(record.id)-\(state.contacts.count + 1)"), channel: channel, at: at, headcount: Int(request.headcount),
            sessionID: request.sessionID.isEmpty ? nil : MeetingID(request.sessionID), personKeys: request.personKeys,
            isFollowUp: true
        )
        let violations = contact.violations(field: "contact")
        guard violations.isEmpty else { throw DomainError.invalidArgument(violations) }
        let plugin = try env.plugins.plugin(for: state.kind)
        let event = CaseEvent(
            sequence: state.version + 1, actor: try CasesService.actor(request.actor, context), at: at, payload: .contactRecorded(contact)
        )
        let (next, events) = try await CaseWorkflow.apply(event, to: state, plugin: plugin, context: pluginContext)
        let writeRequest =
            request.requestID.isEmpty ? nil : WriteRequest(id: request.requestID, kind: .contact, target: contact.id.rawValue)
        let (stored, appended) = try await env.repository.append(
            events, to: record.id, expectedVersion: record.version, resulting: next, request: writeRequest
        )
        guard !appended, let writeRequest else {
            let tally = ContactTally(stored.contacts, policy: env.rules.collective)
            return JiefenV1.RecordContactResponse(
                contactID: contact.id.rawValue, batches: Int32(clamping: tally.batches), personTimes: Int32(clamping: tally.personTimes),
                followUp: true)
        }
        // A concurrent retry of the same request won the race: answer with the contact it recorded.
        guard let recorded = try await env.store.requestTarget(requestID: writeRequest.id, kind: .contact) else {
            throw RPCError(code: .internal, message: "request id \(ClientQuote(writeRequest.id)) names no contact")
        }
        return try await retriedContact(request, recorded: recorded, env: env)
    }

    /// The answer to a `Record` whose request id was already recorded: that contact and the case's tally now.
    static func retriedContact(_ request: JiefenV1.RecordContactRequest, recorded contactID: String, env: CaseServiceEnvironment)
        async throws -> JiefenV1.RecordContactResponse
    {
        let caseID = contactID.split(separator: "-").dropLast().joined(separator: "-")
        guard caseID == request.caseID else {
            throw DomainError.alreadyExists(
                "request id was already used for contact \(contactID), not on case \(ClientQuote(request.caseID))")
        }
        let (_, state) = try await env.repository.load(caseID)
        let tally = ContactTally(state.contacts, policy: env.rules.collective)
        return JiefenV1.RecordContactResponse(
            contactID: contactID, batches: Int32(clamping: tally.batches), personTimes: Int32(clamping: tally.personTimes), followUp: true)
    }

    static func createSession(_ request: JiefenV1.Session, env: CaseServiceEnvironment) async throws -> JiefenV1.Session {
        try request.checkBounds(now: env.clock.now)
        guard CivilDate(iso: request.date) != nil else {
            throw DomainError.invalidArgument(field: "date", "\"\(ClientQuote(request.date))\" is not a date YYYY-MM-DD")
        }
        guard !request.villageCode.isEmpty else { throw DomainError.invalidArgument(field: "village_code", "required") }
        let draft = ReceptionSessionDraft(
            villageCode: request.villageCode, heldOn: request.date, leader: request.leadDepartment, held: request.held)
        let result = try await env.store.createSession(requestID: request.requestID.isEmpty ? nil : request.requestID, draft)
        return JiefenV1.Session(
            id: result.record.id, villageCode: result.record.villageCode, date: result.record.heldOn,
            leadDepartment: result.record.leader, held: result.record.held
        )
    }

    static func listSessions(_ request: JiefenV1.ListSessionsRequest, env: CaseServiceEnvironment) async throws
        -> JiefenV1.ListSessionsResponse
    {
        try request.checkBounds(now: env.clock.now)
        for (name, value) in [("from", request.from), ("to", request.to)] where !value.isEmpty && CivilDate(iso: value) == nil {
            throw DomainError.invalidArgument(field: name, "\"\(value)\" is not a date YYYY-MM-DD")
        }
        let range = DateRange(from: request.from.isEmpty ? nil : request.from, through: request.to.isEmpty ? nil : request.to)
        let sessions = try await env.store.sessions(heldOn: range)
        return JiefenV1.ListSessionsResponse(
            sessions: sessions.map {
                JiefenV1.Session(id: $0.id, villageCode: $0.villageCode, date: $0.heldOn, leadDepartment: $0.leader, held: $0.held)
            })
    }

    static func recordMeeting(_ request: JiefenV1.RecordMeetingRequest, env: CaseServiceEnvironment) async throws
        -> JiefenV1.RecordMeetingResponse
    {
        try request.checkBounds(now: env.clock.now)
        guard CivilDate(iso: request.date) != nil else {
            throw DomainError.invalidArgument(field: "date", "\"\(request.date)\" is not a date YYYY-MM-DD")
        }
        guard !request.caseIDs.isEmpty else { throw DomainError.invalidArgument(field: "case_ids", "at least one case is required") }
        for id in request.caseIDs { _ = try await env.repository.load(id) }
        let draft = JointMeetingDraft(
            heldOn: request.date, departments: request.departments, decision: request.decision, caseIDs: request.caseIDs,
            resolved: request.resolved, recordedAt: env.clock.now.secondsSinceEpoch
        )
        let result = try await env.store.recordMeeting(requestID: request.requestID.isEmpty ? nil : request.requestID, draft)
        return JiefenV1.RecordMeetingResponse(meetingID: result.record.id)
    }
}
