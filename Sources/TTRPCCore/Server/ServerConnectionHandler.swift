import JiefenWire
import Logging
import NIOCore
import TTRPCFraming

/// Serves the ttrpc streams of one connection, on its event loop.
///
/// Framing has already split bytes into frames. This handler checks stream ids, decodes envelopes, routes calls,
/// runs cheap handlers inline, hands the rest to the connection's task group as ``StreamWork``, and writes every
/// answer. Answers written while reading are flushed once per read burst. It stops reading while the channel is
/// not writable, so a client that sends without reading cannot make the server buffer without bound.
final class ServerConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = TTRPCFrameEvent
    typealias InboundOut = Never
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum StreamKind { case unary, serverStreaming }

    private let router: TTRPCRouter
    private let configuration: TTRPCServerConfiguration
    private let work: AsyncStream<StreamWork>.Continuation
    private var logger: Logger
    private var context: ChannelHandlerContext?
    private var streams: [UInt32: StreamKind] = [:]
    private var lastStreamID: UInt32 = 0
    private var draining = false
    private var inReadBurst = false
    private var needsFlush = false
    private var flushScheduled = false
    private var unflushedFrames = 0
    private var readHeld = false

    init(
        router: TTRPCRouter,
        configuration: TTRPCServerConfiguration,
        work: AsyncStream<StreamWork>.Continuation,
        logger: Logger
    ) {
        self.router = router
        self.configuration = configuration
        self.work = work
        self.logger = logger
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        work.finish()
    }

    func channelInactive(context: ChannelHandlerContext) {
        streams.removeAll()
        work.finish()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        inReadBurst = true
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
        inReadBurst = false
        flushIfNeeded()
        context.fireChannelReadComplete()
    }

    func read(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            context.read()
        } else {
            readHeld = true
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable && readHeld {
            readHeld = false
            context.read()
        }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent {
            draining = true
            closeIfDrained()
        } else if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .all, streams.isEmpty {
            logger.debug("closing idle connection")
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.info("closing connection after error", metadata: ["error": .client("\(error)")])
        context.close(promise: nil)
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
        guard streamID % 2 == 1 else {
            return reject(
                streamID: streamID,
                RPCError(code: .invalidArgument, message: "StreamID must be odd for client initiated streams")
            )
        }
        guard streamID > lastStreamID else {
            return reject(
                streamID: streamID,
                RPCError(code: .invalidArgument, message: "StreamID cannot be re-used and must increment")
            )
        }
        lastStreamID = streamID
        if draining {
            return respond(streamID: streamID, .failure(RPCError(code: .unavailable, message: "server is shutting down")))
        }
        guard streams.count < configuration.maximumConcurrentStreams else {
            return reject(
                streamID: streamID,
                RPCError(
                    code: .resourceExhausted,
                    message: "too many concurrent streams on this connection (limit \(configuration.maximumConcurrentStreams))"
                )
            )
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
        }
    }

    private func handleData(_ frame: TTRPCFrame) {
        guard let kind = streams[frame.streamID] else {
            return reject(streamID: frame.streamID, RPCError(code: .invalidArgument, message: "StreamID is no longer active"))
        }
        // The upstream client closes its sending side of a server-streaming call with an empty data frame
        // flagged remote-closed + no-data; that is expected. Any message data on these calls is not.
        if frame.flags.contains(.noData) && frame.data.readableBytes == 0 { return }
        let what = kind == .unary ? "a unary call" : "a server-streaming call"
        finishStream(
            streamID: frame.streamID,
            .failure(RPCError(code: .invalidArgument, message: "data frames are not accepted on \(what)"))
        )
    }

    // MARK: Streams

    /// Where a call task hands its result back; `nil` once the handler has left the pipeline.
    private func makeSink() -> StreamSink? {
        context.map { StreamSink(handler: NIOLoopBound(self, eventLoop: $0.eventLoop)) }
    }

    private func dispatch(_ item: StreamWork, kind: StreamKind) {
        streams[item.context.streamID] = kind
        if case .dropped = work.yield(item) {
            streams[item.context.streamID] = nil
            respond(streamID: item.context.streamID, .failure(RPCError(code: .unavailable, message: "connection is closing")))
        }
    }

    /// Ends a dispatched stream; ignored when the stream already ended.
    func finishStream(streamID: UInt32, _ result: Result<ByteBuffer?, any Error>) {
        guard let kind = streams.removeValue(forKey: streamID) else { return }
        if kind == .serverStreaming, case .success = result {
            writeFrame(streamID: streamID, type: .data, flags: [.remoteClosed, .noData]) { _ in }
        } else {
            respond(streamID: streamID, result)
        }
        closeIfDrained()
    }

    /// Writes one message of a server-streaming call; `nil` when the stream has already ended.
    func sendData(streamID: UInt32, _ message: ByteBuffer) -> EventLoopFuture<Void>? {
        guard let context, streams[streamID] == .serverStreaming else { return nil }
        guard message.readableBytes <= configuration.maximumFrameLength else {
            return context.eventLoop.makeFailedFuture(RPCError(
                code: .resourceExhausted,
                message: "a stream message of \(message.readableBytes) bytes exceeds the frame limit of \(configuration.maximumFrameLength) bytes"
            ))
        }
        var buffer = context.channel.allocator.buffer(capacity: TTRPCFrame.headerLength + message.readableBytes)
        buffer.writeTTRPCFrame(TTRPCFrame(streamID: streamID, type: .data, data: message))
        let promise = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(buffer), promise: promise)
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
            response = TTRPCResponse(status: RPCError(
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
        needsFlush = true
        unflushedFrames += 1
        if !inReadBurst {
            scheduleFlush(context)
        } else if unflushedFrames >= Self.framesPerFlush {
            // A long read burst flushes as it goes, so the client can work on early answers while later requests
            // are still being served (on a single connection the two sides otherwise take turns).
            flushIfNeeded()
        }
    }

    /// Answers written in a read burst before they are flushed without waiting for the burst to end.
    static let framesPerFlush = 16

    /// Answers finished by call tasks arrive one by one; one flush at the end of the loop tick covers them all.
    private func scheduleFlush(_ context: ChannelHandlerContext) {
        guard !flushScheduled else { return }
        flushScheduled = true
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            bound.value.flushScheduled = false
            bound.value.flushIfNeeded()
        }
    }

    private func flushIfNeeded() {
        guard needsFlush, let context else { return }
        needsFlush = false
        unflushedFrames = 0
        context.flush()
    }

    private func closeIfDrained() {
        guard draining, streams.isEmpty, let context else { return }
        flushIfNeeded()
        context.close(promise: nil)
    }
}
