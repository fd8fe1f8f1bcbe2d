public import JiefenStore
import Testing

extension StoreConformance {
    /// An append with a request id writes once: a retry (also with a stale version, as a real retry after the
    /// first call's answer was lost would have) writes nothing and returns the case as it is, and the request id
    /// then names its target; an id of another kind is refused.
    public static func appendWithRequestIDWritesOnce(_ store: any CaseStore) async throws {
        let created = try await StoreFixtures.createCase(in: store)
        let request = WriteRequest(id: "apply-1", kind: .event, target: created.id)
        #expect(try await store.requestTarget(requestID: "apply-1", kind: .event) == nil)
        func append(expectedVersion: Int64) async throws -> CreateResult<CaseRecord> {
            try await store.appendEvents(
                caseID: created.id, expectedVersion: expectedVersion,
                events: [StoreFixtures.event(type: "ASSIGNED", recordedAt: 200)], newState: "ASSIGNED", newClosedOn: nil,
                newSnapshot: StoreFixtures.json(#"{"state":"ASSIGNED"}"#), newFacts: nil, request: request)
        }
        let first = try await append(expectedVersion: 1)
        #expect(first.created && first.record.version == 2)
        let retry = try await append(expectedVersion: 1)
        #expect(!retry.created && retry.record == first.record)
        #expect(try await store.history(caseID: created.id).count == 2)
        #expect(try await store.requestTarget(requestID: "apply-1", kind: .event) == created.id)

        let wrongKind = await #expect(throws: StoreError.self) {
            _ = try await store.requestTarget(requestID: "apply-1", kind: .contact)
        }
        #expect(wrongKind?.code == .alreadyExists)
        let tooLong = await #expect(throws: StoreError.self) {
            _ = try await store.requestTarget(requestID: String(repeating: "r", count: 201), kind: .event)
        }
        #expect(tooLong?.code == .invalidArgument)
    }

    /// Concurrent appends that share one request id apply exactly one event.
    public static func concurrentRetriedAppendsWriteOnce(_ store: any CaseStore) async throws {
        let created = try await StoreFixtures.createCase(in: store)
        let request = WriteRequest(id: "contact-1", kind: .contact, target: "\(created.id)-2")
        let results = await withTaskGroup(of: CreateResult<CaseRecord>?.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try? await store.appendEvents(
                        caseID: created.id, expectedVersion: 1,
                        events: [StoreFixtures.event(type: "CONTACT", recordedAt: 200)], newState: "REGISTERED",
                        newClosedOn: nil, newSnapshot: StoreFixtures.json("{}"), newFacts: nil, request: request)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count { $0?.created == true } == 1)
        #expect(try await store.history(caseID: created.id).count == 2)
        #expect(try await store.requestTarget(requestID: "contact-1", kind: .contact) == "\(created.id)-2")
    }
}
