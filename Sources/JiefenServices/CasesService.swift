import Foundation
import JiefenAPI
import JiefenDomain
import JiefenStore
import Logging
import NIOCore
public import TTRPCCore

/// `jiefen.v1.Cases`: Create, Get, List, Apply, History, Assess.
///
/// Every handler decodes its request with protobuf-c (undecodable bytes answer InvalidArgument), runs the case's
/// plugin and the lifecycle rules, persists through the store, and answers with the case as the caller may see it:
/// lists always mask personal data; `Get` reveals it only when asked, and logs that reveal (case id and actor only).
public struct CasesService: TTRPCService {
    let environment: CaseServiceEnvironment

    /// Creates the service.
    public init(environment: CaseServiceEnvironment) {
        self.environment = environment
    }

    public func registerMethods(with router: inout TTRPCRouter) {
        let env = environment
        router.register(Cases.create, maxRequestBytes: InputLimits.writeRequestBytes) { request, context in
            try await StoreErrorMapping.mapping { try await Self.create(request, env: env, context: context) }
        }
        router.register(Cases.get) { request, context in
            try await StoreErrorMapping.mapping { try await Self.get(request, env: env, context: context) }
        }
        router.register(Cases.list) { request, _ in
            try await StoreErrorMapping.mapping { try await Self.list(request, env: env) }
        }
        router.register(Cases.apply, maxRequestBytes: InputLimits.writeRequestBytes) { request, context in
            try await StoreErrorMapping.mapping { try await Self.apply(request, env: env, context: context) }
        }
        router.register(Cases.history) { request, _ in
            try await StoreErrorMapping.mapping { try await Self.history(request, env: env) }
        }
        router.register(Cases.assess) { request, _ in
            try await StoreErrorMapping.mapping { try await Self.assess(request, env: env) }
        }
    }

    /// The actor a request names, or the `x-jiefen-actor` metadata, or `anonymous`.
    /// - Throws: InvalidArgument when the metadata value is longer than ``InputLimits/actorBytes`` (the request's
    ///   own field is checked with the rest of the request).
    static func actor(_ given: String, _ context: TTRPCServerContext) throws(DomainError) -> Actor {
        guard given.isEmpty else { return Actor(id: given) }
        guard let fromMetadata = context.metadataValue("x-jiefen-actor") else { return Actor(id: "anonymous") }
        try InputBounds.checkText(fromMetadata, "x-jiefen-actor", maximum: InputLimits.actorBytes)
        return Actor(id: fromMetadata)
    }

    /// Refuses an event past the case's event limit, so no case grows without bound.
    static func checkRoom(_ state: CaseState, forContact: Bool = false) throws {
        if state.version >= InputLimits.eventsPerCase {
            throw RPCError(
                code: .resourceExhausted,
                message: "case \(state.id) has \(state.version) events, the most a case may have; record further matters on a new case"
            )
        }
        if forContact, state.contacts.count >= InputLimits.contactsPerCase {
            throw RPCError(
                code: .resourceExhausted,
                message:
                    "case \(state.id) has \(state.contacts.count) contacts, the most a case may have; record further visits on a new case"
            )
        }
    }

    static func create(_ request: JiefenV1.CreateCaseRequest, env: CaseServiceEnvironment, context: TTRPCServerContext) async throws
        -> JiefenV1.CreateCaseResponse
    {
        let pluginContext = env.context()
        try request.checkBounds(now: pluginContext.now)
        let receivedAt = request.receivedAt == 0 ? pluginContext.now : Timestamp(secondsSinceEpoch: request.receivedAt)
        let registration = try RegistrationMapping.registration(request, receivedAt: receivedAt)
        guard let plugin = env.plugins.lookup(registration.kind) else {
            let known = env.plugins.kinds.map(\.rawValue).joined(separator: ", ")
            throw DomainError.invalidArgument(
                field: "kind", "\"\(ClientQuote(request.kind))\" is not a registered dispute kind; use one of \(known)")
        }
        let event = CaseEvent(sequence: 1, actor: try actor(request.actor, context), at: receivedAt, payload: .registered(registration))
        let state = try await CaseWorkflow.register(event, plugin: plugin, context: pluginContext)
        let requestID = request.requestID.isEmpty ? UUID().uuidString : request.requestID
        let (stored, created) = try await env.repository.create(requestID: requestID, state: state, registration: event)
        context.logger.info(
            created ? "case created" : "case create retried",
            metadata: ["case.id": "\(stored.id)", "case.kind": "\(stored.kind)"]
        )
        return JiefenV1.CreateCaseResponse(
            case: CaseMapping.api(stored, masked: true, today: pluginContext.today, schema: env.plugins.lookup(stored.kind)?.schema),
            created: created)
    }

