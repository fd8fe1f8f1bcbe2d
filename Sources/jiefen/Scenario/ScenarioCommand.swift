import ArgumentParser
import Foundation
import JiefenScenario
import TTRPCCore

/// `jiefen scenario`: synthetic workloads driven through the public RPC API.
struct ScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario", abstract: "Drive a synthetic scenario into a running server.",
        subcommands: [TongyangScenario.self]
    )
}

/// `jiefen scenario tongyang`: the one-year town scenario of domain.md E (seed 20230118).
struct TongyangScenario: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tongyang",
        abstract: "Drive the Tongyang year (2022-07-01 … 2023-06-30, domain.md E) into an empty server.",
        discussion: """
            Every session, case, event, contact, joint meeting and rating goes through the public RPC calls with its \
            real date; the prior year's aggregates are stored as the year-on-year baseline. Run it against a server \
            with an empty data directory, then: jiefen report --from 2022-07-01 --to 2023-06-30 --as-of 2023-06-30
            """
    )
    @OptionGroup var connection: ConnectionOptions
    @Option(help: "Cases whose timelines are applied in parallel (each case's steps stay in order).") var concurrency = 8
    @Flag(help: "Print the plan's counts per group and exit without calling a server.") var planOnly = false

    func validate() throws {
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 256, got \(concurrency)") }
    }

    func run() async throws {
        let plan = TongyangPlanner.plan()
        if planOnly {
            print(ScenarioSummary.groups(plan))
            return
        }
        let client = try await RPCSession.open(connection).client
        let driver = ScenarioDriver(client: client, timeout: connection.callTimeout, concurrency: concurrency)
        do {
            let summary = try await driver.run(plan) { line in printError(line) }
            await client.close()
            print(
                "tongyang: \(summary.sessions) Sundays, \(summary.cases) cases, \(summary.meetings) joint meetings, "
                    + "\(summary.steps) timeline steps; \(summary.calls) calls in \(String(format: "%.1f", summary.seconds)) s "
                    + "(\(String(format: "%.0f", Double(summary.calls) / max(summary.seconds, 0.001))) calls/s)")
            print(driver.latency.table)
        } catch {
            await client.close()
            printError("scenario stopped: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Counts of a plan per group, for `--plan-only`.
enum ScenarioSummary {
    static func groups(_ plan: TongyangPlan) -> String {
        var counts: [String: Int] = [:]
        for c in plan.cases { counts["\(c.track) \(c.channel) \(c.outcome.rawValue)", default: 0] += 1 }
        let empty = plan.meetingCases.filter(\.isEmpty).count
        return counts.keys.sorted().map { "\($0): \(counts[$0]!)" }.joined(separator: "\n")
            + "\ntotal: \(plan.cases.count) cases; joint meetings with cases: \(plan.meetingCases.count - empty) of \(plan.meetingCases.count)"
    }
}
