public import NIOCore

/// One ttrpc frame: a 10-byte header (length, stream id, type, flags, all big-endian) and its data.
public struct TTRPCFrame: Sendable, Hashable {
    /// The size of the header in bytes.
    public static let headerLength = 10
    /// The reference implementation's maximum data length, 4 MiB.
    public static let defaultMaximumDataLength = 4 << 20

    /// The stream the frame belongs to; odd for client-initiated streams, never 0.
    public var streamID: UInt32
    /// What the data holds.
    public var type: TTRPCMessageType
    /// Flags; their meaning depends on ``type``.
    public var flags: TTRPCFlags
    /// The frame's data (an encoded envelope or message).
    public var data: ByteBuffer

    /// Creates a frame.
    public init(streamID: UInt32, type: TTRPCMessageType, flags: TTRPCFlags = [], data: ByteBuffer = ByteBuffer()) {
        self.streamID = streamID
        self.type = type
        self.flags = flags
        self.data = data
    }
}

/// The message type byte of a frame. Unknown values are kept so the RPC layer can answer them.
public struct TTRPCMessageType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The byte on the wire.
    public var rawValue: UInt8
    /// Creates a type from its byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 0x01: a `ttrpc.Request`, opening a stream.
    public static let request = TTRPCMessageType(rawValue: 1)
    /// 0x02: a `ttrpc.Response`, ending a stream.
    public static let response = TTRPCMessageType(rawValue: 2)
    /// 0x03: a streamed message.
    public static let data = TTRPCMessageType(rawValue: 3)

    public var description: String {
        switch rawValue {
        case 1: "request"
        case 2: "response"
        case 3: "data"
        default: "type(0x\(String(rawValue, radix: 16)))"
        }
    }
}

/// The flags byte of a frame.
public struct TTRPCFlags: OptionSet, Sendable, Hashable {
    /// The byte on the wire.
    public var rawValue: UInt8
    /// Creates flags from their byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 0x01: the sender sends nothing more on this stream.
    public static let remoteClosed = TTRPCFlags(rawValue: 0x01)
    /// 0x02: on a request, more data frames follow (client or bidirectional streaming).
    public static let remoteOpen = TTRPCFlags(rawValue: 0x02)
    /// 0x04: on a data frame, the frame carries no message.
    public static let noData = TTRPCFlags(rawValue: 0x04)
}

extension ByteBuffer {
    /// Writes a frame header, then lets `body` write the data, then fills in the length.
    ///
    /// Used on hot paths so that an envelope is encoded straight after its header with no copy.
    /// - Returns: The number of data bytes `body` wrote.
    @inlinable
    @discardableResult
    public mutating func writeTTRPCFrame<E: Error>(
        streamID: UInt32,
        type: TTRPCMessageType,
        flags: TTRPCFlags = [],
        body: (inout ByteBuffer) throws(E) -> Void
    ) throws(E) -> Int {
        let headerIndex = self.writerIndex
        self.writeMultipleIntegers(UInt32(0), streamID, type.rawValue, flags.rawValue)
        let dataStart = self.writerIndex
        do {
            try body(&self)
        } catch {
            self.moveWriterIndex(to: headerIndex)
            throw error
        }
        let length = self.writerIndex - dataStart
        self.setInteger(UInt32(truncatingIfNeeded: length), at: headerIndex)
        return length
    }

    /// Writes `frame` (header and data).
    @inlinable
    public mutating func writeTTRPCFrame(_ frame: TTRPCFrame) {
        self.writeMultipleIntegers(
            UInt32(truncatingIfNeeded: frame.data.readableBytes),
            frame.streamID,
            frame.type.rawValue,
            frame.flags.rawValue
        )
        self.writeImmutableBuffer(frame.data)
    }
}
