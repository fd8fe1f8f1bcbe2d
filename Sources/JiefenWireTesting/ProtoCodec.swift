import CJiefenProto
import CProtobufC
import CTTRPCProto
public import NIOCore
public import TTRPCWire

/// Encodes and decodes any message generated from `proto/` with protobuf-c, by its full name.
///
/// ```swift
/// let codec = try ProtoCodec(messageType: "jiefen.v1.GetCaseRequest")
/// var bytes = ByteBuffer()
/// try codec.encode(ProtoMessage([1: .string("JF-000001")]), into: &bytes)
/// let back = try codec.decode(bytes)
/// ```
///
/// Decoding runs under the same memory budget as the envelope and validates every string as UTF-8; encoding
/// refuses strings with NUL and values of the wrong kind for a field.
public struct ProtoCodec: Sendable {
    /// The message type's full name, e.g. `jiefen.v1.Case`.
    public let messageType: String
    let descriptor: MessageDescriptor

    /// Finds the generated message type `fullName`.
    /// - Throws: ``WireError`` `malformed` when no such message was generated from `proto/`.
    public init(messageType fullName: String) throws(WireError) {
        guard let descriptor = MessageDescriptor.byName[fullName] else {
            throw WireError(.malformed, "no message type \(fullName) in proto/")
        }
        self.messageType = fullName
        self.descriptor = descriptor
    }

    /// Decodes `buffer` as this message type.
    /// - Throws: ``WireError`` on malformed bytes, invalid UTF-8, or a decode needing more than the memory budget.
    public func decode(_ buffer: ByteBuffer) throws(WireError) -> ProtoMessage {
        let descriptor = self.descriptor
        let name = messageType
        return try buffer.withUnsafeReadableBytes { bytes in
            Result { () throws(WireError) -> ProtoMessage in
                try unpackMessage(
                    bytes,
                    name: name,
                    descriptor: descriptor.pointer,
                    unpack: { allocator, length, data in
                        protobuf_c_message_unpack(descriptor.pointer, allocator, length, data)
                    },
                    free: { message, allocator in protobuf_c_message_free_unpacked(message, allocator) },
                    convert: { (message) throws(WireError) in
                        try ProtoStructReader.read(UnsafeRawPointer(message), descriptor: descriptor)
                    }
                )
            }
        }.get()
    }

    /// Encodes `message` as this message type and appends the bytes to `buffer`.
    /// - Throws: ``WireError`` when a value does not fit its field or a string holds NUL.
    public func encode(_ message: ProtoMessage, into buffer: inout ByteBuffer) throws(WireError) {
        try EncodeArena.withArena(capacity: 1024) { (arena) throws(WireError) in
            let cMessage = try ProtoStructWriter.write(message, descriptor: descriptor, arena: &arena)
            let typed = cMessage.assumingMemoryBound(to: ProtobufCMessage.self)
            let size = protobuf_c_message_get_packed_size(typed)
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { out in
                // An empty message packs to nothing; then the buffer may lend no storage at all.
                out.baseAddress.map { protobuf_c_message_pack(typed, $0.assumingMemoryBound(to: UInt8.self)) } ?? 0
            }
        }
    }

    /// Encodes `message` into a new buffer.
    public func encode(_ message: ProtoMessage) throws(WireError) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(message, into: &buffer)
        return buffer
    }
}

extension MessageDescriptor {
    /// Every generated message the dynamic codec knows, by full name: the jiefen.v1 messages and the ttrpc envelope
    /// and health messages.
    static let byName: [String: MessageDescriptor] = table(jiefen_message_descriptor_at).merging(ttrpc) { first, _ in first }
}
