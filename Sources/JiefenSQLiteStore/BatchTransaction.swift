import JiefenStore

/// Runs one batch of writes as one transaction with one COMMIT.
///
/// Every write's outcome is the one it would have had in its own SAVEPOINT: a write that fails is undone alone and
/// the others commit. Savepoints cost two extra statements per write (and each statement is a hop to the SQLite
/// thread pool), so the batch is first run optimistically without them. If every write succeeds, that run
/// commits. If one fails, the optimistic run is rolled back whole and the batch is run again with each write in its
/// own SAVEPOINT (`SAVEPOINT write` … `RELEASE write`, or `ROLLBACK TO write` on failure), and that run commits.
/// Writes only touch the database, so running one again is safe.
enum BatchTransaction {
    /// What happened to a batch.
    struct Outcome {
        /// One result per write, in batch order; successes count only because the COMMIT returned.
        var results: [Result<any Sendable, StoreError>]
        /// COMMITs issued (0 or 1).
        var commits: Int
        /// Whether the batch had to be run again with savepoints.
        var reran: Bool
        /// Set when the transaction itself failed and every write failed with it.
        var batchFailure: StoreError?
    }

    /// Runs the writes and commits.
    /// - Parameters:
    ///   - writes: The writes, in queue order.
    ///   - db: The writer connection, outside any transaction.
    /// - Returns: Each write's result and what it took.
    static func run(_ writes: [GroupCommitQueue.Write], on db: Database) async -> Outcome {
        do {
            try await db.query("BEGIN IMMEDIATE")
            var values: [any Sendable] = []
            values.reserveCapacity(writes.count)
            var firstFailure: StoreError?
            for write in writes {
                do {
                    values.append(try await write(db))
                } catch {
                    firstFailure = .wrapping(error)
                    break
                }
            }
            guard let firstFailure else {
                try await db.query("COMMIT")
                return Outcome(results: values.map { .success($0) }, commits: 1, reran: false)
            }
            // SQLite may already have rolled the transaction back itself (a full disk, an I/O error); then this
            // ROLLBACK fails harmlessly, and a transaction still open would make the rerun's BEGIN fail the batch.
            _ = try? await db.query("ROLLBACK")
            if writes.count == 1 {
                return Outcome(results: [.failure(firstFailure)], commits: 0, reran: false)
            }
            return Outcome(results: try await self.runWithSavepoints(writes, on: db), commits: 1, reran: true)
        } catch {
            _ = try? await db.query("ROLLBACK")
            // The cause comes first, so a full disk reads "the database disk is full: …".
            let failure = StoreError(
                code: .unavailable,
                message: "\(StoreError.wrapping(error).message); the write was not committed"
            )
            return Outcome(
                results: Array(repeating: .failure(failure), count: writes.count),
                commits: 0,
                reran: false,
                batchFailure: failure
            )
        }
    }

    /// Runs each write in its own savepoint inside one transaction and commits.
    /// - Throws: If the transaction itself fails (BEGIN, a savepoint statement, COMMIT); the caller rolls back.
    private static func runWithSavepoints(
        _ writes: [GroupCommitQueue.Write],
        on db: Database
    ) async throws -> [Result<any Sendable, StoreError>] {
        var results: [Result<any Sendable, StoreError>] = []
        results.reserveCapacity(writes.count)
        try await db.query("BEGIN IMMEDIATE")
        for write in writes {
            try await db.query("SAVEPOINT write")
            do {
                let value = try await write(db)
                try await db.query("RELEASE write")
                results.append(.success(value))
            } catch {
                // Undo this write only; if even that fails the transaction is gone (SQLite rolls it back itself on
                // a full disk) and the batch fails with this write's error as the cause.
                do {
                    try await db.query("ROLLBACK TO write")
                    try await db.query("RELEASE write")
                } catch _ {
                    throw error
                }
                results.append(.failure(.wrapping(error)))
            }
        }
        try await db.query("COMMIT")
        return results
    }
}
