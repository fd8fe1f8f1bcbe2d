/// Emits the Swift message types of one proto file: plain structs, no C.
struct MessageEmitter {
    let file: FileDescriptor
    let types: TypeTable

    func emit() throws -> String {
        var out = SourceWriter()
        out.line(SourceWriter.header(file.name))
        try out.block("extension \(Naming.swiftNamespace(file.package))") { out in
            for (index, message) in file.messages.enumerated() {
                if index > 0 { out.line() }
                try emit(message, path: [4, index], names: [message.name], into: &out)
            }
        }
        return out.text
    }

    private func emit(_ message: MessageDeclaration, path: [Int], names: [String], into out: inout SourceWriter) throws {
        let fullName = ([file.package] + names).joined(separator: ".")
        if message.isMapEntry { throw GeneratorError("\(fullName): map fields are not supported yet") }
        if message.enumCount > 0 { throw GeneratorError("\(fullName): enums are not supported yet") }
        out.doc(file.comments[path], fallback: "`\(fullName)`.")
        try out.block("public struct \(message.name): Sendable, Hashable") { out in
            var parameters: [String] = []
            var assignments: [String] = []
            var emittedOneofs: Set<Int> = []
            for (index, field) in message.fields.enumerated() {
                let fieldPath = path + [2, index]
                if field.isProto3Optional { throw GeneratorError("\(fullName).\(field.name): proto3 optional is not supported yet") }
                if let oneof = field.oneofIndex {
                    guard emittedOneofs.insert(oneof).inserted else { continue }
                    try emitOneof(message, oneof: oneof, path: path, into: &out)
                    let name = Naming.swiftProperty(message.oneofs[oneof])
                    parameters.append("\(Naming.escaped(name)): \(Naming.upperCamel(message.oneofs[oneof]))? = nil")
                    assignments.append("self.\(name) = \(Naming.escaped(name))")
                    continue
                }
                let name = Naming.swiftProperty(field.name)
                let type = try swiftType(field)
                let initial = defaultValue(field)
                if field.kind == .message && !field.isRepeated {
                    // A singular message field reads as its default when unset, as in swift-protobuf; `has…` tells
                    // whether it is set and `clear…()` unsets it. The optional storage is what goes on the wire.
                    let element = try swiftType(field, singular: true)
                    let upper = name.prefix(1).uppercased() + name.dropFirst()
                    out.doc(file.comments[fieldPath], fallback: "Field \(field.number), `\(field.name)`.")
                    out.line("///")
                    out.line("/// Reads as the default message when not set (see `has\(upper)`).")
                    out.block("public var \(Naming.escaped(name)): \(element)") { out in
                        out.line("get { _\(name) ?? \(element)() }")
                        out.line("set { _\(name) = newValue }")
                    }
                    out.line("/// Whether `\(field.name)` is set.")
                    out.line("public var has\(upper): Bool { _\(name) != nil }")
                    out.line("/// Unsets `\(field.name)`.")
                    out.line("public mutating func clear\(upper)() { _\(name) = nil }")
                    out.line("/// The storage of `\(field.name)`: `nil` when it is not set.")
                    out.line("var _\(name): \(type) = nil")
                    parameters.append("\(Naming.escaped(name)): \(type) = \(initial)")
                    assignments.append("self._\(name) = \(Naming.escaped(name))")
                    continue
                }
                out.doc(file.comments[fieldPath], fallback: "Field \(field.number), `\(field.name)`.")
                out.line("public var \(Naming.escaped(name)): \(type) = \(initial)")
                parameters.append("\(Naming.escaped(name)): \(type) = \(initial)")
                assignments.append("self.\(name) = \(Naming.escaped(name))")
            }
            out.line()
            out.line("/// Creates a message; fields not given have their proto3 defaults.")
            if parameters.isEmpty {
                out.line("public init() {}")
            } else {
                out.line("public init(")
                for (index, parameter) in parameters.enumerated() {
                    out.line("    \(parameter)\(index == parameters.count - 1 ? "" : ",")")
                }
                out.block(")") { out in for assignment in assignments { out.line(assignment) } }
            }
            for (index, nested) in message.nested.enumerated() {
                out.line()
                try emit(nested, path: path + [3, index], names: names + [nested.name], into: &out)
            }
        }
    }

    private func emitOneof(_ message: MessageDeclaration, oneof: Int, path: [Int], into out: inout SourceWriter) throws {
        let typeName = Naming.upperCamel(message.oneofs[oneof])
        let name = Naming.swiftProperty(message.oneofs[oneof])
        out.doc(file.comments[path + [8, oneof]], fallback: "The member of `oneof \(message.oneofs[oneof])` that is set.")
        try out.block("public enum \(typeName): Sendable, Hashable") { out in
            for (index, field) in message.fields.enumerated() where field.oneofIndex == oneof {
                out.doc(file.comments[path + [2, index]], fallback: "Field \(field.number), `\(field.name)`.")
                // Only message members may recurse (a message holding itself); they alone pay for a box.
                let indirect = field.kind == .message ? "indirect " : ""
                out.line("\(indirect)case \(Naming.escaped(Naming.swiftProperty(field.name)))(\(try swiftType(field, singular: true)))")
            }
        }
        out.line("/// The member of `oneof \(message.oneofs[oneof])` that is set, or `nil` when none is.")
        out.line("public var \(Naming.escaped(name)): \(typeName)? = nil")
    }

    func swiftType(_ field: FieldDescriptor, singular: Bool = false) throws -> String {
        let element: String
        switch field.kind {
        case .double: element = "Double"
        case .float: element = "Float"
        case .int64, .sint64, .sfixed64: element = "Int64"
        case .uint64, .fixed64: element = "UInt64"
        case .int32, .sint32, .sfixed32: element = "Int32"
        case .uint32, .fixed32: element = "UInt32"
        case .bool: element = "Bool"
        case .string: element = "String"
        case .bytes: element = "[UInt8]"
        case .message: element = try types.entry(field.typeName).swiftName
        case .enumeration, .group: throw GeneratorError("field \(field.name): \(field.kind) fields are not supported yet")
        }
        if field.isRepeated && !singular { return "[\(element)]" }
        if field.kind == .message && !singular { return element + "?" }
        return element
    }

    private func defaultValue(_ field: FieldDescriptor) -> String {
        if field.isRepeated { return "[]" }
        switch field.kind {
        case .string: return "\"\""
        case .bytes: return "[]"
        case .bool: return "false"
        case .message: return "nil"
        default: return "0"
        }
    }
}
