public import JiefenStore
import SQLiteNIO

extension SQLiteCaseStore {
    private static let sessionColumns = "id, village_code, held_on, leader, held"

    private static func session(_ row: SQLiteRow) throws -> StoredReceptionSession {
        let r = RowReader(row: row, table: "reception_sessions")
        return StoredReceptionSession(
            id: try r.text("id"),
            villageCode: try r.text("village_code"),
            heldOn: try r.text("held_on"),
            leader: try r.text("leader"),
            held: try r.bool("held")
        )
    }

    private static func fetchSession(_ db: Database, id: String) async throws -> StoredReceptionSession? {
        try await db.first("SELECT \(sessionColumns) FROM reception_sessions WHERE id = ?", [.text(id)])
            .map(session)
    }

    /// See ``CaseStore/createSession(requestID:_:)``.
    public func createSession(requestID: String?, _ draft: ReceptionSessionDraft) async throws
        -> CreateResult<StoredReceptionSession>
    {
        if let requestID { try RequestLog.validate(requestID) }
        return try await self.writer.submit { db in
            if let requestID, let existingID = try await RequestLog.lookup(db, requestID: requestID, kind: .session) {
                guard let existing = try await Self.fetchSession(db, id: existingID) else {
                    throw StoreError(code: .internalError, message: "request '\(requestID)' names missing session")
                }
                return CreateResult(record: existing, created: false)
            }
            var id: String
            if let chosen = draft.id {
                guard try await Self.fetchSession(db, id: chosen) == nil else {
                    throw StoreError(code: .alreadyExists, message: "village-reception session \(chosen) already exists")
                }
                id = chosen
            } else {
                // Skip numbers a client already took by choosing a `VR-` id itself.
                repeat {
                    id = try await RequestLog.nextID(db, sequence: "session", prefix: "VR")
                } while try await Self.fetchSession(db, id: id) != nil
            }
            try await db.query(
                "INSERT INTO reception_sessions (id, village_code, held_on, leader, held) VALUES (?, ?, ?, ?, ?)",
                [.text(id), .text(draft.villageCode), .text(draft.heldOn), .text(draft.leader), .bool(draft.held)]
            )
            if let requestID {
                try await RequestLog.save(db, requestID: requestID, kind: .session, targetID: id, recordedAt: UnixTime.now())
            }
            let record = StoredReceptionSession(
                id: id, villageCode: draft.villageCode, heldOn: draft.heldOn, leader: draft.leader, held: draft.held)
            return CreateResult(record: record, created: true)
        }
    }

    /// See ``CaseStore/session(id:)``.
    public func session(id: String) async throws -> StoredReceptionSession? {
        try await self.readers.read { db in try await Self.fetchSession(db, id: id) }
    }

    /// See ``CaseStore/sessions(heldOn:)``.
    public func sessions(heldOn range: DateRange) async throws -> [StoredReceptionSession] {
        try await self.readers.read { db in
            try await db.query(
                """
                SELECT \(Self.sessionColumns) FROM reception_sessions
                WHERE (?1 IS NULL OR held_on >= ?1) AND (?2 IS NULL OR held_on <= ?2)
                ORDER BY held_on, id
                """,
                [.optionalText(range.from), .optionalText(range.through)]
            ).map(Self.session)
        }
    }
}
