public import JiefenStore
import Testing

extension StoreConformance {
    /// Creates get `JF-000001`, `JF-000002`, … with version 1, every field as given, times from the first event,
    /// and a history of exactly that event.
    public static func createAssignsSequentialIDs(_ store: any CaseStore) async throws {
        let draft = StoreFixtures.caseDraft(track: .petition, villageCode: "V07", registeredOn: "2025-01-02")
        let first = try await store.createCase(requestID: "r1", draft, firstEvent: StoreFixtures.event(recordedAt: 100))
        #expect(first.created)
        let record = first.record
        #expect(record.id == "JF-000001")
        #expect(record.version == 1)
        #expect(record.kind == draft.kind && record.track == .petition && record.state == draft.state)
        #expect(record.intakeChannel == draft.intakeChannel && record.villageCode == "V07")
        #expect(record.registeredOn == "2025-01-02" && record.closedOn == nil)
        #expect(record.snapshot == draft.snapshot)
        #expect(record.createdAt == 100 && record.updatedAt == 100)
        #expect(try await store.case(id: "JF-000001") == record)

        let second = try await store.createCase(requestID: "r2", draft, firstEvent: StoreFixtures.event())
        #expect(second.record.id == "JF-000002")

        let history = try await store.history(caseID: record.id)
        let expected = StoreFixtures.event(recordedAt: 100)
        #expect(
            history == [
                StoredEvent(
                    caseID: record.id, sequence: 1, type: expected.type, actor: expected.actor,
                    occurredAt: expected.occurredAt, recordedAt: 100, payload: expected.payload)
            ])
    }

    /// A retried create with the same request id returns the same case, `created == false`, and writes nothing,
    /// even if the retry's draft differs.
    public static func createIsIdempotent(_ store: any CaseStore) async throws {
        let draft = StoreFixtures.caseDraft()
        let first = try await store.createCase(requestID: "same", draft, firstEvent: StoreFixtures.event())
        let retry = try await store.createCase(requestID: "same", draft, firstEvent: StoreFixtures.event())
        #expect(!retry.created)
        #expect(retry.record == first.record)
        let changed = try await store.createCase(
            requestID: "same", StoreFixtures.caseDraft(kind: "other"), firstEvent: StoreFixtures.event())
        #expect(!changed.created && changed.record == first.record)
        #expect(try await store.history(caseID: first.record.id).count == 1)
        let page = try await store.listCases(CaseQuery())
        #expect(page.cases.map(\.id) == [first.record.id])
    }

    /// Many concurrent calls with one request id create exactly one case and all return it.
    public static func concurrentRetriesCreateOneCase(_ store: any CaseStore) async throws {
        let results = try await withThrowingTaskGroup(of: CreateResult<CaseRecord>.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try await store.createCase(
                        requestID: "retried", StoreFixtures.caseDraft(), firstEvent: StoreFixtures.event())
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count { $0.created } == 1)
        #expect(Set(results.map(\.record.id)) == ["JF-000001"])
        #expect(try await store.listCases(CaseQuery()).cases.count == 1)
    }

    /// An empty request id is refused; a request id used for a case cannot create a contact or a session.
    public static func requestIDsShareOneNamespace(_ store: any CaseStore) async throws {
        await expectStoreError(.invalidArgument) {
            try await store.createCase(requestID: "", StoreFixtures.caseDraft(), firstEvent: StoreFixtures.event())
        }
        let record = try await StoreFixtures.createCase(in: store, requestID: "shared")
        let contact = ContactDraft(
            caseID: record.id, channel: "WALK_IN", occurredOn: "2025-03-14", headcount: 1, isFollowUp: false,
            recordedAt: 1)
        await expectStoreError(.alreadyExists) { try await store.recordContact(requestID: "shared", contact) }
        let session = ReceptionSessionDraft(villageCode: "V01", heldOn: "2025-03-14", leader: "L", held: true)
        await expectStoreError(.alreadyExists) { try await store.createSession(requestID: "shared", session) }
        #expect(try await store.contacts(caseID: record.id).isEmpty)
    }

    /// Each append adds the next event, bumps the version by one and replaces state, closing date, snapshot and
    /// `updatedAt`.
    public static func appendAdvancesVersionAndHistory(_ store: any CaseStore) async throws {
        let created = try await StoreFixtures.createCase(in: store)
        let assigned = try await store.appendEvent(
            caseID: created.id, expectedVersion: 1, event: StoreFixtures.event(type: "ASSIGNED", recordedAt: 200),
            newState: "ASSIGNED", newClosedOn: nil, newSnapshot: StoreFixtures.json(#"{"state":"ASSIGNED"}"#))
        #expect(assigned.version == 2 && assigned.state == "ASSIGNED" && assigned.updatedAt == 200)
        #expect(assigned.createdAt == created.createdAt && assigned.id == created.id)
        let closed = try await store.appendEvent(
            caseID: created.id, expectedVersion: 2, event: StoreFixtures.event(type: "AGREEMENT", recordedAt: 300),
            newState: "AGREEMENT", newClosedOn: "2025-04-01", newSnapshot: StoreFixtures.json(#"{"closed":true}"#))
        #expect(closed.version == 3 && closed.closedOn == "2025-04-01")
        #expect(closed.snapshot == StoreFixtures.json(#"{"closed":true}"#))
        #expect(try await store.case(id: created.id) == closed)
        let history = try await store.history(caseID: created.id)
        #expect(history.map(\.sequence) == [1, 2, 3])
        #expect(history.map(\.type) == ["REGISTERED", "ASSIGNED", "AGREEMENT"])
        #expect(history.allSatisfy { $0.caseID == created.id })
    }

    /// An append based on an old version throws `versionConflict` naming the case and both versions, and changes
    /// neither the case nor its history.
    public static func staleAppendConflicts(_ store: any CaseStore) async throws {
        let created = try await StoreFixtures.createCase(in: store)
        let current = try await store.appendEvent(
            caseID: created.id, expectedVersion: 1, event: StoreFixtures.event(type: "ASSIGNED"),
            newState: "ASSIGNED", newClosedOn: nil, newSnapshot: [])
        let error = await expectStoreError(.versionConflict) {
            try await store.appendEvent(
                caseID: created.id, expectedVersion: 1, event: StoreFixtures.event(type: "MEDIATING"),
                newState: "MEDIATING", newClosedOn: nil, newSnapshot: [])
        }
        #expect(error?.caseID == created.id)
        #expect(error?.expectedVersion == 1 && error?.actualVersion == 2)
        #expect(error?.message.contains(created.id) == true)
        #expect(try await store.case(id: created.id) == current)
        #expect(try await store.history(caseID: created.id).count == 2)
    }

    /// Of many concurrent appends on the same version exactly one wins; workers that reload and retry on conflict
    /// end with every one of their events in a gap-free history.
    public static func concurrentAppendsNeverLoseUpdates(_ store: any CaseStore) async throws {
        let created = try await StoreFixtures.createCase(in: store)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    (try? await store.appendEvent(
                        caseID: created.id, expectedVersion: 1, event: StoreFixtures.event(type: "RACE"),
                        newState: "ASSIGNED", newClosedOn: nil, newSnapshot: [])) != nil
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count { $0 } == 1)

        let workers = 6
        let appendsEach = 5
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    for step in 0..<appendsEach {
                        while true {
                            let version = try #require(try await store.case(id: created.id)).version
                            do {
                                _ = try await store.appendEvent(
                                    caseID: created.id, expectedVersion: version,
                                    event: StoreFixtures.event(type: "W\(worker)S\(step)"),
                                    newState: "MEDIATING", newClosedOn: nil, newSnapshot: [])
                                break
                            } catch let error as StoreError where error.code == .versionConflict {
                                continue
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let history = try await store.history(caseID: created.id)
        #expect(history.map(\.sequence) == Array(1...Int64(2 + workers * appendsEach)))
        #expect(Set(history.map(\.type)).count == 2 + workers * appendsEach)
        #expect(try await store.case(id: created.id)?.version == Int64(history.count))
    }

    /// Several events appended at once get consecutive sequences and move the version by their number; an empty
    /// list is refused.
    public static func appendManyEventsAtOnce(_ store: any CaseStore) async throws {
        let created = try await StoreFixtures.createCase(in: store)
        let record = try await store.appendEvents(
            caseID: created.id, expectedVersion: 1,
            events: [
                StoreFixtures.event(type: "ACCEPTED", recordedAt: 10),
                StoreFixtures.event(type: "ASSIGNED", recordedAt: 11),
                StoreFixtures.event(type: "MEDIATING", recordedAt: 12),
            ],
            newState: "MEDIATING", newClosedOn: nil, newSnapshot: StoreFixtures.json(#"{"state":"MEDIATING"}"#))
        #expect(record.version == 4 && record.state == "MEDIATING" && record.updatedAt == 12)
        #expect(record.snapshot == StoreFixtures.json(#"{"state":"MEDIATING"}"#))
        #expect(try await store.case(id: created.id) == record)
        let history = try await store.history(caseID: created.id)
        #expect(history.map(\.sequence) == [1, 2, 3, 4])
        #expect(history.map(\.type) == ["REGISTERED", "ACCEPTED", "ASSIGNED", "MEDIATING"])
        await expectStoreError(.invalidArgument) {
            try await store.appendEvents(
                caseID: created.id, expectedVersion: 4, events: [], newState: "X", newClosedOn: nil, newSnapshot: [])
        }
        await expectStoreError(.versionConflict) {
            try await store.appendEvents(
                caseID: created.id, expectedVersion: 1, events: [StoreFixtures.event(), StoreFixtures.event()],
                newState: "X", newClosedOn: nil, newSnapshot: [])
        }
        #expect(try await store.history(caseID: created.id).count == 4)
    }
}
