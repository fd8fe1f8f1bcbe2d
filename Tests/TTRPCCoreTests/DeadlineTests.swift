import NIOCore
import Synchronization
import TTRPCCore
import TTRPCFraming
import TTRPCWire
import Testing

/// Records that a handler saw its cancellation.
final class CancellationProbe: Sendable {
    let cancelled = Mutex(false)
    let (events, continuation) = AsyncStream<String>.makeStream()
}

@Suite("server: deadlines")
struct DeadlineTests {
    @Test func expiredDeadlineAnswersDeadlineExceededAndCancelsTheHandler() async throws {
        let probe = CancellationProbe()
        try await withTestServer(register: { router in
            router.register(
                service: "test.Slow", method: "Wait",
                .unary { _, _ in
                    await withTaskCancellationHandler {
                        try? await Task.sleep(for: .seconds(30))
                    } onCancel: {
                        probe.cancelled.withLock { $0 = true }
                        probe.continuation.yield("cancelled")
                    }
                    return ByteBuffer()
                })
        }) { unix, _ in
            let raw = try await RawConnection(to: unix)
            let start = ContinuousClock.now
            try await raw.sendRequest(streamID: 1, TTRPCRequest(service: "test.Slow", method: "Wait", timeoutNano: 100_000_000))
            let answer = try await raw.nextResponse()
            #expect(answer?.response.code == RPCStatusCode.deadlineExceeded.rawValue)
            #expect(ContinuousClock.now - start < .seconds(10))
            var events = probe.events.makeAsyncIterator()
            #expect(await events.next() == "cancelled")
            #expect(probe.cancelled.withLock { $0 })
            await raw.close()
        }
    }

    @Test func callFinishingBeforeItsDeadlineSucceeds() async throws {
        try await withTestServer { unix, _ in
            let client = try await TTRPCClient.connect(to: unix)
            let answer = try await client.call(
                service: "jiefen.v1.Diagnostics", method: "Sleep", payload: ByteBuffer(string: "10"), timeout: .seconds(5))
            #expect(answer.readableBytes == 0)
            await client.close()
        }
    }

    @Test func clientDeadlineFailsLocallyWithDeadlineExceeded() async throws {
        try await withTestServer { unix, _ in
            let client = try await TTRPCClient.connect(to: unix)
            let error = await #expect(throws: RPCError.self) {
                _ = try await client.call(
                    service: "jiefen.v1.Diagnostics", method: "Sleep", payload: ByteBuffer(string: "5000"), timeout: .milliseconds(100))
            }
            #expect(error?.code == .deadlineExceeded)
            await client.close()
        }
    }

    @Test func disconnectCancelsInFlightHandlers() async throws {
        let probe = CancellationProbe()
        try await withTestServer(register: { router in
            router.register(
                service: "test.Slow", method: "Wait",
                .unary { _, _ in
                    probe.continuation.yield("started")
                    await withTaskCancellationHandler {
                        try? await Task.sleep(for: .seconds(30))
                    } onCancel: {
                        probe.continuation.yield("cancelled")
                    }
                    return ByteBuffer()
                })
        }) { unix, _ in
            let raw = try await RawConnection(to: unix)
            try await raw.sendRequest(streamID: 1, TTRPCRequest(service: "test.Slow", method: "Wait"))
            var events = probe.events.makeAsyncIterator()
            #expect(await events.next() == "started")
            await raw.close()
            #expect(await events.next() == "cancelled")
        }
    }
}
