import Foundation
import JiefenAPI
import JiefenDomain
import JiefenServices
import LandLeaseArrearsPlugin
import NIOCore
import TTRPCCore
import Testing

@Suite("cases over RPC: lifecycle")
struct CaseLifecycleTests {
    @Test func aPetitionCaseMovesFromRegistrationToEvaluation() async throws {
        try await CaseServer.with { server in
            let created = try await server.create(Fixtures.housingCase(on: "2023-01-08"))
            #expect(created.created)
            let id = created.case.id
            #expect(id.hasPrefix("JF-"))
            #expect(created.case.status == "REGISTERED")
            #expect(created.case.personTimes == 6)
            var c = try await server.apply(id, "accepted", [JiefenV1.Field("notice_on", .date("2023-01-10"))], on: "2023-01-10")
            #expect(c.status == "ACCEPTED")
            #expect(c.dueOn == "2023-03-11") // 60 days after acceptance
            c = try await server.apply(id, "assigned", [JiefenV1.Field("department", .text("city-housing-centre"))], on: "2023-01-11")
            c = try await server.apply(id, "handling_started", on: "2023-01-12")
            c = try await server.apply(
                id, "extension_approved", [JiefenV1.Field("days", .integer(30)), JiefenV1.Field("reason", .text("joint meeting needed"))],
                on: "2023-03-01")
            #expect(c.extensionDays == 30)
            c = try await server.apply(
                id, "replied", [JiefenV1.Field("decision", .choice("support")), JiefenV1.Field("document_ref", .text("TY-2023-017"))],
                on: "2023-03-20")
            c = try await server.apply(id, "closed", [JiefenV1.Field("outcome", .choice("resolved_town"))], on: "2023-03-21")
            #expect(c.status == "CLOSED")
            #expect(c.outcome == "resolved_town")
            c = try await server.apply(id, "evaluated", [JiefenV1.Field("rating", .choice("satisfied"))], on: "2023-03-25")
            #expect(c.rating == "satisfied")
            let history = try await server.call(Cases.history, JiefenV1.CaseHistoryRequest(caseID: id))
            #expect(
                history.events.map(\.type) == [
                    "registered", "accepted", "assigned", "handling_started", "extension_approved", "replied", "closed", "evaluated",
                ])
            #expect(history.events.map(\.sequence) == Array(1...8))
        }
    }

    @Test func assessmentReproducesTheHousingExample() async throws {
        try await CaseServer.with { server in
            let id = try await server.create(Fixtures.housingCase()).case.id
            let assessment = try await server.call(Cases.assess, JiefenV1.AssessCaseRequest(caseID: id))
            #expect(["P1", "P2", "P3"].contains(assessment.severity))
            #expect(!assessment.routing.isEmpty)
            #expect(!assessment.figures.isEmpty)
        }
    }

    @Test func aRetriedCreateReturnsTheSameCase() async throws {
        try await CaseServer.with { server in
            let request = Fixtures.housingCase(requestID: "dept-system-42")
            let first = try await server.create(request)
            let again = try await server.create(request)
            #expect(first.created)
            #expect(!again.created)
            #expect(again.case.id == first.case.id)
            let list = try await server.call(Cases.list, JiefenV1.ListCasesRequest())
            #expect(list.cases.count == 1)
        }
    }

    @Test func listsMaskPersonalDataAndPageWithACursor() async throws {
        try await CaseServer.with { server in
            for index in 0..<5 { _ = try await server.create(Fixtures.housingCase(requestID: "r\(index)")) }
            var request = JiefenV1.ListCasesRequest()
            request.pageSize = 2
            var seen: [String] = []
            repeat {
                let page = try await server.call(Cases.list, request)
                for c in page.cases {
                    #expect(c.masked)
                    #expect(c.petitioners.first?.name == "张*")
                    #expect(c.petitioners.first?.idNumber.contains("19491231") == false)
                    #expect(c.petitioners.first?.phone == "138****8000")
                }
                seen += page.cases.map(\.id)
                request.pageToken = page.nextPageToken
            } while !request.pageToken.isEmpty
            #expect(seen.count == 5)
            #expect(Set(seen).count == 5)
            let revealed = try await server.call(Cases.get, JiefenV1.GetCaseRequest(id: seen[0], reveal: true))
            #expect(revealed.case.petitioners.first?.phone == "13800138000")
            #expect(!revealed.case.masked)
        }
    }

    @Test func personalDetailsAreMaskedInListsAndRevealedOnRequest() async throws {
        try await CaseServer.with { server in
            var request = Fixtures.housingCase()
            request.kind = "land-lease-arrears"
            request.channel = "WALK_IN"
            request.headcount = 0
            let sample = LandLeaseArrearsPlugin().sampleDetails
            request.details = sample.names.map { JiefenV1.Field(name: $0, value: JiefenV1.Value(sample[$0]!)) }
            request.details.removeAll { $0.name == "transferors" }
            request.details.append(JiefenV1.Field("transferors", .list(of: [.text("王小明"), .text("李四")])))
            let id = try await server.create(request).case.id
            let listed = try await server.call(Cases.list, JiefenV1.ListCasesRequest()).cases[0]
            let transferors = listed.details.first { $0.name == "transferors" }?.value.kind
            #expect(transferors == .list(of: [.text("王*明"), .text("李*")]))
            #expect(listed.details.first { $0.name == "transferee_id" }?.value.description.hasPrefix("*") == true)
            #expect(listed.details.first { $0.name == "area_mu" }?.value.kind == .areaCentimu(18_650))
            let revealed = try await server.call(Cases.get, JiefenV1.GetCaseRequest(id: id, reveal: true)).case
            #expect(revealed.details.first { $0.name == "transferors" }?.value.kind == .list(of: [.text("王小明"), .text("李四")]))
            let schema = try await server.call(Kinds.describeKind, JiefenV1.DescribeKindRequest(kind: "land-lease-arrears"))
            #expect(schema.attributes.first { $0.name == "transferors" }?.personal == true)
        }
    }

    @Test func kindsAreDiscoverableWithTheirSchemas() async throws {
        try await CaseServer.with { server in
            let kinds = try await server.call(Kinds.listKinds, JiefenV1.ListKindsRequest())
            #expect(Set(kinds.kinds.map(\.kind)) == ["housing-delivery", "land-lease-arrears", "agricultural-claim", "general-matter"])
            let housing = try await server.call(Kinds.describeKind, JiefenV1.DescribeKindRequest(kind: "housing-delivery"))
            #expect(housing.attributes.contains { $0.required })
            #expect(!housing.sampleDetails.isEmpty)
            let unknown = await #expect(throws: RPCError.self) {
                _ = try await server.call(Kinds.describeKind, JiefenV1.DescribeKindRequest(kind: "neighbour"))
            }
            #expect(unknown?.code == .notFound)
        }
    }

    @Test func aFollowUpVisitIsANewBatchOnTheSameCase() async throws {
        try await CaseServer.with { server in
            let id = try await server.create(Fixtures.housingCase()).case.id
            var request = JiefenV1.RecordContactRequest()
            request.caseID = id
            request.channel = "VILLAGE_RECEPTION"
            request.headcount = 5
            request.at = Fixtures.seconds("2023-01-15")
            let answer = try await server.call(Contacts.record, request)
            #expect(answer.batches == 2)
            #expect(answer.personTimes == 11)
            let list = try await server.call(Cases.list, JiefenV1.ListCasesRequest())
            #expect(list.cases.count == 1)
        }
    }
}
