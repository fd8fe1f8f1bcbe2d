import JiefenStore
import Logging
import Synchronization

/// Serializes all writes onto the single writer connection and commits concurrent writes together.
///
/// Leader/follower group commit, entirely in the callers' tasks (no spawned tasks): the first caller to find the
/// writer idle becomes the leader and runs a transaction with its own write plus every write queued so far. While
/// that transaction commits, new callers queue and suspend. When the leader is done it hands the writer to the
/// first queued caller, who leads the next transaction with everything queued behind it. A write that fails is
/// rolled back alone (its own SAVEPOINT, see ``BatchTransaction``) and the rest of its batch still commits; every
/// caller is resumed with its own result only after the COMMIT returned.
///
/// All mutable state lives in one `Mutex`; no lock is held across an `await`.
final class GroupCommitQueue: Sendable {
    /// A write: statements run on the writer connection inside the batch's transaction; its value is the caller's
    /// result. It must only touch the database, since a batch may run it twice (see ``BatchTransaction``).
    typealias Write = @Sendable (Database) async throws -> any Sendable

    private enum Turn: Sendable {
        case lead
        case done(Result<any Sendable, StoreError>)
    }

    private struct Waiter: Sendable {
        var write: Write
        var continuation: CheckedContinuation<Turn, Never>
    }

    private struct State: Sendable {
        var queue: [Waiter] = []
        var leaderActive = false
        var closed = false
        var closeWaiter: CheckedContinuation<Bool, Never>?
        var statistics = WriteStatistics()
    }

    private let state = Mutex(State())
    private let database: Database
    private let maximumBatchSize: Int
    private let logger: Logger

    /// Creates a queue owning the writer connection.
    /// - Parameters:
    ///   - database: The writer connection, already configured and migrated.
    ///   - maximumBatchSize: The most writes one transaction takes.
    ///   - logger: Where commit failures are logged.
    init(database: Database, maximumBatchSize: Int, logger: Logger) {
        self.database = database
        self.maximumBatchSize = max(1, maximumBatchSize)
        self.logger = logger
    }

    /// The counters so far.
    var statistics: WriteStatistics { self.state.withLock { $0.statistics } }

    /// Writes waiting for the current transaction to finish.
    var queuedWrites: Int { self.state.withLock { $0.queue.count } }

    /// Runs a write in the next transaction and returns once that transaction committed.
    /// - Parameter write: The statements to run on the writer connection; throwing rolls back only this write.
    /// - Returns: The write's value.
    /// - Throws: The write's own error, or ``StoreError/Code/unavailable`` if the transaction could not commit or
    ///   the store is closed.
    func submit<T: Sendable>(_ write: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        let erased: Write = { try await write($0) }
        let turn = await withCheckedContinuation { (continuation: CheckedContinuation<Turn, Never>) in
            let leadNow: Bool? = self.state.withLock { state in
                if state.closed { return nil }
                if state.leaderActive {
                    state.queue.append(Waiter(write: erased, continuation: continuation))
                    return false
                }
                state.leaderActive = true
                return true
            }
            switch leadNow {
            case nil: continuation.resume(returning: .done(.failure(.storeClosed)))
            case true?: continuation.resume(returning: .lead)
            case false?: break
            }
        }
        let result: Result<any Sendable, StoreError>
        switch turn {
        case .done(let outcome): result = outcome
        case .lead: result = await self.lead(with: erased)
        }
        guard let value = try result.get() as? T else {
            throw StoreError(code: .internalError, message: "a write returned a value of an unexpected type")
        }
        return value
    }

    /// Stops accepting writes, waits for the queued ones to commit, and keeps the writer for the caller to close.
    /// - Returns: `false` if the queue was already shut down.
    func shutdown() async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let action: Bool? = self.state.withLock { state in
                if state.closed { return false }
                state.closed = true
                if state.leaderActive {
                    state.closeWaiter = continuation
                    return nil
                }
                state.leaderActive = true
                return true
            }
            if let action { continuation.resume(returning: action) }
        }
    }

    private func lead(with own: @escaping Write) async -> Result<any Sendable, StoreError> {
        let followers = self.state.withLock { state in
            let count = min(state.queue.count, self.maximumBatchSize - 1)
            let taken = Array(state.queue.prefix(count))
            state.queue.removeFirst(count)
            return taken
        }
        let results = await self.runTransaction([own] + followers.map(\.write))
        self.handOff()
        for (follower, result) in zip(followers, results.dropFirst()) {
            follower.continuation.resume(returning: Turn.done(result))
        }
        return results[0]
    }

    private func handOff() {
        enum Next {
            case leader(Waiter)
            case close(CheckedContinuation<Bool, Never>)
            case idle
        }
        let next: Next = self.state.withLock { state in
            if !state.queue.isEmpty { return .leader(state.queue.removeFirst()) }
            if let closeWaiter = state.closeWaiter {
                state.closeWaiter = nil
                return .close(closeWaiter)
            }
            state.leaderActive = false
            return .idle
        }
        switch next {
        case .leader(let waiter): waiter.continuation.resume(returning: .lead)
        case .close(let continuation): continuation.resume(returning: true)
        case .idle: break
        }
    }

    private static func isStoreFailure(_ result: Result<any Sendable, StoreError>) -> Bool {
        if case .failure(let error) = result { error.code == .unavailable } else { false }
    }

    private func runTransaction(_ writes: [Write]) async -> [Result<any Sendable, StoreError>] {
        let outcome = await BatchTransaction.run(writes, on: self.database)
        let failed = outcome.results.count { if case .failure = $0 { true } else { false } }
        if let failure = outcome.batchFailure {
            self.logger.error(
                "store transaction failed",
                metadata: ["store.batch": "\(writes.count)", "error": "\(failure.message)"]
            )
        } else if case .failure(let failure)? = outcome.results.first(where: { Self.isStoreFailure($0) }) {
            // A write refused by the disk (full, I/O error) rather than by the data: the operator must act.
            self.logger.error(
                "store write failed",
                metadata: ["store.batch": "\(writes.count)", "error": "\(failure.message)"]
            )
        }
        self.state.withLock {
            $0.statistics.writes += writes.count
            $0.statistics.commits += outcome.commits
            $0.statistics.savepointReruns += outcome.reran ? 1 : 0
            if outcome.batchFailure != nil {
                $0.statistics.failedCommits += 1
            } else {
                $0.statistics.failedWrites += failed
                $0.statistics.largestBatch = max($0.statistics.largestBatch, writes.count)
            }
        }
        return outcome.results
    }
}
