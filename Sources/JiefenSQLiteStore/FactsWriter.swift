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
            _ = try await SQLiteCaseStore.insertContact(
                db,
                ContactDraft(
                    caseID: caseID, channel: contact.channel, occurredOn: contact.occurredOn, headcount: contact.headcount,
                    sessionID: contact.sessionID, personKeys: contact.personKeys, isFollowUp: contact.isFollowUp,
                    recordedAt: recordedAt
                ))
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
