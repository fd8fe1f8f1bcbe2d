/// One typed value in a case's kind-specific details. Clients render and edit values from the kind's
/// ``DetailSchema`` without knowing the kind.
public enum DetailValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Free text.
    case text(String)
    /// A whole number (counts, days, kilograms).
    case integer(Int64)
    /// Money in fen.
    case money(Money)
    /// Area in hundredths of a mu.
    case area(AreaMu)
    /// An exact decimal (rates, ratios).
    case decimal(FixedDecimal)
    /// A calendar date.
    case date(CivilDate)
    /// An instant.
    case timestamp(Timestamp)
    /// Yes or no.
    case bool(Bool)
    /// One of the attribute's allowed values.
    case enumeration(String)
    /// A list of values of one element type.
    case list([DetailValue])

    /// The type name used in messages, e.g. `money`.
    public var typeName: String {
        switch self {
        case .text: "text"
        case .integer: "integer"
        case .money: "money"
        case .area: "area"
        case .decimal: "decimal"
        case .date: "date"
        case .timestamp: "timestamp"
        case .bool: "bool"
        case .enumeration: "enum"
        case .list: "list"
        }
    }

    /// A readable rendering, e.g. `480000.00 yuan`, `2020-12-31`, `[deliver, penalty]`.
    public var description: String {
        switch self {
        case .text(let s): s
        case .integer(let i): String(i)
        case .money(let m): m.description
        case .area(let a): a.description
        case .decimal(let d): d.description
        case .date(let d): d.description
        case .timestamp(let t): t.description
        case .bool(let b): b ? "true" : "false"
        case .enumeration(let e): e
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }
}

/// A case's kind-specific details: attribute name → typed value, with typed accessors.
///
/// ```swift
/// let details: Details = ["paid_amount": .money(Money(yuan: 480_000)), "grace_days": .integer(0)]
/// details.money("paid_amount")    // Money(fen: 48_000_000)
/// ```
public struct Details: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// The values by attribute name.
    public var values: [String: DetailValue]

    /// Creates details from a dictionary.
    public init(_ values: [String: DetailValue] = [:]) {
        self.values = values
    }

    /// Creates details from a literal.
    public init(dictionaryLiteral elements: (String, DetailValue)...) {
        self.values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The value for `name`, or `nil`.
    public subscript(name: String) -> DetailValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// The attribute names in ascending order.
    public var names: [String] { values.keys.sorted() }

    /// These details with `other`'s values added or replacing existing ones.
    public func merging(_ other: Details) -> Details {
        Details(values.merging(other.values, uniquingKeysWith: { _, new in new }))
    }

    /// The text value of `name`, if it is text (empty text counts as absent).
    public func text(_ name: String) -> String? {
        if case .text(let s)? = values[name], !s.trimmingWhitespace().isEmpty { return s }
        return nil
    }
    /// The integer value of `name`, if it is an integer.
    public func integer(_ name: String) -> Int64? {
        if case .integer(let v)? = values[name] { return v }
        return nil
    }
    /// The money value of `name`, if it is money.
    public func money(_ name: String) -> Money? {
        if case .money(let v)? = values[name] { return v }
        return nil
    }
    /// The area value of `name`, if it is an area.
    public func area(_ name: String) -> AreaMu? {
        if case .area(let v)? = values[name] { return v }
        return nil
    }
    /// The decimal value of `name`, if it is a decimal.
    public func decimal(_ name: String) -> FixedDecimal? {
        if case .decimal(let v)? = values[name] { return v }
        return nil
    }
    /// The date value of `name`, if it is a date.
    public func date(_ name: String) -> CivilDate? {
        if case .date(let v)? = values[name] { return v }
        return nil
    }
    /// The timestamp value of `name`, if it is a timestamp.
    public func timestamp(_ name: String) -> Timestamp? {
        if case .timestamp(let v)? = values[name] { return v }
        return nil
    }
    /// The bool value of `name`, if it is a bool.
    public func bool(_ name: String) -> Bool? {
        if case .bool(let v)? = values[name] { return v }
        return nil
    }
    /// The enum value of `name`, if it is an enum value.
    public func enumeration(_ name: String) -> String? {
        if case .enumeration(let v)? = values[name] { return v }
        return nil
    }
    /// The list value of `name`, if it is a list.
    public func list(_ name: String) -> [DetailValue]? {
        if case .list(let v)? = values[name] { return v }
        return nil
    }
}
