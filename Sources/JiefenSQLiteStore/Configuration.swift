extension SQLiteCaseStore {
    /// Settings of an SQLite store. Durability is not configurable: WAL mode with `synchronous=FULL` always.
    public struct Configuration: Sendable {
        /// Read-only connections serving reads in parallel with the writer.
        public var readerCount: Int = 2
        /// The most writes committed in one transaction; more queued writes wait for the next one.
        public var maximumBatchSize: Int = 256
        /// How long a connection waits for a lock another connection or process holds before it gives up with
        /// ``StoreError/Code/unavailable`` (SQLite's `busy_timeout`, set on every connection).
        public var busyTimeout: Duration = .seconds(5)
        /// Whether ``SQLiteCaseStore/open(path:configuration:logger:)`` runs `PRAGMA quick_check` before anything
        /// else and refuses a damaged database.
        public var checksIntegrityOnOpen = true

        /// Creates the default configuration.
        public init() {}

        /// Two readers, batches of at most 256 writes, a 5 s busy timeout, a quick check on open.
        public static let defaults = Configuration()
    }
}
