import Logging
import NIOCore
import TTRPCFraming
import TTRPCWire

/// Serves the ttrpc streams of one connection, on its event loop.
///
/// Framing has already split bytes into frames. The rules (stream ids, limits, draining, flushing, reading,
/// idle timeout) live in ``ServerConnectionStateMachine``; this handler feeds it events and performs its actions:
/// it decodes envelopes, routes calls, runs cheap handlers inline, hands the rest to the connection's task group as
/// ``StreamWork``, and writes every answer.
final class ServerConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = TTRPCFrameEvent
    typealias InboundOut = Never
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let router: TTRPCRouter
    private let configuration: TTRPCServerConfiguration
    private let work: AsyncStream<StreamWork>.Continuation
    private var logger: Logger
    private(set) var context: ChannelHandlerContext?
    /// The connection's rules; only this handler and its extensions touch it, on the event loop.
    var state: ServerConnectionStateMachine
    private var idleTimer: Scheduled<Void>?
    /// Where the messages of client-streaming and bidirectional streams go, until the client closes its side.
    var inbound: [UInt32: TTRPCRequestStream.Producer.Source] = [:]
    /// The clock for the idle timeout; `nil` reads the event loop's (a testing event loop's in tests).
    private let clock: (@Sendable () -> NIODeadline)?

    init(
        router: TTRPCRouter,
        configuration: TTRPCServerConfiguration,
        work: AsyncStream<StreamWork>.Continuation,
        logger: Logger,
        clock: (@Sendable () -> NIODeadline)? = nil
    ) {
        self.router = router
        self.configuration = configuration
        self.work = work
        self.logger = logger
        self.clock = clock
        self.state = ServerConnectionStateMachine(
            configuration: .init(
                maximumConcurrentStreams: configuration.maximumConcurrentStreams,
                idleTimeout: configuration.idleTimeout.map { .nanoseconds($0.nanoseconds) }
            ),
            now: clock?() ?? .now()
        )
    }

    private func now(_ context: ChannelHandlerContext) -> NIODeadline {
        clock?() ?? context.eventLoop.now
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { perform(state.channelActive(now: now(context)), context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        idleTimer?.cancel()
        work.finish()
    }

    func channelActive(context: ChannelHandlerContext) {
        perform(state.channelActive(now: now(context)), context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        _ = state.channelClosed()
        let sources = inbound
        inbound.removeAll()
        for source in sources.values {
            source.finish(RPCError(code: .cancelled, message: "the connection closed"))
        }
        idleTimer?.cancel()
        work.finish()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        state.readBurstStarted()
        switch unwrapInboundIn(data) {
        case .frame(let frame):
            handle(frame: frame)
        case .oversized(let streamID, _, let length):
            reject(
                streamID: streamID,
                RPCError(
                    code: .resourceExhausted,
                    message: "message length \(length) exceed maximum message size of \(configuration.maximumFrameLength)"
                )
            )
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        perform(state.readBurstEnded(now: now(context)))
        context.fireChannelReadComplete()
    }

    func read(context: ChannelHandlerContext) {
        if state.readRequested() == .read { context.read() }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if state.writabilityChanged(isWritable: context.channel.isWritable) == .read { context.read() }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent {
            perform(state.beginDraining())
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.info("closing connection after error", metadata: ["error": .client("\(error)")])
        context.close(promise: nil)
    }

    // MARK: Performing actions

    private func perform(_ action: ServerConnectionStateMachine.FlushAction) {
        guard let context else { return }
        switch action {
        case .none:
            break
        case .flush:
            context.flush()
        case .scheduleFlush:
            let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
            context.eventLoop.execute {
                let handler = bound.value
                guard let context = handler.context else { return }
                handler.perform(handler.state.scheduledFlushRan(now: handler.now(context)))
            }
        }
    }

    private func perform(_ action: ServerConnectionStateMachine.CloseAction) {
        guard case .close = action, let context else { return }
        context.flush()
        context.close(promise: nil)
    }

    private func perform(_ action: ServerConnectionStateMachine.IdleAction, context: ChannelHandlerContext) {
        switch action {
        case .none:
            break
        case .close:
            logger.debug("closing idle connection")
            context.close(promise: nil)
        case .scheduleTimer(let delay):
            let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
            idleTimer = context.eventLoop.scheduleTask(in: delay) {
                let handler = bound.value
                guard let context = handler.context else { return }
                handler.perform(handler.state.idleTimerFired(now: handler.now(context)), context: context)
            }
        }
    }

    // MARK: Frames

    private func handle(frame: TTRPCFrame) {
        switch frame.type {
        case .request:
            handleRequest(frame)
        case .data:
            handleData(frame)
        default:
            reject(
                streamID: frame.streamID,
                RPCError(code: .invalidArgument, message: "message type \(frame.type) is not accepted from a client")
            )
        }
    }

    private func handleRequest(_ frame: TTRPCFrame) {
        let streamID = frame.streamID
        switch state.receivedRequest(streamID: streamID) {
        case .open: break
        case .reject(let error): return reject(streamID: streamID, error)
        case .refuse(let error): return respond(streamID: streamID, .failure(error))
        }
        let request: TTRPCRequest
        do {
            request = try TTRPCRequest(decoding: frame.data)
        } catch {
            return reject(streamID: streamID, RPCError(code: error.rpcError.code, message: "unmarshal request error: \(error.message)"))
        }
        let handler: TTRPCMethodHandler
        switch router.handler(service: request.service, method: request.method) {
        case .success(let found): handler = found
        case .failure(let failure): return reject(streamID: streamID, failure.rpcError)
        }
        let context = TTRPCServerContext(
            service: request.service,
            method: request.method,
            metadata: request.metadata.isEmpty ? [] : request.metadata.map { TTRPCKeyValue(key: $0.key.lowercased(), value: $0.value) },
            deadline: request.timeoutNano > 0 ? .now + .nanoseconds(request.timeoutNano) : nil,
            streamID: streamID,
            logger: logger
        )
        if request.timeoutNano < 0 {
            return respond(streamID: streamID, .failure(RPCError(code: .deadlineExceeded, message: "deadline exceeded")))
        }
        switch handler.body {
        case .onEventLoop(let body):
            let result = Result { try body(context, request.payload) }
            respond(streamID: streamID, result.map { Optional($0) })
        case .unary(let body):
            guard let sink = makeSink() else { return }
            dispatch(StreamWork(context: context, payload: request.payload, body: .unary(body), sink: sink), kind: .unary)
        case .serverStreaming(let body):
            guard let sink = makeSink() else { return }
            dispatch(
                StreamWork(context: context, payload: request.payload, body: .serverStreaming(body), sink: sink),
                kind: .serverStreaming
            )
        case .clientStreaming(let body):
            guard let sink = makeSink() else { return }
            let requests = openInbound(streamID: streamID, request: request, flags: frame.flags, sink: sink)
            dispatch(
                StreamWork(context: context, payload: ByteBuffer(), body: .clientStreaming(body, requests), sink: sink),
                kind: .clientStreaming,
                remoteClosed: frame.flags.contains(.remoteClosed)
            )
        case .bidirectionalStreaming(let body):
            guard let sink = makeSink() else { return }
            let requests = openInbound(streamID: streamID, request: request, flags: frame.flags, sink: sink)
            dispatch(
                StreamWork(context: context, payload: ByteBuffer(), body: .bidirectionalStreaming(body, requests), sink: sink),
                kind: .bidirectionalStreaming,
                remoteClosed: frame.flags.contains(.remoteClosed)
            )
        }
    }

    private func handleData(_ frame: TTRPCFrame) {
        let streamID = frame.streamID
        switch state.receivedData(streamID: streamID, flags: frame.flags, length: frame.data.readableBytes) {
        case .ignore:
            break
        case .reject(let error):
            reject(streamID: streamID, error)
        case .failStream(let error):
            finishStream(streamID: streamID, .failure(error))
        case .deliver(let endOfInput):
            deliver(frame, endOfInput: endOfInput)
        }
    }

    // MARK: Streams

    /// Where a call task hands its result back; `nil` once the handler has left the pipeline.
    private func makeSink() -> StreamSink? {
        context.map { StreamSink(handler: NIOLoopBound(self, eventLoop: $0.eventLoop)) }
    }

    private func dispatch(_ item: StreamWork, kind: ServerConnectionStateMachine.StreamKind, remoteClosed: Bool = false) {
        let streamID = item.context.streamID
        state.streamOpened(streamID: streamID, kind: kind, remoteClosed: remoteClosed)
        if case .dropped = work.yield(item) {
            _ = state.streamFinished(streamID: streamID)
            respond(streamID: streamID, .failure(RPCError(code: .unavailable, message: "connection is closing")))
        }
    }

    /// Ends a dispatched stream; ignored when the stream already ended.
    func finishStream(streamID: UInt32, _ result: Result<ByteBuffer?, any Error>) {
        guard case .writeEnd(let kind, let closeConnection, let resumeReading) = state.streamFinished(streamID: streamID) else {
            return
        }
        if let source = inbound.removeValue(forKey: streamID) {
            // The handler may still be reading: it learns why the stream ended.
            switch result {
            case .failure(let error): source.finish(error)
            case .success: source.finish(RPCError(code: .cancelled, message: "the stream has ended"))
            }
        }
        if kind.sendsData, case .success = result {
            writeFrame(streamID: streamID, type: .data, flags: [.remoteClosed, .noData]) { _ in }
        } else {
            respond(streamID: streamID, result)
        }
        if resumeReading { context?.read() }
        if closeConnection { perform(ServerConnectionStateMachine.CloseAction.close) }
    }

    /// Writes one message of a server-streaming or bidirectional call; `nil` when the stream has already ended.
    func sendData(streamID: UInt32, _ message: ByteBuffer) -> EventLoopFuture<Void>? {
        guard let context, state.canSendData(streamID: streamID) else { return nil }
        guard message.readableBytes <= configuration.maximumFrameLength else {
            return context.eventLoop.makeFailedFuture(
                RPCError(
                    code: .resourceExhausted,
                    message:
                        "a stream message of \(message.readableBytes) bytes exceeds the frame limit of \(configuration.maximumFrameLength) bytes"
                ))
        }
        var buffer = context.channel.allocator.buffer(capacity: TTRPCFrame.headerLength + message.readableBytes)
        buffer.writeTTRPCFrame(TTRPCFrame(streamID: streamID, type: .data, data: message))
        let promise = context.eventLoop.makePromise(of: Void.self)
        context.write(wrapOutboundOut(buffer), promise: promise)
        perform(state.frameWritten())
        return promise.futureResult
    }

    // MARK: Writing

    private func reject(streamID: UInt32, _ error: RPCError) {
        logger.info(
            "rejected frame",
            metadata: ["ttrpc.stream_id": "\(streamID)", "status": "\(error.code)", "reason": .client(error.message)]
        )
        respond(streamID: streamID, .failure(error))
    }

    private func respond(streamID: UInt32, _ result: Result<ByteBuffer?, any Error>) {
        let response: TTRPCResponse
        switch result {
        case .success(let payload?) where payload.readableBytes > Self.largestAnswer(frameLimit: configuration.maximumFrameLength):
            // Never send a frame the client would refuse (and that the reference client treats as fatal for the
            // whole connection): answer the call with a status it can act on instead.
            response = TTRPCResponse(
                status: RPCError(
                    code: .resourceExhausted,
                    message: "the answer is \(payload.readableBytes) bytes, more than the frame limit of "
                        + "\(configuration.maximumFrameLength) bytes; ask for less (a smaller page, a narrower filter)"
                ).status)
        case .success(let payload):
            response = TTRPCResponse(status: nil, payload: payload ?? ByteBuffer())
        case .failure(let error):
            response = TTRPCResponse(status: statusFor(error).bounded.status)
        }
        writeFrame(streamID: streamID, type: .response) { buffer in
            do {
                try response.encode(into: &buffer)
            } catch {
                try? TTRPCResponse(status: RPCError(code: .internal, message: "response could not be encoded").status)
                    .encode(into: &buffer)
            }
        }
    }

    /// The largest answer payload that fits a frame with its envelope (status absent, one bytes field).
    static func largestAnswer(frameLimit: Int) -> Int {
        frameLimit - 16
    }

    private func statusFor(_ error: any Error) -> RPCError {
        if let answer = RPCError.answering(error) { return answer }
        logger.error("handler failed", metadata: ["error": "\(type(of: error))"])
        return RPCError(code: .internal, message: "internal error")
    }

    private func writeFrame(
        streamID: UInt32,
        type: TTRPCMessageType,
        flags: TTRPCFlags = [],
        body: (inout ByteBuffer) -> Void
    ) {
        guard let context else { return }
        var buffer = context.channel.allocator.buffer(capacity: 64)
        buffer.writeTTRPCFrame(streamID: streamID, type: type, flags: flags, body: body)
        context.write(wrapOutboundOut(buffer), promise: nil)
        perform(state.frameWritten())
    }
}
