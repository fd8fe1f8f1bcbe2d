import NIOCore
import TTRPCFraming
import TTRPCWire

/// One call handed to a client connection: the request and where its answer goes.
struct ClientCall: Sendable {
    enum Receiver: Sendable {
        /// One response (unary and client-streaming calls).
        case unary(EventLoopPromise<TTRPCResponse>)
        /// Data frames, then the end (server-streaming and bidirectional calls).
        case streaming(ResponseStreamSource)
    }

    let request: TTRPCRequest
    let receiver: Receiver
    /// Whether the handler fails the call itself once `request.timeoutNano` has passed.
    let enforceDeadline: Bool
    /// `request` already encoded (an envelope holds no stream id, so identical calls can share one encoding).
    var encoded: ByteBuffer? = nil
    /// The request frame's flags: none (unary), `remote closed` (server streaming), `remote open` (the client
    /// sends data frames).
    var flags: TTRPCFlags = []
    /// Learns the stream id once the request is written, for calls that send data frames.
    var opened: EventLoopPromise<UInt32>? = nil
}

/// What a client hands its connection handler.
enum ClientOutbound: Sendable {
    /// Start a call.
    case call(ClientCall)
    /// Send a message on a call's stream (`nil`: none), closing the client's side when `last`.
    case data(streamID: UInt32, message: ByteBuffer?, last: Bool)
    /// Forget a call (the caller gave up); its receiver fails with Cancelled.
    case cancel(streamID: UInt32)
}

