import JiefenStore
import NIOCore
import SQLiteNIO

/// One SQLite connection seen through the store's eyes: every statement runs on sqlite-nio's thread pool (never
/// on an event loop) and every failure comes out as a ``StoreError``.
struct Database: Sendable {
    /// The sqlite-nio connection; `Sendable` (serialized mode, calls confined to its thread pool).
    let connection: SQLiteConnection

    /// Runs one SQL statement and returns its rows.
    /// - Parameters:
    ///   - sql: A single statement; sqlite-nio prepares only the first statement of a string.
    ///   - binds: Values for the `?` parameters.
    /// - Returns: The result rows, if any.
    /// - Throws: ``StoreError`` mapped from the SQLite result code.
    @discardableResult
    func query(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
        do {
            return try await self.connection.query(sql, binds)
        } catch let error as SQLiteError {
            throw StoreError(error)
        }
    }

    /// Runs a statement expected to return at most one row.
    /// - Parameters:
    ///   - sql: A single statement.
    ///   - binds: Values for the `?` parameters.
    /// - Returns: The first row, or `nil`.
    func first(_ sql: String, _ binds: [SQLiteData] = []) async throws -> SQLiteRow? {
        try await self.query(sql, binds).first
    }

    /// Reads a pragma's current value as text, for checks and tests.
    /// - Parameter name: The pragma name, such as `journal_mode`.
    /// - Returns: The value of the first column of the first row, or `nil`.
    func pragma(_ name: String) async throws -> String? {
        try await self.first("PRAGMA \(name)")?.columns.first?.data.string
    }

    /// Closes the connection, ignoring a connection that is already closed.
    func close() async {
        try? await self.connection.close()
    }
}

extension SQLiteData {
    /// Binds bytes as a BLOB.
    static func bytes(_ bytes: [UInt8]) -> SQLiteData { .blob(ByteBuffer(bytes: bytes)) }

    /// Binds an optional string as TEXT or NULL.
    static func optionalText(_ text: String?) -> SQLiteData { text.map { .text($0) } ?? .null }

    /// Binds a Boolean as the integer 0 or 1.
    static func bool(_ value: Bool) -> SQLiteData { .integer(value ? 1 : 0) }

    /// Binds a 64-bit integer.
    static func int64(_ value: Int64) -> SQLiteData { .integer(SQLiteInt64(value)) }
}
