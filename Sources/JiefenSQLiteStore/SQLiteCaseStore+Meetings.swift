public import JiefenStore
import SQLiteNIO

extension SQLiteCaseStore {
    /// Selects a meeting with its case ids (in case creation order, i.e. numeric id order) as a JSON array.
    private static let meetingSelect = """
        SELECT m.id, m.held_on, m.departments, m.decision, m.resolved, m.recorded_at,
               (SELECT json_group_array(case_id) FROM
                   (SELECT j.case_id FROM joint_meeting_cases j JOIN cases c ON c.id = j.case_id
                    WHERE j.meeting_id = m.id ORDER BY c.seq)) AS case_ids
        FROM joint_meetings m
        """

    private static func meeting(_ row: SQLiteRow) throws -> StoredJointMeeting {
        let r = RowReader(row: row, table: "joint_meetings")
        return StoredJointMeeting(
            id: try r.text("id"),
            heldOn: try r.text("held_on"),
            departments: try r.stringArray("departments"),
            decision: try r.text("decision"),
            caseIDs: try r.stringArray("case_ids"),
            resolved: try r.bool("resolved"),
            recordedAt: try r.int64("recorded_at")
        )
    }

    private static func fetchMeeting(_ db: Database, id: String) async throws -> StoredJointMeeting? {
        try await db.first("\(meetingSelect) WHERE m.id = ?", [.text(id)]).map(meeting)
    }

    /// See ``CaseStore/recordMeeting(requestID:_:)``.
    public func recordMeeting(requestID: String?, _ draft: JointMeetingDraft) async throws
        -> CreateResult<StoredJointMeeting>
    {
        if let requestID { try RequestLog.validate(requestID) }
        var seen = Set<String>()
        let caseIDs = draft.caseIDs.filter { seen.insert($0).inserted }
        guard !caseIDs.isEmpty else {
            throw StoreError(code: .invalidArgument, message: "a joint meeting must discuss at least one case")
        }
        guard !draft.departments.isEmpty else {
            throw StoreError(code: .invalidArgument, message: "a joint meeting must have at least one department")
        }
        return try await self.writer.submit { db in
            if let requestID, let existingID = try await RequestLog.lookup(db, requestID: requestID, kind: .meeting) {
                guard let existing = try await Self.fetchMeeting(db, id: existingID) else {
                    throw StoreError(code: .internalError, message: "request '\(requestID)' names missing meeting")
                }
                return CreateResult(record: existing, created: false)
            }
            let missing = try await db.query(
                "SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM cases)", [jsonArray(caseIDs)]
            ).compactMap { $0.column("value")?.string }
            if !missing.isEmpty {
                throw StoreError(
                    code: .notFound,
                    message: "joint meeting names unknown cases: \(missing.joined(separator: ", "))",
                    caseID: missing.first
                )
            }
            var id: String
            if let chosen = draft.id {
                guard try await Self.fetchMeeting(db, id: chosen) == nil else {
                    throw StoreError(code: .alreadyExists, message: "joint meeting \(chosen) already exists")
                }
                id = chosen
            } else {
                repeat {
                    id = try await RequestLog.nextID(db, sequence: "meeting", prefix: "JM")
                } while try await Self.fetchMeeting(db, id: id) != nil
            }
            try await db.query(
                """
                INSERT INTO joint_meetings (id, held_on, departments, decision, resolved, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(id), .text(draft.heldOn), jsonArray(draft.departments), .text(draft.decision),
                    .bool(draft.resolved), .int64(draft.recordedAt),
                ]
            )
            try await db.query(
                "INSERT INTO joint_meeting_cases (meeting_id, case_id) SELECT ?, value FROM json_each(?)",
                [.text(id), jsonArray(caseIDs)]
            )
            if let requestID {
                try await RequestLog.save(
                    db, requestID: requestID, kind: .meeting, targetID: id, recordedAt: draft.recordedAt)
            }
            guard let record = try await Self.fetchMeeting(db, id: id) else {
                throw StoreError(code: .internalError, message: "joint meeting \(id) vanished after insert")
            }
            return CreateResult(record: record, created: true)
        }
    }

    /// See ``CaseStore/meetings(caseID:)``.
    public func meetings(caseID: String) async throws -> [StoredJointMeeting] {
        try await self.readers.read { db in
            try await db.query(
                """
                \(Self.meetingSelect)
                WHERE m.id IN (SELECT meeting_id FROM joint_meeting_cases WHERE case_id = ?)
                ORDER BY m.held_on, m.id
                """,
                [.text(caseID)]
            ).map(Self.meeting)
        }
    }

    /// See ``CaseStore/meetings(heldOn:)``.
    public func meetings(heldOn range: DateRange) async throws -> [StoredJointMeeting] {
        try await self.readers.read { db in
            try await db.query(
                """
                \(Self.meetingSelect)
                WHERE (?1 IS NULL OR m.held_on >= ?1) AND (?2 IS NULL OR m.held_on <= ?2)
                ORDER BY m.held_on, m.id
                """,
                [.optionalText(range.from), .optionalText(range.through)]
            ).map(Self.meeting)
        }
    }
}
