import JiefenAPI
import NIOCore
import Testing

@testable import JiefenLoad
@testable import JiefenScenario

/// `jiefen load --workload tongyang` without a server: a case's steps go out one at a time, in order, each only
/// after the previous one answered; meanwhile other cases start.
@Suite("jiefen load: the Tongyang replay workload")
struct TongyangReplayWorkloadTests {
    static func created(_ id: String) throws -> ByteBuffer {
        var answer = JiefenV1.Case()
        answer.id = id
        return try JiefenV1.CreateCaseResponse(case: answer, created: true).encoded()
    }

    @Test func eachCaseReplaysInOrderWhileOthersStart() throws {
        let plan = TongyangPlanner.plan()
        let workload = TongyangReplayWorkload(plan: plan, kinds: [], runID: "t")
        let first = workload.next(0)
        #expect(first.label == "Cases/Create")
        let create = try JiefenV1.CreateCaseRequest(decoding: first.payload)
        #expect(create.requestID == "replay-t-0" && create.kind == plan.cases[0].kind)
        #expect(workload.next(1).label == "Cases/Create") // nothing is ready, so the next case starts

        let onCreated = try #require(first.onSuccess)
        onCreated(try Self.created("JF-000001"))
        var previous = Int64.min
        for (n, _) in plan.cases[0].steps.enumerated() {
            let step = workload.next(2 + n)
            #expect(step.label != "Cases/Create", "step \(n + 1) of the first case is ready")
            if step.label == "Cases/Apply" {
                let request = try JiefenV1.ApplyEventRequest(decoding: step.payload)
                #expect(request.caseID == "JF-000001")
                #expect(request.occurredAt >= previous)
                previous = request.occurredAt
            }
            // Until this step answers, the case's next one is not issued: another case starts instead.
            #expect(workload.next(1_000 + n).label == "Cases/Create")
            let onAnswered = try #require(step.onSuccess)
            onAnswered(ByteBuffer())
        }
    }

    @Test func theYearRepeatsWithNewRequestIDs() throws {
        let plan = TongyangPlanner.plan()
        let workload = TongyangReplayWorkload(plan: plan, kinds: [], runID: "r")
        var last = workload.next(0)
        for index in 1...plan.cases.count { last = workload.next(index) }
        let again = try JiefenV1.CreateCaseRequest(decoding: last.payload)
        #expect(again.requestID == "replay-r-\(plan.cases.count)")
        #expect(again.kind == plan.cases[0].kind)
    }
}
