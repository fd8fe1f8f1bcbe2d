import Logging
import NIOCore
import NIOEmbedded
import Synchronization
import TTRPCFraming
import TTRPCWire
import Testing

@testable import TTRPCCore

/// A ``ServerConnectionHandler`` in a `NIOAsyncTestingChannel`: frames in, frames out, time on the testing event
/// loop's clock (injected into the handler), call tasks run by the test.
struct HandlerHarness {
    let channel: NIOAsyncTestingChannel
    let work: AsyncStream<StreamWork>
    let reads: ReadCounter

    /// Counts the read requests that reach the channel (it sits between the handler and the head).
    final class ReadCounter: ChannelOutboundHandler, Sendable {
        typealias OutboundIn = ByteBuffer
        let count = Mutex(0)
        func read(context: ChannelHandlerContext) {
            count.withLock { $0 += 1 }
            context.read()
        }
    }

    init(configure: (inout TTRPCServerConfiguration) -> Void = { _ in }, register: (inout TTRPCRouter) -> Void = { _ in }) async throws {
        var configuration = TTRPCServerConfiguration.defaults
        configure(&configuration)
        var router = TTRPCRouter()
        router.register(DiagnosticsService(name: "jiefen.v1.Diagnostics"))
        register(&router)
        let (work, continuation) = AsyncStream<StreamWork>.makeStream()
        let loop = NIOAsyncTestingEventLoop()
        channel = NIOAsyncTestingChannel(loop: loop)
        reads = ReadCounter()
        self.work = work
        let channel = self.channel
        let reads = self.reads
        let routes = router
        let settings = configuration
        try await loop.executeInContext {
            try channel.pipeline.syncOperations.addHandler(reads)
            try channel.pipeline.syncOperations.addHandler(
                ServerConnectionHandler(
                    router: routes,
                    configuration: settings,
                    work: continuation,
                    logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                    clock: { loop.now }
                ))
        }
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1))
    }

    func request(_ streamID: UInt32, _ service: String, _ method: String, payload: String = "", flags: TTRPCFlags = []) async throws {
        var data = ByteBuffer()
        try TTRPCRequest(service: service, method: method, payload: ByteBuffer(string: payload)).encode(into: &data)
        try await channel.writeInbound(TTRPCFrameEvent.frame(TTRPCFrame(streamID: streamID, type: .request, flags: flags, data: data)))
    }

    func data(_ streamID: UInt32, _ payload: String?, flags: TTRPCFlags = []) async throws {
        let flags = payload == nil ? flags.union(.noData) : flags
        try await channel.writeInbound(
            TTRPCFrameEvent.frame(
                TTRPCFrame(streamID: streamID, type: .data, flags: flags, data: ByteBuffer(string: payload ?? ""))
            ))
    }

    /// Every frame written and flushed so far.
    func written() async throws -> [TTRPCFrame] {
        var frames: [TTRPCFrame] = []
        var decoder = TTRPCFrameDecoder()
        while var buffer = try await channel.readOutbound(as: ByteBuffer.self) {
            while case .frame(let frame)? = try decoder.decode(buffer: &buffer) { frames.append(frame) }
        }
        return frames
    }

    /// Every frame written, as (stream id, status code, payload) for responses.
    func responses() async throws -> [(UInt32, Int32, String)] {
        try await written().filter { $0.type == .response }.map { frame in
            let response = try TTRPCResponse(decoding: frame.data)
            return (frame.streamID, response.code, String(buffer: response.payload))
        }
    }

    /// Lets scheduled event-loop work (end-of-tick flushes) run.
    func tick() async {
        await channel.testingEventLoop.run()
    }
}

@Suite("server connection handler in NIOAsyncTestingChannel")
struct ServerConnectionHandlerTests {
    @Test func answersWrittenWhileReadingAreFlushedAtTheEndOfTheBurst() async throws {
        let harness = try await HandlerHarness()
        try await harness.request(1, "jiefen.v1.Diagnostics", "Echo", payload: "a")
        let answers = try await harness.responses()
        #expect(answers.count == 1)
        #expect(answers.first.map { $0.0 == 1 && $0.1 == 0 && $0.2 == "a" } == true)
        _ = try await harness.channel.finish(acceptAlreadyClosed: true)
    }

    @Test func badStreamIDsAreAnsweredAndTheConnectionGoesOn() async throws {
        let harness = try await HandlerHarness()
        try await harness.request(2, "jiefen.v1.Diagnostics", "Echo")
        try await harness.request(5, "jiefen.v1.Diagnostics", "Echo", payload: "ok")
        try await harness.request(3, "jiefen.v1.Diagnostics", "Echo")
        try await harness.data(9, "stray")
        let answers = try await harness.responses()
        #expect(answers.map(\.0) == [2, 5, 3, 9])
        #expect(answers.map(\.1) == [3, 0, 3, 3])
        #expect(harness.channel.isActive)
        _ = try await harness.channel.finish(acceptAlreadyClosed: true)
    }

    @Test func aCallTaskAnswersThroughTheSinkWithOneScheduledFlush() async throws {
        let harness = try await HandlerHarness()
        try await harness.request(1, "jiefen.v1.Diagnostics", "Sleep", payload: "0")
        try await harness.request(3, "jiefen.v1.Diagnostics", "Sleep", payload: "0")
        #expect(try await harness.written().isEmpty)
        var items = harness.work.makeAsyncIterator()
        let first = try #require(await items.next())
        let second = try #require(await items.next())
        await first.run()
        await second.run()
        await harness.tick()
        let answers = try await harness.responses()
        #expect(answers.map(\.0).sorted() == [1, 3])
        #expect(answers.allSatisfy { $0.1 == 0 })
        _ = try await harness.channel.finish(acceptAlreadyClosed: true)
    }

