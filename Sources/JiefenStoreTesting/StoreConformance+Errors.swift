public import JiefenStore
import Testing

extension StoreConformance {
    /// Reading an unknown case gives `nil`; its history and appends to it throw `notFound` naming it.
    public static func unknownCasesAreReported(_ store: any CaseStore) async throws {
        #expect(try await store.case(id: "JF-999999") == nil)
        let history = await expectStoreError(.notFound) { try await store.history(caseID: "JF-999999") }
        #expect(history?.message.contains("JF-999999") == true)
        let append = await expectStoreError(.notFound) {
            try await store.appendEvent(
                caseID: "JF-999999", expectedVersion: 1, event: StoreFixtures.event(), newState: "X",
                newClosedOn: nil, newSnapshot: [])
        }
        #expect(append?.caseID == "JF-999999")
    }

    /// Malformed dates, empty required strings and a closing date before registration are refused with
    /// `constraintViolation`, and nothing is written.
    public static func invalidFieldsAreRefused(_ store: any CaseStore) async throws {
        let bad: [CaseDraft] = [
            StoreFixtures.caseDraft(registeredOn: "2025-02-30"),
            StoreFixtures.caseDraft(registeredOn: "14/03/2025"),
            StoreFixtures.caseDraft(kind: ""),
            StoreFixtures.caseDraft(state: ""),
            StoreFixtures.caseDraft(registeredOn: "2025-03-14", closedOn: "2025-03-01"),
        ]
        for (index, draft) in bad.enumerated() {
            await expectStoreError(.constraintViolation) {
                try await store.createCase(requestID: "bad-\(index)", draft, firstEvent: StoreFixtures.event())
            }
        }
        await expectStoreError(.constraintViolation) {
            try await store.createCase(
                requestID: "bad-event", StoreFixtures.caseDraft(), firstEvent: StoreFixtures.event(type: ""))
        }
        #expect(try await store.listCases(CaseQuery()).cases.isEmpty)
        // The failed creates consumed no id and left no request id behind.
        let good = try await store.createCase(
            requestID: "bad-0", StoreFixtures.caseDraft(), firstEvent: StoreFixtures.event())
        #expect(good.created && good.record.id == "JF-000001")

        await expectStoreError(.constraintViolation) {
            try await store.appendEvent(
                caseID: good.record.id, expectedVersion: 1, event: StoreFixtures.event(type: "CLOSED"),
                newState: "CLOSED", newClosedOn: "2025-13-01", newSnapshot: [])
        }
        #expect(try await store.case(id: good.record.id)?.version == 1)
        #expect(try await store.history(caseID: good.record.id).count == 1)
    }

    /// Empty snapshots and payloads are stored and read back as empty, not lost or turned into errors.
    public static func emptyBytesRoundTrip(_ store: any CaseStore) async throws {
        var draft = StoreFixtures.caseDraft()
        draft.snapshot = []
        var event = StoreFixtures.event()
        event.payload = []
        let created = try await store.createCase(requestID: "empty", draft, firstEvent: event).record
        #expect(created.snapshot.isEmpty)
        #expect(try await store.case(id: created.id)?.snapshot == [])
        #expect(try await store.history(caseID: created.id).first?.payload == [])
        let binary: [UInt8] = [0, 255, 0x7b, 0, 0x7d]
        let updated = try await store.appendEvent(
            caseID: created.id, expectedVersion: 1, event: event, newState: "ASSIGNED", newClosedOn: nil,
            newSnapshot: binary)
        #expect(updated.snapshot == binary)
        #expect(try await store.case(id: created.id)?.snapshot == binary)
    }

    /// After `close()` every call throws `unavailable`, and closing again does nothing.
    public static func closedStoreRefusesCalls(_ store: any CaseStore) async throws {
        let created = try await StoreFixtures.createCase(in: store)
        try await store.close()
        await expectStoreError(.unavailable) { try await store.case(id: created.id) }
        await expectStoreError(.unavailable) {
            try await store.createCase(requestID: "late", StoreFixtures.caseDraft(), firstEvent: StoreFixtures.event())
        }
        await expectStoreError(.unavailable) { try await store.listCases(CaseQuery()) }
        try await store.close()
    }
}
