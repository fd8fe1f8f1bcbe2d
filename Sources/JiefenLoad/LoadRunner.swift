import NIOCore
package import Synchronization
package import TTRPCCore
package import TTRPCWire

/// One phase of a run: closed loop at a concurrency, or open loop at a (possibly ramping) rate.
package struct LoadPhase: Sendable {
    package enum Mode: Sendable {
        case closed(concurrency: Int)
        case open(rate: Double, rampTo: Double?, maxInFlight: Int)
    }

    package var mode: Mode
    package var duration: Duration?
    package var count: Int?
    package var warmup: Duration

    /// Creates a phase: `duration` or `count` bounds it, `warmup` is run first and not measured.
    package init(mode: Mode, duration: Duration?, count: Int?, warmup: Duration) {
        self.mode = mode
        self.duration = duration
        self.count = count
        self.warmup = warmup
    }

    package var label: String {
        switch mode {
        case .closed(let c): "closed loop, \(c) callers"
        case .open(let r, let to, _): to.map { "open loop, \(Int(r))→\(Int($0)) calls/s" } ?? "open loop, \(Int(r)) calls/s"
        }
    }
}

/// The outcome of one phase.
package struct PhaseResult: Sendable {
    package var phase: LoadPhase
    package var stats: WorkerStats
    package var measured: Duration
    /// True when every connection was lost and the phase stopped early.
    package var connectionsLost: Bool
}