    @Test func drainingRefusesNewStreamsAndClosesAfterTheLastAnswer() async throws {
        let harness = try await HandlerHarness()
        try await harness.request(1, "jiefen.v1.Diagnostics", "Sleep", payload: "0")
        harness.channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        try await harness.request(3, "jiefen.v1.Diagnostics", "Echo")
        let refused = try await harness.responses()
        #expect(refused.map { "\($0.0):\($0.1)" } == ["3:\(RPCStatusCode.unavailable.rawValue)"])
        #expect(harness.channel.isActive)
        var items = harness.work.makeAsyncIterator()
        await items.next()?.run()
        await harness.tick()
        #expect(try await harness.responses().map(\.0) == [1])
        #expect(!harness.channel.isActive)
    }

    @Test func readsStopWhileTheChannelIsNotWritable() async throws {
        let harness = try await HandlerHarness()
        let before = harness.reads.count.withLock { $0 }
        harness.channel.isWritable = false
        harness.channel.pipeline.fireChannelWritabilityChanged()
        harness.channel.read()
        #expect(harness.reads.count.withLock { $0 } == before)
        harness.channel.isWritable = true
        harness.channel.pipeline.fireChannelWritabilityChanged()
        await harness.tick()
        #expect(harness.reads.count.withLock { $0 } == before + 1)
        _ = try await harness.channel.finish(acceptAlreadyClosed: true)
    }

    @Test func anIdleConnectionIsClosedOnTheInjectedClock() async throws {
        let harness = try await HandlerHarness(configure: { $0.idleTimeout = .seconds(30) })
        await harness.channel.testingEventLoop.advanceTime(by: .seconds(20))
        try await harness.request(1, "jiefen.v1.Diagnostics", "Echo")
        await harness.channel.testingEventLoop.advanceTime(by: .seconds(20))
        #expect(harness.channel.isActive) // traffic 20 s ago
        await harness.channel.testingEventLoop.advanceTime(by: .seconds(10))
        #expect(!harness.channel.isActive)
    }

    @Test func aStreamInFlightIsNeverClosedAsIdle() async throws {
        let harness = try await HandlerHarness(configure: { $0.idleTimeout = .seconds(30) })
        try await harness.request(1, "jiefen.v1.Diagnostics", "Sleep", payload: "0")
        await harness.channel.testingEventLoop.advanceTime(by: .seconds(90))
        #expect(harness.channel.isActive)
        var items = harness.work.makeAsyncIterator()
        await items.next()?.run()
        await harness.tick()
        await harness.channel.testingEventLoop.advanceTime(by: .seconds(30))
        #expect(!harness.channel.isActive)
    }

    @Test func clientStreamingDataReachesTheHandlerAndItsResultIsTheResponse() async throws {
        let harness = try await HandlerHarness(register: { StreamMethods.register(&$0) })
        try await harness.request(1, "test.Stream", "Sum", flags: .remoteOpen)
        try await harness.data(1, "20")
        try await harness.data(1, "22")
        try await harness.data(1, nil, flags: .remoteClosed)
        var items = harness.work.makeAsyncIterator()
        await items.next()?.run()
        await harness.tick()
        let answers = try await harness.responses()
        #expect(answers.map { "\($0.0) \($0.1) \($0.2)" } == ["1 0 42"])
        // The stream has ended: more data is for an unknown stream.
        try await harness.data(1, "late")
        #expect(try await harness.responses().map { "\($0.0) \($0.1)" } == ["1 3"])
        _ = try await harness.channel.finish(acceptAlreadyClosed: true)
    }

    @Test func readsStopWhileAStreamHandlerIsBehindAndResumeWhenItCatchesUp() async throws {
        let gate = Gate()
        let harness = try await HandlerHarness(register: { StreamMethods.register(&$0, gate: gate) })
        try await harness.request(1, "test.Stream", "Gate", flags: .remoteOpen)
        var items = harness.work.makeAsyncIterator()
        let item = try #require(await items.next())
        let running = Task { await item.run() }
        for _ in 0..<StreamBuffering.highWater { try await harness.data(1, "x") }
        let before = harness.reads.count.withLock { $0 }
        harness.channel.read()
        await harness.tick()
        #expect(harness.reads.count.withLock { $0 } == before)
        gate.open()
        // The handler reads; below the low-water mark the held read goes through.
        for _ in 0..<200 where harness.reads.count.withLock({ $0 }) == before {
            await harness.tick()
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(harness.reads.count.withLock { $0 } == before + 1)
        try await harness.data(1, nil, flags: .remoteClosed)
        await running.value
        await harness.tick()
        #expect(try await harness.responses().map { "\($0.0) \($0.1) \($0.2)" } == ["1 0 \(StreamBuffering.highWater)"])
        _ = try await harness.channel.finish(acceptAlreadyClosed: true)
    }

    @Test func closingTheConnectionFailsAStreamHandlersRequestsWithCancelled() async throws {
        let probe = CancellationProbe()
        let harness = try await HandlerHarness(register: { StreamMethods.register(&$0, probe: probe) })
        try await harness.request(1, "test.Stream", "Sum", flags: .remoteOpen)
        try await harness.data(1, "1")
        var items = harness.work.makeAsyncIterator()
        let item = try #require(await items.next())
        let running = Task { await item.run() }
        try await harness.channel.close()
        var events = probe.events.makeAsyncIterator()
        #expect(await events.next() == "cancelled")
        await running.value
    }
}
