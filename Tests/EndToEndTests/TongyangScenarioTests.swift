import Foundation
import JiefenAPI
import TTRPCCore
import Testing

/// The Tongyang year of domain.md E driven into the real server by the real client, twice: the report reproduces the
/// article's figures (E.5), computed by the server from the events, and both runs give byte-identical reports.
@Suite("end to end: the Tongyang scenario", .serialized)
struct TongyangScenarioTests {
    /// Runs `jiefen` with `arguments`; returns its standard output, or throws with its standard error.
    static func jiefen(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = ServerProcess.binDirectory.appendingPathComponent("jiefen")
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RPCError(
                code: .internal,
                message: "jiefen \(arguments.joined(separator: " ")) failed:\n"
                    + String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A fresh server with the scenario driven in; returns the report as JSON and HTML, and the decoded report.
    static func runScenario() async throws -> (json: String, html: String, report: StatsReport) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jiefen-tongyang-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServerProcess(dataDirectory: directory)
        defer { _ = server.terminate() }
        let client = try await server.waitUntilServing()
        defer { Task { await client.close() } }
        let address = "unix://\(server.socketPath)"
        _ = try jiefen(["scenario", "tongyang", "--concurrency", "4", "-a", address])
        let period = ["--from", "2022-07-01", "--to", "2023-06-30", "--as-of", "2023-06-30", "-a", address]
        let json = try jiefen(["report", "--format", "json"] + period)
        let html = try jiefen(["report", "--format", "html"] + period)
        let report = StatsReport(
            try await client.call(Stats.report, JiefenV1.ReportRequest(from: "2022-07-01", to: "2023-06-30", asOf: "2023-06-30")))
        return (json, html, report)
    }

    @Test("the report reproduces the article's figures, and a second run is byte-identical")
    func articleFigures() async throws {
        let first = try await Self.runScenario()
        let r = first.report
        // E.5: the article's own figures.
        #expect(r.value("sessions_vr") == 38)
        #expect(r.value("batches", channel: "VILLAGE_RECEPTION") == 86)
        #expect(r.value("person_times", channel: "VILLAGE_RECEPTION") == 110)
        #expect(r.value("resolved", channel: "VILLAGE_RECEPTION") == 76)
        #expect(r.value("jm_resolved") == 68)
        #expect(r.value("micro_online") == 612)
        // Anchor H: completion acceptance 2023-01-17, delivery 2023-01-18, through the joint meeting.
        let h = try #require(r.notable.first { $0.list == "largest" && $0.householdsInvolved == 118 })
        #expect(h.keyDates.contains("completion_acceptance_date=2023-01-17"))
        #expect(h.keyDates.contains("delivery_start_date=2023-01-18"))
        #expect(h.outcome == "resolved_jm" && h.extended && h.jointMeetingDecisions == 4)
        // Anchor A: the herbicide drift settled in 7 h 50 min, the fastest dispute of the year.
        let a = try #require(r.notable.first { $0.list == "fastest" && $0.track == "dispute" })
        #expect(a.durationMinutes == 7 * 60 + 50)
        #expect(a.kind == "agricultural-claim" && a.channel == "WECHAT_GROUP")
        // The rest follows from E.1–E.4: walk-in batches, ratings, open joint-meeting reviews, the baseline.
        #expect(r.value("batches", channel: "WALK_IN") == 71)
        #expect(r.value("person_times", channel: "WALK_IN") == 108)
        #expect(r.value("jm_meetings") == 24)
        #expect(r.value("jm_in_progress") == 3)
        #expect(r.fraction("participation_rate", track: "petition") == [290, 328])
        #expect(r.comparison == "baseline")
        #expect(r.metric("micro_online")?.previous == 455)

        let second = try await Self.runScenario()
        #expect(second.json == first.json)
        #expect(second.html == first.html)
    }
}

extension StatsReport {
    func value(_ name: String, track: String = "", channel: String = "") -> Double {
        metric(name, track: track, channel: channel)?.value ?? -1
    }

    func fraction(_ name: String, track: String = "") -> [Int64] {
        metric(name, track: track).map { [$0.numerator, $0.denominator] } ?? []
    }
}
