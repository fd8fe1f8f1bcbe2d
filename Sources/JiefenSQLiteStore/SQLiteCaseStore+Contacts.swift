public import JiefenStore
import SQLiteNIO

extension SQLiteCaseStore {
    private static let contactColumns = """
        id, case_id, channel, occurred_on, headcount, session_id, person_keys, is_follow_up, recorded_at
        """

    private static func contact(_ row: SQLiteRow) throws -> ContactRecord {
        let r = RowReader(row: row, table: "contacts")
        return ContactRecord(
            id: try r.text("id"),
            caseID: try r.text("case_id"),
            channel: try r.text("channel"),
            occurredOn: try r.text("occurred_on"),
            headcount: Int(try r.int64("headcount")),
            sessionID: try r.optionalText("session_id"),
            personKeys: try r.stringArray("person_keys"),
            isFollowUp: try r.bool("is_follow_up"),
            recordedAt: try r.int64("recorded_at")
        )
    }

    /// See ``CaseStore/recordContact(requestID:_:)``.
    public func recordContact(requestID: String?, _ draft: ContactDraft) async throws -> CreateResult<ContactRecord> {
        if let requestID { try RequestLog.validate(requestID) }
        return try await self.writer.submit { db in
            if let requestID, let existingID = try await RequestLog.lookup(db, requestID: requestID, kind: .contact) {
                guard
                    let row = try await db.first(
                        "SELECT \(Self.contactColumns) FROM contacts WHERE id = ?", [.text(existingID)]
                    )
                else {
                    throw StoreError(code: .internalError, message: "request '\(requestID)' names missing contact")
                }
                return CreateResult(record: try Self.contact(row), created: false)
            }
            guard try await CaseRows.exists(db, id: draft.caseID) else { throw StoreError.caseNotFound(draft.caseID) }
            let record = try await Self.insertContact(db, draft)
            if let requestID {
                try await RequestLog.save(
                    db, requestID: requestID, kind: .contact, targetID: record.id, recordedAt: draft.recordedAt)
            }
            return CreateResult(record: record, created: true)
        }
    }

    /// Inserts a contact of an existing case inside the caller's transaction, after checking its session exists.
    /// Shared by ``recordContact(requestID:_:)`` and the contacts written from a case's statistics facts.
    static func insertContact(_ db: Database, _ draft: ContactDraft) async throws -> ContactRecord {
        if let sessionID = draft.sessionID,
            try await db.first("SELECT 1 FROM reception_sessions WHERE id = ?", [.text(sessionID)]) == nil
        {
            throw StoreError(code: .notFound, message: "village-reception session \(sessionID) does not exist")
        }
        guard
            let row = try await db.first(
                """
                INSERT INTO contacts (seq, id, case_id, channel, occurred_on, headcount, session_id, person_keys,
                                      is_follow_up, recorded_at)
                SELECT next.seq, printf('CT-%06d', next.seq), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
                FROM (SELECT IFNULL(max(seq), 0) + 1 AS seq FROM contacts) AS next
                RETURNING \(Self.contactColumns)
                """,
                [
                    .text(draft.caseID), .text(draft.channel), .text(draft.occurredOn), .integer(draft.headcount),
                    .optionalText(draft.sessionID), jsonArray(draft.personKeys), .bool(draft.isFollowUp),
                    .int64(draft.recordedAt),
                ]
            )
        else {
            throw StoreError(code: .internalError, message: "inserting a contact returned no row")
        }
        return try Self.contact(row)
    }

    /// See ``CaseStore/contacts(caseID:)``.
    public func contacts(caseID: String) async throws -> [ContactRecord] {
        try await self.readers.read { db in
            try await db.query(
                "SELECT \(Self.contactColumns) FROM contacts WHERE case_id = ? ORDER BY seq", [.text(caseID)]
            ).map(Self.contact)
        }
    }

    /// See ``CaseStore/contacts(occurredOn:)``.
    public func contacts(occurredOn range: DateRange) async throws -> [ContactRecord] {
        try await self.readers.read { db in
            try await db.query(
                """
                SELECT \(Self.contactColumns) FROM contacts
                WHERE (?1 IS NULL OR occurred_on >= ?1) AND (?2 IS NULL OR occurred_on <= ?2)
                ORDER BY occurred_on, seq
                """,
                [.optionalText(range.from), .optionalText(range.through)]
            ).map(Self.contact)
        }
    }
}
