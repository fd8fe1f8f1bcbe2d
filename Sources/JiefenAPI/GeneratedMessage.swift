public import NIOCore
public import TTRPCCore
public import TTRPCWire

/// A message type jiefen-codegen generated from `proto/` (see `Generated/`): encodes and decodes itself with
/// protobuf-c, and is a ``TTRPCMessage`` so typed method descriptors (`Cases.create`) can carry it.
public protocol GeneratedMessage: TTRPCMessage, Hashable {
    /// The full protobuf name, e.g. `jiefen.v1.Case`.
    static var protoName: String { get }
    /// Decodes the message from protobuf bytes.
    /// - Throws: ``WireError`` on malformed bytes, too deep nesting, invalid UTF-8, NUL in a string or an exhausted
    ///   memory budget.
    init(decoding buffer: ByteBuffer) throws(WireError)
    /// Encodes the message and appends the bytes to `buffer`.
    /// - Throws: ``WireError`` `embeddedNUL` when a string holds NUL.
    func encode(into buffer: inout ByteBuffer) throws(WireError)
}

extension GeneratedMessage {
    /// Encodes the message into a new buffer.
    /// - Throws: ``WireError`` `embeddedNUL` when a string holds NUL.
    public func encoded() throws(WireError) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(into: &buffer)
        return buffer
    }

    /// Decodes the message from a ttrpc payload.
    public init(ttrpcPayload payload: ByteBuffer) throws { try self.init(decoding: payload) }

    /// Encodes the message as a ttrpc payload.
    public func ttrpcPayload() throws -> ByteBuffer { try encoded() }
}
