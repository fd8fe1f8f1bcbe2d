import JiefenStore
import JiefenStoreTesting
import SQLiteNIO
import Testing

@testable import JiefenSQLiteStore

@Suite("SQLite schema migrations")
struct MigrationTests {
    @Test("a new database records every migration with its checksum, and reopening applies none again")
    func freshDatabaseRecordsMigrations() async throws {
        try await withTemporaryStore { store, directory in
            try await store.close()
            let before = try await Self.migrationRows(directory.databasePath)
            #expect(before.map(\.version) == Migration.all.map(\.version))
            #expect(before.map(\.checksum) == Migration.all.map(\.checksum))
            #expect(Migration.all.map(\.version) == Array(1...Migration.all.count))

            let reopened = try await SQLiteCaseStore.open(path: directory.databasePath, logger: quietLogger)
            try await reopened.close()
            #expect(try await Self.migrationRows(directory.databasePath) == before)
        }
    }

    @Test("migration 3 keeps every request id of a version 2 database and lets events have one")
    func eventRequestsMigrationKeepsRequests() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try await SQLiteConnection.open(storage: .file(path: directory.databasePath), logger: quietLogger)
        let db = Database(connection: connection)
        _ = try await Migrator.migrate(db, migrations: [.v1Initial, .v2Statistics], now: 1)
        _ = try await db.query("INSERT INTO requests (request_id, kind, target_id, recorded_at) VALUES ('old', 'session', 'VR-000001', 5)")
        await #expect(throws: (any Error).self) {
            _ = try await db.query("INSERT INTO requests (request_id, kind, target_id, recorded_at) VALUES ('e', 'event', 'JF-000001', 6)")
        }
        #expect(try await Migrator.migrate(db, migrations: Migration.all, now: 2) == [3])
        let kept = try await db.query("SELECT request_id, kind, target_id FROM requests")
        #expect(kept.map { $0.column("target_id")?.string } == ["VR-000001"])
        _ = try await db.query("INSERT INTO requests (request_id, kind, target_id, recorded_at) VALUES ('e', 'event', 'JF-000001', 6)")
        await #expect(throws: (any Error).self) {
            _ = try await db.query(
                "INSERT INTO requests (request_id, kind, target_id, recorded_at) VALUES ('x', 'nonsense', 'JF-000001', 6)")
        }
        try await connection.close()
    }

    @Test("a database from a newer build is refused")
    func newerSchemaIsRefused() async throws {
        try await withTemporaryStore { store, directory in
            try await store.close()
            try await withRawConnection(path: directory.databasePath) { db in
                _ = try await db.query(
                    "INSERT INTO migrations (version, name, checksum, applied_at) VALUES (99, 'future', 'x', 0)")
            }
            let error = await #expect(throws: StoreError.self) {
                try await SQLiteCaseStore.open(path: directory.databasePath, logger: quietLogger)
            }
            #expect(error?.code == .unavailable)
            #expect(error?.message.contains("99") == true)
        }
    }

    @Test("a shipped migration that was edited is refused")
    func editedMigrationIsRefused() async throws {
        try await withTemporaryStore { store, directory in
            try await store.close()
            try await withRawConnection(path: directory.databasePath) { db in
                _ = try await db.query("UPDATE migrations SET checksum = '0000000000000000' WHERE version = 1")
            }
            let error = await #expect(throws: StoreError.self) {
                try await SQLiteCaseStore.open(path: directory.databasePath, logger: quietLogger)
            }
            #expect(error?.message.contains("never be edited") == true)
        }
    }

    @Test("later migrations apply in order, and a failing one leaves nothing of itself behind")
    func migrationsApplyInOrderAtomically() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let shipped = Migration.all.map(\.version)
        let next = shipped.count + 1
        let second = Migration(
            version: next, name: "add notes",
            statements: [
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT"
            ])
        let broken = Migration(
            version: next + 1, name: "broken",
            statements: [
                "CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT",
                "THIS IS NOT SQL",
            ])
        let connection = try await SQLiteConnection.open(storage: .file(path: directory.databasePath), logger: quietLogger)
        let db = Database(connection: connection)
        #expect(try await Migrator.migrate(db, migrations: Migration.all + [second], now: 1) == shipped + [next])
        #expect(try await Migrator.migrate(db, migrations: Migration.all + [second], now: 2) == [])
        await #expect(throws: StoreError.self) {
            try await Migrator.migrate(db, migrations: Migration.all + [second, broken], now: 3)
        }
        let tables = try await db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('notes', 'half_done')")
        #expect(tables.compactMap { $0.column("name")?.string } == ["notes"])
        #expect(try await db.query("SELECT version FROM migrations").compactMap { $0.column("version")?.integer } == shipped + [next])
        await db.close()
    }

    private struct Row: Equatable {
        var version: Int
        var checksum: String
        var appliedAt: Int
    }

    private static func migrationRows(_ path: String) async throws -> [Row] {
        try await withRawConnection(path: path) { db in
            try await db.query("SELECT version, checksum, applied_at FROM migrations ORDER BY version").map {
                Row(
                    version: $0.column("version")?.integer ?? -1, checksum: $0.column("checksum")?.string ?? "",
                    appliedAt: $0.column("applied_at")?.integer ?? -1)
            }
        }
    }
}
