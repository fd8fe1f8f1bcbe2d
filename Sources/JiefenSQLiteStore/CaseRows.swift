import JiefenStore
import SQLiteNIO

/// SQL shared by the case reads and writes, and the mapping from rows to records.
enum CaseRows {
    /// The columns every case query selects.
    static let columns = """
        seq, id, kind, track, state, intake_channel, village_code, registered_on, closed_on, version, snapshot,
        created_at, updated_at
        """

    /// The columns every event query selects.
    static let eventColumns = "case_id, sequence, type, actor, occurred_at, recorded_at, payload"

    static func record(_ row: SQLiteRow) throws -> CaseRecord {
        let r = RowReader(row: row, table: "cases")
        let trackName = try r.text("track")
        guard let track = StoredTrack(rawValue: trackName) else {
            throw StoreError(code: .internalError, message: "unknown track '\(trackName)' in the database")
        }
        return CaseRecord(
            id: try r.text("id"),
            kind: try r.text("kind"),
            track: track,
            state: try r.text("state"),
            intakeChannel: try r.text("intake_channel"),
            villageCode: try r.text("village_code"),
            registeredOn: try r.text("registered_on"),
            closedOn: try r.optionalText("closed_on"),
            version: try r.int64("version"),
            snapshot: try r.bytes("snapshot"),
            createdAt: try r.int64("created_at"),
            updatedAt: try r.int64("updated_at")
        )
    }

    static func event(_ row: SQLiteRow) throws -> StoredEvent {
        let r = RowReader(row: row, table: "case_events")
        return StoredEvent(
            caseID: try r.text("case_id"),
            sequence: try r.int64("sequence"),
            type: try r.text("type"),
            actor: try r.text("actor"),
            occurredAt: try r.text("occurred_at"),
            recordedAt: try r.int64("recorded_at"),
            payload: try r.bytes("payload")
        )
    }

    /// Reads one case on the given connection.
    static func fetch(_ db: Database, id: String) async throws -> CaseRecord? {
        try await db.first("SELECT \(columns) FROM cases WHERE id = ?", [.text(id)]).map(record)
    }

    /// Whether a case exists.
    static func exists(_ db: Database, id: String) async throws -> Bool {
        try await db.first("SELECT 1 FROM cases WHERE id = ?", [.text(id)]) != nil
    }
}
