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

/// One caller of the kill loop: takes case after case through registration, acceptance, a follow-up visit,
/// assignment, a joint meeting, handling and a call, one write at a time, until the server dies.
struct KillLoopCaller: Sendable {
    let client: TTRPCClient
    let ledger: KillLoopLedger
    let killed: KillSignal
    let cycle: Int
    let caller: Int

    /// The kinds the callers rotate through, with each kind's sample details and the department it is assigned to.
    static let kinds: [(kind: String, details: [APIField], department: String)] = [
        ("housing-delivery", fields(HousingDeliveryPlugin().sampleDetails), "city-housing-centre"),
        ("land-lease-arrears", fields(LandLeaseArrearsPlugin().sampleDetails), "rural-economy-office"),
        ("agricultural-claim", fields(AgriculturalClaimPlugin().sampleDetails), "agricultural-service-station"),
    ]

    static func fields(_ details: Details) -> [APIField] {
        details.names.map { APIField($0, APIValue(details[$0]!)) }
    }

    static func seconds(_ day: Int, hour: Int = 9) -> Int64 {
        Timestamp(date: CivilDate(iso: "2025-03-\(String(format: "%02d", day))")!, hour: hour).secondsSinceEpoch
    }

    /// The create request of `kl-CYCLE-CALLER-INDEX`: the same id always gives the same request.
    static func createRequest(_ requestID: String) -> CreateCaseRequest {
        let numbers = requestID.split(separator: "-").compactMap { Int($0) }
        let (caller, index) = (numbers[1], numbers[2])
        let kind = kinds[(caller + index) % kinds.count]
        var request = CreateCaseRequest()
        request.requestID = requestID
        request.kind = kind.kind
        request.track = "petition"
        request.channel = "WALK_IN"
        request.villageCode = "340181-TY-\(String(format: "%02d", index % 17 + 1))"
        request.petitioners = [APIPerson(name: "测试")]
        request.personsInvolved = 2
        request.householdsInvolved = 1
        request.demandText = "kill loop"
        request.details = kind.details
        request.receivedAt = seconds(1)
        request.headcount = 2
        return request
    }

    func run() async {
        var index = 0
        while !killed.isSet {
            index += 1
            guard await self.work(onCase: index) else { return }
        }
    }

    /// Takes one case through its writes; `false` once a write failed (the server died).
    private func work(onCase index: Int) async -> Bool {
        let requestID = "kl-\(cycle)-\(caller)-\(index)"
        let request = Self.createRequest(requestID)
        let department = Self.kinds[(caller + index) % Self.kinds.count].department
        ledger.sendingCreate(requestID)
        guard let created = await call(CasesAPI.service, CasesAPI.create, request, as: CreateCaseResponse.self) else { return false }
        let id = created.case.id
        ledger.created(requestID, caseID: id, contacts: 1)

        guard await apply(id, "accepted", [APIField("notice_on", .date("2025-03-02"))], day: 2),
            await contact(id, day: 3),
            await apply(id, "assigned", [APIField("department", .text(department))], day: 4),
            await meeting(id, department: department),
            await apply(id, "handling_started", [], day: 6),
            await contact(id, day: 7)
        else { return false }
        return true
    }

    private func apply(_ id: String, _ type: String, _ arguments: [APIField], day: Int) async -> Bool {
        var request = ApplyEventRequest()
        request.caseID = id
        request.type = type
        request.arguments = arguments
        request.occurredAt = Self.seconds(day)
        ledger.sending(on: id, events: [type])
        guard await call(CasesAPI.service, CasesAPI.apply, request, as: ApplyEventResponse.self) != nil else { return false }
        ledger.acknowledged(on: id)
        return true
    }

    private func contact(_ id: String, day: Int) async -> Bool {
        var request = RecordContactRequest()
        request.caseID = id
        request.channel = "HOTLINE"
        request.at = Self.seconds(day)
        request.headcount = 1
        ledger.sending(on: id, events: ["contact_recorded"], contacts: 1)
        guard await call(ContactsAPI.contactsService, ContactsAPI.record, request, as: RecordContactResponse.self) != nil else { return false }
        ledger.acknowledged(on: id)
        return true
    }

    private func meeting(_ id: String, department: String) async -> Bool {
        var request = RecordMeetingRequest()
        request.caseIDs = [id]
        request.date = "2025-03-05"
        request.departments = [department, "town-petition-office"]
        request.decision = "a plan agreed by the departments"
        ledger.sendingMeeting()
        guard let answer = await call(ContactsAPI.meetingsService, ContactsAPI.recordMeeting, request, as: RecordMeetingResponse.self) else { return false }
        ledger.recordedMeeting(answer.meetingID, caseID: id)
        return true
    }

    /// One call; `nil` if it failed. A failure before the kill is recorded as a test failure.
    private func call<Response: APIMessage>(_ service: String, _ method: String, _ request: some APIMessage, as: Response.Type) async -> Response? {
        do {
            return try Response(decoding: try await client.call(service: service, method: method, payload: try request.encoded()))
        } catch {
            if !killed.isSet { Issue.record("\(service)/\(method) failed before the kill: \(error)") }
            return nil
        }
    }
}
