import Foundation
import Histogram
import JiefenServerTesting
import NIOCore
import TTRPCCore
import Testing

@testable import JiefenLoad

@Suite("jiefen load: runs against a real server")
struct LoadRunnerTests {
    /// Runs `body` with the address of a jiefend-equivalent test server (its Diagnostics service echoes).
    private func withEchoServer<R: Sendable>(_ body: @Sendable (TTRPCAddress) async throws -> R) async throws -> R {
        try await JiefendUnderTest.with { server in try await body(server.address) }
    }

    @Test func closedLoopMakesExactlyTheCountedCallsAndChecksEchoes() async throws {
        try await withEchoServer { address in
            let clients = [try await TTRPCClient.connect(to: address), try await TTRPCClient.connect(to: address)]
            let runner = LoadRunner(
                clients: clients,
                workload: RawWorkload(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: "0123456789")),
                metadata: [], timeout: .seconds(5), progress: LoadProgress(enabled: false)
            )
            let result = await runner.run(LoadPhase(mode: .closed(concurrency: 8), duration: nil, count: 500, warmup: .zero))
            #expect(result.stats.total.calls >= 500)
            #expect(result.stats.total.statuses["OK"] == result.stats.total.calls)
            #expect(result.stats.total.mismatches == 0)
            #expect(result.stats.total.latency.totalCount == UInt64(result.stats.total.calls))
            let json = LoadReport.json([result])
            #expect(json.contains("\"tool\":\"jiefen-load\""))
            #expect(json.contains("\"p99\""))
            for client in clients { await client.close() }
        }
    }

    @Test func openLoopKeepsItsScheduleAndCountsStatuses() async throws {
        try await withEchoServer { address in
            let client = try await TTRPCClient.connect(to: address)
            let runner = LoadRunner(
                clients: [client], workload: RawWorkload(service: "jiefen.v1.Diagnostics", method: "Nope", payload: ByteBuffer()),
                metadata: [], timeout: .seconds(5), progress: LoadProgress(enabled: false)
            )
            let result = await runner.run(
                LoadPhase(mode: .open(rate: 200, rampTo: nil, maxInFlight: 100), duration: .milliseconds(500), count: nil, warmup: .zero))
            // On schedule: 200 calls per measured second (never more; a little less if the machine is busy),
            // all answered Unimplemented.
            let scheduled = 200 * seconds(result.measured)
            #expect(Double(result.stats.total.calls) <= scheduled + 2)
            #expect(Double(result.stats.total.calls) >= scheduled * 0.5)
            #expect(result.stats.total.statuses["Unimplemented"] == result.stats.total.calls)
            #expect(LoadReport.csv([result]).hasPrefix(LoadReport.csvHeader))
            await client.close()
        }
    }

    /// The connection is cut under a running load (here from the client side, which the runner sees exactly as a
    /// server going away: every connection inactive); the run stops early and keeps what it measured.
    @Test func aLostConnectionEndsTheRunWithPartialResults() async throws {
        let result = try await JiefendUnderTest.with { server in
            let client = try await server.connect()
            return try await withThrowingTaskGroup(of: PhaseResult?.self) { group in
                group.addTask {
                    let runner = LoadRunner(
                        clients: [client],
                        workload: RawWorkload(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: "x")),
                        metadata: [], timeout: .seconds(5), progress: LoadProgress(enabled: false)
                    )
                    return await runner.run(LoadPhase(mode: .closed(concurrency: 4), duration: .seconds(20), count: nil, warmup: .zero))
                }
                try await Task.sleep(for: .milliseconds(300))
                await client.close()
                var outcome: PhaseResult?
                while let next = try await group.next() {
                    if let next { outcome = next }
                }
                return outcome
            }
        }
        let phase = try #require(result)
        #expect(phase.connectionsLost)
        #expect(phase.stats.total.calls > 0)
        #expect(phase.measured < .seconds(20))
    }
}
