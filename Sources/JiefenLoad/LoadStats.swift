package import Histogram

/// What one phase of a load run measured, per method and in total. Latencies are in microseconds.
package struct LoadStats: Sendable {
    /// Latency histogram, 1 µs to 1 h at 3 significant digits.
    package var latency = Histogram<UInt64>(
        lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    /// Answers by gRPC status name (OK, DeadlineExceeded, ...).
    package var statuses: [String: Int] = [:]
    /// Calls that got no status: connection refused or lost, undecodable answers.
    package var transportErrors = 0
    /// Echo answers that differed from the request (raw Echo workloads only).
    package var mismatches = 0

    package var calls: Int { statuses.values.reduce(0, +) + transportErrors }
    package var errors: Int { calls - (statuses["OK"] ?? 0) + mismatches }

    package mutating func record(latencyMicros: UInt64, status: String?) {
        _ = latency.record(max(1, min(latencyMicros, 3_600_000_000)))
        if let status { statuses[status, default: 0] += 1 } else { transportErrors += 1 }
    }

    package mutating func merge(_ other: LoadStats) {
        latency.add(other.latency)
        for (status, count) in other.statuses { statuses[status, default: 0] += count }
        transportErrors += other.transportErrors
        mismatches += other.mismatches
    }
}

/// The stats of one worker: total and per method, merged into the run's when the worker ends.
package struct WorkerStats: Sendable {
    package var total = LoadStats()
    package var byMethod: [String: LoadStats] = [:]

    /// No calls yet.
    package init() {}

    package mutating func record(method: String, latencyMicros: UInt64, status: String?) {
        total.record(latencyMicros: latencyMicros, status: status)
        byMethod[method, default: LoadStats()].record(latencyMicros: latencyMicros, status: status)
    }

    package mutating func merge(_ other: WorkerStats) {
        total.merge(other.total)
        for (method, stats) in other.byMethod { byMethod[method, default: LoadStats()].merge(stats) }
    }
}
