package import CProtobufC
package import NIOCore

/// A Swift message type that reads and writes its protobuf-c struct directly; jiefen-codegen emits the conformances.
///
/// Decoding goes through the same path as every other decode in this module: ``WireScan`` (nesting limit, NUL in
/// strings), then protobuf-c's unpack under a ``DecodeBudget``; the generated `init(protobufC:)` then copies the
/// struct, validating every string as UTF-8. Unknown fields are skipped (protobuf-c keeps them aside, the copy
/// ignores them).
package protocol ProtobufCBacked {
    /// The protobuf-c struct, e.g. `Jiefen__V1__Case`.
    associatedtype CMessage
    /// The message's generated descriptor.
    static var protobufCDescriptor: MessageDescriptor { get }
    /// Copies an unpacked message; must keep no pointer into it.
    init(protobufC message: UnsafePointer<CMessage>) throws(WireError)
    /// Initialises `c` and fills it with this message, borrowing `arena` for strings, arrays and nested structs.
    func fill(protobufC c: UnsafeMutablePointer<CMessage>, arena: inout EncodeArena) throws(WireError)
}

extension ProtobufCBacked {
    /// Decodes `buffer` (see ``ProtobufCBacked``).
    package static func decodeProtobufC(_ buffer: ByteBuffer) throws(WireError) -> Self {
        let descriptor = protobufCDescriptor
        return try buffer.withUnsafeReadableBytes { bytes in
            Result { () throws(WireError) -> Self in
                try unpackMessage(
                    bytes,
                    name: descriptor.fullName,
                    descriptor: descriptor.pointer,
                    unpack: { allocator, length, data in
                        protobuf_c_message_unpack(descriptor.pointer, allocator, length, data)
                    },
                    free: { message, allocator in protobuf_c_message_free_unpacked(message, allocator) },
                    convert: { (message) throws(WireError) -> Self in
                        try Self(protobufC: UnsafeRawPointer(message).assumingMemoryBound(to: CMessage.self))
                    }
                )
            }
        }.get()
    }

    /// Encodes the message and appends it to `buffer`.
    package func encodeProtobufC(into buffer: inout ByteBuffer) throws(WireError) {
        try EncodeArena.withArena(capacity: 1024) { (arena) throws(WireError) in
            let c = arena.allocate(CMessage.self, count: 1)
            try fill(protobufC: c, arena: &arena)
            let message = UnsafeRawPointer(c).assumingMemoryBound(to: ProtobufCMessage.self)
            let size = protobuf_c_message_get_packed_size(message)
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { out in
                // An empty message packs to nothing; then the buffer may lend no storage at all.
                out.baseAddress.map { protobuf_c_message_pack(message, $0.assumingMemoryBound(to: UInt8.self)) } ?? 0
            }
        }
    }
}

extension EncodeArena {
    /// A nested message's struct, filled, in the arena.
    package mutating func message<M: ProtobufCBacked>(_ message: M) throws(WireError) -> UnsafeMutablePointer<M.CMessage> {
        let c = allocate(M.CMessage.self, count: 1)
        try message.fill(protobufC: c, arena: &self)
        return c
    }

    /// A copy of `bytes` in the arena, as a protobuf-c `bytes` value.
    package mutating func binaryData(_ bytes: [UInt8]) -> ProtobufCBinaryData {
        let copy = allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: $0.count) } }
        return ProtobufCBinaryData(len: bytes.count, data: copy.assumingMemoryBound(to: UInt8.self))
    }
}
