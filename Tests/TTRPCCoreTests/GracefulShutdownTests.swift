import Logging
import NIOCore
import ServiceLifecycle
import ServiceLifecycleTestKit
import TTRPCCore
import TTRPCFraming
import Testing

@Suite("server: graceful shutdown")
struct GracefulShutdownTests {
    @Test func aSecondServerDoesNotTakeOverALiveUnixSocket() async throws {
        try await withTestServer { unix, _ in
            var configuration = TTRPCServerConfiguration.defaults
            configuration.listen = [unix]
            let second = TTRPCServer(router: TTRPCRouter(), configuration: configuration, logger: Logger(label: "test"))
            let error = await #expect(throws: RPCError.self) { try await second.run() }
            #expect(error?.message.contains("already listening") == true)
            // The first server still answers on its socket.
            let client = try await TTRPCClient.connect(to: unix)
            #expect(
                String(buffer: try await client.call(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: "mine")))
                    == "mine")
            await client.close()
        }
    }

    @Test func inFlightCallsFinishAndNewConnectionsAreRefused() async throws {
        var configuration = TTRPCServerConfiguration.defaults
        let path = "/tmp/jiefen-shutdown-\(UInt32.random(in: 0...UInt32.max)).sock"
        configuration.listen = [.unixDomainSocket(path: path)]
        configuration.shutdownGracePeriod = .seconds(5)
        var router = TTRPCRouter()
        router.register(DiagnosticsService(name: "jiefen.v1.Diagnostics"))
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        router.register(
            service: "test.Slow", method: "Wait",
            .unary { _, _ in
                startedContinuation.yield()
                try await Task.sleep(for: .milliseconds(400))
                return ByteBuffer(string: "done")
            })
        let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
        let server = TTRPCServer(router: router, configuration: configuration, logger: Logger(label: "test")) { _ in
            readyContinuation.yield()
        }
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                var iterator = ready.makeAsyncIterator()
                await iterator.next()
                let client = try await TTRPCClient.connect(to: .unixDomainSocket(path: path))
                async let slow = client.call(service: "test.Slow", method: "Wait")
                var startedIterator = started.makeAsyncIterator()
                await startedIterator.next()
                trigger.triggerGracefulShutdown()
                // The call in flight completes normally.
                #expect(String(buffer: try await slow) == "done")
                // The server has stopped accepting.
                await #expect(throws: RPCError.self) { _ = try await TTRPCClient.connect(to: .unixDomainSocket(path: path)) }
                // run() returns once the drained connection is closed.
                try await group.waitForAll()
                await client.close()
            }
        }
    }
}