    static func get(_ request: JiefenV1.GetCaseRequest, env: CaseServiceEnvironment, context: TTRPCServerContext) async throws
        -> JiefenV1.GetCaseResponse
    {
        try checkIDBounds(request.id, "id")
        let (_, state) = try await env.repository.load(request.id)
        if request.reveal {
            let revealer = try actor("", context)
            context.logger.notice(
                "audit: personal data revealed",
                metadata: ["case.id": .client(state.id.rawValue), "actor": .client(revealer.id)]
            )
        }
        return JiefenV1.GetCaseResponse(
            case: CaseMapping.api(state, masked: !request.reveal, today: env.clock.today(), schema: env.plugins.lookup(state.kind)?.schema))
    }

    static func list(_ request: JiefenV1.ListCasesRequest, env: CaseServiceEnvironment) async throws -> JiefenV1.ListCasesResponse {
        try request.checkBounds(now: env.clock.now)
        var violations: [FieldViolation] = []
        if !request.track.isEmpty, Track(rawValue: request.track) == nil {
            violations.append(FieldViolation(field: "track", message: "\"\(request.track)\" is not one of petition, dispute, micro"))
        }
        for (name, value) in [("registered_from", request.registeredFrom), ("registered_to", request.registeredTo)]
        where !value.isEmpty && CivilDate(iso: value) == nil {
            violations.append(FieldViolation(field: name, message: "\"\(value)\" is not a date YYYY-MM-DD"))
        }
        let size = request.pageSize == 0 ? 50 : Int(request.pageSize)
        if !(CaseQuery.minimumPageSize...CaseQuery.maximumPageSize).contains(size) {
            violations.append(FieldViolation(field: "page_size", message: "must be between 1 and \(CaseQuery.maximumPageSize)"))
        }
        guard violations.isEmpty else { throw DomainError.invalidArgument(violations) }
        let query = CaseQuery(
            kind: request.kind.isEmpty ? nil : request.kind,
            track: request.track.isEmpty ? nil : StoredTrack(rawValue: request.track),
            state: request.status.isEmpty ? nil : request.status,
            villageCode: request.villageCode.isEmpty ? nil : request.villageCode,
            registered: DateRange(
                from: request.registeredFrom.isEmpty ? nil : request.registeredFrom,
                through: request.registeredTo.isEmpty ? nil : request.registeredTo
            ),
            pageSize: size,
            cursor: request.pageToken.isEmpty ? nil : request.pageToken
        )
        let page = try await env.store.listCases(query)
        let today = env.clock.today()
        return JiefenV1.ListCasesResponse(
            cases: try page.cases.map { record in
                let state = try CaseRepository.state(of: record)
                return CaseMapping.api(state, masked: true, today: today, schema: env.plugins.lookup(state.kind)?.schema)
            },
            nextPageToken: page.nextCursor ?? ""
        )
    }

