extension JiefenV1.Field {
    /// A named value: `Field("households_affected", .integer(126))`.
    public init(_ name: String, _ kind: JiefenV1.Value.Kind?) {
        self.init(name: name, value: JiefenV1.Value(kind: kind))
    }
}

extension JiefenV1.Value: CustomStringConvertible {
    /// The value as a person would read it: yuan with two decimals, mu with two decimals, dates as written,
    /// `(unset)` when no member is set.
    public var description: String {
        switch kind {
        case .text(let v), .decimal(let v), .date(let v), .choice(let v): v
        case .integer(let v), .timestamp(let v): String(v)
        case .moneyFen(let v): Self.twoDecimals(v) + " yuan"
        case .areaCentimu(let v): Self.twoDecimals(v) + " mu"
        case .flag(let v): v ? "yes" : "no"
        case .list(let list): "[" + list.items.map(\.description).joined(separator: ", ") + "]"
        case nil: "(unset)"
        }
    }

    static func twoDecimals(_ hundredths: Int64) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension JiefenV1.Value.Kind {
    /// A list value from its members' kinds.
    public static func list(of items: [JiefenV1.Value.Kind]) -> Self {
        .list(JiefenV1.ValueList(items: items.map { JiefenV1.Value(kind: $0) }))
    }
}
