public import JiefenWire

/// `jiefen.v1.Value`: one typed value of a case detail or an event argument.
public enum APIValue: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case integer(Int64)
    /// Money in fen.
    case moneyFen(Int64)
    /// Area in hundredths of a mu.
    case areaCentimu(Int64)
    /// An exact decimal as text.
    case decimal(String)
    /// A civil date, YYYY-MM-DD.
    case date(String)
    /// Unix seconds.
    case timestamp(Int64)
    case flag(Bool)
    /// An enumeration value.
    case choice(String)
    case list([APIValue])
    /// No member set (an empty `Value` on the wire).
    case unset

    /// Reads a `jiefen.v1.Value`.
    public init(proto: ProtoMessage) {
        if case .string(let v) = proto[1] { self = .text(v); return }
        if case .int(let v) = proto[2] { self = .integer(v); return }
        if case .int(let v) = proto[3] { self = .moneyFen(v); return }
        if case .int(let v) = proto[4] { self = .areaCentimu(v); return }
        if case .string(let v) = proto[5] { self = .decimal(v); return }
        if case .string(let v) = proto[6] { self = .date(v); return }
        if case .int(let v) = proto[7] { self = .timestamp(v); return }
        if case .bool(let v) = proto[8] { self = .flag(v); return }
        if case .string(let v) = proto[9] { self = .choice(v); return }
        if let list = proto.message(10) { self = .list(list.messages(1).map(APIValue.init(proto:))); return }
        self = .unset
    }

    /// The value as a `jiefen.v1.Value`.
    public var proto: ProtoMessage {
        switch self {
        case .text(let v): ProtoMessage([1: .string(v)])
        case .integer(let v): ProtoMessage([2: .int(v)])
        case .moneyFen(let v): ProtoMessage([3: .int(v)])
        case .areaCentimu(let v): ProtoMessage([4: .int(v)])
        case .decimal(let v): ProtoMessage([5: .string(v)])
        case .date(let v): ProtoMessage([6: .string(v)])
        case .timestamp(let v): ProtoMessage([7: .int(v)])
        case .flag(let v): ProtoMessage([8: .bool(v)])
        case .choice(let v): ProtoMessage([9: .string(v)])
        case .list(let items): ProtoMessage([10: .message(ProtoMessage([1: .list(items.map { .message($0.proto) })]))])
        case .unset: ProtoMessage()
        }
    }

    /// The value as a person would read it: yuan with two decimals, mu with two decimals, dates as written.
    public var description: String {
        switch self {
        case .text(let v), .decimal(let v), .date(let v), .choice(let v): v
        case .integer(let v), .timestamp(let v): String(v)
        case .moneyFen(let v): Self.twoDecimals(v) + " yuan"
        case .areaCentimu(let v): Self.twoDecimals(v) + " mu"
        case .flag(let v): v ? "yes" : "no"
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .unset: "(unset)"
        }
    }

    static func twoDecimals(_ hundredths: Int64) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// `jiefen.v1.Field`: a named value.
public struct APIField: APIMessage {
    public static let messageType = "jiefen.v1.Field"
    /// The attribute or argument name.
    public var name: String
    /// Its value.
    public var value: APIValue

    /// Creates a field.
    public init(_ name: String, _ value: APIValue) {
        self.name = name
        self.value = value
    }

    public init(proto: ProtoMessage) {
        name = proto.string(1)
        value = proto.message(2).map(APIValue.init(proto:)) ?? .unset
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, name)
        m[2] = .message(value.proto)
        return m
    }
}

/// `jiefen.v1.Person`: a person named on a case.
public struct APIPerson: APIMessage {
    public static let messageType = "jiefen.v1.Person"
    public var name: String
    /// Resident ID number, or "" when not given.
    public var idNumber: String
    /// Phone number, or "" when not given.
    public var phone: String

    /// Creates a person.
    public init(name: String, idNumber: String = "", phone: String = "") {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
    }

    public init(proto: ProtoMessage) {
        self.init(name: proto.string(1), idNumber: proto.string(2), phone: proto.string(3))
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, name)
        m.set(2, idNumber)
        m.set(3, phone)
        return m
    }
}
