extension SQLiteCaseStore {
    /// Settings of an SQLite store. Durability is not configurable: WAL mode with `synchronous=FULL` always.
    public struct Configuration: Sendable {
        /// Read-only connections serving reads in parallel with the writer.
        public var readerCount: Int = 2
        /// The most writes committed in one transaction; more queued writes wait for the next one.
        public var maximumBatchSize: Int = 256

        /// Creates the default configuration.
        public init() {}

        /// Two readers, batches of at most 256 writes.
        public static let defaults = Configuration()
    }
}
