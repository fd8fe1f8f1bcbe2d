import ArgumentParser
import Foundation
import JiefenAPI
import NIOCore
import TTRPCCore
import TTRPCWire

/// How `jiefen call` shows payloads.
enum PayloadFormatting {
    /// Decodes known responses, shows printable UTF-8 as text, anything else as hex.
    static func describe(_ payload: ByteBuffer, service: String, method: String, forceHex: Bool) -> String {
        if !forceHex {
            switch (service, method) {
            case ("grpc.health.v1.Health", "Check"):
                if let response = try? HealthCheckResponse(decoding: payload) { return "health: \(response.status)" }
            case (Server.listServices.service, Server.listServices.method):
                if let listing = try? JiefenV1.ListServicesResponse(decoding: payload) {
                    return listing.services.map { service in
                        ([service.name] + service.methods.map { "  \($0.name) (\($0.kind))" }).joined(separator: "\n")
                    }.joined(separator: "\n")
                }
            default:
                break
            }
            let bytes = Array(payload.readableBytesView)
            if let text = String(validating: bytes, as: UTF8.self),
                text.unicodeScalars.allSatisfy({ $0 == "\n" || $0 == "\t" || !$0.properties.generalCategory.isControl })
            {
                return "payload (\(bytes.count) bytes): \(text)"
            }
        }
        return "payload (\(payload.readableBytes) bytes, hex): \(hex(Array(payload.readableBytesView)))"
    }

    /// Lower-case hex of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads a `--data-file` payload.
    /// - Throws: `ValidationError` naming the file when it cannot be read.
    static func contents(ofFile path: String) throws -> ByteBuffer {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("--data-file: cannot read \(path)")
        }
        return ByteBuffer(bytes: data)
    }

    /// Parses `--metadata KEY=VALUE` entries (a value may itself contain `=`).
    /// - Throws: `ValidationError` naming the first entry without `=`.
    static func metadata(_ entries: [String]) throws -> [TTRPCKeyValue] {
        try entries.map { entry in
            guard let equals = entry.firstIndex(of: "=") else {
                throw ValidationError("--metadata: \"\(entry)\" must be KEY=VALUE")
            }
            return TTRPCKeyValue(key: String(entry[..<equals]), value: String(entry[entry.index(after: equals)...]))
        }
    }

    /// Parses hex digits (spaces ignored); `nil` when not an even count of hex digits.
    static func bytes(fromHex text: String) -> [UInt8]? {
        let digits = text.filter { !$0.isWhitespace }
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}

extension Unicode.GeneralCategory {
    /// Control, format, surrogate, private-use or unassigned: not shown as text.
    var isControl: Bool {
        switch self {
        case .control, .format, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }
}
