import AgriculturalClaimPlugin
import Foundation
import HousingDeliveryPlugin
import JiefenAPI
import JiefenDomain
import JiefenServices
import LandLeaseArrearsPlugin
import NIOCore
import Synchronization
import TTRPCCore
import Testing

/// Set just before the kill loop sends SIGKILL: failures after it are the kill, failures before it are bugs.
final class KillSignal: Sendable {
    private let flag = Atomic(false)
    func set() { flag.store(true, ordering: .sequentiallyConsistent) }
    var isSet: Bool { flag.load(ordering: .sequentiallyConsistent) }
}

/// One caller of the kill loop: takes case after case through registration, acceptance, a village-reception session
/// and a visit at it, assignment, a joint meeting, handling and a call, one write at a time, until the server dies.
struct KillLoopCaller: Sendable {
    let client: TTRPCClient
    let ledger: KillLoopLedger
    let killed: KillSignal
    let cycle: Int
    let caller: Int

    /// The kinds the callers rotate through, with each kind's sample details and the department it is assigned to.
    static let kinds: [(kind: String, details: [JiefenV1.Field], department: String)] = [
        ("housing-delivery", fields(HousingDeliveryPlugin().sampleDetails), "city-housing-centre"),
        ("land-lease-arrears", fields(LandLeaseArrearsPlugin().sampleDetails), "rural-economy-office"),
        ("agricultural-claim", fields(AgriculturalClaimPlugin().sampleDetails), "agricultural-service-station"),
    ]

    static func fields(_ details: Details) -> [JiefenV1.Field] {
        details.names.map { JiefenV1.Field(name: $0, value: JiefenV1.Value(details[$0]!)) }
    }

    static func seconds(_ day: Int, hour: Int = 9) -> Int64 {
        Timestamp(date: CivilDate(iso: "2025-03-\(String(format: "%02d", day))")!, hour: hour).secondsSinceEpoch
    }

    /// The create request of case `index` of `caller`.
    static func createRequest(_ requestID: String, caller: Int, index: Int) -> JiefenV1.CreateCaseRequest {
        let kind = kinds[(caller + index) % kinds.count]
        var request = JiefenV1.CreateCaseRequest()
        request.requestID = requestID
        request.kind = kind.kind
        request.track = "petition"
        request.channel = "WALK_IN"
        request.villageCode = village(index)
        request.petitioners = [JiefenV1.Person(name: "测试")]
        request.personsInvolved = 2
        request.householdsInvolved = 1
        request.demandText = "kill loop"
        request.details = kind.details
        request.receivedAt = seconds(1)
        request.headcount = 2
        return request
    }

    static func village(_ index: Int) -> String { "340181-TY-\(String(format: "%02d", index % 17 + 1))" }

    func run() async {
        var index = 0
        while !killed.isSet {
            index += 1
            guard await self.work(onCase: index) else { return }
        }
    }

    /// Takes one case through its writes, each with its own request id `kl-CYCLE-CALLER-INDEX[-STEP]`; `false` once
    /// a write went unanswered (the server died).
    private func work(onCase index: Int) async -> Bool {
        let prefix = "kl-\(cycle)-\(caller)-\(index)"
        let department = Self.kinds[(caller + index) % Self.kinds.count].department
        let create = Self.createRequest(prefix, caller: caller, index: index)
        guard let id = await send(.create, prefix, on: nil, create)?.id else { return false }

        var reception = JiefenV1.Session(villageCode: Self.village(index), date: "2025-03-03", leadDepartment: department)
        reception.requestID = prefix + "-session"
        guard await apply(id, prefix + "-accepted", "accepted", [JiefenV1.Field("notice_on", .date("2025-03-02"))], day: 2),
            let session = await send(.session, reception.requestID, on: nil, reception)?.id,
            await contact(id, prefix + "-visit", day: 3, session: session),
            await apply(id, prefix + "-assigned", "assigned", [JiefenV1.Field("department", .text(department))], day: 4),
            await meeting(id, prefix + "-meeting", department: department),
            await apply(id, prefix + "-handling", "handling_started", [], day: 6),
            await contact(id, prefix + "-call", day: 7, session: nil)
        else { return false }
        return true
    }

    private func apply(_ id: String, _ requestID: String, _ type: String, _ arguments: [JiefenV1.Field], day: Int) async -> Bool {
        var request = JiefenV1.ApplyEventRequest()
        request.caseID = id
        request.type = type
        request.arguments = arguments
        request.occurredAt = Self.seconds(day)
        request.requestID = requestID
        return await send(.event, requestID, on: id, event: type, request) != nil
    }

    /// A visit at a village-reception session, or a call when `session` is `nil`.
    private func contact(_ id: String, _ requestID: String, day: Int, session: String?) async -> Bool {
        var request = JiefenV1.RecordContactRequest()
        request.caseID = id
        request.channel = session == nil ? "HOTLINE" : "VILLAGE_RECEPTION"
        request.sessionID = session ?? ""
        request.at = Self.seconds(day)
        request.headcount = 1
        request.requestID = requestID
        return await send(.contact, requestID, on: id, event: "contact_recorded", session: session, request) != nil
    }

    private func meeting(_ id: String, _ requestID: String, department: String) async -> Bool {
        var request = JiefenV1.RecordMeetingRequest()
        request.caseIDs = [id]
        request.date = "2025-03-05"
        request.departments = [department, "town-petition-office"]
        request.decision = "a plan agreed by the departments"
        request.requestID = requestID
        return await send(.meeting, requestID, on: id, request) != nil
    }

    /// Enters the write in the ledger, sends it and records its answer; `nil` if it failed. A failure before the kill
    /// is recorded as a test failure. Nothing is sent once the kill is under way.
    private func send(
        _ kind: KillLoopWrite.Kind, _ requestID: String, on caseID: String?, event: String? = nil, session: String? = nil,
        _ request: some GeneratedMessage
    ) async -> KillLoopAnswer? {
        guard !killed.isSet else { return nil }
        let payload: ByteBuffer
        do {
            payload = try request.encoded()
        } catch {
            Issue.record("\(requestID) does not encode: \(error)")
            return nil
        }
        ledger.sending(
            KillLoopWrite(
                requestID: requestID, kind: kind, payload: payload, caseID: caseID, eventType: event, sessionID: session
            ))
        do {
            let reply = try await client.call(service: kind.service, method: kind.method, payload: payload)
            let answer = try KillLoopAnswer(kind, decoding: reply)
            ledger.answered(requestID, answer, cycle: cycle)
            return answer
        } catch {
            if !killed.isSet { Issue.record("\(kind.service)/\(kind.method) \(requestID) failed before the kill: \(error)") }
            return nil
        }
    }
}
