import Logging
import NIOCore
import Synchronization
import TTRPCCore
import TTRPCFraming
import TTRPCWire
import Testing

/// Captures log entries so tests can check what was logged, and that no personal data was.
final class CapturingLogHandler: LogHandler, Sendable {
    let entries = Mutex<[String]>([])
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }
    func log(event: LogEvent) {
        entries.withLock { $0.append("\(event.message) \(event.metadata ?? [:])") }
    }
}

@Suite("server: bad input gets a defined answer and the server goes on")
struct BadInputTests {
    private func echo(_ address: TTRPCAddress) async throws -> String {
        let client = try await TTRPCClient.connect(to: address)
        defer { Task { await client.close() } }
        return String(buffer: try await client.call(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: "alive")))
    }

    @Test func oversizedFrameAnswersResourceExhaustedOnItsStreamAndTheConnectionGoesOn() async throws {
        try await withTestServer(configure: { $0.maximumFrameLength = 1 << 20 }) { unix, _ in
            let raw = try await RawConnection(to: unix)
            var header = ByteBuffer()
            header.writeMultipleIntegers(UInt32(3 << 20), UInt32(1), UInt8(1), UInt8(0))
            try await raw.send(header)
            let answer = try await raw.nextResponse()
            #expect(answer?.streamID == 1)
            #expect(
                answer?.response.status == TTRPCStatus(code: 8, message: "message length 3145728 exceed maximum message size of 1048576"))
            // The rest of the oversized frame is skipped; the next frame on the connection is served.
            for _ in 0..<3 { try await raw.send(ByteBuffer(repeating: 0xAA, count: 1 << 20)) }
            try await raw.sendRequest(
                streamID: 3, TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: "after")))
            let next = try await raw.nextResponse()
            #expect(next?.streamID == 3)
            #expect(next.map { String(buffer: $0.response.payload) } == "after")
            await raw.close()
        }
    }

    @Test(arguments: [
        (UInt32(0), "StreamID must be odd for client initiated streams"),
        (UInt32(2), "StreamID must be odd for client initiated streams"),
    ])
    func evenOrZeroStreamIDIsRefused(streamID: UInt32, message: String) async throws {
        try await withTestServer { unix, _ in
            let raw = try await RawConnection(to: unix)
            try await raw.sendRequest(streamID: streamID, TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Echo"))
            let answer = try await raw.nextResponse()
            #expect(answer?.streamID == streamID)
            #expect(answer?.response.status == TTRPCStatus(code: 3, message: message))
            #expect(try await echo(unix) == "alive")
            await raw.close()
        }
    }

    @Test func reusedStreamIDIsRefused() async throws {
        try await withTestServer { unix, _ in
            let raw = try await RawConnection(to: unix)
            let echo = TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Echo")
            try await raw.sendRequest(streamID: 5, echo)
            #expect(try await raw.nextResponse()?.response.code == 0)
            try await raw.sendRequest(streamID: 3, echo)
            #expect(
                try await raw.nextResponse()?.response.status
                    == TTRPCStatus(code: 3, message: "StreamID cannot be re-used and must increment"))
            await raw.close()
        }
    }

    @Test func unknownMessageTypeAndStrayDataAreRefused() async throws {
        try await withTestServer { unix, _ in
            let raw = try await RawConnection(to: unix)
            try await raw.send(streamID: 1, type: 7, data: ByteBuffer(string: "??"))
            let unknown = try await raw.nextResponse()
            #expect(unknown?.response.status == TTRPCStatus(code: 3, message: "message type type(0x7) is not accepted from a client"))
            try await raw.send(streamID: 9, type: 3, data: ByteBuffer(string: "stray"))
            #expect(try await raw.nextResponse()?.response.status == TTRPCStatus(code: 3, message: "StreamID is no longer active"))
            await raw.close()
        }
    }

    @Test func garbageRequestEnvelopeAnswersInvalidArgumentAndIsLoggedOnceWithoutPayload() async throws {
        let handler = CapturingLogHandler()
        let logger = Logger(label: "test", factory: { _ in handler })
        try await withTestServer(logger: logger) { unix, _ in
            let raw = try await RawConnection(to: unix)
            // A request whose service name is 李四's phone number in invalid UTF-8 surroundings.
            let secret = Array("13800138000".utf8)
            try await raw.send(streamID: 1, type: 1, data: ByteBuffer(bytes: [0x0A, UInt8(secret.count + 1)] + secret + [0xFF]))
            let answer = try await raw.nextResponse()
            #expect(answer?.response.code == 3)
            #expect(answer?.response.status?.message.hasPrefix("unmarshal request error:") == true)
            #expect(try await echo(unix) == "alive")
            await raw.close()
        }
        let lines = handler.entries.withLock { $0 }
        #expect(lines.filter { $0.hasPrefix("rejected frame") }.count == 1)
        #expect(!lines.contains { $0.contains("13800138000") })
    }

    @Test func truncatedHeaderThenDisconnectLeavesOthersServed() async throws {
        try await withTestServer { unix, tcp in
            let raw = try await RawConnection(to: tcp)
            try await raw.send(ByteBuffer(bytes: [0, 0, 0, 9, 0, 0]))
            await raw.close()
            #expect(try await echo(unix) == "alive")
            #expect(try await echo(tcp) == "alive")
        }
    }

    @Test func silentClientIsClosedAfterTheIdleTimeout() async throws {
        // Generous numbers: CI machines are loaded, and a connection that waits too long before its first call
        // is, correctly, closed as idle.
        try await withTestServer(configure: { $0.idleTimeout = .seconds(1) }) { unix, _ in
            let start = ContinuousClock.now
            let raw = try await RawConnection(to: unix)
            #expect(await raw.waitForClose() == 0)
            #expect(ContinuousClock.now - start >= .milliseconds(900))
            #expect(try await echo(unix) == "alive")
        }
    }

    @Test func clientOpeningTenThousandStreamsWithoutReadingDoesNotStallOthers() async throws {
        try await withTestServer { unix, tcp in
            let raw = try await RawConnection(to: unix, autoRead: false)
            var burst = ByteBuffer()
            var request = ByteBuffer()
            try TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(repeating: 7, count: 1024)).encode(
                into: &request)
            for index in 0..<10_000 {
                burst.writeTTRPCFrameForTest(streamID: UInt32(index * 2 + 1), request: request)
            }
            raw.channel.writeAndFlush(burst, promise: nil)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await echo(tcp) == "alive")
            #expect(try await echo(unix) == "alive")
            await raw.close()
            #expect(try await echo(unix) == "alive")
        }
    }

    @Test func connectionsOverTheLimitAreClosed() async throws {
        try await withTestServer(configure: { $0.maximumConnections = 2 }) { unix, _ in
            let first = try await TTRPCClient.connect(to: unix)
            let second = try await TTRPCClient.connect(to: unix)
            _ = try await first.call(service: "jiefen.v1.Diagnostics", method: "Echo")
            _ = try await second.call(service: "jiefen.v1.Diagnostics", method: "Echo")
            let third = try await RawConnection(to: unix)
            #expect(await third.waitForClose() == 0)
            await first.close()
            await second.close()
        }
    }

    @Test func streamsOverTheLimitAnswerResourceExhausted() async throws {
        try await withTestServer(configure: { $0.maximumConcurrentStreams = 2 }) { unix, _ in
            let raw = try await RawConnection(to: unix)
            let sleep = TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Sleep", payload: ByteBuffer(string: "300"))
            try await raw.sendRequest(streamID: 1, sleep)
            try await raw.sendRequest(streamID: 3, sleep)
            try await raw.sendRequest(streamID: 5, sleep)
            let refused = try await raw.nextResponse()
            #expect(refused?.streamID == 5)
            #expect(refused?.response.code == RPCStatusCode.resourceExhausted.rawValue)
            #expect(try await raw.nextResponse()?.response.code == 0)
            #expect(try await raw.nextResponse()?.response.code == 0)
            await raw.close()
        }
    }
}

extension ByteBuffer {
    mutating func writeTTRPCFrameForTest(streamID: UInt32, request: ByteBuffer) {
        writeMultipleIntegers(UInt32(request.readableBytes), streamID, UInt8(1), UInt8(0))
        writeImmutableBuffer(request)
    }
}
