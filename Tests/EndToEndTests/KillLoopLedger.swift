import NIOCore
import Synchronization

/// Every write the kill loop's callers sent, in the order sent, with its answer: the truth the database is checked
/// against after each SIGKILL. A write is entered before it is sent, so a write in flight at a kill is known.
final class KillLoopLedger: Sendable {
    struct State: Sendable {
        var writes: [KillLoopWrite] = []
        /// Request id → position in `writes`.
        var positions: [String: Int] = [:]
        /// First answers (retries not counted).
        var acknowledged = 0
    }

    private let state = Mutex(State())

    /// The writes so far, in the order sent.
    var writes: [KillLoopWrite] { state.withLock { $0.writes } }

    var acknowledgedWrites: Int { state.withLock { $0.acknowledged } }

    /// Enters a write about to be sent.
    func sending(_ write: KillLoopWrite) {
        state.withLock {
            precondition($0.positions[write.requestID] == nil, "request id \(write.requestID) used twice")
            $0.positions[write.requestID] = $0.writes.count
            $0.writes.append(write)
        }
    }

    /// Records the first answer to a write.
    func answered(_ requestID: String, _ answer: KillLoopAnswer, cycle: Int) {
        state.withLock {
            guard let position = $0.positions[requestID] else { return }
            $0.writes[position].answer = answer
            $0.writes[position].answeredIn = cycle
            $0.acknowledged += 1
        }
    }

    /// After a kill: marks the unanswered writes lost, with the record the request log held for each.
    /// - Parameter stored: Request id → the record its write created, for the request ids the database holds.
    /// - Returns: The writes lost at this kill.
    func lose(stored: [String: String]) -> [KillLoopWrite] {
        state.withLock { state in
            var lost: [KillLoopWrite] = []
            for position in state.writes.indices where state.writes[position].answer == nil && !state.writes[position].lost {
                state.writes[position].lost = true
                state.writes[position].storedWhenLost = stored[state.writes[position].requestID]
                lost.append(state.writes[position])
            }
            return lost
        }
    }

    /// Records the answer to the retry of a lost write.
    func retried(_ requestID: String, _ answer: KillLoopAnswer, cycle: Int) {
        state.withLock {
            guard let position = $0.positions[requestID] else { return }
            $0.writes[position].answer = answer
            $0.writes[position].answeredIn = cycle
        }
    }

    /// The length of a case's history once every write on it is in: its registration and each event and contact.
    func historyLength(of caseID: String) -> Int64 {
        state.withLock { state in
            1 + Int64(state.writes.count { $0.caseID == caseID && $0.eventType != nil })
        }
    }
}
