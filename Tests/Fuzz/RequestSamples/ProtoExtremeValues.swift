import JiefenDomainTesting
public import JiefenWireTesting
public import NIOCore
import TTRPCWire

/// One request with a single numeric field set to an extreme value.
public struct ExtremeValueMutation: Sendable, CustomStringConvertible {
    /// Where the field is, e.g. `details[2].value.money_fen`.
    public var path: String
    /// The value put there.
    public var value: ProtoValue
    /// The whole request with that one change.
    public var message: ProtoMessage

    /// `path = value`.
    public var description: String { "\(path) = \(Self.describe(value))" }

    static func describe(_ value: ProtoValue) -> String {
        switch value {
        case .int(let v): String(v)
        case .uint(let v): String(v)
        case .double(let v): String(v)
        default: "\(value)"
        }
    }
}

/// Puts extreme values (the integers of JiefenDomainTesting's `ExtremeValues`, plus unsigned and floating-point
/// limits) into every numeric field of a message, one field at a time, walking the message type's
/// descriptor: every numeric field of the message itself (present or not), and the numeric fields of nested
/// messages that the message carries (a `oneof` keeps the member it has: its other members are left alone).
/// New fields are covered as soon as they are in `proto/`.
public enum ProtoExtremeValues {
    /// The values tried for a field of `kind`: 0, -1 and the limits of every integer width it can hold.
    public static func values(for kind: ProtoFieldInfo.Kind) -> [ProtoValue] {
        switch kind {
        case .int32, .enumeration:
            ExtremeValues.int64.filter { Int32(exactly: $0) != nil }.map(ProtoValue.int)
        case .int64:
            ExtremeValues.int64.map(ProtoValue.int)
        case .uint32:
            [0, UInt64(UInt32.max)].map(ProtoValue.uint)
        case .uint64:
            [0, UInt64(UInt32.max), UInt64.max].map(ProtoValue.uint)
        case .float:
            [0, -1, Double(Int32.min), Double(Int32.max), Double(Float.greatestFiniteMagnitude), .infinity, .nan]
                .map(ProtoValue.double)
        case .double:
            [
                0, -1, Double(Int32.min), Double(Int32.max), Double(Int64.min), Double(Int64.max),
                .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, .nan,
            ].map(ProtoValue.double)
        default:
            []
        }
    }

    /// Every single-field mutation of `message`, a message of type `messageType`.
    public static func mutations(of message: ProtoMessage, type messageType: String) throws -> [ExtremeValueMutation] {
        try mutations(of: message, codec: ProtoCodec(messageType: messageType), path: "")
    }

    /// Every single-field mutation of every sample in ``RequestSamples/all(caseID:sessionID:)``, each with a fresh
    /// `request_id` (where the request has one) so that creates are registered rather than answered from the log.
    public static func allRequests() throws -> [(sample: RequestSample, mutation: ExtremeValueMutation, payload: ByteBuffer)] {
        var result: [(sample: RequestSample, mutation: ExtremeValueMutation, payload: ByteBuffer)] = []
        for sample in RequestSamples.all() {
            let codec = try sample.codec
            let requestIDField = codec.fields.first { $0.name == "request_id" }?.number
            for (position, mutation) in try mutations(of: sample.message, type: sample.method.requestType).enumerated() {
                var request = mutation.message
                if let requestIDField { request[requestIDField] = .string("extreme-\(sample.name)-\(position)") }
                result.append((sample, mutation, try codec.encode(request)))
            }
        }
        return result
    }

    private static func mutations(of message: ProtoMessage, codec: ProtoCodec, path: String) throws -> [ExtremeValueMutation] {
        var result: [ExtremeValueMutation] = []
        for field in codec.fields {
            let name = path + field.name
            let extremes = values(for: field.kind)
            if !extremes.isEmpty {
                if field.isOneofMember && message[field.number] == nil { continue }
                for value in extremes {
                    var changed = message
                    changed[field.number] = field.isRepeated ? .list([value]) : value
                    result.append(ExtremeValueMutation(path: name, value: value, message: changed))
                }
            } else if case .message(let nestedType) = field.kind {
                let nestedCodec = try ProtoCodec(messageType: nestedType)
                if field.isRepeated {
                    let elements = message.list(field.number)
                    for (index, element) in elements.enumerated() {
                        guard case .message(let nested) = element else { continue }
                        for inner in try mutations(of: nested, codec: nestedCodec, path: "\(name)[\(index)].") {
                            var list = elements
                            list[index] = .message(inner.message)
                            var changed = message
                            changed[field.number] = .list(list)
                            result.append(ExtremeValueMutation(path: inner.path, value: inner.value, message: changed))
                        }
                    }
                } else if let nested = message.message(field.number) {
                    for inner in try mutations(of: nested, codec: nestedCodec, path: "\(name).") {
                        var changed = message
                        changed[field.number] = .message(inner.message)
                        result.append(ExtremeValueMutation(path: inner.path, value: inner.value, message: changed))
                    }
                }
            }
        }
        return result
    }
}
