import Foundation
import JiefenAPI
import JiefenWire
import NIOCore
import Synchronization
import TTRPCCore

/// One call a workload wants made.
struct LoadCall: Sendable {
    var label: String
    var service: String
    var method: String
    var payload: ByteBuffer
    /// For Echo: the answer must equal the payload.
    var expectEcho: Bool
    /// Called with the answer of a successful call (to learn created case ids).
    var onSuccess: (@Sendable (ByteBuffer) -> Void)?
}

/// Produces calls: a fixed raw call, or the built-in case mix.
protocol LoadWorkload: Sendable {
    func next(_ index: Int) -> LoadCall
}

/// The same raw call every time.
struct RawWorkload: LoadWorkload {
    let service: String
    let method: String
    let payload: ByteBuffer

    func next(_ index: Int) -> LoadCall {
        LoadCall(
            label: "\(service)/\(method)", service: service, method: method, payload: payload,
            expectEcho: service == "jiefen.v1.Diagnostics" && method == "Echo", onSuccess: nil
        )
    }
}

/// A realistic mix across every registered kind: 40% creates (with each kind's sample details), 30% gets,
/// 20% lists, 10% lifecycle events (accepting cases this run created); or, with `createsOnly`, creates alone.
final class CaseMixWorkload: LoadWorkload {
    let kinds: [APIKindSchema]
    let runID: String
    /// Every call a create (`--workload creates`).
    let createsOnly: Bool
    /// Ids of cases this run created, and how many of them were accepted (guarded by their own Mutex).
    private let created = Mutex<[String]>([])
    private let accepted = Mutex<Int>(0)

    init(kinds: [APIKindSchema], runID: String, createsOnly: Bool = false) {
        self.kinds = kinds
        self.runID = runID
        self.createsOnly = createsOnly
    }

    func next(_ index: Int) -> LoadCall {
        if createsOnly { return create(index) }
        let known = created.withLock { $0 }
        let slot = index % 10
        if known.isEmpty || slot < 4 { return create(index) }
        let id = known[(index * 7919) % known.count]
        switch slot {
        case 4, 5, 6:
            return call("Get", CasesAPI.get, GetCaseRequest(id: id), nil)
        case 7, 8:
            var list = ListCasesRequest()
            list.kind = kinds[index % kinds.count].kind
            list.pageSize = 20
            return call("List", CasesAPI.list, list, nil)
        default:
            let target = accepted.withLock { next -> String? in
                guard next < known.count else { return nil }
                next += 1
                return known[next - 1]
            }
            guard let target else { return call("Get", CasesAPI.get, GetCaseRequest(id: id), nil) }
            var apply = ApplyEventRequest()
            apply.caseID = target
            apply.type = "accepted"
            return call("Apply", CasesAPI.apply, apply, nil)
        }
    }

    private func create(_ index: Int) -> LoadCall {
        let kind = kinds[index % kinds.count]
        var request = CreateCaseRequest()
        request.requestID = "load-\(runID)-\(index)"
        request.kind = kind.kind
        request.track = "petition"
        request.channel = index % 3 == 0 ? "VILLAGE_RECEPTION" : "WALK_IN"
        request.villageCode = "340181-TY-\(String(format: "%02d", index % 17 + 1))"
        request.petitioners = [APIPerson(name: "测试\(index % 100)")]
        request.headcount = index % 3 == 0 ? index % 6 + 1 : 0
        request.personsInvolved = max(request.headcount, index % 7 + 1)
        request.householdsInvolved = 1
        request.demandText = "load test case"
        request.details = kind.sampleDetails
        return call("Create", CasesAPI.create, request) { [self] answer in
            if let response = try? CreateCaseResponse(decoding: answer) {
                self.created.withLock { if $0.count < 100_000 { $0.append(response.case.id) } }
            }
        }
    }

    private func call(_ label: String, _ method: String, _ message: some APIMessage, _ onSuccess: (@Sendable (ByteBuffer) -> Void)?) -> LoadCall {
        LoadCall(
            label: "Cases/\(label)", service: CasesAPI.service, method: method,
            payload: (try? message.encoded()) ?? ByteBuffer(), expectEcho: false, onSuccess: onSuccess
        )
    }
}
