import ArgumentParser
import Foundation
import JiefenAPI
import JiefenLoad
import JiefenScenario
import NIOCore
import NIOPosix
import TTRPCCore
import TTRPCWire

/// `jiefen load`: a load generator for any ttrpc method, or the built-in case mix.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load-test a ttrpc server: closed or open loop, HdrHistogram latencies, table/JSON/CSV.",
        discussion: """
            Closed loop (default): --concurrency callers each wait for an answer before the next call. Open loop: \
            --rate calls/s sent on schedule whatever the answers; latency is measured from each call's intended \
            send time, so a stalled server cannot hide its stall (coordinated omission corrected, as wrk2 does). \
            --ramp-to raises the rate linearly over the run; --concurrency-steps runs one closed-loop phase per step. \
            Give SERVICE METHOD for raw calls (payload from --payload-size, --data-hex or --data-file), or \
            --workload cases for a mix of case creates, gets, lists and events across every registered kind, \
            --workload creates for durable case creates only (each kind in turn, every one a new request id), or \
            --workload tongyang to replay the town's year (domain.md E): every case's timeline in order, cases \
            interleaved, the year repeated as long as the run lasts.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "Service for raw calls, e.g. jiefen.v1.Diagnostics.") var service: String?
    @Argument(help: "Method for raw calls, e.g. Echo.") var method: String?
    @Option(help: "Built-in workload instead of a raw call: cases, creates or tongyang.") var workload: String?
    @Option(help: "Connections to open.") var connections = 1
    @Option(help: "Closed loop: callers in flight.") var concurrency = 1
    @Option(help: "Closed loop: comma-separated caller counts, one phase each (with --step-duration).") var concurrencySteps: String?
    @Option(help: "Open loop: calls per second.") var rate: Double?
    @Option(help: "Open loop: rate at the end of the run (linear ramp from --rate).") var rampTo: Double?
    @Option(help: "Open loop: calls in flight at most.") var maxInFlight = 10_000
    @Option(help: "Measured run time, e.g. 10s, 500ms, 2m.") var duration: String?
    @Option(help: "Measured calls in total (instead of or with --duration).") var count: Int?
    @Option(help: "Time before measuring starts.") var warmup = "0s"
    @Option(help: "Time of each step of --concurrency-steps.") var stepDuration = "10s"
    @Option(help: "Raw payload: this many bytes (a fixed pattern).") var payloadSize: Int?
    @Option(help: "Raw payload as hex.") var dataHex: String?
    @Option(help: "Raw payload from a file.") var dataFile: String?
    @Option(name: [.customShort("m"), .long], help: "Metadata KEY=VALUE, repeatable.") var metadata: [String] = []
    @Flag(help: "Print the result as JSON (schema in README).") var json = false
    @Flag(help: "Print the result as CSV.") var csv = false

    func validate() throws {
        if workload == nil, service == nil || method == nil {
            throw ValidationError("give SERVICE METHOD for raw calls, or --workload cases|creates|tongyang")
        }
        if let workload {
            guard ["cases", "creates", "tongyang"].contains(workload) else {
                throw ValidationError("--workload: \"\(workload)\" is not a workload; use cases, creates or tongyang")
            }
            guard service == nil else { throw ValidationError("--workload \(workload) takes no SERVICE METHOD") }
            guard payloadSize == nil, dataHex == nil, dataFile == nil else {
                throw ValidationError("--payload-size, --data-hex and --data-file are for raw calls, not --workload")
            }
        }
        guard [payloadSize != nil, dataHex != nil, dataFile != nil].filter({ $0 }).count <= 1 else {
            throw ValidationError("give at most one of --payload-size, --data-hex, --data-file")
        }
        guard (1...10_000).contains(connections) else { throw ValidationError("--connections must be 1...10000, got \(connections)") }
        guard (1...100_000).contains(concurrency) else { throw ValidationError("--concurrency must be 1...100000, got \(concurrency)") }
        if rate != nil, concurrencySteps != nil {
            throw ValidationError("--rate (open loop) and --concurrency-steps (closed loop) exclude each other")
        }
        if let rate, !(rate > 0) { throw ValidationError("--rate must be above 0") }
        if rampTo != nil, rate == nil { throw ValidationError("--ramp-to needs --rate") }
        if rampTo != nil, duration == nil { throw ValidationError("--ramp-to needs --duration") }
        if duration == nil, count == nil, concurrencySteps == nil { throw ValidationError("give --duration or --count") }
        if json && csv { throw ValidationError("--json and --csv exclude each other") }
        for (flag, value) in [("--duration", duration), ("--warmup", warmup), ("--step-duration", stepDuration)] {
            if let value, Self.parseDuration(value) == nil {
                throw ValidationError("\(flag): \"\(value)\" is not a duration such as 10s, 500ms or 2m")
            }
        }
        if let steps = concurrencySteps, Self.steps(steps) == nil {
            throw ValidationError("--concurrency-steps: \"\(steps)\" must be comma-separated positive integers")
        }
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let size = payloadSize, !(0...(4 << 20)).contains(size) { throw ValidationError("--payload-size must be 0...4194304") }
        if let dataHex, PayloadFormatting.bytes(fromHex: dataHex) == nil { throw ValidationError("--data-hex is not hex") }
        _ = try PayloadFormatting.metadata(metadata)
    }

    func run() async throws {
        let address = try connection.resolvedAddress()
        // One event-loop thread per core this process may use (see ProcessorAffinity).
        let group = MultiThreadedEventLoopGroup(numberOfThreads: ProcessorAffinity.availableCores)
        defer { group.shutdownGracefully { _ in } }
        var clients: [TTRPCClient] = []
        for _ in 0..<connections {
            do {
                clients.append(try await TTRPCClient.connect(to: address, eventLoopGroup: group))
            } catch {
                for client in clients { await client.close() }
                printError("cannot load \(address): \(error.message)")
                throw ExitCode.failure
            }
        }
        let chosen = try await makeWorkload(clients[0])
        let runner = LoadRunner(
            clients: clients, workload: chosen,
            metadata: try PayloadFormatting.metadata(metadata),
            timeout: connection.callTimeout, progress: LoadProgress()
        )
        var results: [PhaseResult] = []
        for phase in phases() {
            let result = await runner.run(phase)
            results.append(result)
            if result.connectionsLost { break }
        }
        for client in clients { await client.close() }
        print(json ? LoadReport.json(results) : csv ? LoadReport.csv(results) : LoadReport.table(results))
        if results.contains(where: \.connectionsLost) {
            printError("the server went away during the run; the results above are partial")
            throw ExitCode.failure
        }
        if results.allSatisfy({ $0.stats.total.calls == 0 }) { throw ExitCode.failure }
    }

    private func phases() -> [LoadPhase] {
        let warm = Self.parseDuration(warmup) ?? .zero
        if let steps = concurrencySteps.flatMap(Self.steps) {
            let each = Self.parseDuration(stepDuration) ?? .seconds(10)
            return steps.map { LoadPhase(mode: .closed(concurrency: $0), duration: each, count: nil, warmup: warm) }
        }
        let mode: LoadPhase.Mode =
            rate.map { .open(rate: $0, rampTo: rampTo, maxInFlight: maxInFlight) } ?? .closed(concurrency: concurrency)
        return [LoadPhase(mode: mode, duration: duration.flatMap(Self.parseDuration), count: count, warmup: warm)]
    }

    private func makeWorkload(_ client: TTRPCClient) async throws -> any LoadWorkload {
        if let workload {
            do {
                let kinds = try await client.call(Kinds.listKinds, JiefenV1.ListKindsRequest()).kinds
                guard !kinds.isEmpty else { throw RPCError(code: .failedPrecondition, message: "the server has no dispute kinds") }
                let runID = String(UInt32.random(in: 0...UInt32.max), radix: 36)
                if workload == "tongyang" {
                    let needed = Set(TongyangPlanner.plan().cases.map(\.kind)).subtracting(kinds.map(\.kind))
                    guard needed.isEmpty else {
                        throw RPCError(
                            code: .failedPrecondition, message: "the server lacks the kinds \(needed.sorted().joined(separator: ", "))")
                    }
                    return TongyangReplayWorkload(plan: TongyangPlanner.plan(), kinds: kinds, runID: runID)
                }
                return CaseMixWorkload(kinds: kinds, runID: runID, createsOnly: workload == "creates")
            } catch let error as RPCError {
                printError("cannot list the server's dispute kinds: \(error.code): \(error.message)")
                throw ExitCode.failure
            }
        }
        var payload = ByteBuffer()
        if let payloadSize { payload = ByteBuffer(bytes: (0..<payloadSize).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }) }
        if let dataHex, let bytes = PayloadFormatting.bytes(fromHex: dataHex) { payload = ByteBuffer(bytes: bytes) }
        if let dataFile { payload = try PayloadFormatting.contents(ofFile: dataFile) }
        return RawWorkload(service: service ?? "", method: method ?? "", payload: payload)
    }

    /// "10s", "500ms", "2m", "1.5s" → Duration.
    static func parseDuration(_ text: String) -> Duration? {
        let units: [(String, Double)] = [("ms", 1e-3), ("us", 1e-6), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value >= 0 else { return nil }
            return .nanoseconds(Int64(value * scale * 1e9))
        }
        return nil
    }

    static func steps(_ text: String) -> [Int]? {
        let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        return values.compactMap { $0 }
    }
}
