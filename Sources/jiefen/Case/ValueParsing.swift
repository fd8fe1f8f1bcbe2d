import ArgumentParser
import Foundation
import JiefenAPI

/// Turns text from flags or JSON into typed values, guided by a kind's schema.
enum ValueParsing {
    /// Parses `text` as a value of `attribute`'s type: money in yuan ("480000" or "480000.50"), area in mu
    /// ("186.5"), dates YYYY-MM-DD, bools yes/no/true/false, lists comma-separated.
    static func value(_ text: String, for attribute: JiefenV1.Attribute) throws -> JiefenV1.Value.Kind {
        try value(text, type: attribute.type, allowed: attribute.allowedValues, elementType: attribute.elementType, name: attribute.name)
    }

    private static func value(_ text: String, type: String, allowed: [String], elementType: String, name: String) throws
        -> JiefenV1.Value.Kind
    {
        func fail(_ what: String) -> ValidationError { ValidationError("detail \(name): \"\(text)\" is not \(what)") }
        switch type {
        case "text": return .text(text)
        case "integer":
            guard let v = Int64(text) else { throw fail("an integer") }
            return .integer(v)
        case "money":
            guard let v = hundredths(text) else { throw fail("an amount in yuan such as 480000 or 480000.50") }
            return .moneyFen(v)
        case "area":
            guard let v = hundredths(text) else { throw fail("an area in mu such as 186.5") }
            return .areaCentimu(v)
        case "decimal": return .decimal(text)
        case "date": return .date(text)
        case "timestamp":
            guard let v = Int64(text) else { throw fail("Unix seconds") }
            return .timestamp(v)
        case "bool":
            switch text.lowercased() {
            case "yes", "true", "1": return .flag(true)
            case "no", "false", "0": return .flag(false)
            default: throw fail("yes or no")
            }
        case "enum":
            guard allowed.isEmpty || allowed.contains(text) else { throw fail("one of \(allowed.joined(separator: ", "))") }
            return .choice(text)
        case "list":
            let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return .list(of: try items.map { try value($0, type: elementType, allowed: allowed, elementType: "", name: name) })
        default:
            return .text(text)
        }
    }

    /// "186.5" → 18650; at most two decimals.
    static func hundredths(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]), whole >= 0 else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let f = Int64(parts[1]) else { return nil }
            fraction = parts[1].count == 1 ? f * 10 : f
        }
        return whole * 100 + fraction
    }

    /// An event argument from `name=value`: dates, integers and everything else as text.
    static func argument(_ text: String) throws -> JiefenV1.Field {
        guard let equals = text.firstIndex(of: "=") else { throw ValidationError("--arg: \"\(text)\" must be NAME=VALUE") }
        let name = String(text[..<equals])
        let raw = String(text[text.index(after: equals)...])
        if raw.count == 10, raw.split(separator: "-").count == 3 { return JiefenV1.Field(name, .date(raw)) }
        if let integer = Int64(raw) { return JiefenV1.Field(name, .integer(integer)) }
        return JiefenV1.Field(name, .text(raw))
    }
}
