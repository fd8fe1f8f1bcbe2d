/// Counters of the group-commit writer since the store was opened.
///
/// `writes / commits` is the average batch size: with many concurrent callers it grows, and one fsync serves
/// many acknowledged writes.
public struct WriteStatistics: Hashable, Sendable {
    /// Transactions committed (each is one durable sync of the write-ahead log).
    public var commits: Int = 0
    /// Writes run inside those transactions, successful or not.
    public var writes: Int = 0
    /// Writes that failed on their own (a version conflict, a constraint) and were rolled back to their savepoint
    /// without failing the rest of their batch.
    public var failedWrites: Int = 0
    /// Transactions that could not commit; every write in them failed.
    public var failedCommits: Int = 0
    /// Batches in which a write failed, so the batch was rolled back and run again with each write in its own
    /// savepoint.
    public var savepointReruns: Int = 0
    /// The most writes committed together.
    public var largestBatch: Int = 0

    /// Creates zeroed statistics.
    public init() {}
}
