import Foundation
import Histogram

/// Renders load results as a table for people, or stable JSON / CSV for scripts (see README, "Load testing").
package enum LoadReport {
    package static func summary(_ stats: LoadStats, seconds: Double) -> [String: Any] {
        let h = stats.latency
        let latency: [String: Any] =
            h.totalCount == 0
            ? ["min": 0, "mean": 0, "p50": 0, "p90": 0, "p99": 0, "p999": 0, "max": 0]
            : [
                "min": h.min, "mean": (h.mean * 10).rounded() / 10, "p50": h.valueAtPercentile(50), "p90": h.valueAtPercentile(90),
                "p99": h.valueAtPercentile(99), "p999": h.valueAtPercentile(99.9), "max": h.max,
            ]
        return [
            "calls": stats.calls, "errors": stats.errors, "duration_s": (seconds * 1000).rounded() / 1000,
            "throughput": seconds > 0 ? (Double(stats.calls) / seconds * 10).rounded() / 10 : 0,
            "latency_us": latency, "status": stats.statuses, "transport_errors": stats.transportErrors,
            "mismatches": stats.mismatches,
        ]
    }

    package static func phaseObject(_ result: PhaseResult) -> [String: Any] {
        let time = seconds(result.measured)
        var object = summary(result.stats.total, seconds: time)
        object["phase"] = result.phase.label
        object["connections_lost"] = result.connectionsLost
        if result.stats.byMethod.count > 1 {
            object["methods"] = result.stats.byMethod.mapValues { summary($0, seconds: time) }
        }
        return object
    }

    package static func json(_ results: [PhaseResult]) -> String {
        var object: [String: Any] = ["tool": "jiefen-load"]
        if results.count == 1 {
            object.merge(phaseObject(results[0])) { _, new in new }
        } else {
            var total = LoadStats()
            for r in results { total.merge(r.stats.total) }
            object.merge(summary(total, seconds: results.map { seconds($0.measured) }.reduce(0, +))) { _, new in new }
            object["phases"] = results.map(phaseObject)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    package static let csvHeader =
        "phase,method,calls,errors,transport_errors,duration_s,throughput,min_us,mean_us,p50_us,p90_us,p99_us,p999_us,max_us"

    package static func csv(_ results: [PhaseResult]) -> String {
        var lines = [csvHeader]
        for result in results {
            let time = seconds(result.measured)
            let rows = [("all", result.stats.total)] + result.stats.byMethod.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            for (method, stats) in rows where !(method != "all" && result.stats.byMethod.count == 1) {
                let h = stats.latency
                let empty = h.totalCount == 0
                let fields: [String] = [
                    "\"\(result.phase.label)\"", method, String(stats.calls), String(stats.errors), String(stats.transportErrors),
                    String(format: "%.3f", time), String(format: "%.1f", time > 0 ? Double(stats.calls) / time : 0),
                    empty ? "0" : String(h.min), empty ? "0" : String(format: "%.1f", h.mean),
                    empty ? "0" : String(h.valueAtPercentile(50)), empty ? "0" : String(h.valueAtPercentile(90)),
                    empty ? "0" : String(h.valueAtPercentile(99)), empty ? "0" : String(h.valueAtPercentile(99.9)),
                    empty ? "0" : String(h.max),
                ]
                lines.append(fields.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n")
    }

    package static func table(_ results: [PhaseResult]) -> String {
        var out: [String] = []
        for result in results {
            let time = seconds(result.measured)
            let total = result.stats.total
            out.append(
                "\(result.phase.label): \(total.calls) calls in \(String(format: "%.2f", time)) s = \(String(format: "%.1f", time > 0 ? Double(total.calls) / time : 0)) calls/s"
            )
            if result.connectionsLost { out.append("  every connection was lost: partial results") }
            out.append("  latency (µs)  " + latencyLine(total))
            out.append(
                "  status        " + total.statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    + (total.transportErrors > 0 ? ", transport errors \(total.transportErrors)" : "")
                    + (total.mismatches > 0 ? ", echo mismatches \(total.mismatches)" : ""))
            if result.stats.byMethod.count > 1 {
                for (method, stats) in result.stats.byMethod.sorted(by: { $0.key < $1.key }) {
                    out.append(
                        "  \(method.padding(toLength: 14, withPad: " ", startingAt: 0)) \(stats.calls) calls, \(stats.errors) errors, "
                            + latencyLine(stats))
                }
            }
        }
        return out.joined(separator: "\n")
    }

    private static func latencyLine(_ stats: LoadStats) -> String {
        let h = stats.latency
        guard h.totalCount > 0 else { return "no calls" }
        return
            "min \(h.min)  mean \(String(format: "%.0f", h.mean))  p50 \(h.valueAtPercentile(50))  p90 \(h.valueAtPercentile(90))  p99 \(h.valueAtPercentile(99))  p99.9 \(h.valueAtPercentile(99.9))  max \(h.max)"
    }
}
