public import JiefenStore
public import Logging
package import SQLiteNIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    public import Darwin
#endif

/// The embedded ``CaseStore``: one SQLite database file in WAL mode, written with `synchronous=FULL` so a write is
/// acknowledged only once its COMMIT is durable, and concurrent writes are group-committed.
///
/// One writer connection is owned by a group-commit queue: concurrent writes share one transaction (each in its
/// own savepoint) and one sync of the log. Reads go to a small pool of read-only connections and see the last
/// committed state without waiting for the writer. All SQLite calls run on sqlite-nio's thread pool, never on an
/// event loop.
///
/// ```swift
/// let store = try await SQLiteCaseStore.open(path: dataDirectory + "/jiefen.sqlite", logger: logger)
/// defer { Task { try await store.close() } }   // in a server: close in the shutdown path instead
/// let created = try await store.createCase(requestID: requestID, draft, firstEvent: registered)
/// ```
public final class SQLiteCaseStore: CaseStore {
    /// The database file.
    public let path: String
    let writer: GroupCommitQueue
    let readers: ReaderPool
    private let writerDatabase: Database
    let logger: Logger

    private init(path: String, writer: Database, readers: [Database], configuration: Configuration, logger: Logger) {
        self.path = path
        self.writerDatabase = writer
        self.writer = GroupCommitQueue(
            database: writer,
            maximumBatchSize: configuration.maximumBatchSize,
            logger: logger
        )
        self.readers = ReaderPool(readers: readers)
        self.logger = logger
    }

    /// Opens (creating if needed) the database at `path`, makes its files private to the owner (0600), checks it
    /// with `PRAGMA quick_check`, sets WAL mode, `synchronous=FULL`, foreign keys and a busy timeout on every
    /// connection, and applies the migrations it lacks.
    /// - Parameters:
    ///   - path: The database file, for example `<data-dir>/jiefen.sqlite`; its directory must exist.
    ///   - configuration: Reader count and batch limit.
    ///   - logger: Where the store logs (no personal data is logged).
    /// - Returns: The open store; call ``close()`` when done.
    /// - Throws: ``StoreError/Code/unavailable`` if the file cannot be opened or made private, is damaged, WAL mode
    ///   cannot be set, or the schema is newer than this build or was edited.
    public static func open(
        path: String,
        configuration: Configuration = .defaults,
        logger: Logger
    ) async throws -> SQLiteCaseStore {
        var opened: [Database] = []
        do {
            let writer = try await Self.connect(path: path, configuration: configuration, logger: logger)
            opened.append(writer)
            if let (file, error) = DatabaseFiles.restrictToOwner(path).first {
                throw StoreError(
                    code: .unavailable,
                    message: "cannot make \(file) private to its owner (chmod 600): \(String(cString: strerror(error)))"
                )
            }
            if configuration.checksIntegrityOnOpen {
                let started = ContinuousClock.now
                try await IntegrityCheck.run(.quick, on: writer, path: path)
                logger.info(
                    "store integrity checked",
                    metadata: ["store.check": "quick_check", "store.check_ms": "\((ContinuousClock.now - started).milliseconds)"]
                )
            }
            let journalMode = try await writer.first("PRAGMA journal_mode = WAL")?.columns.first?.data.string
            guard journalMode?.lowercased() == "wal" else {
                throw StoreError(
                    code: .unavailable,
                    message: "cannot use write-ahead logging for \(path) (journal mode is \(journalMode ?? "unknown"))"
                )
            }
            try await writer.query("PRAGMA synchronous = FULL")
            try await writer.query("PRAGMA foreign_keys = ON")
            let applied = try await Migrator.migrate(writer, migrations: Migration.all, now: UnixTime.now())
            if !applied.isEmpty {
                logger.info("store schema migrated", metadata: ["store.migrations": "\(applied)"])
            }
            var readers: [Database] = []
            for _ in 0..<max(1, configuration.readerCount) {
                let reader = try await Self.connect(path: path, configuration: configuration, logger: logger)
                opened.append(reader)
                try await reader.query("PRAGMA query_only = ON")
                readers.append(reader)
            }
            return SQLiteCaseStore(
                path: path,
                writer: writer,
                readers: readers,
                configuration: configuration,
                logger: logger
            )
        } catch {
            for db in opened { await db.close() }
            throw StoreError.wrapping(error)
        }
    }

    private static func connect(path: String, configuration: Configuration, logger: Logger) async throws -> Database {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch let error as SQLiteError {
            throw StoreError(code: .unavailable, message: "cannot open the database \(path): \(error.message)")
        }
        let db = Database(connection: connection)
        do {
            // Before any other statement: a lock held elsewhere (a backup, an operator's sqlite3) is waited for.
            try await db.query("PRAGMA busy_timeout = \(configuration.busyTimeout.milliseconds)")
        } catch {
            await db.close()
            throw error
        }
        return db
    }

    /// Counters of the group-commit writer: commits, writes, failed writes, largest batch.
    public var statistics: WriteStatistics { self.writer.statistics }

    /// Lets the queued writes commit, then closes every connection (the last close checkpoints the log into the
    /// database file). Later calls throw ``StoreError/Code/unavailable``; closing again does nothing.
    public func close() async throws {
        guard await self.writer.shutdown() else { return }
        await self.readers.close()
        await self.writerDatabase.close()
        self.logger.debug("store closed", metadata: ["store.path": "\(self.path)"])
    }
}

extension SQLiteCaseStore {
    /// Runs raw statements on the writer connection inside the group commit, for tests that check the schema's
    /// own defences (triggers, constraints) and the batching.
    package func withWriter<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) async throws -> T)
        async throws -> T
    {
        try await self.writer.submit { db in try await body(db.connection) }
    }

    /// The number of writes waiting for the transaction in progress, for tests of the batching.
    package var queuedWrites: Int { self.writer.queuedWrites }

    /// Runs `PRAGMA integrity_check` on the writer connection, for tests after a crash or a full disk.
    /// - Throws: ``StoreError/Code/unavailable`` listing the problems, if any.
    package func checkIntegrity() async throws {
        let path = self.path
        try await self.writer.submit { db in try await IntegrityCheck.run(.full, on: db, path: path) }
    }

    /// Reads a pragma on a reader connection, for tests of the per-connection settings.
    package func readerPragma(_ name: String) async throws -> String? {
        try await self.readers.read { db in try await db.pragma(name) }
    }

    /// Reads a pragma on the writer connection outside any transaction, for tests of the durability settings.
    package func writerPragma(_ name: String) async throws -> String? {
        try await self.writer.submit { db in try await db.pragma(name) ?? "" }
    }
}
