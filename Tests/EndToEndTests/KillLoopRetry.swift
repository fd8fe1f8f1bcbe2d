import TTRPCCore
import Testing

/// What a department system does after the server came back: sends every write whose answer it lost again, with the
/// same request id and bytes. The kill loop also sends again a sample of the writes answered before the kill, whose
/// answers it knows.
///
/// A retry must answer what the first attempt made: the first answer, or the record the request log held after the
/// kill; a write the kill left no trace of is made now. A create's `created` tells which; `Cases/Apply` answers the
/// case as it is now, so its version is the case's whole history.
enum KillLoopRetry {
    /// How many writes were sent again.
    struct Counts {
        /// Lost writes retried, and how many of them the killed server had stored.
        var lost = 0
        var lostStored = 0
        /// Answered writes sent again.
        var answered = 0
    }

    /// Retries the writes lost at the last kill, then sends again up to `sample` writes of each kind answered in
    /// `cycle - 1`; records an issue for each failure or differing answer.
    static func run(client: TTRPCClient, ledger: KillLoopLedger, cycle: Int, sample: Int) async -> Counts {
        var counts = Counts()
        let writes = ledger.writes
        for write in writes where write.lost && write.answer == nil {
            guard let again = await send(write, client: client) else { continue }
            counts.lost += 1
            if let stored = write.storedWhenLost {
                counts.lostStored += 1
                #expect(again.id == stored, "\(write.requestID): the retry answers \(again.id), the killed server stored \(stored)")
            }
            if write.kind == .create {
                #expect(again.created == (write.storedWhenLost == nil), "\(write.requestID): created \(again.created) on retry")
            }
            ledger.retried(write.requestID, again, cycle: cycle)
            if write.kind == .event { self.expectWholeHistory(again, write: write, ledger: ledger) }
        }
        for kind in KillLoopWrite.Kind.allCases {
            let answered = writes.filter { $0.kind == kind && $0.answeredIn == cycle - 1 && $0.answer != nil }
            for write in answered.shuffled().prefix(sample) {
                guard let first = write.answer, let again = await send(write, client: client) else { continue }
                counts.answered += 1
                #expect(again.id == first.id, "\(write.requestID): answered \(first.id), then \(again.id)")
                switch kind {
                case .create: #expect(!again.created, "\(write.requestID): created again")
                case .event: self.expectWholeHistory(again, write: write, ledger: ledger)
                case .session: #expect(again.session == first.session, "\(write.requestID): \(String(describing: again.session))")
                case .contact, .meeting: break
                }
            }
        }
        return counts
    }

    /// Sends a write's bytes again; `nil` (and an issue) if the call fails.
    private static func send(_ write: KillLoopWrite, client: TTRPCClient) async -> KillLoopAnswer? {
        do {
            let reply = try await client.call(service: write.kind.service, method: write.kind.method, payload: write.payload)
            return try KillLoopAnswer(write.kind, decoding: reply)
        } catch {
            Issue.record("\(write.kind.service)/\(write.kind.method) \(write.requestID) failed on retry: \(error)")
            return nil
        }
    }

    private static func expectWholeHistory(_ answer: KillLoopAnswer, write: KillLoopWrite, ledger: KillLoopLedger) {
        guard let caseID = write.caseID else { return }
        let length = ledger.historyLength(of: caseID)
        #expect(answer.version == length, "\(write.requestID): the retry answers \(caseID) at version \(answer.version), not \(length)")
    }
}
