import JiefenStore
import SQLiteNIO

/// The `requests` table: which record each client-chosen request id created, so retries are answered with the
/// same record instead of writing again.
enum RequestLog {
    /// The kinds of record a request id can name (the table's CHECK lists the same, since migration 3).
    typealias Kind = RequestKind

    /// Checks a request id's shape.
    /// - Throws: ``StoreError/Code/invalidArgument`` for an empty id or one longer than 200 characters.
    static func validate(_ requestID: String) throws {
        guard (1...200).contains(requestID.utf8.count) else {
            throw StoreError(
                code: .invalidArgument,
                message: "a request id must have 1 to 200 bytes, this one has \(requestID.utf8.count)"
            )
        }
    }

    /// Finds the record an earlier request with this id created.
    /// - Returns: The record's id, or `nil` for a new request id.
    /// - Throws: ``StoreError/Code/alreadyExists`` if the id was used for another kind of record.
    static func lookup(_ db: Database, requestID: String, kind: Kind) async throws -> String? {
        try self.validate(requestID)
        guard
            let row = try await db.first(
                "SELECT kind, target_id FROM requests WHERE request_id = ?",
                [.text(requestID)]
            )
        else { return nil }
        let r = RowReader(row: row, table: "requests")
        let storedKind = try r.text("kind")
        guard storedKind == kind.rawValue else {
            throw StoreError(
                code: .alreadyExists,
                message: "request id '\(requestID)' was already used to create a \(storedKind), not a \(kind.rawValue)"
            )
        }
        return try r.text("target_id")
    }

    /// Records that a request id created a record.
    static func save(_ db: Database, requestID: String, kind: Kind, targetID: String, recordedAt: Int64) async throws {
        try await db.query(
            "INSERT INTO requests (request_id, kind, target_id, recorded_at) VALUES (?, ?, ?, ?)",
            [.text(requestID), .text(kind.rawValue), .text(targetID), .int64(recordedAt)]
        )
    }

    /// Takes the next value of a named sequence (`session`, `meeting`) and formats it as an id.
    static func nextID(_ db: Database, sequence: String, prefix: String) async throws -> String {
        guard
            let row = try await db.first(
                "UPDATE sequences SET value = value + 1 WHERE name = ? RETURNING printf('%s-%06d', ?, value) AS id",
                [.text(sequence), .text(prefix)]
            )
        else {
            throw StoreError(code: .internalError, message: "the id sequence '\(sequence)' is missing")
        }
        return try RowReader(row: row, table: "sequences").text("id")
    }
}
