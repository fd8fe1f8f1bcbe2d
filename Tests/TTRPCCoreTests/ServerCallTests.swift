import NIOCore
import Synchronization
import TTRPCCore
import TTRPCFraming
import TTRPCWire
import Testing

@Suite("server: calls over real sockets")
struct ServerCallTests {
    @Test func healthAndEchoOverUnixAndTCP() async throws {
        try await withTestServer { unix, tcp in
            for address in [unix, tcp] {
                let client = try await TTRPCClient.connect(to: address)
                var health = try await client.call(service: "grpc.health.v1.Health", method: "Check")
                #expect(try HealthCheckResponse(decoding: health).status == .serving)
                var request = ByteBuffer()
                try HealthCheckRequest(service: "jiefen.v1.Diagnostics").encode(into: &request)
                health = try await client.call(service: "grpc.health.v1.Health", method: "Check", payload: request)
                #expect(try HealthCheckResponse(decoding: health).status == .serving)
                let echo = try await client.call(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: "解纷"))
                #expect(String(buffer: echo) == "解纷")
                await client.close()
            }
        }
    }

    @Test func unknownServiceMethodAndGarbagePayloadAnswerTheRightCodes() async throws {
        try await withTestServer { unix, _ in
            let client = try await TTRPCClient.connect(to: unix)
            let service = await #expect(throws: RPCError.self) { _ = try await client.call(service: "no.Such", method: "Echo") }
            #expect(service == RPCError(code: .unimplemented, message: "service no.Such"))
            let method = await #expect(throws: RPCError.self) {
                _ = try await client.call(service: "jiefen.v1.Diagnostics", method: "Nope")
            }
            #expect(method == RPCError(code: .unimplemented, message: "method Nope"))
            let garbage = await #expect(throws: RPCError.self) {
                _ = try await client.call(service: "grpc.health.v1.Health", method: "Check", payload: ByteBuffer(bytes: [0x0A, 0x7F, 1]))
            }
            #expect(garbage?.code == .invalidArgument)
            let unknownHealth = await #expect(throws: RPCError.self) {
                var request = ByteBuffer()
                try HealthCheckRequest(service: "no.Such").encode(into: &request)
                _ = try await client.call(service: "grpc.health.v1.Health", method: "Check", payload: request)
            }
            #expect(unknownHealth?.code == .notFound)
            // The connection still works after errors.
            #expect(
                String(buffer: try await client.call(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: "x")))
                    == "x")
            await client.close()
        }
    }

    @Test func manyConcurrentCallsOnOneConnectionAllGetTheirOwnAnswer() async throws {
        try await withTestServer { unix, _ in
            let client = try await TTRPCClient.connect(to: unix)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<500 {
                    group.addTask {
                        let payload = ByteBuffer(string: String(repeating: "\(index),", count: index % 50 + 1))
                        let method = index % 10 == 0 ? "Sleep" : "Echo"
                        let body = method == "Sleep" ? ByteBuffer(string: "\(index % 7)") : payload
                        let answer = try await client.call(service: "jiefen.v1.Diagnostics", method: method, payload: body)
                        #expect(method == "Sleep" ? answer.readableBytes == 0 : answer == payload)
                    }
                }
                try await group.waitForAll()
            }
            await client.close()
        }
    }

    @Test func aSlowCallDoesNotBlockAFastOne() async throws {
        try await withTestServer { unix, _ in
            let raw = try await RawConnection(to: unix)
            try await raw.sendRequest(
                streamID: 1, TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Sleep", payload: ByteBuffer(string: "300")))
            try await raw.sendRequest(
                streamID: 3, TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: "fast")))
            let first = try await raw.nextResponse()
            let second = try await raw.nextResponse()
            #expect(first?.streamID == 3)
            #expect(first.map { String(buffer: $0.response.payload) } == "fast")
            #expect(second?.streamID == 1)
            #expect(second?.response.code == 0)
            await raw.close()
        }
    }

    @Test func metadataReachesTheHandlerWithLowerCasedKeys() async throws {
        try await withTestServer { unix, _ in
            let client = try await TTRPCClient.connect(to: unix)
            let answer = try await client.call(
                service: "jiefen.v1.Diagnostics", method: "Metadata",
                metadata: [
                    .init(key: "X-Department", value: "petition-office"), .init(key: "x-trace", value: "b"),
                    .init(key: "X-Trace", value: "a"),
                ]
            )
            #expect(String(buffer: answer) == "x-department=petition-office\nx-trace=a\nx-trace=b\n")
            await client.close()
        }
    }

    @Test func serverStreamingSendsEveryMessageThenEnds() async throws {
        try await withTestServer { unix, _ in
            let client = try await TTRPCClient.connect(to: unix)
            var received: [String] = []
            for try await message in client.serverStreamingCall(
                service: "jiefen.v1.Diagnostics", method: "Count", payload: ByteBuffer(string: "5"))
            {
                received.append(String(buffer: message))
            }
            #expect(received == ["1", "2", "3", "4", "5"])
            let failure = await #expect(throws: RPCError.self) {
                for try await _ in client.serverStreamingCall(
                    service: "jiefen.v1.Diagnostics", method: "Count", payload: ByteBuffer(string: "many"))
                {}
            }
            #expect(failure?.code == .invalidArgument)
            await client.close()
        }
    }

    @Test func serverStreamingEndsWithTheReferenceFrames() async throws {
        try await withTestServer { unix, _ in
            let raw = try await RawConnection(to: unix)
            try await raw.sendRequest(
                streamID: 1, TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Count", payload: ByteBuffer(string: "2")), flags: 0x01)
            // The upstream client closes its side with an empty data frame flagged remote-closed + no-data.
            try await raw.send(streamID: 1, type: 3, flags: 0x05, data: ByteBuffer())
            let one = await raw.nextFrame()
            let two = await raw.nextFrame()
            let end = await raw.nextFrame()
            #expect(one.map { ($0.type, String(buffer: $0.data)) } ?? (.response, "") == (.data, "1"))
            #expect(two.map { String(buffer: $0.data) } == "2")
            #expect(end?.type == .data)
            #expect(end?.flags == [.remoteClosed, .noData])
            #expect(end?.data.readableBytes == 0)
            await raw.close()
        }
    }
}

@Suite("router listing")
struct RouterListingTests {
    @Test func theListingNamesEveryServiceAndMethodWithItsKindSorted() {
        var router = TTRPCRouter()
        router.register(DiagnosticsService(name: "test.Diagnostics"))
        router.registerHealthService()
        #expect(router.listing.services.map(\.name) == ["grpc.health.v1.Health", "test.Diagnostics"])
        let diagnostics = router.listing.services[1].methods
        #expect(diagnostics.map(\.name) == ["Count", "Echo", "Metadata", "Sleep"])
        #expect(diagnostics.map(\.kind) == ["server-streaming", "unary", "unary", "unary"])
    }
}
