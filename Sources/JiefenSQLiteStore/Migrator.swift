import JiefenStore
import SQLiteNIO

/// Applies the numbered migrations a database lacks, in order, each in its own transaction, and records them in
/// the `migrations` table.
enum Migrator {
    /// Brings the database's schema up to date.
    /// - Parameters:
    ///   - db: The writer connection.
    ///   - migrations: The migrations this build knows, in order.
    ///   - now: The time to record, unix seconds.
    /// - Returns: The versions applied by this call.
    /// - Throws: ``StoreError/Code/unavailable`` if the database was written by a newer build, a shipped migration
    ///   was edited, or a migration failed (then nothing of it is applied).
    @discardableResult
    static func migrate(_ db: Database, migrations: [Migration], now: Int64) async throws -> [Int] {
        try await db.query(
            """
            CREATE TABLE IF NOT EXISTS migrations (
                version INTEGER PRIMARY KEY CHECK (version >= 1),
                name TEXT NOT NULL,
                checksum TEXT NOT NULL,
                applied_at INTEGER NOT NULL
            ) STRICT
            """)
        let applied = try await db.query("SELECT version, name, checksum FROM migrations ORDER BY version")
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for row in applied {
            let version = row.column("version")?.integer ?? 0
            guard let migration = known[version] else {
                throw StoreError(
                    code: .unavailable,
                    message: "the database has schema migration \(version), which this build does not know "
                        + "(it knows 1...\(migrations.count)); run a newer jiefend on this data directory"
                )
            }
            guard row.column("checksum")?.string == migration.checksum else {
                throw StoreError(
                    code: .unavailable,
                    message: "schema migration \(version) (\(migration.name)) differs from the one applied to the "
                        + "database; shipped migrations must never be edited, add a new one instead"
                )
            }
        }
        let appliedVersions = Set(applied.compactMap { $0.column("version")?.integer })
        var newlyApplied: [Int] = []
        for migration in migrations where !appliedVersions.contains(migration.version) {
            do {
                try await db.query("BEGIN IMMEDIATE")
                for statement in migration.statements {
                    try await db.query(statement)
                }
                try await db.query(
                    "INSERT INTO migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
                    [.integer(migration.version), .text(migration.name), .text(migration.checksum), .int64(now)]
                )
                try await db.query("COMMIT")
            } catch {
                _ = try? await db.query("ROLLBACK")
                throw StoreError(
                    code: .unavailable,
                    message: "schema migration \(migration.version) (\(migration.name)) failed: "
                        + StoreError.wrapping(error).message
                )
            }
            newlyApplied.append(migration.version)
        }
        return newlyApplied
    }
}
