public import NIOCore

/// A message a ttrpc method sends or receives: anything that encodes itself to protobuf bytes and decodes from them.
///
/// Generated message types conform (the Jiefen generator emits the conformance); so can hand-written ones for a
/// method whose payload is not protobuf.
public protocol TTRPCMessage: Sendable {
    /// Decodes the message from a payload.
    /// - Throws: an error that says what is wrong with the bytes; the server answers it as InvalidArgument
    ///   unless it is an ``RPCError``.
    init(ttrpcPayload payload: ByteBuffer) throws

    /// Encodes the message as a payload.
    func ttrpcPayload() throws -> ByteBuffer
}

/// Raw payload bytes as a message: for methods that take or answer bytes that are not decoded.
public struct TTRPCRawMessage: TTRPCMessage, Hashable {
    /// The bytes.
    public var bytes: ByteBuffer

    /// Wraps `bytes`.
    public init(_ bytes: ByteBuffer = ByteBuffer()) { self.bytes = bytes }

    public init(ttrpcPayload payload: ByteBuffer) { bytes = payload }

    public func ttrpcPayload() -> ByteBuffer { bytes }
}
