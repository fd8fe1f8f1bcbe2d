import Foundation
import JiefenAPI
import JiefenDomain
import JiefenWireTesting
import NIOCore
import TTRPCCore
import Testing

/// The crashes and gaps the hardening issue found, each as a regression test against a real server: the call
/// answers a status a person can act on, and the server goes on serving.
@Suite("hostile requests answer a status and the server keeps serving")
struct HostileRequestTests {
    /// The server still answers a normal call.
    private func stillServes(_ server: CaseServer) async throws {
        let kinds = try await server.call(Kinds.listKinds, JiefenV1.ListKindsRequest())
        #expect(kinds.kinds.count >= 3)
    }

    private static func isMoney(_ field: JiefenV1.Field) -> Bool {
        if case .moneyFen = field.value.kind { return true }
        return false
    }

    private func refusal(_ body: () async throws -> Void) async -> RPCError? {
        do {
            try await body()
            return nil
        } catch let error as RPCError {
            return error
        } catch {
            return RPCError(code: .unknown, message: "\(error)")
        }
    }

    @Test func aCreateReceivedAtTheLargestInstantIsRefused() async throws {
        try await CaseServer.with { server in
            var request = Fixtures.housingCase()
            request.receivedAt = Int64.max
            let error = await refusal { _ = try await server.create(request) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("received_at") == true)
            request.receivedAt = Int64.min
            let early = await refusal { _ = try await server.create(request) }
            #expect(early?.code == .invalidArgument)
            try await stillServes(server)
        }
    }

    @Test func aContactAtTheLargestInstantIsRefused() async throws {
        try await CaseServer.with { server in
            let id = try await server.create(Fixtures.housingCase()).case.id
            var request = JiefenV1.RecordContactRequest()
            request.caseID = id
            request.channel = "VILLAGE_RECEPTION"
            request.headcount = 2
            request.at = Int64.max
            let error = await refusal {
                _ = try await server.call(Contacts.record, request)
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("at:") == true)
            // The case is untouched and still usable.
            #expect(try await server.apply(id, "accepted", on: "2023-01-10").version == 2)
        }
    }

    @Test func aValueNestedTwentyThousandDeepIsRefusedBeforeDecoding() async throws {
        try await CaseServer.with { server in
            let bytes = HostileBytes.createRequest(detailValue: HostileBytes.nestedValue(depth: 20_000))
            #expect(bytes.count > 100_000)
            let error = await refusal {
                _ = try await server.client.call(
                    service: Cases.create.service, method: Cases.create.method, payload: ByteBuffer(bytes: bytes))
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("deeper than 16") == true)
            try await stillServes(server)
        }
    }

    @Test func aTimeInTheFutureIsRefusedSoNoWriteCanLockACase() async throws {
        try await CaseServer.with { server in
            var request = Fixtures.housingCase()
            request.receivedAt = Int64(Date().timeIntervalSince1970) + 3 * 86_400
            let future = await refusal { _ = try await server.create(request) }
            #expect(future?.code == .invalidArgument)
            let id = try await server.create(Fixtures.housingCase()).case.id
            var apply = JiefenV1.ApplyEventRequest()
            apply.caseID = id
            apply.type = "accepted"
            apply.occurredAt = Int64(Date().timeIntervalSince1970) + 30 * 86_400
            let error = await refusal { _ = try await server.call(Cases.apply, apply) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("occurred_at") == true)
            #expect(try await server.apply(id, "accepted", on: "2023-01-10").version == 2)
        }
    }

    @Test func oversizedFieldsAreNamedAndTheListStopsAtTwenty() async throws {
        try await CaseServer.with { server in
            var request = Fixtures.housingCase()
            request.demandText = String(repeating: "诉", count: 3_000) // 9,000 bytes
            request.vulnerableFlags = (0..<40).map { _ in String(repeating: "x", count: 100) }
            request.personsInvolved = Int32.min
            request.personKeys = (0..<30).map { String(repeating: "k", count: 100 + $0) }
            let error = await refusal { _ = try await server.create(request) }
            #expect(error?.code == .invalidArgument)
            let message = error?.message ?? ""
            #expect(message.contains("demand_text"))
            #expect(message.contains("vulnerable_flags"))
            #expect(message.contains("persons_involved"))
            #expect(message.contains("more"))
            #expect(message.utf8.count < 4_096)
            try await stillServes(server)
        }
    }

