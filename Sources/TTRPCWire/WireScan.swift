import CProtobufC

/// A pass over encoded protobuf bytes that runs before protobuf-c unpacks them.
///
/// protobuf-c unpacks nested messages recursively with no depth limit (a `Value` list nested about 10,000 deep
/// crashes the process in about 30 KB of input) and cuts a `string` at an embedded NUL without telling anyone.
/// This scan walks the bytes iteratively, guided by the message descriptor, with an explicit stack of the
/// messages it is inside, so it never recurses; it refuses nesting deeper than ``maximumDepth`` and a NUL inside
/// any `string` field, and a `bool` field with a wire type other than varint (protobuf-c reads those without
/// checking). Anything else that is malformed is left for protobuf-c to refuse.
enum WireScan {
    /// The deepest nesting a request may have, counting the top-level message as 1.
    ///
    /// `JiefenV1.CreateCaseRequest` → `Field` → `Value` → `ValueList` → `Value` is 5; 16 leaves room for lists of lists.
    static let maximumDepth = 16

    /// Checks `bytes`, an encoded message of `descriptor`'s type.
    /// - Throws: ``WireError`` `malformed` for nesting deeper than `maximumDepth` or a `bool` not sent as a varint,
    ///   `embeddedNUL` for a NUL in a string field.
    static func check(
        _ bytes: UnsafeRawBufferPointer,
        descriptor: UnsafePointer<ProtobufCMessageDescriptor>,
        maximumDepth: Int = WireScan.maximumDepth
    ) throws(WireError) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), maximumDepth > 0 else { return }
        // The messages the scan is inside, their descriptor and where their bytes end, on the stack (no heap
        // allocation: this runs for every request envelope).
        try withUnsafeTemporaryAllocation(of: Frame.self, capacity: maximumDepth) { (stack) throws(WireError) in
            try scan(base: base, count: bytes.count, root: descriptor, stack: stack)
        }
    }

    /// One message the scan is inside.
    private struct Frame {
        var descriptor: UnsafePointer<ProtobufCMessageDescriptor>
        var end: Int
    }

    private static func scan(
        base: UnsafePointer<UInt8>,
        count: Int,
        root: UnsafePointer<ProtobufCMessageDescriptor>,
        stack: UnsafeMutableBufferPointer<Frame>
    ) throws(WireError) {
        var reader = Reader(base: base, end: count)
        var depth = 1
        stack[0] = Frame(descriptor: root, end: count)
        while depth > 0 {
            let top = stack[depth - 1]
            guard reader.position < top.end else {
                depth -= 1
                continue
            }
            guard let tag = reader.varint(limit: top.end), tag >> 3 <= UInt64(UInt32.max) else { return }
            switch tag & 7 {
            case 0:
                guard reader.varint(limit: top.end) != nil else { return }
            case 1:
                try refuseBool(top.descriptor, number: tag >> 3, wireType: 1)
                guard reader.skip(8, limit: top.end) else { return }
            case 5:
                try refuseBool(top.descriptor, number: tag >> 3, wireType: 5)
                guard reader.skip(4, limit: top.end) else { return }
            case 2:
                guard let length = reader.varint(limit: top.end), length <= UInt64(top.end - reader.position) else { return }
                let start = reader.position
                let end = start + Int(length)
                let field = protobuf_c_message_descriptor_get_field(top.descriptor, UInt32(tag >> 3))
                if let field, field.pointee.type == PROTOBUF_C_TYPE_BOOL, field.pointee.label != PROTOBUF_C_LABEL_REPEATED {
                    // A packed repeated bool is length-delimited; a single bool never is.
                    try refuseBool(top.descriptor, number: tag >> 3, wireType: 2)
                }
                switch field?.pointee.type {
                case PROTOBUF_C_TYPE_MESSAGE?:
                    guard let nested = field?.pointee.descriptor?.assumingMemoryBound(to: ProtobufCMessageDescriptor.self) else {
                        reader.position = end
                        continue
                    }
                    guard depth < stack.count else {
                        throw WireError(
                            .malformed, "\(String(cString: root.pointee.name)) nests messages deeper than \(stack.count) levels"
                        )
                    }
                    stack[depth] = Frame(descriptor: nested, end: end)
                    depth += 1
                case PROTOBUF_C_TYPE_STRING?:
                    if length > 0, memchr(base + start, 0, Int(length)) != nil {
                        let name = field.map { String(cString: $0.pointee.name) } ?? "?"
                        throw WireError(
                            .embeddedNUL, "field \(String(cString: top.descriptor.pointee.name)).\(name) holds a NUL character"
                        )
                    }
                    reader.position = end
                default:
                    reader.position = end
                }
            default:
                return // groups and invalid wire types: protobuf-c refuses them.
            }
        }
    }

    /// Refuses a `bool` field sent with a wire type other than varint (`wireType`), which protobuf-c would accept:
    /// it checks the wire type of every scalar type but `bool`, whose value it reads from whatever bytes came.
    /// Only fixed-width and length-delimited fields get here, so the common varint fields cost no lookup.
    private static func refuseBool(
        _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, number: UInt64, wireType: Int
    ) throws(WireError) {
        guard let field = protobuf_c_message_descriptor_get_field(descriptor, UInt32(number)),
            field.pointee.type == PROTOBUF_C_TYPE_BOOL
        else { return }
        throw WireError(
            .malformed,
            "field \(String(cString: descriptor.pointee.name)).\(String(cString: field.pointee.name)) is a bool but has wire type \(wireType)"
        )
    }

    /// A cursor over the bytes.
    private struct Reader {
        let base: UnsafePointer<UInt8>
        let end: Int
        var position = 0

        init(base: UnsafePointer<UInt8>, end: Int) {
            self.base = base
            self.end = end
        }

        /// Reads a varint of at most 10 bytes that ends before `limit`; `nil` if it does not.
        mutating func varint(limit: Int) -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while position < limit, shift < 70 {
                let byte = base[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }

        /// Skips `count` bytes if they end before `limit`.
        mutating func skip(_ count: Int, limit: Int) -> Bool {
            guard limit - position >= count else { return false }
            position += count
            return true
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    public import Musl
#elseif canImport(Darwin)
    public import Darwin
#endif
