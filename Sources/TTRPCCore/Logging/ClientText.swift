public import Logging

/// Text that came from a client, made safe to put in a log line.
///
/// A client chooses the actor name, the event type, the request id and the strings that error messages quote. Put
/// into a log as they are, a newline or a carriage return would let a client write a line of its own, one that
/// looks like an audit line. ``ClientText`` cuts the text to ``maximumBytes`` UTF-8 bytes (at a character
/// boundary, marked with `…`) and escapes every control character, backslash, double quote and the Unicode line
/// and paragraph separators and direction overrides, as `\n`, `\u{202E}` and so on.
///
/// ```swift
/// logger.notice("audit: personal data revealed", metadata: ["actor": .client(actor)])
/// ```
public struct ClientText: Sendable, Hashable, CustomStringConvertible {
    /// The most UTF-8 bytes of client text a log line keeps.
    public static let maximumBytes = 200

    /// The escaped, truncated text.
    public let description: String

    /// Makes `raw` safe to log.
    public init(_ raw: some StringProtocol) {
        var out = ""
        var bytes = 0
        for scalar in raw.unicodeScalars {
            let escaped = Self.escape(scalar)
            let size = escaped.utf8.count
            guard bytes + size <= Self.maximumBytes else {
                out += "…"
                break
            }
            bytes += size
            out += escaped
        }
        description = out
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\\": return "\\\\"
        case "\"": return "\\\""
        default: break
        }
        let value = scalar.value
        let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
        let isSeparatorOrOverride =
            value == 0x2028 || value == 0x2029 || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0xFEFF
        guard isControl || isSeparatorOrOverride else { return String(scalar) }
        return "\\u{" + String(value, radix: 16, uppercase: true) + "}"
    }
}

extension Logger.MetadataValue {
    /// Client-supplied text, truncated and escaped (see ``ClientText``).
    public static func client(_ text: some StringProtocol) -> Logger.MetadataValue {
        .stringConvertible(ClientText(text))
    }
}
