import Foundation
import JiefenSQLiteStore
import Logging
import SQLiteNIO

/// A fresh directory under the system's temporary directory, removed by ``remove()``.
struct TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("jiefen-store-\(UInt64.random(in: 0...UInt64.max))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        self.path = url.path
    }

    /// The database path the server would use inside its data directory.
    var databasePath: String { self.path + "/jiefen.sqlite" }

    func remove() {
        try? FileManager.default.removeItem(atPath: self.path)
    }
}

/// A logger that drops everything, so tests neither print nor bootstrap the logging system.
let quietLogger = Logger(label: "jiefen.store.tests", factory: { _ in SwiftLogNoOpLogHandler() })

/// Opens a store on a new temporary file database, runs `body`, then closes the store and removes the files.
func withTemporaryStore<T>(
    configuration: SQLiteCaseStore.Configuration = .defaults,
    _ body: (SQLiteCaseStore, TemporaryDirectory) async throws -> T
) async throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try await SQLiteCaseStore.open(
        path: directory.databasePath, configuration: configuration, logger: quietLogger)
    do {
        let result = try await body(store, directory)
        try await store.close()
        return result
    } catch {
        try? await store.close()
        throw error
    }
}

/// Opens a plain sqlite-nio connection to a database file with foreign keys on, for checking the schema's own
/// defences without going through the store.
func withRawConnection<T>(path: String, _ body: (SQLiteConnection) async throws -> T) async throws -> T {
    let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: quietLogger)
    do {
        _ = try await connection.query("PRAGMA foreign_keys = ON")
        let result = try await body(connection)
        try await connection.close()
        return result
    } catch {
        try? await connection.close()
        throw error
    }
}
