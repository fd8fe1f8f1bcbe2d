import JiefenStore
import NIOCore
import SQLiteNIO

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    public import Foundation
#endif

/// Reads typed columns from a result row; a missing or mistyped column is an ``StoreError/Code/internalError``
/// naming the table and column.
struct RowReader {
    /// The row being read.
    let row: SQLiteRow
    /// The table name, for error messages.
    let table: String

    func text(_ name: String) throws -> String {
        guard case .text(let value)? = self.row.column(name) else { throw self.corrupt(name) }
        return value
    }

    func optionalText(_ name: String) throws -> String? {
        switch self.row.column(name) {
        case .text(let value)?: return value
        case .null?: return nil
        default: throw self.corrupt(name)
        }
    }

    func int64(_ name: String) throws -> Int64 {
        guard case .integer(let value)? = self.row.column(name) else { throw self.corrupt(name) }
        return Int64(value)
    }

    /// A number column (REAL or INTEGER); NULL reads as 0, as SQL aggregates over no rows give NULL.
    func double(_ name: String) throws -> Double {
        switch self.row.column(name) {
        case .float(let value)?: return value
        case .integer(let value)?: return Double(value)
        case .null?: return 0
        default: throw self.corrupt(name)
        }
    }

    /// An integer column where NULL (an aggregate over no rows) reads as 0.
    func count(_ name: String) throws -> Int {
        switch self.row.column(name) {
        case .integer(let value)?: return Int(value)
        case .float(let value)?: return Int(value)
        case .null?: return 0
        default: throw self.corrupt(name)
        }
    }

    func bool(_ name: String) throws -> Bool {
        try self.int64(name) != 0
    }

    func bytes(_ name: String) throws -> [UInt8] {
        switch self.row.column(name) {
        case .blob(let buffer)?: return Array(buffer.readableBytesView)
        case .null?: return [] // SQLite may hand back an empty BLOB as NULL.
        default: throw self.corrupt(name)
        }
    }

    func stringArray(_ name: String) throws -> [String] {
        let json = try self.text(name)
        do {
            return try JSONDecoder().decode([String].self, from: Data(json.utf8))
        } catch {
            throw self.corrupt(name)
        }
    }

    private func corrupt(_ column: String) -> StoreError {
        StoreError(code: .internalError, message: "unreadable column \(self.table).\(column) in the database")
    }
}

/// Encodes a list of strings as a JSON array for a TEXT column.
/// - Parameter strings: The strings.
/// - Returns: The JSON text.
func jsonArray(_ strings: [String]) -> SQLiteData {
    let data = (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8)
    return .text(String(decoding: data, as: UTF8.self))
}
