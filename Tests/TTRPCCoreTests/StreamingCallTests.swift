import NIOCore
import Synchronization
import TTRPCCore
import TTRPCFraming
import TTRPCWire
import Testing

/// Methods of `test.Stream`, for client-streaming and bidirectional calls.
enum StreamMethods {
    static let sum = TTRPCMethod<TTRPCRawMessage, TTRPCRawMessage>(service: "test.Stream", method: "Sum", kind: .clientStreaming)
    static let shout = TTRPCMethod<TTRPCRawMessage, TTRPCRawMessage>(service: "test.Stream", method: "Shout", kind: .bidirectionalStreaming)

    /// - `Sum` (client streaming) adds the ASCII numbers it reads and answers the total; "boom" fails it
    ///   (InvalidArgument); "slow" makes it wait 300 ms after the input ends.
    /// - `Shout` (bidirectional) answers each message upper-cased as it reads it; "boom" fails it.
    /// - `Gate` (client streaming) waits for `gate` to open, then counts the messages it reads.
    static func register(_ router: inout TTRPCRouter, gate: Gate? = nil, probe: CancellationProbe? = nil) {
        router.register(
            sum,
            clientStreaming: { requests, _ in
                var total = 0
                var slow = false
                do {
                    for try await request in requests {
                        let text = String(buffer: request.bytes)
                        if text == "boom" { throw RPCError(code: .invalidArgument, message: "boom") }
                        if text == "slow" { slow = true }
                        total += Int(text) ?? 0
                    }
                } catch let error as RPCError where error.code == .cancelled {
                    probe?.continuation.yield("cancelled")
                    throw error
                }
                if slow { try await Task.sleep(for: .milliseconds(300)) }
                return TTRPCRawMessage(ByteBuffer(string: "\(total)"))
            })
        router.register(
            shout,
            bidirectionalStreaming: { requests, _, writer in
                for try await request in requests {
                    let text = String(buffer: request.bytes)
                    if text == "boom" { throw RPCError(code: .invalidArgument, message: "boom") }
                    try await writer.send(TTRPCRawMessage(ByteBuffer(string: text.uppercased())))
                }
            })
        router.register(
            service: "test.Stream", method: "Gate",
            .clientStreaming { _, requests in
                await gate?.wait()
                var count = 0
                for try await _ in requests { count += 1 }
                return ByteBuffer(string: "\(count)")
            })
    }
}

/// Opens once; waiters wait until then.
final class Gate: Sendable {
    private let (stream, continuation) = AsyncStream<Void>.makeStream()
    func open() { continuation.finish() }
    func wait() async { for await _ in stream {} }
}

