package import NIOCore
import Synchronization
package import TTRPCCore
package import TTRPCWire

/// Runs closed-loop callers on their connections' event loops: each answer, as it arrives on the loop, records
/// its latency and sends that caller's next call, with no hop into Swift concurrency. This keeps the load
/// generator's own cost per call low enough to drive a fast server.
package final class ClosedLoopDriver: Sendable {
    private let clients: [TTRPCClient]
    private let workload: any LoadWorkload
    private let metadata: [TTRPCKeyValue]
    private let timeoutNano: Int64
    private let progress: LoadProgress
    private let state: RunState
    private let phase: LoadPhase
    private let measureFrom: ContinuousClock.Instant
    /// Per-connection stats, each only touched on its connection's event loop (the lock is never contended).
    private let stats: [SharedStats]
    /// Per-connection cache of the last request's encoding: a raw workload sends one envelope over and over.
    private let envelopes: [EnvelopeCache]
    private let outstanding = Atomic<Int>(0)
    private let (drained, drainedContinuation) = AsyncStream<Void>.makeStream()

    package init(
        clients: [TTRPCClient], workload: any LoadWorkload, metadata: [TTRPCKeyValue], timeout: Duration?,
        progress: LoadProgress, state: RunState, phase: LoadPhase, measureFrom: ContinuousClock.Instant
    ) {
        self.clients = clients
        self.workload = workload
        self.metadata = metadata
        self.timeoutNano =
            timeout.map { max(1, Int64($0.components.seconds) * 1_000_000_000 + $0.components.attoseconds / 1_000_000_000) } ?? 0
        self.progress = progress
        self.state = state
        self.phase = phase
        self.measureFrom = measureFrom
        self.stats = clients.map { _ in SharedStats() }
        self.envelopes = clients.map { _ in EnvelopeCache() }
    }

    /// Starts `concurrency` callers, waits until the run stops and every call in flight has answered, and
    /// returns the merged stats.
    package func run(concurrency: Int) async -> WorkerStats {
        outstanding.store(concurrency, ordering: .relaxed)
        for caller in 0..<concurrency {
            let connection = caller % clients.count
            clients[connection].eventLoop.execute { self.issue(connection: connection) }
        }
        var iterator = drained.makeAsyncIterator()
        await iterator.next()
        var merged = WorkerStats()
        for box in stats { merged.merge(box.stats.withLock { $0 }) }
        return merged
    }

    private func issue(connection: Int) {
        guard !state.stopped.load(ordering: .relaxed) else { return callerDone() }
        let index = state.issued.add(1, ordering: .relaxed).oldValue
        let call = workload.next(index)
        let request = TTRPCRequest(
            service: call.service, method: call.method, payload: call.payload, timeoutNano: timeoutNano, metadata: metadata
        )
        let encoded = envelopes[connection].encoding(of: request)
        let sent = ContinuousClock.now
        clients[connection].startCall(request, encoded: encoded) { result in
            let done = ContinuousClock.now
            let status: String?
            var mismatch = false
            switch result {
            case .success(let response):
                let code = RPCStatusCode(rawValue: response.code)
                status = code.description
                if code == .ok {
                    call.onSuccess?(response.payload)
                    mismatch = call.expectEcho && response.payload != call.payload
                }
            case .failure(let error):
                status = error.code == .deadlineExceeded ? error.code.description : nil
            }
            if sent >= self.measureFrom {
                self.stats[connection].record(call.label, micros(done - sent), (status, mismatch))
                self.progress.count(ok: status == "OK" && !mismatch)
                let measured = self.state.measured.add(1, ordering: .relaxed).newValue
                if let count = self.phase.count, measured >= count { self.state.stop() }
            }
            if status == nil, self.clients.allSatisfy({ !$0.isConnected }) {
                self.state.allConnectionsLost.store(true, ordering: .relaxed)
                self.state.stop()
            }
            if status == nil, !self.clients[connection].isConnected {
                return self.callerDone() // this connection is gone: its callers stop
            }
            self.issue(connection: connection)
        }
    }

    private func callerDone() {
        if outstanding.subtract(1, ordering: .relaxed).newValue == 0 { drainedContinuation.yield() }
    }
}

/// The last request a connection sent, and its encoding.
package final class EnvelopeCache: Sendable {
    private let last = Mutex<(TTRPCRequest, ByteBuffer)?>(nil)

    /// The encoding of `request`, reused when it equals the previous one; `nil` if it cannot be encoded (the
    /// client then reports the error for the call).
    package func encoding(of request: TTRPCRequest) -> ByteBuffer? {
        last.withLock { cached in
            if let cached, cached.0 == request { return cached.1 }
            var out = ByteBuffer()
            guard (try? request.encode(into: &out)) != nil else { return nil }
            cached = (request, out)
            return out
        }
    }
}
