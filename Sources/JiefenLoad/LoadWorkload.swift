import Foundation
package import JiefenAPI
package import NIOCore
import Synchronization
package import TTRPCCore
import TTRPCWire

/// One call a workload wants made.
package struct LoadCall: Sendable {
    package var label: String
    package var service: String
    package var method: String
    package var payload: ByteBuffer
    /// For Echo: the answer must equal the payload.
    package var expectEcho: Bool
    /// Called with the answer of a successful call (to learn created case ids).
    package var onSuccess: (@Sendable (ByteBuffer) -> Void)?

    /// Creates a call. See the properties for the meaning of each parameter.
    package init(
        label: String, service: String, method: String, payload: ByteBuffer, expectEcho: Bool,
        onSuccess: (@Sendable (ByteBuffer) -> Void)? = nil
    ) {
        self.label = label
        self.service = service
        self.method = method
        self.payload = payload
        self.expectEcho = expectEcho
        self.onSuccess = onSuccess
    }

    /// A call of a declared method, labelled `Service/Method` with the service's last name part (`Cases/Create`).
    /// A request that cannot be encoded goes out as an empty payload, for the server to refuse.
    package init<Request, Response>(
        _ method: TTRPCMethod<Request, Response>, _ request: Request, onSuccess: (@Sendable (ByteBuffer) -> Void)? = nil
    ) {
        self.init(
            label: "\(method.service.split(separator: ".").last ?? "")/\(method.method)", service: method.service,
            method: method.method, payload: (try? request.ttrpcPayload()) ?? ByteBuffer(), expectEcho: false,
            onSuccess: onSuccess
        )
    }
}

/// Produces calls: a fixed raw call, or the built-in case mix.
package protocol LoadWorkload: Sendable {
    func next(_ index: Int) -> LoadCall
}

/// The same raw call every time.
package struct RawWorkload: LoadWorkload {
    package let service: String
    package let method: String
    package let payload: ByteBuffer

    /// Creates a workload that sends `payload` to `service`/`method` every time.
    package init(service: String, method: String, payload: ByteBuffer) {
        self.service = service
        self.method = method
        self.payload = payload
    }

    package func next(_ index: Int) -> LoadCall {
        LoadCall(
            label: "\(service)/\(method)", service: service, method: method, payload: payload,
            expectEcho: service == "jiefen.v1.Diagnostics" && method == "Echo", onSuccess: nil
        )
    }
}

/// A realistic mix across every registered kind: 40% creates (with each kind's sample details), 30% gets,
/// 20% lists, 10% lifecycle events (accepting cases this run created); or, with `createsOnly`, creates alone.
package final class CaseMixWorkload: LoadWorkload {
    package let kinds: [JiefenV1.KindSchema]
    package let runID: String
    /// Every call a create (`--workload creates`).
    package let createsOnly: Bool
    /// Ids of cases this run created, and how many of them were accepted (guarded by their own Mutex).
    private let created = Mutex<[String]>([])
    private let accepted = Mutex<Int>(0)

    package init(kinds: [JiefenV1.KindSchema], runID: String, createsOnly: Bool = false) {
        self.kinds = kinds
        self.runID = runID
        self.createsOnly = createsOnly
    }

    package func next(_ index: Int) -> LoadCall {
        if createsOnly { return create(index) }
        let known = created.withLock { $0 }
        let slot = index % 10
        if known.isEmpty || slot < 4 { return create(index) }
        let id = known[(index * 7919) % known.count]
        switch slot {
        case 4, 5, 6:
            return LoadCall(Cases.get, JiefenV1.GetCaseRequest(id: id))
        case 7, 8:
            var list = JiefenV1.ListCasesRequest()
            list.kind = kinds[index % kinds.count].kind
            list.pageSize = 20
            return LoadCall(Cases.list, list)
        default:
            let target = accepted.withLock { next -> String? in
                guard next < known.count else { return nil }
                next += 1
                return known[next - 1]
            }
            guard let target else { return LoadCall(Cases.get, JiefenV1.GetCaseRequest(id: id)) }
            var apply = JiefenV1.ApplyEventRequest()
            apply.caseID = target
            apply.type = "accepted"
            return LoadCall(Cases.apply, apply)
        }
    }

    private func create(_ index: Int) -> LoadCall {
        let kind = kinds[index % kinds.count]
        var request = JiefenV1.CreateCaseRequest()
        request.requestID = "load-\(runID)-\(index)"
        request.kind = kind.kind
        request.track = "petition"
        request.channel = index % 3 == 0 ? "VILLAGE_RECEPTION" : "WALK_IN"
        request.villageCode = "340181-TY-\(String(format: "%02d", index % 17 + 1))"
        request.petitioners = [JiefenV1.Person(name: "测试\(index % 100)")]
        request.headcount = Int32(index % 3 == 0 ? index % 6 + 1 : 0)
        request.personsInvolved = max(request.headcount, Int32(index % 7 + 1))
        request.householdsInvolved = 1
        request.demandText = "load test case"
        request.details = kind.sampleDetails
        return LoadCall(Cases.create, request) { [self] answer in
            if let response = try? JiefenV1.CreateCaseResponse(decoding: answer) {
                self.created.withLock { if $0.count < 100_000 { $0.append(response.case.id) } }
            }
        }
    }

}
