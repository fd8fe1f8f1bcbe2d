import NIOCore
import TTRPCFraming
import TTRPCWire

/// The messages of client-streaming and bidirectional streams: from data frames into each stream's
/// ``TTRPCRequestStream``, with reading paused while a stream's handler is behind.
extension ServerConnectionHandler {
    /// The request sequence of a stream the client sends on. A request payload, when there is one, is its first
    /// message; a request flagged `remote closed` has no more.
    func openInbound(streamID: UInt32, request: TTRPCRequest, flags: TTRPCFlags, sink: StreamSink) -> TTRPCRequestStream {
        let made = TTRPCRequestStream.Producer.makeSequence(
            backPressureStrategy: StreamBuffering.strategy,
            finishOnDeinit: true,
            delegate: InboundStreamDelegate(handler: sink.handler, streamID: streamID)
        )
        if request.payload.readableBytes > 0 { _ = made.source.yield(request.payload) }
        if flags.contains(.remoteClosed) {
            made.source.finish()
        } else {
            inbound[streamID] = made.source
        }
        return TTRPCRequestStream(producer: made.sequence)
    }

    /// A stream's reader is below its low-water mark.
    func inboundWantsMore(streamID: UInt32) {
        if state.inboundWantsMore(streamID: streamID) == .read { context?.read() }
    }

    /// A stream's reader has gone (finished iterating or dropped the sequence): later messages are dropped, and
    /// the stream no longer holds reading back.
    func inboundTerminated(streamID: UInt32) {
        inbound[streamID] = nil
        inboundWantsMore(streamID: streamID)
    }

    /// Hands a data frame's message to its stream; ends the stream's input when the client closed its side.
    func deliver(_ frame: TTRPCFrame, endOfInput: Bool) {
        let streamID = frame.streamID
        guard let source = inbound[streamID] else { return } // the handler stopped reading: dropped
        if !frame.flags.contains(.noData), source.yield(frame.data) == .stopProducing {
            state.inboundBufferFull(streamID: streamID)
        }
        if endOfInput {
            inbound[streamID] = nil
            source.finish()
        }
    }
}