    static func apply(_ request: JiefenV1.ApplyEventRequest, env: CaseServiceEnvironment, context: TTRPCServerContext) async throws
        -> JiefenV1.ApplyEventResponse
    {
        let pluginContext = env.context()
        try request.checkBounds(now: pluginContext.now)
        if !request.requestID.isEmpty, let applied = try await env.store.requestTarget(requestID: request.requestID, kind: .event) {
            return try await retriedEvent(request, appliedTo: applied, env: env)
        }
        let (record, state) = try await env.repository.load(request.caseID)
        if request.expectedVersion != 0, request.expectedVersion != record.version {
            throw RPCError(
                code: .aborted,
                message: "case \(record.id) is at version \(record.version), not \(request.expectedVersion); reload it and retry"
            )
        }
        try checkRoom(state)
        let plugin = try env.plugins.plugin(for: state.kind)
        let payload = try EventMapping.payload(type: request.type, arguments: request.arguments, caseID: state.id)
        let at = request.occurredAt == 0 ? pluginContext.now : Timestamp(secondsSinceEpoch: request.occurredAt)
        let event = CaseEvent(sequence: state.version + 1, actor: try actor(request.actor, context), at: at, payload: payload)
        let (next, events) = try await CaseWorkflow.apply(event, to: state, plugin: plugin, context: pluginContext)
        let writeRequest = request.requestID.isEmpty ? nil : WriteRequest(id: request.requestID, kind: .event, target: record.id)
        let (stored, appended) = try await env.repository.append(
            events, to: record.id, expectedVersion: record.version, resulting: next, request: writeRequest
        )
        context.logger.info(
            appended ? "case event applied" : "case event retried",
            metadata: ["case.id": .client(record.id), "case.event": .client(request.type)]
        )
        return JiefenV1.ApplyEventResponse(
            case: CaseMapping.api(stored, masked: true, today: pluginContext.today, schema: env.plugins.lookup(stored.kind)?.schema))
    }

    /// The answer to an `Apply` whose request id was already applied: the case as it is now, nothing written.
    static func retriedEvent(_ request: JiefenV1.ApplyEventRequest, appliedTo caseID: String, env: CaseServiceEnvironment) async throws
        -> JiefenV1.ApplyEventResponse
    {
        guard caseID == request.caseID else {
            throw DomainError.alreadyExists(
                "request id was already used for an event on case \(caseID), not \(ClientQuote(request.caseID))")
        }
        let (_, state) = try await env.repository.load(caseID)
        return JiefenV1.ApplyEventResponse(
            case: CaseMapping.api(state, masked: true, today: env.clock.today(), schema: env.plugins.lookup(state.kind)?.schema))
    }

    static func history(_ request: JiefenV1.CaseHistoryRequest, env: CaseServiceEnvironment) async throws -> JiefenV1.CaseHistoryResponse {
        try checkIDBounds(request.caseID, "case_id")
        let (_, state) = try await env.repository.load(request.caseID)
        let schema = env.plugins.lookup(state.kind)?.schema
        let events = try await env.repository.history(request.caseID)
        return JiefenV1.CaseHistoryResponse(
            events: events.map { entry in
                var payload = entry.event.payload
                if case .detailsUpdated(let changes) = payload {
                    payload = .detailsUpdated(CaseMapping.maskPersonal(changes, schema: schema))
                }
                return JiefenV1.CaseEvent(
                    sequence: Int64(entry.event.sequence), type: entry.event.kind.rawValue, actor: entry.actor,
                    occurredAt: entry.event.at.secondsSinceEpoch, arguments: EventMapping.arguments(payload)
                )
            })
    }

    static func assess(_ request: JiefenV1.AssessCaseRequest, env: CaseServiceEnvironment) async throws -> JiefenV1.AssessCaseResponse {
        try checkIDBounds(request.caseID, "case_id")
        let (_, state) = try await env.repository.load(request.caseID)
        let plugin = try env.plugins.plugin(for: state.kind)
        let assessment = try await plugin.assess(state, context: env.context())
        return JiefenV1.AssessCaseResponse(
            severity: assessment.severity.rawValue,
            routing: ([assessment.suggestedDepartment] + assessment.supportingDepartments).map(\.rawValue).joined(separator: ", "),
            figures: assessment.figures.map { JiefenV1.Figure(name: $0.key, label: $0.label, value: ValueMapping.api($0.value)) },
            advice: assessment.advice.map(\.message),
            flags: assessment.advice.map(\.code)
        )
    }
}
