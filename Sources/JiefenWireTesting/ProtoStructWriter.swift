import CJiefenProto
import CProtobufC
import TTRPCWire

/// Builds a protobuf-c message struct from a ``ProtoMessage`` in an ``EncodeArena``, walking its descriptor.
enum ProtoStructWriter {
    static func write(
        _ message: ProtoMessage,
        descriptor: MessageDescriptor,
        arena: inout EncodeArena
    ) throws(WireError) -> UnsafeMutableRawPointer {
        let size = Int(descriptor.pointer.pointee.sizeof_message)
        let storage = arena.allocate(byteCount: size, alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        descriptor.pointer.pointee.message_init(storage.assumingMemoryBound(to: ProtobufCMessage.self))
        let known = Set(descriptor.fields.map(\.id))
        if let unknown = message.fields.keys.first(where: { !known.contains($0) }) {
            throw WireError(.malformed, "\(descriptor.fullName) has no field number \(unknown)")
        }
        for field in descriptor.fields {
            guard let value = message.fields[field.id] else { continue }
            let name = "\(descriptor.fullName).\(String(cString: field.name))"
            let target = storage + Int(field.offset)
            if field.label == PROTOBUF_C_LABEL_REPEATED {
                guard case .list(let elements) = value else {
                    throw WireError(.malformed, "field \(name) is repeated and needs a list")
                }
                let stride = ProtoFieldLayout.elementSize(field.type)
                let array = arena.allocate(
                    byteCount: max(elements.count, 1) * stride, alignment: ProtoFieldLayout.elementAlignment(field.type))
                for (index, element) in elements.enumerated() {
                    try writeValue(element, field: field, at: array + index * stride, name: name, arena: &arena)
                }
                (storage + Int(field.quantifier_offset)).storeBytes(of: elements.count, as: Int.self)
                target.storeBytes(of: elements.isEmpty ? nil : array, as: UnsafeMutableRawPointer?.self)
                continue
            }
            try writeValue(value, field: field, at: target, name: name, arena: &arena)
            if field.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0 {
                (storage + Int(field.quantifier_offset)).storeBytes(of: field.id, as: UInt32.self)
            } else if field.label == PROTOBUF_C_LABEL_OPTIONAL,
                field.type != PROTOBUF_C_TYPE_STRING, field.type != PROTOBUF_C_TYPE_MESSAGE
            {
                (storage + Int(field.quantifier_offset)).storeBytes(of: Int32(1), as: Int32.self)
            }
        }
        return storage
    }

    private static func writeValue(
        _ value: ProtoValue,
        field: ProtobufCFieldDescriptor,
        at target: UnsafeMutableRawPointer,
        name: String,
        arena: inout EncodeArena
    ) throws(WireError) {
        func mismatch() -> WireError { WireError(.malformed, "field \(name) cannot hold \(value)") }
        switch (field.type, value) {
        case (PROTOBUF_C_TYPE_INT32, .int(let v)), (PROTOBUF_C_TYPE_SINT32, .int(let v)),
            (PROTOBUF_C_TYPE_SFIXED32, .int(let v)), (PROTOBUF_C_TYPE_ENUM, .int(let v)):
            guard let narrow = Int32(exactly: v) else { throw mismatch() }
            target.storeBytes(of: narrow, as: Int32.self)
        case (PROTOBUF_C_TYPE_INT64, .int(let v)), (PROTOBUF_C_TYPE_SINT64, .int(let v)), (PROTOBUF_C_TYPE_SFIXED64, .int(let v)):
            target.storeBytes(of: v, as: Int64.self)
        case (PROTOBUF_C_TYPE_UINT32, .uint(let v)), (PROTOBUF_C_TYPE_FIXED32, .uint(let v)):
            guard let narrow = UInt32(exactly: v) else { throw mismatch() }
            target.storeBytes(of: narrow, as: UInt32.self)
        case (PROTOBUF_C_TYPE_UINT64, .uint(let v)), (PROTOBUF_C_TYPE_FIXED64, .uint(let v)):
            target.storeBytes(of: v, as: UInt64.self)
        case (PROTOBUF_C_TYPE_FLOAT, .double(let v)):
            target.storeBytes(of: Float(v), as: Float.self)
        case (PROTOBUF_C_TYPE_DOUBLE, .double(let v)):
            target.storeBytes(of: v, as: Double.self)
        case (PROTOBUF_C_TYPE_BOOL, .bool(let v)):
            target.storeBytes(of: Int32(v ? 1 : 0), as: Int32.self)
        case (PROTOBUF_C_TYPE_STRING, .string(let v)):
            target.storeBytes(of: try arena.cString(v, field: name), as: UnsafeMutablePointer<CChar>.self)
        case (PROTOBUF_C_TYPE_BYTES, .bytes(let v)):
            let copy = arena.allocate(byteCount: max(v.count, 1), alignment: 1)
            v.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: $0.count) } }
            target.storeBytes(
                of: ProtobufCBinaryData(len: v.count, data: copy.assumingMemoryBound(to: UInt8.self)),
                as: ProtobufCBinaryData.self
            )
        case (PROTOBUF_C_TYPE_MESSAGE, .message(let nested)):
            guard let nestedDescriptor = field.descriptor?.assumingMemoryBound(to: ProtobufCMessageDescriptor.self) else {
                throw mismatch()
            }
            let pointer = try write(nested, descriptor: MessageDescriptor(pointer: nestedDescriptor), arena: &arena)
            target.storeBytes(of: pointer, as: UnsafeMutableRawPointer.self)
        default:
            throw mismatch()
        }
    }
}