@Suite("client-streaming and bidirectional calls over real sockets")
struct StreamingCallTests {
    private func echo(_ client: TTRPCClient, _ text: String = "alive") async throws -> String {
        String(buffer: try await client.call(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: text)))
    }

    @Test func clientStreamingSendsEveryMessageAndGetsOneResponse() async throws {
        try await withTestServer(register: { StreamMethods.register(&$0) }) { unix, _ in
            let client = try await TTRPCClient.connect(to: unix)
            let raw = try await client.clientStreamingCall(
                service: "test.Stream", method: "Sum", requests: (1...100).async.map { ByteBuffer(string: "\($0)") }
            )
            #expect(String(buffer: raw) == "5050")
            let typed = try await client.clientStreamingCall(
                StreamMethods.sum, requests: ["1", "2", "3"].async.map { TTRPCRawMessage(ByteBuffer(string: $0)) }
            )
            #expect(String(buffer: typed.bytes) == "6")
            let none = try await client.clientStreamingCall(StreamMethods.sum, requests: [TTRPCRawMessage]().async)
            #expect(String(buffer: none.bytes) == "0")
            await client.close()
        }
    }

    @Test func bidirectionalCallsInterleaveBothDirections() async throws {
        try await withTestServer(register: { StreamMethods.register(&$0) }) { unix, _ in
            let client = try await TTRPCClient.connect(to: unix)
            let answers = try await client.bidirectionalStreamingCall(StreamMethods.shout) { responses, requests in
                var iterator = responses.makeAsyncIterator()
                var answers: [String] = []
                for word in ["jie", "fen", "ttrpc"] {
                    try await requests.send(TTRPCRawMessage(ByteBuffer(string: word)))
                    // Each answer arrives before the next request is sent.
                    answers.append(String(buffer: try #require(try await iterator.next()).bytes))
                }
                try await requests.finish()
                #expect(try await iterator.next() == nil)
                return answers
            }
            #expect(answers == ["JIE", "FEN", "TTRPC"])
            #expect(try await echo(client) == "alive")
            await client.close()
        }
    }

    @Test func aServerErrorMidStreamEndsTheCallAndTheConnectionGoesOn() async throws {
        try await withTestServer(register: { StreamMethods.register(&$0) }) { unix, _ in
            let client = try await TTRPCClient.connect(to: unix)
            // The client goes on sending after the failure; sending stops and the status is thrown.
            let sumError = await #expect(throws: RPCError.self) {
                _ = try await client.clientStreamingCall(
                    service: "test.Stream", method: "Sum",
                    requests: (0..<2000).async.map { ByteBuffer(string: $0 == 3 ? "boom" : "1") }
                )
            }
            #expect(sumError == RPCError(code: .invalidArgument, message: "boom"))
            let shoutError = await #expect(throws: RPCError.self) {
                try await client.bidirectionalStreamingCall(service: "test.Stream", method: "Shout") { responses, requests in
                    try await requests.send(ByteBuffer(string: "a"))
                    try await requests.send(ByteBuffer(string: "boom"))
                    for try await _ in responses {}
                }
            }
            #expect(shoutError == RPCError(code: .invalidArgument, message: "boom"))
            #expect(try await echo(client) == "alive")
            await client.close()
        }
    }

    @Test func aClientCancellingMidStreamFailsLocallyAndClosingTheConnectionEndsTheServerSide() async throws {
        let probe = CancellationProbe()
        try await withTestServer(register: { StreamMethods.register(&$0, probe: probe) }) { unix, _ in
            let client = try await TTRPCClient.connect(to: unix)
            let (requests, feed) = AsyncStream<ByteBuffer>.makeStream()
            let call = Task {
                try await client.clientStreamingCall(service: "test.Stream", method: "Sum", requests: requests)
            }
            feed.yield(ByteBuffer(string: "1"))
            try await Task.sleep(for: .milliseconds(50))
            call.cancel()
            let error = await #expect(throws: RPCError.self) { _ = try await call.value }
            #expect(error?.code == .cancelled)
            // The connection still serves other calls.
            #expect(try await echo(client) == "alive")
            let sum = try await client.clientStreamingCall(
                service: "test.Stream", method: "Sum", requests: ["2", "3"].async.map { ByteBuffer(string: $0) }
            )
            #expect(String(buffer: sum) == "5")
            // ttrpc cannot cancel a stream on the wire: the server's handler learns when the connection closes.
            await client.close()
            var events = probe.events.makeAsyncIterator()
            #expect(await events.next() == "cancelled")
            // Other connections are served.
            let other = try await TTRPCClient.connect(to: unix)
            #expect(try await echo(other) == "alive")
            await other.close()
        }
    }

    @Test func theReferenceFrameSequencesAreAnswered() async throws {
        try await withTestServer(register: { StreamMethods.register(&$0) }) { unix, _ in
            let raw = try await RawConnection(to: unix)
            // Client streaming: request (remote open), data, data, close (remote closed + no data), response.
            try await raw.sendRequest(streamID: 1, TTRPCRequest(service: "test.Stream", method: "Sum"), flags: 0x02)
            try await raw.send(streamID: 1, type: 3, data: ByteBuffer(string: "20"))
            try await raw.send(streamID: 1, type: 3, data: ByteBuffer(string: "22"))
            try await raw.send(streamID: 1, type: 3, flags: 0x05, data: ByteBuffer())
            let sum = try await raw.nextResponse()
            #expect(sum?.streamID == 1)
            #expect(sum.map { String(buffer: $0.response.payload) } == "42")
            // Bidirectional: the last message may carry remote closed; the server ends with data 0x05.
            try await raw.sendRequest(streamID: 3, TTRPCRequest(service: "test.Stream", method: "Shout"), flags: 0x02)
            try await raw.send(streamID: 3, type: 3, flags: 0x01, data: ByteBuffer(string: "hi"))
            let hi = await raw.nextFrame()
            let end = await raw.nextFrame()
            #expect(hi.map { "\($0.type) \($0.flags.rawValue) \(String(buffer: $0.data))" } == "data 0 HI")
            #expect(end.map { "\($0.type) \($0.flags.rawValue) \($0.data.readableBytes)" } == "data 5 0")
            await raw.close()
        }
    }

    @Test func dataForAnUnknownStreamIsAnsweredAndOtherStreamsGoOn() async throws {
        try await withTestServer(register: { StreamMethods.register(&$0) }) { unix, _ in
            let raw = try await RawConnection(to: unix)
            try await raw.sendRequest(streamID: 1, TTRPCRequest(service: "test.Stream", method: "Sum"), flags: 0x02)
            try await raw.send(streamID: 7, type: 3, data: ByteBuffer(string: "stray"))
            let stray = try await raw.nextResponse()
            #expect(stray?.streamID == 7)
            #expect(stray?.response.status == TTRPCStatus(code: 3, message: "StreamID is no longer active"))
            try await raw.send(streamID: 1, type: 3, flags: 0x01, data: ByteBuffer(string: "5"))
            let sum = try await raw.nextResponse()
            #expect(sum?.streamID == 1)
            #expect(sum.map { String(buffer: $0.response.payload) } == "5")
            await raw.close()
        }
    }

    @Test func dataAfterRemoteClosedEndsThatStreamOnly() async throws {
        try await withTestServer(register: { StreamMethods.register(&$0) }) { unix, _ in
            let raw = try await RawConnection(to: unix)
            try await raw.sendRequest(streamID: 1, TTRPCRequest(service: "test.Stream", method: "Sum"), flags: 0x02)
            try await raw.send(streamID: 1, type: 3, flags: 0x01, data: ByteBuffer(string: "slow"))
            try await raw.send(streamID: 1, type: 3, data: ByteBuffer(string: "late"))
            let answer = try await raw.nextResponse()
            #expect(answer?.streamID == 1)
            #expect(answer?.response.code == RPCStatusCode.invalidArgument.rawValue)
            #expect(answer?.response.status?.message.contains("after the client closed") == true)
            try await raw.sendRequest(
                streamID: 3, TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: "ok")))
            let echo = try await raw.nextResponse()
            #expect(echo?.streamID == 3)
            #expect(echo.map { String(buffer: $0.response.payload) } == "ok")
            await raw.close()
        }
    }

    @Test func dataOnAUnaryStreamEndsIt() async throws {
        try await withTestServer(register: { StreamMethods.register(&$0) }) { unix, _ in
            let raw = try await RawConnection(to: unix)
            try await raw.sendRequest(
                streamID: 1, TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Sleep", payload: ByteBuffer(string: "200")))
            try await raw.send(streamID: 1, type: 3, data: ByteBuffer(string: "x"))
            let answer = try await raw.nextResponse()
            #expect(answer?.response.status == TTRPCStatus(code: 3, message: "data frames are not accepted on a unary call"))
            await raw.close()
        }
    }

    @Test func aClientSendingFasterThanTheHandlerReadsIsHeldBackNotBuffered() async throws {
        let gate = Gate()
        try await withTestServer(register: { StreamMethods.register(&$0, gate: gate) }) { unix, tcp in
            let raw = try await RawConnection(to: unix)
            try await raw.sendRequest(streamID: 1, TTRPCRequest(service: "test.Stream", method: "Gate"), flags: 0x02)
            // 16 MiB of 1 KiB messages: far more than socket buffers hold.
            let count = 16 * 1024
            var burst = ByteBuffer()
            for _ in 0..<count {
                burst.writeTTRPCFrame(TTRPCFrame(streamID: 1, type: .data, data: ByteBuffer(repeating: 0x61, count: 1024)))
            }
            burst.writeTTRPCFrame(TTRPCFrame(streamID: 1, type: .data, flags: [.remoteClosed, .noData]))
            let written = raw.channel.eventLoop.makePromise(of: Void.self)
            let done = Mutex(false)
            written.futureResult.whenComplete { _ in done.withLock { $0 = true } }
            raw.channel.writeAndFlush(burst, promise: written)
            try await Task.sleep(for: .milliseconds(300))
            // The server stopped reading: the client's write cannot complete while the handler does not read.
            #expect(!done.withLock { $0 })
            let other = try await TTRPCClient.connect(to: tcp)
            #expect(try await echo(other) == "alive")
            gate.open()
            try await written.futureResult.get()
            let answer = try await raw.nextResponse()
            #expect(answer.map { String(buffer: $0.response.payload) } == "\(count)")
            await other.close()
            await raw.close()
        }
    }
}

extension Sequence where Element: Sendable {
    /// The elements as an async sequence.
    var async: AsyncStream<Element> {
        let (stream, continuation) = AsyncStream<Element>.makeStream()
        for element in self { continuation.yield(element) }
        continuation.finish()
        return stream
    }
}
