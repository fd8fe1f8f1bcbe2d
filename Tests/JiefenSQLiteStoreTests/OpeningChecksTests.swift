import Foundation
import JiefenSQLiteStore
import JiefenStore
import JiefenStoreTesting
import Testing

/// What the store checks and sets when it opens a database: a busy timeout on every connection, private file modes,
/// and a quick check that refuses a damaged file.
@Suite("SQLite store: opening checks")
struct OpeningChecksTests {
    @Test("every connection waits 5 s for a lock held elsewhere")
    func busyTimeoutOnEveryConnection() async throws {
        try await withTemporaryStore { store, _ in
            let writer = try await store.writerPragma("busy_timeout")
            let reader = try await store.readerPragma("busy_timeout")
            #expect(writer == "5000")
            #expect(reader == "5000")
        }
        var configuration = SQLiteCaseStore.Configuration()
        configuration.busyTimeout = .milliseconds(250)
        try await withTemporaryStore(configuration: configuration) { store, _ in
            let writer = try await store.writerPragma("busy_timeout")
            #expect(writer == "250")
        }
    }

    @Test("the database, its log and its shared-memory file are private to the owner, whatever the umask")
    func filesAreOwnerOnly() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A database left readable by an older build is made private too.
        _ = FileManager.default.createFile(atPath: directory.databasePath, contents: nil, attributes: [.posixPermissions: 0o644])
        let store = try await SQLiteCaseStore.open(path: directory.databasePath, logger: quietLogger)
        _ = try await StoreFixtures.createCase(in: store)
        for suffix in ["", "-wal", "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.databasePath + suffix)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "jiefen.sqlite\(suffix)")
        }
        try await store.close()
    }

    @Test("a damaged database is refused at open with a message naming the file, and left as it is")
    func damagedDatabaseIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await SQLiteCaseStore.open(path: directory.databasePath, logger: quietLogger)
        for index in 0..<40 { _ = try await StoreFixtures.createCase(in: store, requestID: "r\(index)") }
        try await store.checkIntegrity()
        try await store.close()
        try Self.damagePages(of: directory.databasePath)
        let damaged = try Data(contentsOf: URL(fileURLWithPath: directory.databasePath))

        let error = await #expect(throws: StoreError.self) {
            try await SQLiteCaseStore.open(path: directory.databasePath, logger: quietLogger)
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("the database file \(directory.databasePath) is damaged") == true)
        #expect(error?.message.contains("restore the data directory from a backup") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.databasePath)) == damaged)
    }

    /// Overwrites the b-tree page header of every page after the first (the schema page) with garbage.
    static func damagePages(of path: String) throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        #expect(bytes.count / pageSize > 3)
        for page in stride(from: pageSize, to: bytes.count, by: pageSize) {
            bytes.replaceSubrange(page..<page + 12, with: [UInt8](repeating: 0x7F, count: 12))
        }
        try bytes.write(to: URL(fileURLWithPath: path))
    }
}
