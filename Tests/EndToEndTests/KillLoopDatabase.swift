import SQLiteNIO

/// What the database file holds of the kill loop's writes, read straight from disk. After a kill the server is dead
/// and opening the file replays its write-ahead log as the next server would; after a restart the server is idle
/// (no caller is running) and this is one more reader of its WAL database.
struct KillLoopDatabase {
    /// One `requests` row: the kind of record a request id created, and that record.
    struct Request: Equatable {
        var kind: String
        var target: String
    }

    /// One `reception_sessions` row.
    struct Session: Equatable {
        var villageCode: String
        var heldOn: String
        var leader: String
        var held: Bool
    }

    /// `PRAGMA integrity_check`'s lines (`["ok"]` for a sound file).
    var integrity: [String] = []
    var requests: [String: Request] = [:]
    /// Case id → version.
    var versions: [String: Int] = [:]
    /// Case id → its event types in sequence order.
    var histories: [String: [String]] = [:]
    /// Case id → the session of each of its contacts (`nil`: none), in the order recorded.
    var contacts: [String: [String?]] = [:]
    /// Meeting id → the cases it discussed.
    var meetings: [String: [String]] = [:]
    var sessions: [String: Session] = [:]

    var eventCount: Int { histories.values.reduce(0) { $0 + $1.count } }
    var contactCount: Int { contacts.values.reduce(0) { $0 + $1.count } }

    /// Reads the database file at `path`.
    static func read(_ path: String) async throws -> KillLoopDatabase {
        let db = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            let database = try await Self.read(db)
            try await db.close()
            return database
        } catch {
            try? await db.close()
            throw error
        }
    }

    private static func read(_ db: SQLiteConnection) async throws -> KillLoopDatabase {
        var d = KillLoopDatabase()
        d.integrity = try await db.query("PRAGMA integrity_check").compactMap { $0.columns.first?.data.string }
        for row in try await db.query("SELECT request_id, kind, target_id FROM requests") {
            d.requests[text(row, "request_id")] = Request(kind: text(row, "kind"), target: text(row, "target_id"))
        }
        for row in try await db.query("SELECT id, version FROM cases") {
            d.versions[text(row, "id")] = row.column("version")?.integer
        }
        for row in try await db.query("SELECT case_id, type FROM case_events ORDER BY case_id, sequence") {
            d.histories[text(row, "case_id"), default: []].append(text(row, "type"))
        }
        for row in try await db.query("SELECT case_id, session_id FROM contacts ORDER BY seq") {
            d.contacts[text(row, "case_id"), default: []].append(row.column("session_id")?.string)
        }
        for row in try await db.query(
            "SELECT m.id, j.case_id FROM joint_meetings m LEFT JOIN joint_meeting_cases j ON j.meeting_id = m.id"
        ) {
            d.meetings[text(row, "id"), default: []].append(text(row, "case_id"))
        }
        for row in try await db.query("SELECT id, village_code, held_on, leader, held FROM reception_sessions") {
            d.sessions[text(row, "id")] = Session(
                villageCode: text(row, "village_code"), heldOn: text(row, "held_on"), leader: text(row, "leader"),
                held: row.column("held")?.integer == 1
            )
        }
        return d
    }

    private static func text(_ row: SQLiteRow, _ column: String) -> String { row.column(column)?.string ?? "" }
}
