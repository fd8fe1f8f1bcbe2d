/// The parts of `google/protobuf/descriptor.proto` the generator reads.
struct FileDescriptor {
    var name = ""
    var package = ""
    var messages: [MessageDeclaration] = []
    var enumCount = 0
    var services: [ServiceDescriptor] = []
    /// Leading (else trailing) comments by source path, e.g. `[4, 0, 2, 1]` for message 0's field 1.
    var comments: [[Int]: String] = [:]

    init(_ bytes: ArraySlice<UInt8>) throws {
        var reader = WireReader(bytes)
        while let (number, value) = try reader.next() {
            switch number {
            case 1: name = value.string
            case 2: package = value.string
            case 4: messages.append(try MessageDeclaration(value.slice))
            case 5: enumCount += 1
            case 6: services.append(try ServiceDescriptor(value.slice))
            case 9: comments = try Self.comments(value.slice)
            default: break
            }
        }
    }

    private static func comments(_ bytes: ArraySlice<UInt8>) throws -> [[Int]: String] {
        var result: [[Int]: String] = [:]
        var reader = WireReader(bytes)
        while let (number, value) = try reader.next() {
            guard number == 1 else { continue }
            var location = WireReader(value.slice)
            var path: [Int] = []
            var leading = ""
            var trailing = ""
            while let (field, item) = try location.next() {
                switch field {
                case 1: path += item.integers
                case 3: leading = item.string
                case 4: trailing = item.string
                default: break
                }
            }
            let text = leading.isEmpty ? trailing : leading
            if !text.isEmpty { result[path] = text }
        }
        return result
    }
}

struct MessageDeclaration {
    var name = ""
    var fields: [FieldDescriptor] = []
    var nested: [MessageDeclaration] = []
    var enumCount = 0
    var oneofs: [String] = []
    var isMapEntry = false

    init(_ bytes: ArraySlice<UInt8>) throws {
        var reader = WireReader(bytes)
        while let (number, value) = try reader.next() {
            switch number {
            case 1: name = value.string
            case 2: fields.append(try FieldDescriptor(value.slice))
            case 3: nested.append(try MessageDeclaration(value.slice))
            case 4: enumCount += 1
            case 7:
                var options = WireReader(value.slice)
                while let (option, flag) = try options.next() { if option == 7 { isMapEntry = flag.integer != 0 } }
            case 8:
                var oneof = WireReader(value.slice)
                var oneofName = ""
                while let (field, item) = try oneof.next() { if field == 1 { oneofName = item.string } }
                oneofs.append(oneofName)
            default: break
            }
        }
    }
}

struct FieldDescriptor {
    /// `FieldDescriptorProto.Type` numbers.
    enum Kind: Int {
        case double = 1
        case float, int64, uint64, int32, fixed64, fixed32, bool, string, group, message, bytes, uint32
        case enumeration, sfixed32, sfixed64, sint32, sint64
    }

    var name = ""
    var number = 0
    var isRepeated = false
    var kind = Kind.int32
    /// The full name of a message or enum type, with a leading dot.
    var typeName = ""
    var oneofIndex: Int?
    var isProto3Optional = false

    init(_ bytes: ArraySlice<UInt8>) throws {
        var reader = WireReader(bytes)
        while let (number, value) = try reader.next() {
            switch number {
            case 1: name = value.string
            case 3: self.number = value.integer
            case 4: isRepeated = value.integer == 3
            case 5: kind = Kind(rawValue: value.integer) ?? .group
            case 6: typeName = value.string
            case 9: oneofIndex = value.integer
            case 17: isProto3Optional = value.integer != 0
            default: break
            }
        }
    }
}

struct ServiceDescriptor {
    var name = ""
    var methods: [MethodDescriptor] = []

    init(_ bytes: ArraySlice<UInt8>) throws {
        var reader = WireReader(bytes)
        while let (number, value) = try reader.next() {
            switch number {
            case 1: name = value.string
            case 2: methods.append(try MethodDescriptor(value.slice))
            default: break
            }
        }
    }
}

struct MethodDescriptor {
    var name = ""
    var inputType = ""
    var outputType = ""
    var clientStreaming = false
    var serverStreaming = false

    init(_ bytes: ArraySlice<UInt8>) throws {
        var reader = WireReader(bytes)
        while let (number, value) = try reader.next() {
            switch number {
            case 1: name = value.string
            case 2: inputType = value.string
            case 3: outputType = value.string
            case 5: clientStreaming = value.integer != 0
            case 6: serverStreaming = value.integer != 0
            default: break
            }
        }
    }
}

/// Reads a `FileDescriptorSet`.
func readDescriptorSet(_ bytes: [UInt8]) throws -> [FileDescriptor] {
    var reader = WireReader(bytes[...])
    var files: [FileDescriptor] = []
    while let (number, value) = try reader.next() {
        if number == 1 { files.append(try FileDescriptor(value.slice)) }
    }
    return files
}
