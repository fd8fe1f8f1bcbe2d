import CJiefenProto
import CProtobufC
import TTRPCWire

/// Copies an unpacked protobuf-c message into a ``ProtoMessage``, walking its descriptor.
enum ProtoStructReader {
    static func read(_ message: UnsafeRawPointer, descriptor: MessageDescriptor) throws(WireError) -> ProtoMessage {
        var result = ProtoMessage()
        for field in descriptor.fields {
            let name = "\(descriptor.fullName).\(String(cString: field.name))"
            let value = message + Int(field.offset)
            switch field.label {
            case PROTOBUF_C_LABEL_REPEATED:
                let count = (message + Int(field.quantifier_offset)).load(as: Int.self)
                guard count > 0, let elements = value.load(as: UnsafeRawPointer?.self) else {
                    result[field.id] = .list([])
                    continue
                }
                let stride = ProtoFieldLayout.elementSize(field.type)
                var list: [ProtoValue] = []
                list.reserveCapacity(count)
                for index in 0..<count {
                    guard let element = try readValue(field, at: elements + index * stride, name: name) else { continue }
                    list.append(element)
                }
                result[field.id] = .list(list)
            case PROTOBUF_C_LABEL_OPTIONAL where field.type != PROTOBUF_C_TYPE_STRING && field.type != PROTOBUF_C_TYPE_MESSAGE:
                guard (message + Int(field.quantifier_offset)).load(as: Int32.self) != 0 else { continue }
                result[field.id] = try readValue(field, at: value, name: name)
            default:
                if field.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0 {
                    guard (message + Int(field.quantifier_offset)).load(as: UInt32.self) == field.id else { continue }
                }
                result[field.id] = try readValue(field, at: value, name: name)
            }
        }
        return result
    }

    /// One value of `field` stored at `pointer`; `nil` for an absent message or string pointer.
    private static func readValue(
        _ field: ProtobufCFieldDescriptor,
        at pointer: UnsafeRawPointer,
        name: String
    ) throws(WireError) -> ProtoValue? {
        switch field.type {
        case PROTOBUF_C_TYPE_INT32, PROTOBUF_C_TYPE_SINT32, PROTOBUF_C_TYPE_SFIXED32, PROTOBUF_C_TYPE_ENUM:
            return .int(Int64(pointer.load(as: Int32.self)))
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64:
            return .int(pointer.load(as: Int64.self))
        case PROTOBUF_C_TYPE_UINT32, PROTOBUF_C_TYPE_FIXED32:
            return .uint(UInt64(pointer.load(as: UInt32.self)))
        case PROTOBUF_C_TYPE_UINT64, PROTOBUF_C_TYPE_FIXED64:
            return .uint(pointer.load(as: UInt64.self))
        case PROTOBUF_C_TYPE_FLOAT:
            return .double(Double(pointer.load(as: Float.self)))
        case PROTOBUF_C_TYPE_DOUBLE:
            return .double(pointer.load(as: Double.self))
        case PROTOBUF_C_TYPE_BOOL:
            return .bool(pointer.load(as: Int32.self) != 0)
        case PROTOBUF_C_TYPE_STRING:
            guard let string = pointer.load(as: UnsafePointer<CChar>?.self) else { return nil }
            return .string(try ValidatedCString.read(string, field: name))
        case PROTOBUF_C_TYPE_BYTES:
            return .bytes([UInt8](binaryData: pointer.load(as: ProtobufCBinaryData.self)))
        case PROTOBUF_C_TYPE_MESSAGE:
            guard let nested = pointer.load(as: UnsafeRawPointer?.self),
                let nestedDescriptor = field.descriptor?.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
            else { return nil }
            return .message(try read(nested, descriptor: MessageDescriptor(pointer: nestedDescriptor)))
        default:
            throw WireError(.malformed, "field \(name) has an unsupported type")
        }
    }
}

/// Sizes of protobuf-c's in-memory field representations.
enum ProtoFieldLayout {
    static func elementSize(_ type: ProtobufCType) -> Int {
        switch type {
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64,
            PROTOBUF_C_TYPE_UINT64, PROTOBUF_C_TYPE_FIXED64, PROTOBUF_C_TYPE_DOUBLE:
            8
        case PROTOBUF_C_TYPE_STRING, PROTOBUF_C_TYPE_MESSAGE:
            MemoryLayout<UnsafeRawPointer>.stride
        case PROTOBUF_C_TYPE_BYTES:
            MemoryLayout<ProtobufCBinaryData>.stride
        default:
            4 // int32 kinds, enums, float, protobuf_c_boolean
        }
    }

    static func elementAlignment(_ type: ProtobufCType) -> Int {
        min(elementSize(type), MemoryLayout<UnsafeRawPointer>.alignment)
    }
}