/// Drives calls over a set of connections and measures them.
package struct LoadRunner: Sendable {
    package let clients: [TTRPCClient]
    package let workload: any LoadWorkload
    package let metadata: [TTRPCKeyValue]
    package let timeout: Duration?
    package let progress: LoadProgress

    /// Creates a runner over `clients` (callers are spread over them) sending `workload`'s calls.
    package init(
        clients: [TTRPCClient], workload: any LoadWorkload, metadata: [TTRPCKeyValue], timeout: Duration?,
        progress: LoadProgress
    ) {
        self.clients = clients
        self.workload = workload
        self.metadata = metadata
        self.timeout = timeout
        self.progress = progress
    }

    package func run(_ phase: LoadPhase) async -> PhaseResult {
        let state = RunState()
        let clock = ContinuousClock()
        let start = clock.now
        let measureFrom = start + phase.warmup
        let stats: WorkerStats
        progress.begin(phase.label)
        switch phase.mode {
        case .closed(let concurrency):
            let driver = ClosedLoopDriver(
                clients: clients, workload: workload, metadata: metadata, timeout: timeout, progress: progress,
                state: state, phase: phase, measureFrom: measureFrom
            )
            stats = await withTaskGroup(of: WorkerStats?.self) { group in
                group.addTask { await driver.run(concurrency: concurrency) }
                group.addTask {
                    await stopAfter(phase, start: measureFrom, state: state)
                    return nil
                }
                var merged = WorkerStats()
                for await partial in group {
                    if let partial {
                        merged.merge(partial)
                        state.stop() // every caller ended (count reached or connections lost): end the timer too
                    }
                }
                return merged
            }
        case .open(let rate, let rampTo, let maxInFlight):
            stats = await openLoop(
                rate: rate, rampTo: rampTo, maxInFlight: maxInFlight, phase: phase, start: start, measureFrom: measureFrom, state: state)
        }
        let end = min(clock.now, state.stoppedAt.withLock { $0 } ?? clock.now)
        progress.end()
        return PhaseResult(
            phase: phase, stats: stats, measured: max(.zero, end - measureFrom),
            connectionsLost: state.allConnectionsLost.load(ordering: .relaxed))
    }

    private func stopAfter(_ phase: LoadPhase, start: ContinuousClock.Instant, state: RunState) async {
        guard let duration = phase.duration else { return }
        let deadline = start + duration
        while ContinuousClock.now < deadline, !state.stopped.load(ordering: .relaxed) {
            try? await Task.sleep(for: min(.milliseconds(50), deadline - ContinuousClock.now))
        }
        state.stop()
    }

    private func openLoop(
        rate: Double, rampTo: Double?, maxInFlight: Int, phase: LoadPhase,
        start: ContinuousClock.Instant, measureFrom: ContinuousClock.Instant, state: RunState
    ) async -> WorkerStats {
        let shared = SharedStats()
        let total = phase.duration.map { phase.warmup + $0 }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await stopAfter(phase, start: measureFrom, state: state) }
            var intended = start
            var index = 0
            while !state.stopped.load(ordering: .relaxed) {
                if intended > ContinuousClock.now { try? await Task.sleep(until: intended, clock: .continuous) }
                while state.inFlight.load(ordering: .relaxed) >= maxInFlight, !state.stopped.load(ordering: .relaxed) {
                    try? await Task.sleep(for: .microseconds(200))
                }
                let call = workload.next(index)
                let client = clients[index % clients.count]
                let scheduled = intended
                state.inFlight.add(1, ordering: .relaxed)
                group.addTask {
                    let status = await perform(call, on: client, state: state)
                    // Latency from the intended send time: a late send counts against the server (no coordinated omission).
                    let latency = ContinuousClock.now - scheduled
                    state.inFlight.subtract(1, ordering: .relaxed)
                    guard scheduled >= measureFrom else { return }
                    shared.record(call.label, micros(latency), status)
                    progress.count(ok: status.name == "OK" && !status.mismatch)
                    let measured = state.measured.add(1, ordering: .relaxed).newValue
                    if let count = phase.count, measured >= count { state.stop() }
                }
                index += 1
                var current = rate
                if let rampTo, let total {
                    let fraction = min(1, seconds(intended - start) / max(seconds(total), 0.001))
                    current = rate + (rampTo - rate) * fraction
                }
                intended += .nanoseconds(Int64(1e9 / max(current, 0.001)))
            }
        }
        return shared.stats.withLock { $0 }
    }

    private func perform(_ call: LoadCall, on client: TTRPCClient, state: RunState) async -> (name: String?, mismatch: Bool) {
        do {
            let response = try await client.callForResponse(
                service: call.service, method: call.method, payload: call.payload, metadata: metadata, timeout: timeout
            )
            let status = RPCStatusCode(rawValue: response.code)
            if status == .ok { call.onSuccess?(response.payload) }
            return (status.description, call.expectEcho && status == .ok && response.payload != call.payload)
        } catch {
            if error.code == .deadlineExceeded { return (RPCStatusCode.deadlineExceeded.description, false) }
            if clients.allSatisfy({ !$0.isConnected }) {
                state.allConnectionsLost.store(true, ordering: .relaxed)
                state.stop()
            }
            return (nil, false)
        }
    }
}

/// Shared counters and the stop flag of one phase.
package final class RunState: Sendable {
    package let stopped = Atomic<Bool>(false)
    package let issued = Atomic<Int>(0)
    package let measured = Atomic<Int>(0)
    package let allConnectionsLost = Atomic<Bool>(false)
    package let inFlight = Atomic<Int>(0)
    package let stoppedAt = Mutex<ContinuousClock.Instant?>(nil)

    package func stop() {
        if stopped.exchange(true, ordering: .relaxed) == false { stoppedAt.withLock { $0 = ContinuousClock.now } }
    }
}

/// Stats written by many open-loop call tasks.
package final class SharedStats: Sendable {
    package let stats = Mutex(WorkerStats())

    package func record(_ method: String, _ latency: UInt64, _ status: (name: String?, mismatch: Bool)) {
        stats.withLock {
            $0.record(method: method, latencyMicros: latency, status: status.name)
            if status.mismatch { $0.total.mismatches += 1 }
        }
    }
}

package func micros(_ duration: Duration) -> UInt64 {
    let (s, atto) = duration.components
    return UInt64(max(0, s)) * 1_000_000 + UInt64(max(0, atto)) / 1_000_000_000_000
}

package func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
