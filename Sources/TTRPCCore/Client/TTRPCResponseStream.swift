public import NIOCore
import Synchronization

/// The messages a server sends on a server-streaming or bidirectional call, in order, as the client reads them.
///
/// The sequence ends when the server ends the stream normally and throws ``RPCError`` when it ends with an error
/// status or the connection is lost. Iterate it once.
///
/// Buffering is bounded: while a few messages are unread, the connection stops reading from the socket (which
/// holds back every call on that connection until the reader catches up), so a server that sends faster than the
/// caller reads cannot make the client buffer without limit. Dropping the sequence before its end forgets the call.
public struct TTRPCResponseStream: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer

    typealias Producer = NIOThrowingAsyncSequenceProducer<
        ByteBuffer, any Error, NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark, ResponseStreamDelegate
    >

    let producer: Producer

    /// A stream for a call on `channel`, and the side its connection handler feeds.
    static func make(on channel: any Channel) -> (TTRPCResponseStream, ResponseStreamSource) {
        let token = ResponseStreamToken(channel: channel)
        let made = Producer.makeSequence(
            backPressureStrategy: StreamBuffering.strategy,
            finishOnDeinit: true,
            delegate: ResponseStreamDelegate(token: token)
        )
        return (TTRPCResponseStream(producer: made.sequence), ResponseStreamSource(source: made.source, token: token))
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: producer.makeAsyncIterator())
    }

    /// Reads the messages one by one.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let base: Producer.AsyncIterator

        /// The next message, or `nil` once the server ended the stream normally.
        /// - Throws: ``RPCError`` for an error status or a lost connection.
        public func next() async throws -> ByteBuffer? {
            try await base.next()
        }
    }
}

/// The side of a ``TTRPCResponseStream`` its connection handler feeds.
struct ResponseStreamSource: Sendable {
    let source: TTRPCResponseStream.Producer.Source
    let token: ResponseStreamToken
}

/// Where a response stream learns its stream id (once the request is written), so its reader's demand can reach
/// the connection handler.
final class ResponseStreamToken: Sendable {
    let channel: any Channel
    /// Set once by the handler on the event loop, read from the reader's thread.
    let streamID = Mutex<UInt32?>(nil)

    init(channel: any Channel) {
        self.channel = channel
    }

    /// Records the stream id (the handler does, once it has written the request).
    func assign(streamID id: UInt32) {
        streamID.withLock { $0 = id }
    }

    /// Runs `body` on the event loop with the connection handler, once the stream has an id.
    func notify(_ body: @escaping @Sendable (ClientConnectionHandler, UInt32) -> Void) {
        let channel = self.channel
        channel.eventLoop.execute {
            guard
                let streamID = self.streamID.withLock({ $0 }),
                let handler = try? channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self)
            else { return }
            body(handler, streamID)
        }
    }
}

/// Tells the connection handler that a response stream's reader wants more, or has gone.
struct ResponseStreamDelegate: NIOAsyncSequenceProducerDelegate {
    let token: ResponseStreamToken

    func produceMore() {
        token.notify { handler, streamID in handler.responsesWanted(streamID: streamID) }
    }

    func didTerminate() {
        token.notify { handler, streamID in handler.responsesAbandoned(streamID: streamID) }
    }
}
