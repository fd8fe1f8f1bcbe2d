import JiefenSQLiteStore
import JiefenStore
import JiefenStoreTesting
import Testing

@Suite("SQLite group commit")
struct GroupCommitTests {
    @Test("64 concurrent creates all succeed with fewer than 64 commits")
    func concurrentCreatesShareCommits() async throws {
        try await withTemporaryStore { store, _ in
            let before = store.statistics
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        try await store.createCase(
                            requestID: "c\(index)", StoreFixtures.caseDraft(), firstEvent: StoreFixtures.event()
                        ).record.id
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(ids == Set((1...64).map { "JF-" + String(repeating: "0", count: 6 - "\($0)".count) + "\($0)" }))
            let after = store.statistics
            #expect(after.writes - before.writes == 64)
            #expect(after.commits - before.commits < 64)
            #expect(after.largestBatch > 1)
            #expect(try await store.listCases(CaseQuery(pageSize: 500)).cases.count == 64)
        }
    }

    @Test("writes queued behind a commit go out together, and a failing write fails alone")
    func failingWriteDoesNotFailItsBatch() async throws {
        try await withTemporaryStore { store, _ in
            let target = try await StoreFixtures.createCase(in: store)
            let before = store.statistics
            let (gate, opener) = AsyncStream<Void>.makeStream()
            let (started, starter) = AsyncStream<Void>.makeStream()
            // Hold the writer so that the writes below all queue for the same next transaction.
            async let holder: Int = store.withWriter { _ in
                starter.yield()
                for await _ in gate { break }
                return 0
            }
            for await _ in started { break }

            enum Outcome: Sendable {
                case created(String)
                case appended(Int64)
                case failed(StoreError.Code)
            }
            let outcomes = try await withThrowingTaskGroup(of: (String, Outcome).self) { group in
                for index in 0..<5 {
                    group.addTask {
                        let result = try await store.createCase(
                            requestID: "batch-\(index)", StoreFixtures.caseDraft(), firstEvent: StoreFixtures.event())
                        return ("create\(index)", .created(result.record.id))
                    }
                }
                group.addTask {
                    do {
                        _ = try await store.appendEvent(
                            caseID: target.id, expectedVersion: 7, event: StoreFixtures.event(type: "STALE"),
                            newState: "X", newClosedOn: nil, newSnapshot: [])
                        return ("stale", .appended(0))
                    } catch let error as StoreError { return ("stale", .failed(error.code)) }
                }
                group.addTask {
                    do {
                        _ = try await store.recordContact(
                            requestID: nil,
                            ContactDraft(
                                caseID: target.id, channel: "WALK_IN", occurredOn: "2025-01-01", headcount: 0,
                                isFollowUp: false, recordedAt: 0))
                        return ("contact", .appended(0))
                    } catch let error as StoreError { return ("contact", .failed(error.code)) }
                }
                group.addTask {
                    let record = try await store.appendEvent(
                        caseID: target.id, expectedVersion: 1, event: StoreFixtures.event(type: "ASSIGNED"),
                        newState: "ASSIGNED", newClosedOn: nil, newSnapshot: [])
                    return ("append", .appended(record.version))
                }
                var waited = 0
                while store.queuedWrites < 8 && waited < 5_000 {
                    try await Task.sleep(for: .milliseconds(1))
                    waited += 1
                }
                #expect(store.queuedWrites == 8)
                opener.yield()
                opener.finish()
                return try await group.reduce(into: [String: Outcome]()) { $0[$1.0] = $1.1 }
            }
            _ = try await holder

            let after = store.statistics
            #expect(after.commits - before.commits == 2) // the holder's transaction, then one for all eight
            #expect(after.largestBatch >= 8)
            #expect(after.failedWrites - before.failedWrites == 2)
            #expect(after.savepointReruns - before.savepointReruns == 1) // rerun with one savepoint per write
            guard case .failed(let staleCode)? = outcomes["stale"], case .failed(let contactCode)? = outcomes["contact"]
            else {
                Issue.record("the bad writes succeeded: \(outcomes)")
                return
            }
            #expect(staleCode == .versionConflict && contactCode == .constraintViolation)
            guard case .appended(let version)? = outcomes["append"] else {
                Issue.record("the good append failed: \(outcomes)")
                return
            }
            #expect(version == 2)
            #expect(try await store.listCases(CaseQuery()).cases.count == 6)
            #expect(try await store.history(caseID: target.id).map(\.type) == ["REGISTERED", "ASSIGNED"])
            #expect(try await store.contacts(caseID: target.id).isEmpty)
        }
    }

    @Test("a batch never exceeds the configured maximum")
    func batchSizeIsBounded() async throws {
        var configuration = SQLiteCaseStore.Configuration()
        configuration.maximumBatchSize = 4
        try await withTemporaryStore(configuration: configuration) { store, _ in
            try await withThrowingDiscardingTaskGroup { group in
                for index in 0..<32 {
                    group.addTask {
                        _ = try await store.createCase(
                            requestID: "b\(index)", StoreFixtures.caseDraft(), firstEvent: StoreFixtures.event())
                    }
                }
            }
            #expect(store.statistics.largestBatch <= 4)
            #expect(store.statistics.writes == 32)
            #expect(store.statistics.commits >= 8)
        }
    }

    @Test("reads are served while writes are committing, and see only committed data")
    func readsRunBesideWrites() async throws {
        try await withTemporaryStore { store, _ in
            let created = try await StoreFixtures.createCase(in: store)
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask {
                    var version: Int64 = 1
                    for step in 0..<20 {
                        version = try await store.appendEvent(
                            caseID: created.id, expectedVersion: version, event: StoreFixtures.event(type: "S\(step)"),
                            newState: "S\(step)", newClosedOn: nil, newSnapshot: []
                        ).version
                    }
                }
                for _ in 0..<4 {
                    group.addTask {
                        for _ in 0..<20 {
                            let record = try #require(try await store.case(id: created.id))
                            let history = try await store.history(caseID: created.id)
                            // The history read later can only be as long or longer than the version read before it.
                            #expect(Int64(history.count) >= record.version)
                            #expect(history.map(\.sequence) == Array(1...Int64(history.count)))
                        }
                    }
                }
            }
        }
    }
}
