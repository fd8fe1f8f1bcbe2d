/// A protobuf message as plain Swift values, keyed by field number.
///
/// ``ProtoCodec`` turns bytes into a `ProtoMessage` and back with protobuf-c, guided by the message type's
/// generated descriptor, so higher layers map their own types to field numbers without touching C. Repeated
/// fields are ``ProtoValue/list(_:)``. Decoding includes every implicit-presence proto3 field (zero values too)
/// and, for a `oneof`, only the member that is set.
public struct ProtoMessage: Sendable, Hashable {
    /// The fields that are present, by field number.
    public var fields: [UInt32: ProtoValue]

    /// Creates a message from its fields.
    public init(_ fields: [UInt32: ProtoValue] = [:]) { self.fields = fields }

    /// The field's value, if present.
    public subscript(field: UInt32) -> ProtoValue? {
        get { fields[field] }
        set { fields[field] = newValue }
    }

    /// The string in `field`, or "" when absent.
    public func string(_ field: UInt32) -> String {
        if case .string(let value) = fields[field] { return value }
        return ""
    }

    /// The signed integer (or enum number) in `field`, or 0 when absent.
    public func int(_ field: UInt32) -> Int64 {
        switch fields[field] {
        case .int(let value): value
        case .uint(let value): Int64(truncatingIfNeeded: value)
        default: 0
        }
    }

    /// The double in `field`, or 0 when absent.
    public func double(_ field: UInt32) -> Double {
        if case .double(let value) = fields[field] { return value }
        return 0
    }

    /// The integers of repeated `field`.
    public func ints(_ field: UInt32) -> [Int64] {
        list(field).compactMap {
            switch $0 {
            case .int(let value): value
            case .uint(let value): Int64(truncatingIfNeeded: value)
            default: nil
            }
        }
    }

    /// The doubles of repeated `field`.
    public func doubles(_ field: UInt32) -> [Double] {
        list(field).compactMap { if case .double(let value) = $0 { value } else { nil } }
    }

    /// The bool in `field`, or false when absent.
    public func bool(_ field: UInt32) -> Bool {
        if case .bool(let value) = fields[field] { return value }
        return false
    }

    /// The bytes in `field`, or empty when absent.
    public func bytes(_ field: UInt32) -> [UInt8] {
        if case .bytes(let value) = fields[field] { return value }
        return []
    }

    /// The nested message in `field`, or `nil` when absent.
    public func message(_ field: UInt32) -> ProtoMessage? {
        if case .message(let value) = fields[field] { return value }
        return nil
    }

    /// The elements of repeated `field`, or empty when absent.
    public func list(_ field: UInt32) -> [ProtoValue] {
        if case .list(let values) = fields[field] { return values }
        return []
    }

    /// The strings of repeated `field`.
    public func strings(_ field: UInt32) -> [String] {
        list(field).compactMap { if case .string(let value) = $0 { value } else { nil } }
    }

    /// The messages of repeated `field`.
    public func messages(_ field: UInt32) -> [ProtoMessage] {
        list(field).compactMap { if case .message(let value) = $0 { value } else { nil } }
    }
}

/// One field value of a ``ProtoMessage``.
public enum ProtoValue: Sendable, Hashable {
    /// int32, sint32, sfixed32, int64, sint64, sfixed64 and enum numbers.
    case int(Int64)
    /// uint32, fixed32, uint64, fixed64.
    case uint(UInt64)
    /// bool.
    case bool(Bool)
    /// float and double.
    case double(Double)
    /// string (always valid UTF-8, never containing NUL).
    case string(String)
    /// bytes.
    case bytes([UInt8])
    /// A nested message.
    case message(ProtoMessage)
    /// The elements of a repeated field.
    case list([ProtoValue])
}
