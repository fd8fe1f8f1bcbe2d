/// A minimal protobuf wire-format reader, enough to read the `FileDescriptorSet` that `protoc` writes.
///
/// The generator has no protobuf library: `descriptor.proto` is read field by field with this cursor.
struct WireReader {
    enum Failure: Error, CustomStringConvertible {
        case truncated
        case unsupportedWireType(UInt64)

        var description: String {
            switch self {
            case .truncated: "the descriptor set is truncated"
            case .unsupportedWireType(let type): "the descriptor set uses wire type \(type)"
            }
        }
    }

    /// One field as read from the wire: its number and its varint or length-delimited payload.
    enum Value {
        case varint(UInt64)
        case bytes(ArraySlice<UInt8>)
        case fixed
    }

    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    /// The next field, or `nil` at the end.
    mutating func next() throws -> (number: Int, value: Value)? {
        guard position < bytes.endIndex else { return nil }
        let tag = try varint()
        let number = Int(tag >> 3)
        switch tag & 7 {
        case 0: return (number, .varint(try varint()))
        case 1:
            try skip(8)
            return (number, .fixed)
        case 5:
            try skip(4)
            return (number, .fixed)
        case 2:
            let length = Int(try varint())
            guard length <= bytes.endIndex - position else { throw Failure.truncated }
            defer { position += length }
            return (number, .bytes(bytes[position..<position + length]))
        default: throw Failure.unsupportedWireType(tag & 7)
        }
    }

    private mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.endIndex, shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw Failure.truncated
    }

    private mutating func skip(_ count: Int) throws {
        guard bytes.endIndex - position >= count else { throw Failure.truncated }
        position += count
    }
}

extension WireReader.Value {
    var string: String {
        if case .bytes(let slice) = self { return String(decoding: slice, as: UTF8.self) }
        return ""
    }

    var integer: Int {
        if case .varint(let value) = self { return Int(truncatingIfNeeded: value) }
        return 0
    }

    var slice: ArraySlice<UInt8> {
        if case .bytes(let slice) = self { return slice }
        return []
    }

    /// A repeated int32 field, packed or not.
    var integers: [Int] {
        switch self {
        case .varint(let value): return [Int(truncatingIfNeeded: value)]
        case .bytes(let slice):
            var result: [Int] = []
            var value: UInt64 = 0
            var shift: UInt64 = 0
            for byte in slice {
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 {
                    result.append(Int(Int32(truncatingIfNeeded: value)))
                    value = 0
                    shift = 0
                } else {
                    shift += 7
                }
            }
            return result
        case .fixed: return []
        }
    }
}
