import Foundation
import Histogram
import JiefenAPI
import JiefenDomain
import JiefenLoad
import NIOCore
import Synchronization
package import TTRPCCore
import TTRPCWire

/// Sends a ``TongyangPlan`` into a running server through the public RPC calls only, each step with its real
/// date: sessions, cases (in registration order, so ids are the same on every run), joint meetings, then every
/// case's timeline (cases in parallel, each case's steps in order), then the prior year's baseline.
package struct ScenarioDriver {
    package let client: TTRPCClient
    package let timeout: Duration?
    package let concurrency: Int
    /// Latency of every call, per method (the scenario doubles as a replay workload).
    package let latency = ScenarioLatency()
    package static let actor = "tongyang-scenario"

    /// Creates a driver over `client`; `concurrency` cases have their timelines applied at once.
    package init(client: TTRPCClient, timeout: Duration?, concurrency: Int) {
        self.client = client
        self.timeout = timeout
        self.concurrency = concurrency
    }

    /// What a run did.
    package struct Summary: Sendable {
        package var sessions = 0, cases = 0, meetings = 0, steps = 0, calls = 0
        package var seconds = 0.0
    }

    /// A call that failed, with the case and step it belonged to.
    package struct Failure: Error, CustomStringConvertible {
        package var context: String
        package var error: any Error
        package var description: String {
            if let rpc = error as? RPCError { return "\(context): \(rpc.code): \(rpc.message)" }
            return "\(context): \(error)"
        }
    }

    package func call<Request, Response>(
        _ method: TTRPCMethod<Request, Response>, _ request: Request,
        context: @autoclosure () -> String
    ) async throws -> Response {
        let started = ContinuousClock.now
        let label = "\(method.service.split(separator: ".").last ?? "")/\(method.method)"
        do {
            let response = try await client.call(method, request, timeout: timeout)
            latency.record(label, since: started, status: "OK")
            return response
        } catch {
            latency.record(label, since: started, status: "\(error.code)")
            throw Failure(context: context(), error: error)
        }
    }

    package func run(_ plan: TongyangPlan, progress: @escaping @Sendable (String) -> Void) async throws -> Summary {
        let started = ContinuousClock.now
        var summary = Summary()
        // Village-reception Sundays, held or not.
        var sessionIDs: [String] = []
        var held = 0
        for sunday in TongyangCalendar.sundays {
            let village = TongyangCalendar.villages[held % TongyangCalendar.villages.count]
            let session = try await call(
                Sessions.create,
                JiefenV1.Session(
                    villageCode: village, date: sunday.date.description,
                    leadDepartment: "town-petition-office", held: sunday.held),
                context: "session \(sunday.date)")
            if sunday.held {
                sessionIDs.append(session.id)
                held += 1
            }
            summary.sessions += 1
        }
        progress("\(summary.sessions) Sundays recorded, \(sessionIDs.count) sessions held")
        var samples: [String: [JiefenV1.Field]] = [:]
        for kind in Set(plan.cases.map(\.kind)).sorted() {
            samples[kind] = try await call(
                Kinds.describeKind, JiefenV1.DescribeKindRequest(kind: kind),
                context: "describe \(kind)"
            ).sampleDetails
        }
        var caseIDs: [String] = []
        for (index, planned) in plan.cases.enumerated() {
            let request = ScenarioRequests.create(planned, index: index, sample: samples[planned.kind] ?? [], sessionIDs: sessionIDs)
            let created = try await call(
                Cases.create, request,
                context: "create \(planned.label) #\(index + 1)")
            if !created.created {
                throw Failure(
                    context: "create #\(index + 1)",
                    error: RPCError(
                        code: .alreadyExists,
                        message: "the server already holds this scenario's cases; run it against an empty data directory"))
            }
            caseIDs.append(created.case.id)
            if (index + 1) % 200 == 0 { progress("\(index + 1) of \(plan.cases.count) cases registered") }
        }
        summary.cases = caseIDs.count
        var meetingIDs: [Int: String] = [:]
        for (m, members) in plan.meetingCases.enumerated() where !members.isEmpty {
            var request = JiefenV1.RecordMeetingRequest()
            request.caseIDs = members.map { caseIDs[$0] }
            request.date = TongyangCalendar.meetings[m].description
            // The city housing centre attends when a housing case is on the agenda (anchor H).
            let housing = members.contains { plan.cases[$0].kind == TongyangPlanner.housing } ? ["city-housing-centre"] : []
            request.departments = Array(Set(["town-petition-office"] + housing + members.map { plan.cases[$0].department })).sorted()
            request.decision = "\(members.count) matters discussed"
            request.resolved = true
            request.actor = Self.actor
            meetingIDs[m] = try await call(
                Meetings.record, request,
                context: "meeting \(request.date)"
            ).meetingID
        }
        summary.meetings = meetingIDs.count
        progress("\(summary.cases) cases registered, \(summary.meetings) joint meetings recorded; applying timelines")
        let ids = caseIDs
        let meetings = meetingIDs
        let sessions = sessionIDs
        let workers = max(1, concurrency)
        let steps = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var done = 0
                    for index in stride(from: worker, to: plan.cases.count, by: workers) {
                        done += try await self.timeline(plan.cases[index], id: ids[index], meetings: meetings, sessions: sessions)
                    }
                    return done
                }
            }
            return try await group.reduce(0, +)
        }
        summary.steps = steps
        _ = try await call(
            Stats.putBaseline,
            JiefenV1.PutBaselineRequest(from: "2021-07-01", to: "2022-06-30", figures: TongyangPlan.baseline),
            context: "baseline")
        summary.calls = summary.sessions + samples.count + summary.cases + summary.meetings + summary.steps + 1
        let elapsed = (ContinuousClock.now - started).components
        summary.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return summary
    }

    /// Applies one case's steps in order; returns how many calls it made.
    package func timeline(_ planned: PlannedCase, id: String, meetings: [Int: String], sessions: [String]) async throws -> Int {
        var previous = planned.registeredAt
        for (n, step) in planned.steps.enumerated() {
            let at = step.timestamp(after: previous)
            previous = at
            let context = "\(planned.label) \(id) step \(n + 1) on \(step.date)"
            switch ScenarioRequests.step(
                step, caseID: id, at: at, meetingID: { meetings[$0] ?? "" },
                sessionID: { sessions.indices.contains($0) ? sessions[$0] : nil })
            {
            case .contact(let request):
                _ = try await call(Contacts.record, request, context: context)
            case .apply(let request):
                _ = try await call(Cases.apply, request, context: "\(context) (\(request.type))")
            }
        }
        return planned.steps.count
    }
}

/// Call latencies of a scenario run, per method, in the load generator's histograms.
package final class ScenarioLatency: Sendable {
    /// Guarded by its own lock: calls finish on several tasks.
    private let stats = Mutex(WorkerStats())

    package func record(_ method: String, since start: ContinuousClock.Instant, status: String?) {
        let latency = micros(ContinuousClock.now - start)
        stats.withLock { $0.record(method: method, latencyMicros: latency, status: status) }
    }

    /// One line per method (most calls first): calls, p50, p99 and max latency in milliseconds.
    package var table: String {
        let snapshot = stats.withLock { $0 }
        func ms(_ micros: UInt64) -> String { String(format: "%.1f", Double(micros) / 1000) }
        var lines = ["  method                  calls   p50 ms   p99 ms   max ms"]
        for (method, s) in snapshot.byMethod.sorted(by: { ($0.value.calls, $1.key) > ($1.value.calls, $0.key) }) {
            lines.append(
                "  " + method.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + String(s.calls).leftPadded(7) + ms(s.latency.valueAtPercentile(50)).leftPadded(9)
                    + ms(s.latency.valueAtPercentile(99)).leftPadded(9) + ms(s.latency.max).leftPadded(9))
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string right-aligned in `width` columns.
    fileprivate func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
