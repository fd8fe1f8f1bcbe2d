import CJiefenProto
import CProtobufC
import TTRPCWire

/// One field of a generated message type, as its descriptor declares it.
///
/// Lets tests and tools walk a message type's fields by number without knowing the type in advance, e.g. to put
/// extreme values into every numeric field of a request.
public struct ProtoFieldInfo: Sendable, Hashable {
    /// What a field holds on the wire.
    public enum Kind: Sendable, Hashable {
        /// int32, sint32, sfixed32.
        case int32
        /// int64, sint64, sfixed64.
        case int64
        /// uint32, fixed32.
        case uint32
        /// uint64, fixed64.
        case uint64
        /// An enum number (32 bits, signed).
        case enumeration
        /// bool.
        case bool
        /// float.
        case float
        /// double.
        case double
        /// string.
        case string
        /// bytes.
        case bytes
        /// A nested message, by its full name.
        case message(String)
    }

    /// The field number.
    public var number: UInt32
    /// The field name as written in the .proto file.
    public var name: String
    /// The field's type.
    public var kind: Kind
    /// Whether the field is `repeated`.
    public var isRepeated: Bool
    /// Whether the field is a member of a `oneof`.
    public var isOneofMember: Bool

    /// Whether the field holds integers (of any width or sign, enums included).
    public var isInteger: Bool {
        switch kind {
        case .int32, .int64, .uint32, .uint64, .enumeration: true
        default: false
        }
    }
}

extension ProtoCodec {
    /// The fields of this message type, in descriptor order (ascending field number).
    public var fields: [ProtoFieldInfo] {
        descriptor.fields.map { field in
            ProtoFieldInfo(
                number: field.id,
                name: String(cString: field.name),
                kind: Self.kind(of: field),
                isRepeated: field.label == PROTOBUF_C_LABEL_REPEATED,
                isOneofMember: field.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0
            )
        }
    }

    /// Every generated message type's full name, sorted.
    public static var messageTypes: [String] { MessageDescriptor.byName.keys.sorted() }

    private static func kind(of field: ProtobufCFieldDescriptor) -> ProtoFieldInfo.Kind {
        switch field.type {
        case PROTOBUF_C_TYPE_INT32, PROTOBUF_C_TYPE_SINT32, PROTOBUF_C_TYPE_SFIXED32: .int32
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64: .int64
        case PROTOBUF_C_TYPE_UINT32, PROTOBUF_C_TYPE_FIXED32: .uint32
        case PROTOBUF_C_TYPE_UINT64, PROTOBUF_C_TYPE_FIXED64: .uint64
        case PROTOBUF_C_TYPE_ENUM: .enumeration
        case PROTOBUF_C_TYPE_BOOL: .bool
        case PROTOBUF_C_TYPE_FLOAT: .float
        case PROTOBUF_C_TYPE_DOUBLE: .double
        case PROTOBUF_C_TYPE_STRING: .string
        case PROTOBUF_C_TYPE_BYTES: .bytes
        default:
            if let nested = field.descriptor?.assumingMemoryBound(to: ProtobufCMessageDescriptor.self) {
                .message(String(cString: nested.pointee.name))
            } else {
                .bytes
            }
        }
    }
}