/// The client side of a ttrpc connection, on its event loop: assigns odd, increasing stream ids, writes requests,
/// matches responses and data frames to calls, enforces deadlines locally, and fails every pending call with
/// Unavailable when the connection ends. It stops reading while a streaming call's reader is behind.
final class ClientConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = TTRPCFrameEvent
    typealias InboundOut = Never
    typealias OutboundIn = ClientOutbound
    typealias OutboundOut = ByteBuffer

    private struct Pending {
        var receiver: ClientCall.Receiver
        var timer: Scheduled<Void>?
    }

    private var nextStreamID: UInt32 = 1
    private var pending: [UInt32: Pending] = [:]
    private var flushScheduled = false
    private var unflushedCalls = 0
    private var closedError: RPCError?
    private let description: String
    private var context: ChannelHandlerContext?
    /// Streaming calls whose readers have enough unread, with the message bytes received for each since.
    private var pausedStreams: [UInt32: Int] = [:]
    private var readHeld = false

    /// Message bytes a paused stream may still receive (the read burst under way) before the call fails with
    /// ResourceExhausted.
    static let maximumBytesOverHighWater = 8 << 20

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func read(context: ChannelHandlerContext) {
        if pausedStreams.isEmpty {
            context.read()
        } else {
            readHeld = true
        }
    }

    /// A streaming call's reader is below its low-water mark.
    func responsesWanted(streamID: UInt32) {
        guard pausedStreams.removeValue(forKey: streamID) != nil else { return }
        resumeReadingIfPossible()
    }

    /// A streaming call's reader has gone: the call is forgotten.
    func responsesAbandoned(streamID: UInt32) {
        complete(streamID: streamID, .failure(RPCError(code: .cancelled, message: "the responses are no longer read")))
    }

    private func resumeReadingIfPossible() {
        guard pausedStreams.isEmpty, readHeld, let context else { return }
        readHeld = false
        context.read()
    }

    init(description: String) {
        self.description = description
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .call(let call):
            write(call, context: context, promise: promise)
        case .data(let streamID, let message, let last):
            guard pending[streamID] != nil else {
                promise?.fail(RPCError(code: .cancelled, message: "stream \(streamID) has ended"))
                return
            }
            var flags: TTRPCFlags = last ? .remoteClosed : []
            if message == nil { flags.insert(.noData) }
            var buffer = context.channel.allocator.buffer(capacity: TTRPCFrame.headerLength + (message?.readableBytes ?? 0))
            buffer.writeTTRPCFrame(TTRPCFrame(streamID: streamID, type: .data, flags: flags, data: message ?? ByteBuffer()))
            context.write(wrapOutboundOut(buffer), promise: promise)
        case .cancel(let streamID):
            complete(streamID: streamID, .failure(RPCError(code: .cancelled, message: "the call was cancelled")))
            promise?.succeed()
        }
    }

    private func write(_ call: ClientCall, context: ChannelHandlerContext, promise: EventLoopPromise<Void>?) {
        if let closedError {
            Self.fail(call.receiver, closedError)
            call.opened?.fail(closedError)
            promise?.succeed()
            return
        }
        let streamID = nextStreamID
        nextStreamID &+= 2
        var buffer = context.channel.allocator.buffer(capacity: 64 + call.request.payload.readableBytes)
        do {
            try buffer.writeTTRPCFrame(streamID: streamID, type: .request, flags: call.flags) { (out) throws(WireError) in
                if let encoded = call.encoded {
                    out.writeImmutableBuffer(encoded)
                } else {
                    try call.request.encode(into: &out)
                }
            }
        } catch {
            let failure = RPCError(code: .invalidArgument, message: "request cannot be encoded: \(error.message)")
            Self.fail(call.receiver, failure)
            call.opened?.fail(failure)
            promise?.succeed()
            return
        }
        var entry = Pending(receiver: call.receiver, timer: nil)
        if call.request.timeoutNano > 0 && call.enforceDeadline {
            entry.timer = context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(call.request.timeoutNano)) {
                self.complete(streamID: streamID, .failure(RPCError(code: .deadlineExceeded, message: "deadline exceeded")))
            }
        }
        pending[streamID] = entry
        call.opened?.succeed(streamID)
        if case .streaming(let stream) = call.receiver {
            stream.token.assign(streamID: streamID)
        }
        context.write(wrapOutboundOut(buffer), promise: promise)
    }

    /// Coalesces flushes: calls written from other threads arrive one by one on the event loop, each with its own
    /// flush; the first schedules one flush for the end of the loop tick and the rest join it, so a burst of
    /// calls costs one write system call instead of one each.
    func flush(context: ChannelHandlerContext) {
        unflushedCalls += 1
        if unflushedCalls >= 16 {
            // A long burst goes out as it grows, so the server can start on it (see ServerConnectionHandler).
            unflushedCalls = 0
            context.flush()
            return
        }
        guard !flushScheduled else { return }
        flushScheduled = true
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let (handler, context) = bound.value
            handler.flushScheduled = false
            handler.unflushedCalls = 0
            context.flush()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .oversized(let streamID, _, let length):
            complete(
                streamID: streamID,
                .failure(RPCError(code: .resourceExhausted, message: "response of \(length) bytes exceeds the frame limit"))
            )
        case .frame(let frame):
            handle(frame)
        }
    }

    private func handle(_ frame: TTRPCFrame) {
        guard let entry = pending[frame.streamID] else { return }
        switch frame.type {
        case .response:
            do {
                complete(streamID: frame.streamID, .success(try TTRPCResponse(decoding: frame.data)))
            } catch {
                complete(streamID: frame.streamID, .failure(RPCError(code: .internal, message: "undecodable response: \(error.message)")))
            }
        case .data:
            guard case .streaming(let stream) = entry.receiver else {
                complete(streamID: frame.streamID, .failure(RPCError(code: .internal, message: "data frame on a unary call")))
                return
            }
            if !frame.flags.contains(.noData) {
                guard deliver(frame, to: stream) else { return }
            }
            if frame.flags.contains(.remoteClosed) {
                complete(streamID: frame.streamID, .success(TTRPCResponse()))
            }
        default:
            break
        }
    }

    /// Hands a data frame's message to its call's reader; `false` when the call ended instead.
    private func deliver(_ frame: TTRPCFrame, to stream: ResponseStreamSource) -> Bool {
        let streamID = frame.streamID
        if let over = pausedStreams[streamID] {
            guard over + frame.data.readableBytes <= Self.maximumBytesOverHighWater else {
                complete(
                    streamID: streamID,
                    .failure(
                        RPCError(
                            code: .resourceExhausted,
                            message: "the server sent more stream messages than the client buffers (the caller reads slower)"
                        )))
                return false
            }
            pausedStreams[streamID] = over + frame.data.readableBytes
        }
        switch stream.source.yield(frame.data) {
        case .produceMore:
            return true
        case .stopProducing:
            if pausedStreams[streamID] == nil { pausedStreams[streamID] = 0 }
            return true
        case .dropped:
            responsesAbandoned(streamID: streamID)
            return false
        }
    }

    private func complete(streamID: UInt32, _ result: Result<TTRPCResponse, RPCError>) {
        guard let entry = pending.removeValue(forKey: streamID) else { return }
        if pausedStreams.removeValue(forKey: streamID) != nil { resumeReadingIfPossible() }
        entry.timer?.cancel()
        switch (entry.receiver, result) {
        case (.unary(let promise), .success(let response)):
            promise.succeed(response)
        case (.streaming(let stream), .success(let response)):
            if let status = response.status, !status.isOK {
                stream.source.finish(RPCError(status: status))
            } else {
                stream.source.finish()
            }
        case (let receiver, .failure(let error)):
            Self.fail(receiver, error)
        }
    }

    private static func fail(_ receiver: ClientCall.Receiver, _ error: RPCError) {
        switch receiver {
        case .unary(let promise): promise.fail(error)
        case .streaming(let stream): stream.source.finish(error)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(RPCError(code: .unavailable, message: "connection to \(description) closed"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(RPCError(code: .unavailable, message: "connection to \(description) failed: \(error)"))
        context.close(promise: nil)
    }

    private func failAll(_ error: RPCError) {
        if closedError == nil { closedError = error }
        let calls = pending
        pending.removeAll()
        pausedStreams.removeAll()
        for (_, entry) in calls {
            entry.timer?.cancel()
            Self.fail(entry.receiver, error)
        }
    }
}
