public import JiefenStore
import SQLiteNIO

extension SQLiteCaseStore {
    /// See ``CaseStore/createCase(requestID:_:firstEvent:)``.
    public func createCase(requestID: String, _ draft: CaseDraft, firstEvent: EventDraft) async throws
        -> CreateResult<CaseRecord>
    {
        try RequestLog.validate(requestID)
        return try await self.writer.submit { db in
            // The common case in one statement: insert unless the request id is already known.
            guard
                let row = try await db.first(
                    """
                    INSERT INTO cases (seq, id, kind, track, state, intake_channel, village_code, registered_on, closed_on,
                                       version, snapshot, created_at, updated_at)
                    SELECT next.seq, printf('JF-%06d', next.seq), ?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9, ?9
                    FROM (SELECT IFNULL(max(seq), 0) + 1 AS seq FROM cases) AS next
                    WHERE NOT EXISTS (SELECT 1 FROM requests WHERE request_id = ?10)
                    RETURNING \(CaseRows.columns)
                    """,
                    [
                        .text(draft.kind), .text(draft.track.rawValue), .text(draft.state), .text(draft.intakeChannel),
                        .text(draft.villageCode), .text(draft.registeredOn), .optionalText(draft.closedOn),
                        .bytes(draft.snapshot), .int64(firstEvent.recordedAt), .text(requestID),
                    ]
                )
            else {
                // A retry: answer with what the first call created.
                guard let existingID = try await RequestLog.lookup(db, requestID: requestID, kind: .case),
                    let existing = try await CaseRows.fetch(db, id: existingID)
                else {
                    throw StoreError(code: .internalError, message: "request '\(requestID)' names no stored case")
                }
                return CreateResult(record: existing, created: false)
            }
            let record = try CaseRows.record(row)
            try await Self.insertEvent(db, caseID: record.id, sequence: 1, firstEvent)
            if let facts = draft.facts {
                try await FactsWriter.write(facts, caseID: record.id, recordedAt: firstEvent.recordedAt, db: db)
            }
            try await RequestLog.save(
                db, requestID: requestID, kind: .case, targetID: record.id, recordedAt: firstEvent.recordedAt)
            return CreateResult(record: record, created: true)
        }
    }

    /// See ``CaseStore/appendEvents(caseID:expectedVersion:events:newState:newClosedOn:newSnapshot:newFacts:request:)``.
    public func appendEvents(
        caseID: String,
        expectedVersion: Int64,
        events: [EventDraft],
        newState: String,
        newClosedOn: String?,
        newSnapshot: [UInt8],
        newFacts: CaseFacts?,
        request: WriteRequest?
    ) async throws -> CreateResult<CaseRecord> {
        if let request { try RequestLog.validate(request.id) }
        guard let last = events.last else {
            throw StoreError(code: .invalidArgument, message: "no events to append to case \(caseID)", caseID: caseID)
        }
        return try await self.writer.submit { db in
            if let request, try await RequestLog.lookup(db, requestID: request.id, kind: request.kind) != nil {
                guard let current = try await CaseRows.fetch(db, id: caseID) else { throw StoreError.caseNotFound(caseID) }
                return CreateResult(record: current, created: false)
            }
            let record = try await Self.append(
                db, caseID: caseID, expectedVersion: expectedVersion, events: events, newState: newState,
                newClosedOn: newClosedOn, newSnapshot: newSnapshot, newFacts: newFacts)
            if let request {
                try await RequestLog.save(
                    db, requestID: request.id, kind: request.kind, targetID: request.target, recordedAt: last.recordedAt)
            }
            return CreateResult(record: record, created: true)
        }
    }

    /// See ``CaseStore/requestTarget(requestID:kind:)``.
    public func requestTarget(requestID: String, kind: RequestKind) async throws -> String? {
        try RequestLog.validate(requestID)
        return try await self.readers.read { db in try await RequestLog.lookup(db, requestID: requestID, kind: kind) }
    }

