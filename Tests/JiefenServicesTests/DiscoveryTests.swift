import JiefenAPI
import NIOCore
import TTRPCCore
import TTRPCWire
import Testing

@Suite("discovery: Server/ListServices and health, as jiefend composes them")
struct DiscoveryTests {
    @Test func theListingNamesEveryServedMethodAndHealthAnswersForEachService() async throws {
        try await CaseServer.with { server in
            let listing = try await server.call(Server.listServices, JiefenV1.ListServicesRequest())
            let names = listing.services.map(\.name)
            #expect(names == names.sorted())
            #expect(
                Set(names).isSuperset(of: [
                    Cases.name, Kinds.name, Contacts.name, Sessions.name, Meetings.name, Stats.name,
                    Diagnostics.name, Server.name, "grpc.health.v1.Health",
                ]))
            let cases = try #require(listing.services.first { $0.name == Cases.name })
            #expect(cases.methods.map(\.name) == ["Apply", "Assess", "Create", "Get", "History", "List"])
            #expect(cases.methods.allSatisfy { $0.kind == "unary" })
            let diagnostics = try #require(listing.services.first { $0.name == Diagnostics.name })
            #expect(diagnostics.methods.first { $0.name == "Count" }?.kind == "server-streaming")
            for name in names {
                var request = ByteBuffer()
                try HealthCheckRequest(service: name).encode(into: &request)
                let answer = try await server.client.call(service: "grpc.health.v1.Health", method: "Check", payload: request)
                #expect(try HealthCheckResponse(decoding: answer).status == .serving, "\(name)")
            }
        }
    }
}
