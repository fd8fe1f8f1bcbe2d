import JiefenStore
import SQLiteNIO

/// SQLite's own consistency checks, run when the store opens and by tests after a crash.
enum IntegrityCheck {
    /// How thorough a check is.
    enum Depth: String {
        /// `PRAGMA quick_check`: every page, record and b-tree structure, in time linear in the file's size; it does
        /// not cross-check that indexes hold exactly the rows of their tables (that costs a lookup per row).
        case quick = "quick_check"
        /// `PRAGMA integrity_check`: `quick_check` plus the index-against-table and UNIQUE checks.
        case full = "integrity_check"
    }

    /// The most problems a check lists before it stops.
    static let problemLimit = 10

    /// Runs a check and throws if it finds anything.
    /// - Parameters:
    ///   - depth: ``Depth/quick`` when opening, ``Depth/full`` when time does not matter.
    ///   - db: A connection to the database.
    ///   - path: The database file, for the message.
    /// - Throws: ``StoreError/Code/unavailable`` naming the file, the first problems and what to do.
    static func run(_ depth: Depth, on db: Database, path: String) async throws {
        let problems: [String]
        do {
            problems = try await db.connection.query("PRAGMA \(depth.rawValue)(\(problemLimit))")
                .compactMap { $0.columns.first?.data.string }
        } catch let error as SQLiteError {
            switch error.reason {
            case .corrupt, .corruptIndex, .corruptSequenceSchema, .corruptVirtualTable, .notADatabase:
                throw damaged(path, problems: [error.message])
            default:
                throw StoreError(error)
            }
        }
        guard problems != ["ok"] else { return }
        throw damaged(path, problems: problems)
    }

    /// The error for a damaged database file.
    static func damaged(_ path: String, problems: [String]) -> StoreError {
        StoreError(
            code: .unavailable,
            message: "the database file \(path) is damaged (\(problems.prefix(3).joined(separator: "; "))"
                + "\(problems.count > 3 ? "; …" : "")): jiefend did not start and left the file as it is; stop "
                + "anything else using it, keep a copy, and restore the data directory from a backup"
        )
    }
}