    /// The append itself, inside a write transaction.
    ///
    /// The schema lets a case's version grow only by one per UPDATE and each event's sequence must equal the
    /// case's version, so every further event of a multi-event append is one UPDATE and one INSERT.
    private static func append(
        _ db: Database,
        caseID: String,
        expectedVersion: Int64,
        events: [EventDraft],
        newState: String,
        newClosedOn: String?,
        newSnapshot: [UInt8],
        newFacts: CaseFacts?
    ) async throws -> CaseRecord {
        guard let first = events.first, let last = events.last else {
            throw StoreError(code: .invalidArgument, message: "no events to append to case \(caseID)", caseID: caseID)
        }
        let updated = try await db.first(
            """
            UPDATE cases SET version = version + 1, state = ?1, closed_on = ?2, snapshot = ?3, updated_at = ?4
            WHERE id = ?5 AND version = ?6
            RETURNING \(CaseRows.columns)
            """,
            [
                .text(newState), .optionalText(newClosedOn), .bytes(newSnapshot), .int64(last.recordedAt),
                .text(caseID), .int64(expectedVersion),
            ]
        )
        guard let updated else {
            guard let current = try await db.first("SELECT version FROM cases WHERE id = ?", [.text(caseID)]) else {
                throw StoreError.caseNotFound(caseID)
            }
            let actual = try RowReader(row: current, table: "cases").int64("version")
            throw StoreError.versionConflict(caseID: caseID, expected: expectedVersion, actual: actual)
        }
        var record = try CaseRows.record(updated)
        try await Self.insertEvent(db, caseID: caseID, sequence: record.version, first)
        for event in events.dropFirst() {
            guard
                let stepped = try await db.first(
                    "UPDATE cases SET version = version + 1 WHERE id = ? RETURNING \(CaseRows.columns)",
                    [.text(caseID)]
                )
            else {
                throw StoreError(code: .internalError, message: "case \(caseID) vanished during an append")
            }
            record = try CaseRows.record(stepped)
            try await Self.insertEvent(db, caseID: caseID, sequence: record.version, event)
        }
        if let newFacts {
            try await FactsWriter.write(newFacts, caseID: caseID, recordedAt: last.recordedAt, db: db)
        }
        return record
    }

    private static func insertEvent(_ db: Database, caseID: String, sequence: Int64, _ event: EventDraft) async throws {
        try await db.query(
            """
            INSERT INTO case_events (case_id, sequence, type, actor, occurred_at, recorded_at, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(caseID), .int64(sequence), .text(event.type), .text(event.actor), .text(event.occurredAt),
                .int64(event.recordedAt), .bytes(event.payload),
            ]
        )
    }

    /// See ``CaseStore/case(id:)``.
    public func `case`(id: String) async throws -> CaseRecord? {
        try await self.readers.read { db in try await CaseRows.fetch(db, id: id) }
    }

    /// See ``CaseStore/history(caseID:)``.
    public func history(caseID: String) async throws -> [StoredEvent] {
        try await self.readers.read { db in
            let rows = try await db.query(
                "SELECT \(CaseRows.eventColumns) FROM case_events WHERE case_id = ? ORDER BY sequence",
                [.text(caseID)]
            )
            // Every case has at least its first event, so no rows means no case.
            guard !rows.isEmpty else { throw StoreError.caseNotFound(caseID) }
            return try rows.map(CaseRows.event)
        }
    }

    /// See ``CaseStore/listCases(_:)``. Cursors are `s` followed by the last case's sequence number.
    public func listCases(_ query: CaseQuery) async throws -> CasePage {
        guard (CaseQuery.minimumPageSize...CaseQuery.maximumPageSize).contains(query.pageSize) else {
            throw StoreError(
                code: .invalidArgument,
                message: "page size \(query.pageSize) is outside \(CaseQuery.minimumPageSize)...\(CaseQuery.maximumPageSize)"
            )
        }
        var after: Int64 = 0
        if let cursor = query.cursor {
            guard cursor.first == "s", let seq = Int64(cursor.dropFirst()), seq >= 0 else {
                throw StoreError(code: .invalidArgument, message: "the page cursor '\(cursor)' was not issued by this store")
            }
            after = seq
        }
        var conditions = ["seq > ?"]
        var binds: [SQLiteData] = [.int64(after)]
        func add(_ condition: String, _ value: String?) {
            guard let value else { return }
            conditions.append(condition)
            binds.append(.text(value))
        }
        add("kind = ?", query.kind)
        add("track = ?", query.track?.rawValue)
        add("state = ?", query.state)
        add("village_code = ?", query.villageCode)
        add("registered_on >= ?", query.registered.from)
        add("registered_on <= ?", query.registered.through)
        binds.append(.integer(query.pageSize + 1))
        let sql = "SELECT \(CaseRows.columns) FROM cases WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT ?"
        return try await self.readers.read { db in
            let rows = try await db.query(sql, binds)
            let page = rows.prefix(query.pageSize)
            let cases = try page.map(CaseRows.record)
            var nextCursor: String?
            if rows.count > query.pageSize, let last = page.last {
                nextCursor = "s\(try RowReader(row: last, table: "cases").int64("seq"))"
            }
            return CasePage(cases: cases, nextCursor: nextCursor)
        }
    }
}
