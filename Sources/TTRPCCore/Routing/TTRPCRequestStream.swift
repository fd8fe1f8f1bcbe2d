public import NIOCore

/// The messages a client sends on a client-streaming or bidirectional call, in order, as the server's handler
/// reads them.
///
/// The sequence ends when the client closes its side of the stream (a data frame flagged `remote closed`). It
/// throws ``RPCError`` when the stream breaks first: the connection closed (Cancelled) or the client broke the
/// protocol (InvalidArgument, ResourceExhausted). Iterate it once.
///
/// Buffering is bounded: while the handler has a few messages unread, the connection stops reading from the
/// socket, so a client that sends faster than the handler reads is slowed down, not buffered without limit.
public struct TTRPCRequestStream: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer

    typealias Producer = NIOThrowingAsyncSequenceProducer<
        ByteBuffer, any Error, NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark, InboundStreamDelegate
    >

    enum Base: Sendable {
        case producer(Producer)
        case stream(AsyncThrowingStream<ByteBuffer, any Error>)
    }

    let base: Base

    /// Messages that are already known (in-process calls and tests).
    init<Messages: Sequence<ByteBuffer>>(messages: Messages) {
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        for message in messages { continuation.yield(message) }
        continuation.finish()
        base = .stream(stream)
    }

    init(producer: Producer) {
        base = .producer(producer)
    }

    public func makeAsyncIterator() -> AsyncIterator {
        switch base {
        case .producer(let producer): AsyncIterator(base: .producer(producer.makeAsyncIterator()))
        case .stream(let stream): AsyncIterator(base: .stream(stream.makeAsyncIterator()))
        }
    }

    /// Reads the messages one by one.
    public struct AsyncIterator: AsyncIteratorProtocol {
        enum Base {
            case producer(Producer.AsyncIterator)
            case stream(AsyncThrowingStream<ByteBuffer, any Error>.AsyncIterator)
        }

        var base: Base

        /// The next message, or `nil` once the client closed its side.
        /// - Throws: ``RPCError`` when the stream broke before the client closed it.
        public mutating func next() async throws -> ByteBuffer? {
            switch base {
            case .producer(let iterator):
                let message = try await iterator.next()
                base = .producer(iterator)
                return message
            case .stream(var iterator):
                let message = try await iterator.next()
                base = .stream(iterator)
                return message
            }
        }
    }
}

/// Tells a connection handler, on its event loop, that a stream's reader wants more or has gone.
struct InboundStreamDelegate: NIOAsyncSequenceProducerDelegate {
    let handler: NIOLoopBound<ServerConnectionHandler>
    let streamID: UInt32

    func produceMore() {
        let handler = self.handler
        let streamID = self.streamID
        handler.eventLoop.execute { handler.value.inboundWantsMore(streamID: streamID) }
    }

    func didTerminate() {
        let handler = self.handler
        let streamID = self.streamID
        handler.eventLoop.execute { handler.value.inboundTerminated(streamID: streamID) }
    }
}

/// The typed messages of a client-streaming or bidirectional call, decoded as the handler reads them.
public struct TTRPCMessageStream<Message: TTRPCMessage>: AsyncSequence, Sendable {
    public typealias Element = Message

    let base: TTRPCRequestStream

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator())
    }

    /// Reads and decodes the messages one by one.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: TTRPCRequestStream.AsyncIterator

        /// The next message, or `nil` once the client closed its side.
        /// - Throws: ``RPCError`` when the stream broke, InvalidArgument when a message does not decode.
        public mutating func next() async throws -> Message? {
            guard let payload = try await base.next() else { return nil }
            do {
                return try Message(ttrpcPayload: payload)
            } catch let error as RPCError {
                throw error
            } catch {
                throw RPCError(code: .invalidArgument, message: "stream message cannot be decoded: \(error)")
            }
        }
    }
}
