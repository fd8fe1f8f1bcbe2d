/// Emits, for each message of one proto file, the code that reads and writes its protobuf-c struct directly:
/// decoding after TTRPCWire's budgeted, pre-scanned unpack, encoding into an `EncodeArena`.
struct CodecEmitter {
    let file: FileDescriptor
    let types: TypeTable

    func emit() throws -> String {
        var out = SourceWriter()
        out.line(SourceWriter.header(file.name))
        out.line("package import CJiefenProto")
        out.line("import CProtobufC")
        out.line("public import TTRPCWire")
        out.line("public import NIOCore")
        var all: [(MessageDeclaration, [String])] = []
        func collect(_ message: MessageDeclaration, _ names: [String]) {
            all.append((message, names))
            for nested in message.nested { collect(nested, names + [nested.name]) }
        }
        for message in file.messages { collect(message, [message.name]) }
        for (message, names) in all {
            out.line()
            try emit(message, names: names, into: &out)
        }
        return out.text
    }

    private func emit(_ message: MessageDeclaration, names: [String], into out: inout SourceWriter) throws {
        let entry = try types.entry("." + ([file.package] + names).joined(separator: "."))
        let cType = entry.cStruct
        out.block("extension \(entry.swiftName): GeneratedMessage") { out in
            out.line("/// `\(entry.fullName)`.")
            out.line("public static let protoName = \"\(entry.fullName)\"")
            out.line()
            out.line("/// Decodes the message with protobuf-c, under the memory budget, the nesting limit and the string checks.")
            out.line("/// - Throws: ``WireError`` on malformed bytes, too deep nesting, invalid UTF-8, NUL in a string or an")
            out.line("///   exhausted budget.")
            out.block("public init(decoding buffer: ByteBuffer) throws(WireError)") { out in
                out.line("self = try Self.decodeProtobufC(buffer)")
            }
            out.line()
            out.line("/// Encodes the message with protobuf-c and appends it to `buffer`.")
            out.line("/// - Throws: ``WireError`` `embeddedNUL` when a string holds NUL.")
            out.block("public func encode(into buffer: inout ByteBuffer) throws(WireError)") { out in
                out.line("try encodeProtobufC(into: &buffer)")
            }
        }
        out.line()
        try out.block("extension \(entry.swiftName): ProtobufCBacked") { out in
            out.line("package static let protobufCDescriptor = MessageDescriptor.named(\"\(entry.fullName)\")")
            out.line()
            let decodeSignature = "package init(protobufC message: UnsafePointer<\(cType)>) throws(WireError)"
            try out.block(decodeSignature) { out in
                out.line("self.init()")
                if !message.fields.isEmpty { out.line("let c = message.pointee") }
                try decode(message, fullName: entry.fullName, into: &out)
            }
            out.line()
            let fillSignature = "package func fill(protobufC c: UnsafeMutablePointer<\(cType)>, arena: inout EncodeArena) throws(WireError)"
            try out.block(fillSignature) { out in
                out.line("\(entry.cPrefix)__init(c)")
                try encode(message, entry: entry, into: &out)
            }
        }
    }

    // MARK: Decoding

    private func decode(_ message: MessageDeclaration, fullName: String, into out: inout SourceWriter) throws {
        var doneOneofs: Set<Int> = []
        for field in message.fields {
            let label = "\"\(fullName).\(field.name)\""
            let c = "c.\(Naming.cField(field.name))"
            let name = "self.\(Naming.swiftProperty(field.name))"
            if let oneof = field.oneofIndex {
                guard doneOneofs.insert(oneof).inserted else { continue }
                let oneofName = message.oneofs[oneof]
                try out.switchBlock("switch c.\(Naming.cField(oneofName))_case.rawValue") { out in
                    for member in message.fields where member.oneofIndex == oneof {
                        let memberLabel = "\"\(fullName).\(member.name)\""
                        let memberC = "c.\(Naming.cField(member.name))"
                        let swiftCase = Naming.escaped(Naming.swiftProperty(member.name))
                        out.line("case \(member.number):")
                        if member.kind == .message {
                            let type = try types.entry(member.typeName).swiftName
                            out.line(
                                "    if let nested = \(memberC) { self.\(Naming.swiftProperty(oneofName)) = .\(swiftCase)(try \(type)(protobufC: nested)) }"
                            )
                        } else {
                            out.line(
                                "    self.\(Naming.swiftProperty(oneofName)) = .\(swiftCase)(\(try scalar(member, memberC, label: memberLabel)))"
                            )
                        }
                    }
                    out.line("default:")
                    out.line("    break")
                }
                continue
            }
            if field.isRepeated {
                let count = "c.n_\(field.name)"
                switch field.kind {
                case .double, .float, .int64, .sint64, .sfixed64, .uint64, .fixed64, .int32, .sint32, .sfixed32, .uint32, .fixed32:
                    out.line("\(name) = Array(UnsafeBufferPointer(start: \(c), count: \(count)))")
                case .message:
                    let type = try types.entry(field.typeName).swiftName
                    out.line("\(name).reserveCapacity(\(count))")
                    out.block("for index in 0..<\(count)") { out in
                        out.line("if let nested = \(c)[index] { \(name).append(try \(type)(protobufC: nested)) }")
                    }
                default:
                    out.line("\(name).reserveCapacity(\(count))")
                    try out.block("for index in 0..<\(count)") { out in
                        out.line("\(name).append(\(try scalar(field, "\(c)[index]", label: label)))")
                    }
                }
            } else if field.kind == .message {
                let type = try types.entry(field.typeName).swiftName
                out.line("if let nested = \(c) { self._\(Naming.swiftProperty(field.name)) = try \(type)(protobufC: nested) }")
            } else {
                out.line("\(name) = \(try scalar(field, c, label: label))")
            }
        }
    }

