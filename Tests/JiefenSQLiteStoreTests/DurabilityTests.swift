import Foundation
import JiefenSQLiteStore
import JiefenStore
import JiefenStoreTesting
import Testing

@Suite("SQLite durability settings and reopening")
struct DurabilityTests {
    @Test("the writer uses WAL, synchronous=FULL and foreign keys")
    func durabilityPragmas() async throws {
        try await withTemporaryStore { store, directory in
            #expect(try await store.writerPragma("journal_mode") == "wal")
            #expect(try await store.writerPragma("synchronous") == "2") // 2 = FULL
            #expect(try await store.writerPragma("foreign_keys") == "1")
            _ = try await StoreFixtures.createCase(in: store)
            #expect(FileManager.default.fileExists(atPath: directory.databasePath + "-wal"))
        }
    }

    @Test("closing and reopening keeps every record and continues the id sequences")
    func reopenKeepsData() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try await SQLiteCaseStore.open(path: directory.databasePath, logger: quietLogger)
        let created = try await StoreFixtures.createCase(in: first, requestID: "keep")
        let updated = try await first.appendEvent(
            caseID: created.id, expectedVersion: 1, event: StoreFixtures.event(type: "ASSIGNED"),
            newState: "ASSIGNED", newClosedOn: nil, newSnapshot: StoreFixtures.json("{}"))
        let session = try await first.createSession(
            requestID: nil, ReceptionSessionDraft(villageCode: "V01", heldOn: "2025-03-05", leader: "L", held: true))
        let contact = try await first.recordContact(
            requestID: "visit",
            ContactDraft(
                caseID: created.id, channel: "VILLAGE_RECEPTION", occurredOn: "2025-03-05", headcount: 3,
                sessionID: session.record.id, personKeys: ["k1"], isFollowUp: false, recordedAt: 9))
        let history = try await first.history(caseID: created.id)
        try await first.close()
        // Closing the last connection checkpoints the log into the database file.
        #expect(!FileManager.default.fileExists(atPath: directory.databasePath + "-wal"))

        let second = try await SQLiteCaseStore.open(path: directory.databasePath, logger: quietLogger)
        #expect(try await second.case(id: created.id) == updated)
        #expect(try await second.history(caseID: created.id) == history)
        #expect(try await second.contacts(caseID: created.id) == [contact.record])
        #expect(try await second.session(id: session.record.id) == session.record)
        let retried = try await second.createCase(
            requestID: "keep", StoreFixtures.caseDraft(), firstEvent: StoreFixtures.event())
        #expect(!retried.created && retried.record == updated)
        #expect(try await StoreFixtures.createCase(in: second).id == "JF-000002")
        #expect(
            try await second.createSession(
                requestID: nil, ReceptionSessionDraft(villageCode: "V02", heldOn: "2025-03-06", leader: "L", held: true)
            ).record.id == "VR-000002")
        try await second.close()
    }

    @Test("opening a path in a missing directory fails with unavailable")
    func unopenablePath() async throws {
        let error = await #expect(throws: StoreError.self) {
            try await SQLiteCaseStore.open(
                path: "/nonexistent-dir-\(UInt32.random(in: 0...UInt32.max))/j.sqlite",
                logger: quietLogger)
        }
        #expect(error?.code == .unavailable)
    }
}
