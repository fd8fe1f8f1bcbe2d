import JiefenSQLiteStore
import JiefenStore
import JiefenStoreTesting
import SQLiteNIO
import Testing

/// The invariants live in the schema, not only in Swift: statements that bypass the store are refused by SQLite.
@Suite("SQLite schema defences")
struct SchemaDefenceTests {
    /// Statements that must fail, run against a database holding case JF-000001 (version 2, two events) and a
    /// village-reception session VR-000001.
    static let forbidden: [(String, String)] = [
        ("events cannot be updated", "UPDATE case_events SET actor = 'someone else' WHERE case_id = 'JF-000001'"),
        ("events cannot be deleted", "DELETE FROM case_events WHERE case_id = 'JF-000001' AND sequence = 2"),
        ("cases cannot be deleted", "DELETE FROM cases WHERE id = 'JF-000001'"),
        (
            "a history cannot skip a sequence",
            """
            INSERT INTO case_events (case_id, sequence, type, actor, occurred_at, recorded_at, payload)
            VALUES ('JF-000001', 4, 'X', 'a', '2025-01-01', 0, x'')
            """
        ),
        (
            "an event must match the case version",
            """
            INSERT INTO case_events (case_id, sequence, type, actor, occurred_at, recorded_at, payload)
            VALUES ('JF-000001', 3, 'X', 'a', '2025-01-01', 0, x'')
            """
        ),
        (
            "events need an existing case",
            """
            INSERT INTO case_events (case_id, sequence, type, actor, occurred_at, recorded_at, payload)
            VALUES ('JF-000404', 1, 'X', 'a', '2025-01-01', 0, x'')
            """
        ),
        ("versions step by one", "UPDATE cases SET version = version + 2 WHERE id = 'JF-000001'"),
        ("a case id is fixed", "UPDATE cases SET id = 'JF-000009' WHERE id = 'JF-000001'"),
        ("a track is one of three", "UPDATE cases SET track = 'other' WHERE id = 'JF-000001'"),
        (
            "a case id follows its sequence",
            """
            INSERT INTO cases (seq, id, kind, track, state, intake_channel, village_code, registered_on, version,
                               snapshot, created_at, updated_at)
            VALUES (2, 'JF-000003', 'k', 'dispute', 'S', 'WALK_IN', 'V', '2025-01-01', 1, x'', 0, 0)
            """
        ),
        (
            "a version is at least 1",
            """
            INSERT INTO cases (seq, id, kind, track, state, intake_channel, village_code, registered_on, version,
                               snapshot, created_at, updated_at)
            VALUES (2, 'JF-000002', 'k', 'dispute', 'S', 'WALK_IN', 'V', '2025-01-01', 0, x'', 0, 0)
            """
        ),
        ("a snapshot is not null", "UPDATE cases SET snapshot = NULL WHERE id = 'JF-000001'"),
        (
            "a headcount is at least 1",
            """
            INSERT INTO contacts (seq, id, case_id, channel, occurred_on, headcount, person_keys, is_follow_up,
                                  recorded_at)
            VALUES (1, 'CT-000001', 'JF-000001', 'WALK_IN', '2025-01-01', 0, '[]', 0, 0)
            """
        ),
        (
            "a contact needs an existing session",
            """
            INSERT INTO contacts (seq, id, case_id, channel, occurred_on, headcount, session_id, person_keys,
                                  is_follow_up, recorded_at)
            VALUES (1, 'CT-000001', 'JF-000001', 'WALK_IN', '2025-01-01', 1, 'VR-404', '[]', 0, 0)
            """
        ),
        ("a session date is a real date", "UPDATE reception_sessions SET held_on = '2025-02-29'"),
        (
            "a meeting links existing cases",
            """
            INSERT INTO joint_meeting_cases (meeting_id, case_id) VALUES ('JM-404', 'JF-000001')
            """
        ),
        (
            "a request names a known kind",
            """
            INSERT INTO requests (request_id, kind, target_id, recorded_at) VALUES ('r', 'other', 'x', 0)
            """
        ),
    ]

    @Test(arguments: forbidden)
    func refused(_ name: String, _ sql: String) async throws {
        try await withTemporaryStore { store, directory in
            let created = try await StoreFixtures.createCase(in: store)
            _ = try await store.appendEvent(
                caseID: created.id, expectedVersion: 1, event: StoreFixtures.event(type: "ASSIGNED"),
                newState: "ASSIGNED", newClosedOn: nil, newSnapshot: [])
            _ = try await store.createSession(
                requestID: nil, ReceptionSessionDraft(villageCode: "V", heldOn: "2025-01-01", leader: "L", held: true))
            let history = try await store.history(caseID: created.id)
            let error = await #expect(throws: SQLiteError.self, "\(name)") {
                try await withRawConnection(path: directory.databasePath) { db in _ = try await db.query(sql) }
            }
            #expect(error.map { "\($0.reason)".hasPrefix("constraint") } == true, "\(name): \(String(describing: error))")
            #expect(try await store.history(caseID: created.id) == history)
        }
    }

    @Test("the append-only triggers also refuse the store's own writer connection")
    func writerCannotRewriteHistory() async throws {
        try await withTemporaryStore { store, _ in
            let created = try await StoreFixtures.createCase(in: store)
            let error = await #expect(throws: StoreError.self) {
                try await store.withWriter { db in
                    _ = try await db.query("DELETE FROM case_events WHERE case_id = ?", [.text(created.id)])
                }
            }
            #expect(error?.code == .constraintViolation)
            #expect(error?.message.contains("append-only") == true)
            #expect(try await store.history(caseID: created.id).count == 1)
        }
    }
}