    /// The Swift expression reading one non-message value from the C expression `c`.
    private func scalar(_ field: FieldDescriptor, _ c: String, label: String) throws -> String {
        switch field.kind {
        case .string: "try ValidatedCString.read(\(c), field: \(label))"
        case .bytes: "[UInt8](binaryData: \(c))"
        case .bool: "\(c) != 0"
        case .message, .enumeration, .group: throw GeneratorError("field \(field.name) is not a scalar")
        default: c
        }
    }

    // MARK: Encoding

    private func encode(_ message: MessageDeclaration, entry: TypeTable.Entry, into out: inout SourceWriter) throws {
        var doneOneofs: Set<Int> = []
        for field in message.fields {
            let label = "\"\(entry.fullName).\(field.name)\""
            let c = "c.pointee.\(Naming.cField(field.name))"
            let value = Naming.escaped(Naming.swiftProperty(field.name))
            if let oneof = field.oneofIndex {
                guard doneOneofs.insert(oneof).inserted else { continue }
                let oneofName = message.oneofs[oneof]
                try out.switchBlock("switch \(Naming.escaped(Naming.swiftProperty(oneofName)))") { out in
                    for member in message.fields where member.oneofIndex == oneof {
                        let memberC = "c.pointee.\(Naming.cField(member.name))"
                        out.line("case .\(Naming.escaped(Naming.swiftProperty(member.name)))(let value)?:")
                        out.line("    c.pointee.\(Naming.cField(oneofName))_case = .init(rawValue: \(member.number))")
                        // A oneof member is written even when it holds its type's default: its presence is the value.
                        out.line(
                            "    \(memberC) = \(try cValue(member, "value", label: "\"\(entry.fullName).\(member.name)\"", always: true))")
                    }
                    out.line("case nil:")
                    out.line("    break")
                }
                continue
            }
            if field.isRepeated {
                let elementType: String
                switch field.kind {
                case .string: elementType = "UnsafeMutablePointer<CChar>?"
                case .message: elementType = "UnsafeMutablePointer<\(try types.entry(field.typeName).cStruct)>?"
                case .bytes: elementType = "ProtobufCBinaryData"
                case .bool: elementType = "Int32"
                default: elementType = try MessageEmitter(file: file, types: types).swiftType(field, singular: true)
                }
                try out.block("if !\(value).isEmpty") { out in
                    out.line("let array = arena.allocate(\(elementType).self, count: \(value).count)")
                    try out.block("for (index, element) in \(value).enumerated()") { out in
                        out.line("(array + index).initialize(to: \(try cValue(field, "element", label: label, always: true)))")
                    }
                    out.line("c.pointee.n_\(field.name) = \(value).count")
                    out.line("\(c) = array")
                }
            } else if field.kind == .message {
                out.line("if let _\(Naming.swiftProperty(field.name)) { \(c) = try arena.message(_\(Naming.swiftProperty(field.name))) }")
            } else {
                switch field.kind {
                case .string: out.line("if !\(value).isEmpty { \(c) = \(try cValue(field, value, label: label, always: true)) }")
                case .bytes: out.line("if !\(value).isEmpty { \(c) = \(try cValue(field, value, label: label, always: true)) }")
                default: out.line("\(c) = \(try cValue(field, value, label: label, always: true))")
                }
            }
        }
    }

    /// The expression converting the Swift value `value` to its C representation.
    private func cValue(_ field: FieldDescriptor, _ value: String, label: String, always: Bool) throws -> String {
        switch field.kind {
        case .string: "try arena.cString(\(value), field: \(label))"
        case .bytes: "arena.binaryData(\(value))"
        case .bool: "\(value) ? 1 : 0"
        case .message: "try arena.message(\(value))"
        case .enumeration, .group: throw GeneratorError("field \(field.name) has an unsupported type")
        default: value
        }
    }
}
