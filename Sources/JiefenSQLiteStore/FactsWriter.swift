import Foundation
import JiefenStore
import SQLiteNIO

/// Writes a case's statistics projection inside the transaction that writes the case row.
enum FactsWriter {
    /// Replaces the `case_facts` row of `caseID` and adds the contacts the store does not have yet.
    static func write(_ facts: CaseFacts, caseID: String, recordedAt: Int64, db: Database) async throws {
        let keyDates = String(decoding: try JSONEncoder.sorted.encode(facts.keyDates), as: UTF8.self)
        try await db.query(
            """
            INSERT OR REPLACE INTO case_facts (case_id, track, outcome, registered_at, closed_at, received_on,
                notice_due_on, notice_on, accepted_on, due_on, extended, persons_involved, households_involved, rating,
                jm_decisions, awaiting_jm, key_dates)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(caseID), .text(facts.track.rawValue), .optionalText(facts.outcome), .int64(facts.registeredAt),
                facts.closedAt.map { .int64($0) } ?? .null, .optionalText(facts.receivedOn),
                .optionalText(facts.noticeDueOn), .optionalText(facts.noticeOn), .optionalText(facts.acceptedOn),
                .optionalText(facts.dueOn), .bool(facts.extended), .integer(facts.personsInvolved),
                .integer(facts.householdsInvolved), .optionalText(facts.rating), .integer(facts.jointMeetingDecisions),
                .bool(facts.awaitingJointMeeting), .text(keyDates),
            ]
        )
        let stored = try await db.first("SELECT count(*) AS n FROM contacts WHERE case_id = ?", [.text(caseID)])
        let known = Int(try stored.map { try RowReader(row: $0, table: "contacts").int64("n") } ?? 0)
        for contact in facts.contacts.dropFirst(known) {
            if let session = contact.sessionID,
                try await db.first("SELECT 1 FROM reception_sessions WHERE id = ?", [.text(session)]) == nil
            {
                throw StoreError(code: .notFound, message: "village-reception session \(session) does not exist")
            }
            try await db.query(
                """
                INSERT INTO contacts (seq, id, case_id, channel, occurred_on, headcount, session_id, person_keys,
                                      is_follow_up, recorded_at)
                SELECT next.seq, printf('CT-%06d', next.seq), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
                FROM (SELECT IFNULL(max(seq), 0) + 1 AS seq FROM contacts) AS next
                """,
                [
                    .text(caseID), .text(contact.channel), .text(contact.occurredOn), .integer(contact.headcount),
                    .optionalText(contact.sessionID), jsonArray(contact.personKeys), .bool(contact.isFollowUp),
                    .int64(recordedAt),
                ]
            )
        }
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, so stored JSON is byte-stable.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
