import Foundation
import JiefenDomain
import JiefenStore
import TTRPCCore

/// Persists domain cases through a ``CaseStore``: the case row holds the JSON snapshot of the state, the history
/// holds each event's JSON payload. The store assigns case ids; snapshots and payloads do not repeat them.
struct CaseRepository: Sendable {
    let store: any CaseStore
    /// The plugins, to leave personal detail dates out of the statistics projection.
    var plugins: PluginRegistry? = nil
    /// The local offset of case dates.
    var offset: UTCOffset = .chinaStandardTime

    func facts(_ state: CaseState) -> CaseFacts {
        FactsMapping.facts(state, schema: plugins?.lookup(state.kind)?.schema, offset: offset)
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// Encodes a domain value as JSON bytes.
    static func json(_ value: some Encodable) throws -> [UInt8] {
        Array(try encoder().encode(value))
    }

    /// Decodes a stored snapshot; the record's id is authoritative.
    static func state(of record: CaseRecord) throws -> CaseState {
        var state = try JSONDecoder().decode(CaseState.self, from: Data(record.snapshot))
        state.id = CaseID(record.id)
        return state
    }

    /// Loads a case, or throws NotFound naming it.
    func load(_ id: String) async throws -> (record: CaseRecord, state: CaseState) {
        guard let record = try await store.case(id: id) else {
            throw DomainError.notFound("case \(id) does not exist")
        }
        return (record, try Self.state(of: record))
    }

    /// Stores a newly registered case; a retried request id returns the case it created before.
    func create(requestID: String, state: CaseState, registration: CaseEvent) async throws -> (CaseState, created: Bool) {
        let draft = CaseDraft(
            kind: state.kind.rawValue,
            track: StoredTrack(rawValue: state.track.rawValue) ?? .petition,
            state: state.status.rawValue,
            intakeChannel: state.channel.rawValue,
            villageCode: state.villageCode.rawValue,
            registeredOn: state.registeredAt.civilDate().description,
            closedOn: nil,
            snapshot: try Self.json(state),
            facts: facts(state)
        )
        let result = try await store.createCase(requestID: requestID, draft, firstEvent: try Self.eventDraft(registration))
        guard result.created else { return (try Self.state(of: result.record), false) }
        // What was stored is `state`; only the id is the store's. No need to decode the snapshot again.
        var stored = state
        stored.id = CaseID(result.record.id)
        return (stored, true)
    }

    /// Appends events to a case whose stored version is `expectedVersion`, with the state they lead to, in one
    /// transaction. A stale version throws the store's version conflict.
    ///
    /// With a `request`, the append and the request id are written in one transaction; if the request id was
    /// already recorded, nothing is written and the case as it is now comes back with `appended` false.
    func append(
        _ events: [CaseEvent], to id: String, expectedVersion: Int64, resulting state: CaseState,
        request: WriteRequest? = nil
    ) async throws -> (state: CaseState, appended: Bool) {
        let result = try await store.appendEvents(
            caseID: id, expectedVersion: expectedVersion, events: try events.map(Self.eventDraft),
            newState: state.status.rawValue, newClosedOn: state.closedAt?.civilDate().description,
            newSnapshot: try Self.json(state), newFacts: facts(state), request: request
        )
        guard result.created else { return (try Self.state(of: result.record), false) }
        var stored = state
        stored.id = CaseID(id)
        return (stored, true)
    }

    /// The case's history as domain events.
    /// - Throws: ResourceExhausted, before decoding anything, when the stored events hold more than
    ///   ``InputLimits/historyBytes``: no answer could carry them.
    func history(_ id: String) async throws -> [(event: CaseEvent, actor: String, occurredAt: String)] {
        let stored = try await store.history(caseID: id)
        let bytes = stored.reduce(0) { $0 + $1.payload.count }
        guard bytes <= InputLimits.historyBytes else {
            throw RPCError(
                code: .resourceExhausted,
                message: "the history of case \(id) holds \(bytes) bytes of events, more than one answer can carry"
            )
        }
        return try stored.map { stored in
            let payload = try JSONDecoder().decode(CaseEventPayload.self, from: Data(stored.payload))
            let at = Timestamp(secondsSinceEpoch: Int64(stored.occurredAt) ?? 0)
            return (
                CaseEvent(sequence: Int(stored.sequence), actor: Actor(id: stored.actor), at: at, payload: payload), stored.actor,
                stored.occurredAt
            )
        }
    }

    private static func eventDraft(_ event: CaseEvent) throws -> EventDraft {
        EventDraft(
            type: event.kind.rawValue,
            actor: event.actor.id,
            occurredAt: String(event.at.secondsSinceEpoch),
            recordedAt: Int64(Date().timeIntervalSince1970),
            payload: try json(event.payload)
        )
    }
}
