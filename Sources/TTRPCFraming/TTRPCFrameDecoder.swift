public import NIOCore

/// What the frame decoder produces: a frame, or notice of one that was too large and is being skipped.
public enum TTRPCFrameEvent: Sendable, Hashable {
    /// A complete frame.
    case frame(TTRPCFrame)
    /// A frame whose declared length exceeds the limit. Its data is discarded as it arrives, never buffered; the
    /// RPC layer answers ResourceExhausted on `streamID`, as the reference server does.
    case oversized(streamID: UInt32, type: TTRPCMessageType, length: UInt32)
}

/// Splits a byte stream into ttrpc frames.
///
/// A frame longer than ``maximumDataLength`` is reported as ``TTRPCFrameEvent/oversized(streamID:type:length:)``
/// as soon as its header arrives, and its data is then skipped without being buffered.
public struct TTRPCFrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = TTRPCFrameEvent

    /// The largest data length accepted, in bytes.
    public let maximumDataLength: Int
    private var bytesToDiscard = 0

    /// Creates a decoder.
    /// - Parameter maximumDataLength: The largest frame data length accepted (default 4 MiB).
    public init(maximumDataLength: Int = TTRPCFrame.defaultMaximumDataLength) {
        self.maximumDataLength = maximumDataLength
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> TTRPCFrameEvent? {
        if bytesToDiscard > 0 {
            let skipped = min(bytesToDiscard, buffer.readableBytes)
            buffer.moveReaderIndex(forwardBy: skipped)
            bytesToDiscard -= skipped
            if bytesToDiscard > 0 { return nil }
        }
        guard
            let (length, streamID, type, flags) = buffer.getMultipleIntegers(
                at: buffer.readerIndex,
                as: (UInt32, UInt32, UInt8, UInt8).self
            )
        else { return nil }
        if Int(length) > maximumDataLength {
            buffer.moveReaderIndex(forwardBy: TTRPCFrame.headerLength)
            bytesToDiscard = Int(length)
            let skipped = min(bytesToDiscard, buffer.readableBytes)
            buffer.moveReaderIndex(forwardBy: skipped)
            bytesToDiscard -= skipped
            return .oversized(streamID: streamID, type: TTRPCMessageType(rawValue: type), length: length)
        }
        guard buffer.readableBytes >= TTRPCFrame.headerLength + Int(length) else { return nil }
        buffer.moveReaderIndex(forwardBy: TTRPCFrame.headerLength)
        let data = buffer.readSlice(length: Int(length))!
        return .frame(
            TTRPCFrame(
                streamID: streamID,
                type: TTRPCMessageType(rawValue: type),
                flags: TTRPCFlags(rawValue: flags),
                data: data
            )
        )
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> TTRPCFrameEvent? {
        try decode(buffer: &buffer)
    }
}

/// Writes ttrpc frames.
public struct TTRPCFrameEncoder: MessageToByteEncoder {
    public typealias OutboundIn = TTRPCFrame

    /// Creates an encoder.
    public init() {}

    public func encode(data: TTRPCFrame, out: inout ByteBuffer) throws {
        out.writeTTRPCFrame(data)
    }
}
