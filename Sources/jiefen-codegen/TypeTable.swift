/// Every message type of the descriptor set, by full name with a leading dot (`.jiefen.v1.Case`).
struct TypeTable {
    struct Entry {
        /// `jiefen.v1.Case`.
        var fullName: String
        /// `JiefenV1.Case`.
        var swiftName: String
        /// `Jiefen__V1__Case`.
        var cStruct: String
        /// `jiefen__v1__case`.
        var cPrefix: String
    }

    private(set) var entries: [String: Entry] = [:]

    init(_ files: [FileDescriptor]) {
        for file in files {
            for message in file.messages { add(message, file: file, path: []) }
        }
    }

    private mutating func add(_ message: MessageDeclaration, file: FileDescriptor, path: [String]) {
        let path = path + [message.name]
        let fullName = ([file.package] + path).filter { !$0.isEmpty }.joined(separator: ".")
        entries["." + fullName] = Entry(
            fullName: fullName,
            swiftName: ([Naming.swiftNamespace(file.package)] + path).joined(separator: "."),
            cStruct: Naming.cStruct(package: file.package, path: path),
            cPrefix: Naming.cFunctionPrefix(package: file.package, path: path)
        )
        for nested in message.nested { add(nested, file: file, path: path) }
    }

    func entry(_ typeName: String) throws -> Entry {
        guard let entry = entries[typeName] else { throw GeneratorError("unknown message type \(typeName)") }
        return entry
    }
}

/// A reason the generator cannot generate code for a descriptor set.
struct GeneratorError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