    @Test func aWriteOverAQuarterMebibyteIsRefusedBeforeDecoding() async throws {
        try await CaseServer.with { server in
            var request = Fixtures.housingCase()
            request.details += (0..<40).map { JiefenV1.Field("note_\($0)", .text(String(repeating: "x", count: 8_000))) }
            let error = await refusal { _ = try await server.create(request) }
            #expect(error?.code == .resourceExhausted)
            #expect(error?.message.contains("at most 262144 bytes") == true)
            try await stillServes(server)
        }
    }

    @Test func moneyBeyondTenToTheFifteenFenIsRefused() async throws {
        try await CaseServer.with { server in
            var request = Fixtures.housingCase()
            let index = try #require(request.details.firstIndex(where: Self.isMoney))
            request.details[index].value.kind = .moneyFen(Int64.max)
            let error = await refusal { _ = try await server.create(request) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("details.\(request.details[index].name)") == true)
        }
    }

    @Test func everyWriteCanBeRetriedWithARequestID() async throws {
        try await CaseServer.with { server in
            let id = try await server.create(Fixtures.housingCase()).case.id
            var apply = JiefenV1.ApplyEventRequest()
            apply.caseID = id
            apply.type = "accepted"
            apply.occurredAt = Fixtures.seconds("2023-01-10")
            apply.requestID = "retry-apply-1"
            let first = try await server.call(Cases.apply, apply).case
            let again = try await server.call(Cases.apply, apply).case
            #expect(first.version == 2 && again.version == 2)
            let history = try await server.call(Cases.history, JiefenV1.CaseHistoryRequest(caseID: id))
            #expect(history.events.map(\.type) == ["registered", "accepted"])

            var contact = JiefenV1.RecordContactRequest()
            contact.caseID = id
            contact.channel = "VILLAGE_RECEPTION"
            contact.headcount = 3
            contact.at = Fixtures.seconds("2023-01-15")
            contact.requestID = "retry-contact-1"
            let c1 = try await server.call(Contacts.record, contact)
            let c2 = try await server.call(Contacts.record, contact)
            #expect(c1 == c2)
            #expect(c2.batches == 2)

            let session = JiefenV1.Session(villageCode: "340181-TY-01", date: "2023-01-08", requestID: "retry-session-1")
            let s1 = try await server.call(Sessions.create, session)
            let s2 = try await server.call(Sessions.create, session)
            #expect(s1.id == s2.id)

            var meeting = JiefenV1.RecordMeetingRequest()
            meeting.caseIDs = [id]
            meeting.date = "2023-01-20"
            meeting.departments = ["town-petition-office"]
            meeting.requestID = "retry-meeting-1"
            let m1 = try await server.call(Meetings.record, meeting)
            let m2 = try await server.call(Meetings.record, meeting)
            #expect(m1.meetingID == m2.meetingID)

            // The same request id for an event on another case is a client bug: AlreadyExists, nothing written.
            let other = try await server.create(Fixtures.housingCase()).case.id
            apply.caseID = other
            let error = await refusal { _ = try await server.call(Cases.apply, apply) }
            #expect(error?.code == .alreadyExists)
        }
    }

    @Test func historyMasksFreeTextArguments() async throws {
        try await CaseServer.with { server in
            let id = try await server.create(Fixtures.housingCase()).case.id
            _ = try await server.apply(
                id, "not_accepted", [JiefenV1.Field("reason", .text("已由13800138000本人撤回，身份证11010519491231002X"))], on: "2023-01-10")
            let history = try await server.call(Cases.history, JiefenV1.CaseHistoryRequest(caseID: id))
            let reason = history.events.last?.arguments.first { $0.name == "reason" }?.value.description ?? ""
            #expect(!reason.contains("13800138000"))
            #expect(!reason.contains("11010519491231002X"))
            #expect(reason.contains("138****8000"))
        }
    }
}
