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

    @Test func diagnosticsFollowTheContractWithTheGeneratedMessages() async throws {
        try await CaseServer.with { server in
            let messages = (1...40).map { JiefenV1.EchoMessage(payload: Array("解纷-\($0)".utf8)) }
            let tally = try await server.client.clientStreamingCall(Diagnostics.tally, requests: messages.async)
            #expect(tally.value == 40)
            let echoed = try await server.client.bidirectionalStreamingCall(Diagnostics.echoStream) { responses, requests in
                for message in messages { try await requests.send(message) }
                try await requests.finish()
                var back: [JiefenV1.EchoMessage] = []
                for try await response in responses { back.append(response) }
                return back
            }
            #expect(echoed == messages)
            let listing = try await server.call(Server.listServices, JiefenV1.ListServicesRequest())
            let diagnostics = try #require(listing.services.first { $0.name == Diagnostics.name })
            #expect(Set(diagnostics.methods.map(\.name)).isSuperset(of: ["EchoStream", "Tally"]))
            var counted: [UInt32] = []
            for try await response in try server.client.serverStreamingCall(Diagnostics.count, JiefenV1.CountRequest(count: 5)) {
                counted.append(response.value)
            }
            #expect(counted == [1, 2, 3, 4, 5])
            let metadata = try await server.client.call(
                Diagnostics.metadata, JiefenV1.MetadataRequest(),
                metadata: [.init(key: "x-trace", value: "b"), .init(key: "x-dept", value: "a")])
            #expect(metadata.entries.map { "\($0.key)=\($0.value)" } == ["x-dept=a", "x-trace=b"])
            let slept = await #expect(throws: RPCError.self) {
                _ = try await server.client.call(Diagnostics.sleep, JiefenV1.SleepRequest(milliseconds: 2000), timeout: .milliseconds(100))
            }
            #expect(slept?.code == .deadlineExceeded)
            let tooLong = await #expect(throws: RPCError.self) {
                _ = try await server.client.call(Diagnostics.sleep, JiefenV1.SleepRequest(milliseconds: 60_001))
            }
            #expect(tooLong?.code == .invalidArgument)
        }
    }
}

extension Array where Element: Sendable {
    /// The elements as an async sequence, for client-streaming calls.
    var async: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}
