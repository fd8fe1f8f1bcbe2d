package import JiefenAPI
import JiefenDomain
package import JiefenLoad
import NIOCore
import Synchronization
import TTRPCCore

/// `jiefen load --workload tongyang`: the Tongyang year as a replay workload. Cases are started in registration
/// order and interleaved; each case's steps go out one at a time, the next only after the previous one answered
/// OK, so every history stays in order. When the year runs out, the next copy of it starts (new request ids, so
/// new cases). Joint-meeting ids are synthetic and contacts carry no session: the replay needs no setup calls.
package final class TongyangReplayWorkload: LoadWorkload {
    private let cases: [PlannedCase]
    private let samples: [String: [JiefenV1.Field]]
    private let runID: String

    /// A started case: its id once created, the next step, and the time of the last one.
    private struct Progress {
        var id = ""
        var step = 0
        var previous: Timestamp
    }

    /// Which cases have a step ready, and how far each started case is (guarded by its own Mutex).
    private struct State {
        var started = 0
        var ready: [Int] = []
        var progress: [Int: Progress] = [:]
    }

    private let state = Mutex(State())

    package init(plan: TongyangPlan, kinds: [JiefenV1.KindSchema], runID: String) {
        cases = plan.cases
        var samples: [String: [JiefenV1.Field]] = [:]
        for kind in kinds { samples[kind.kind] = kind.sampleDetails }
        self.samples = samples
        self.runID = runID
    }

    package func next(_ index: Int) -> LoadCall {
        let (key, progress) = state.withLock { s -> (Int, Progress?) in
            if !s.ready.isEmpty {
                let key = s.ready.removeFirst()
                return (key, s.progress[key])
            }
            let key = s.started
            s.started += 1
            s.progress[key] = Progress(previous: cases[key % cases.count].registeredAt)
            return (key, nil)
        }
        let planned = cases[key % cases.count]
        guard let progress else { return create(planned, key: key) }
        let step = planned.steps[progress.step]
        let at = step.timestamp(after: progress.previous)
        let advance: @Sendable (ByteBuffer) -> Void = { [self] _ in self.advance(key, at: at) }
        switch ScenarioRequests.step(step, caseID: progress.id, at: at, meetingID: { "JM-REPLAY-\($0 + 1)" }, sessionID: { _ in nil }) {
        case .apply(let request):
            return LoadCall(Cases.apply, request, onSuccess: advance)
        case .contact(let request):
            return LoadCall(Contacts.record, request, onSuccess: advance)
        }
    }

    private func create(_ planned: PlannedCase, key: Int) -> LoadCall {
        var request = ScenarioRequests.create(planned, index: key % cases.count, sample: samples[planned.kind] ?? [], sessionIDs: [])
        request.requestID = "replay-\(runID)-\(key)"
        return LoadCall(Cases.create, request) { [self] answer in
            guard let response = try? JiefenV1.CreateCaseResponse(decoding: answer) else { return }
            self.state.withLock { s in
                s.progress[key]?.id = response.case.id
                if planned.steps.isEmpty { s.progress[key] = nil } else { s.ready.append(key) }
            }
        }
    }

    /// Records that case `key`'s step at `at` succeeded and queues its next step, if any.
    private func advance(_ key: Int, at: Timestamp) {
        let steps = cases[key % cases.count].steps.count
        state.withLock { s in
            guard var progress = s.progress[key] else { return }
            progress.step += 1
            progress.previous = at
            if progress.step < steps {
                s.progress[key] = progress
                s.ready.append(key)
            } else {
                s.progress[key] = nil
            }
        }
    }
}
