/// How protoc-c and the generator name things: C structs and functions as protoc-c 1.4 does, Swift names in Swift
/// style (`village_code` → `villageCode`, `request_id` → `requestID`).
enum Naming {
    /// `jiefen.v1` → `JiefenV1`: the Swift namespace of a package.
    static func swiftNamespace(_ package: String) -> String {
        package.split(separator: ".").map { upperCamel(String($0)) }.joined()
    }

    /// `jiefen.v1` + `Case` → `Jiefen__V1__Case` (protoc-c's `FullNameToC`).
    static func cStruct(package: String, path: [String]) -> String {
        (package.split(separator: ".").map { upperCamel(String($0)) } + path).joined(separator: "__")
    }

    /// `jiefen.v1` + `JiefenV1.CreateCaseRequest` → `jiefen__v1__create_case_request` (protoc-c's `FullNameToLower`).
    static func cFunctionPrefix(package: String, path: [String]) -> String {
        (package.split(separator: ".").map(String.init) + path.map(camelToLower)).joined(separator: "__")
    }

    /// protoc-c's `CamelToLower`: an underscore before each upper-case letter that follows a non-upper one.
    static func camelToLower(_ name: String) -> String {
        var result = ""
        var wasUpper = true
        for character in name {
            if character.isUppercase {
                if !wasUpper { result += "_" }
                result += character.lowercased()
                wasUpper = true
            } else {
                result.append(character)
                wasUpper = false
            }
        }
        return result
    }

    /// protoc-c's `ToCamel`: `health_v1` → `HealthV1`.
    static func upperCamel(_ name: String) -> String {
        name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A field's member name in the C struct: C and C++ keywords get a trailing underscore.
    static func cField(_ name: String) -> String {
        cKeywords.contains(name) ? name + "_" : name
    }

    /// `village_code` → `villageCode`; `id` parts after the first are `ID` (`case_ids` → `caseIDs`).
    static func swiftProperty(_ name: String) -> String {
        let parts = name.split(separator: "_").map(String.init)
        guard let first = parts.first else { return name }
        return first
            + parts.dropFirst().map { part in
                switch part {
                case "id": "ID"
                case "ids": "IDs"
                default: part.prefix(1).uppercased() + part.dropFirst()
                }
            }.joined()
    }

    /// `name` in backticks when Swift reserves it.
    static func escaped(_ name: String) -> String {
        swiftKeywords.contains(name) ? "`\(name)`" : name
    }

    static let cKeywords: Set<String> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "int", "long", "register", "return", "short", "signed", "sizeof", "static",
        "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "class", "delete", "new",
        "namespace", "template", "this", "throw", "try", "catch", "private", "public", "protected", "virtual",
        "operator", "friend", "inline", "bool", "true", "false",
    ]

    static let swiftKeywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "Any",
        "catch", "false", "is", "nil", "super", "self", "Self", "throw", "throws", "true", "try", "package",
    ]
}
