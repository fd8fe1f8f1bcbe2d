import JiefenStore
import Synchronization

/// A small pool of read-only connections. In WAL mode each read sees the last committed state without waiting for
/// the writer. A read checks a connection out for one statement's duration; closing waits for reads in flight.
final class ReaderPool: Sendable {
    private struct State: Sendable {
        var idle: [Database]
        var waiters: [CheckedContinuation<Database?, Never>] = []
        var closed = false
    }

    private let state: Mutex<State>
    private let count: Int

    /// Creates a pool of already opened connections.
    /// - Parameter readers: The connections, configured `query_only`.
    init(readers: [Database]) {
        self.state = Mutex(State(idle: readers))
        self.count = readers.count
    }

    /// Runs a read on an idle connection, waiting for one if all are busy.
    /// - Parameter body: The read.
    /// - Returns: The read's value.
    /// - Throws: The read's error, or ``StoreError/Code/unavailable`` if the store is closed.
    func read<T: Sendable>(_ body: (Database) async throws -> T) async throws -> T {
        guard let db = await self.checkOut(evenIfClosed: false) else { throw StoreError.storeClosed }
        defer { self.checkIn(db) }
        do {
            return try await body(db)
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    /// Refuses new reads, waits for the reads in flight and closes every connection.
    func close() async {
        self.state.withLock { $0.closed = true }
        var taken: [Database] = []
        for _ in 0..<self.count {
            if let db = await self.checkOut(evenIfClosed: true) { taken.append(db) }
        }
        for db in taken { await db.close() }
    }

    private func checkOut(evenIfClosed: Bool) async -> Database? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Database?, Never>) in
            enum Outcome {
                case ready(Database?)
                case wait
            }
            let outcome: Outcome = self.state.withLock { state in
                if state.closed && !evenIfClosed { return .ready(nil) }
                if let db = state.idle.popLast() { return .ready(db) }
                state.waiters.append(continuation)
                return .wait
            }
            if case .ready(let db) = outcome { continuation.resume(returning: db) }
        }
    }

    private func checkIn(_ db: Database) {
        let waiter: CheckedContinuation<Database?, Never>? = self.state.withLock { state in
            if state.waiters.isEmpty {
                state.idle.append(db)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: db)
    }
}
