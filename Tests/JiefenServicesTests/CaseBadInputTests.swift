import Foundation
import JiefenAPI
import NIOCore
import TTRPCCore
import Testing

@Suite("cases over RPC: bad input answers the right code and loses nothing")
struct CaseBadInputTests {
    @Test func missingAndInvalidFieldsAreAllNamed() async throws {
        try await CaseServer.with { server in
            var request = Fixtures.housingCase()
            request.track = "appeal"
            request.channel = ""
            let dropped = request.details.first?.name
            request.details.removeAll { $0.name == dropped }
            request.details.append(JiefenV1.Field("contract_delivery_date", .date("2020-02-30")))
            let error = await #expect(throws: RPCError.self) { _ = try await server.create(request) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("track") == true)
            #expect(error?.message.contains("channel") == true)
        }
    }

    @Test func unknownKindIsRefusedNamingTheKnownOnes() async throws {
        try await CaseServer.with { server in
            var request = Fixtures.housingCase()
            request.kind = "noise-complaint"
            let error = await #expect(throws: RPCError.self) { _ = try await server.create(request) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("housing-delivery") == true)
        }
    }

    @Test func wrongIDCheckDigitIsRefused() async throws {
        try await CaseServer.with { server in
            var request = Fixtures.housingCase()
            request.petitioners = [JiefenV1.Person(name: "李四", idNumber: "110105194912310021")]
            let error = await #expect(throws: RPCError.self) { _ = try await server.create(request) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("id_number") == true)
            #expect(error?.message.contains("110105194912310021") == false)
        }
    }

    @Test func illegalTransitionSaysWhichStateAllowsIt() async throws {
        try await CaseServer.with { server in
            let id = try await server.create(Fixtures.housingCase()).case.id
            let error = await #expect(throws: RPCError.self) {
                _ = try await server.apply(id, "closed", [JiefenV1.Field("outcome", .choice("resolved_town"))])
            }
            #expect(error?.code == .failedPrecondition)
            #expect(error?.message.contains("allowed in") == true)
            let unknown = await #expect(throws: RPCError.self) { _ = try await server.apply(id, "teleported") }
            #expect(unknown?.code == .invalidArgument)
            let missing = await #expect(throws: RPCError.self) { _ = try await server.apply("JF-999999", "accepted") }
            #expect(missing?.code == .notFound)
        }
    }

    @Test func extensionTwiceOrBeyondThirtyDaysIsRefused() async throws {
        try await CaseServer.with { server in
            let id = try await server.create(Fixtures.housingCase(on: "2023-01-08")).case.id
            _ = try await server.apply(id, "accepted", [JiefenV1.Field("notice_on", .date("2023-01-10"))], on: "2023-01-10")
            _ = try await server.apply(id, "assigned", [JiefenV1.Field("department", .text("housing"))], on: "2023-01-11")
            _ = try await server.apply(id, "handling_started", on: "2023-01-12")
            let tooLong = await #expect(throws: RPCError.self) {
                _ = try await server.apply(
                    id, "extension_approved", [JiefenV1.Field("days", .integer(31)), JiefenV1.Field("reason", .text("x"))], on: "2023-02-01"
                )
            }
            #expect(tooLong?.code == .failedPrecondition || tooLong?.code == .invalidArgument)
            _ = try await server.apply(
                id, "extension_approved", [JiefenV1.Field("days", .integer(20)), JiefenV1.Field("reason", .text("x"))], on: "2023-02-01")
            let twice = await #expect(throws: RPCError.self) {
                _ = try await server.apply(
                    id, "extension_approved", [JiefenV1.Field("days", .integer(5)), JiefenV1.Field("reason", .text("y"))], on: "2023-02-02")
            }
            #expect(twice?.code == .failedPrecondition)
        }
    }

    @Test func twoClientsChangingTheSameCaseLoseNoUpdate() async throws {
        try await CaseServer.with { server in
            let created = try await server.create(Fixtures.housingCase(on: "2023-01-08")).case
            let version = created.version
            // Both saw the same version; exactly one may win.
            async let first = Result(catching: {
                try await server.apply(created.id, "accepted", on: "2023-01-10", expectedVersion: version)
            })
            async let second = Result(catching: {
                try await server.apply(
                    created.id, "not_accepted", [JiefenV1.Field("reason", .text("duplicate"))], on: "2023-01-10", expectedVersion: version)
            })
            let results = await [first, second]
            let successes = results.filter { if case .success = $0 { true } else { false } }
            #expect(successes.count == 1)
            for case .failure(let error) in results {
                #expect((error as? RPCError)?.code == .aborted || (error as? RPCError)?.code == .failedPrecondition)
            }
            let history = try await server.call(Cases.history, JiefenV1.CaseHistoryRequest(caseID: created.id))
            #expect(history.events.count == 2)
        }
    }

    @Test func undecodablePayloadAnswersInvalidArgument() async throws {
        try await CaseServer.with { server in
            let error = await #expect(throws: RPCError.self) {
                _ = try await server.client.call(
                    service: Cases.create.service, method: Cases.create.method, payload: ByteBuffer(bytes: [0x0A, 0x05, 0xFF]))
            }
            #expect(error?.code == .invalidArgument)
        }
    }
}
