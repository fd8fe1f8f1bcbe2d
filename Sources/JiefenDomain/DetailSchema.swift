/// The typed attributes of a kind's details, so a client can render and check a form for any kind
/// (the `DescribeKind` RPC) without new code.
///
/// ```swift
/// let schema = DetailSchema([
///     AttributeSpec("paid_amount", .money, unit: "yuan", required: true, description: "Amount paid so far."),
///     AttributeSpec("demands", .list(of: .enumeration(["deliver", "penalty"]), minCount: 1), required: true,
///                   description: "What the buyers ask for."),
/// ])
/// ```
public struct DetailSchema: Sendable, Hashable, Codable {
    /// The attributes, in display order.
    public var attributes: [AttributeSpec]

    /// Creates a schema.
    public init(_ attributes: [AttributeSpec]) {
        self.attributes = attributes
    }

    /// The attribute named `name`.
    public subscript(name: String) -> AttributeSpec? {
        attributes.first { $0.name == name }
    }

    /// The names of required attributes.
    public var requiredNames: [String] { attributes.filter(\.isRequired).map(\.name) }
}

/// One attribute of a ``DetailSchema``.
public struct AttributeSpec: Sendable, Hashable, Codable {
    /// The attribute name, `snake_case`.
    public var name: String
    /// The value type.
    public var type: AttributeType
    /// The display unit, e.g. `yuan`, `mu`, `days`, `kg/mu`, `per day`; `nil` when unitless.
    public var unit: String?
    /// `true` when the attribute must be present.
    public var isRequired: Bool
    /// What the attribute means and where the value comes from.
    public var description: String
    /// `true` when the value identifies a person (a name, an ID number): lists and logs mask it (domain.md F).
    public var isPersonal: Bool

    /// Creates an attribute.
    public init(
        _ name: String, _ type: AttributeType, unit: String? = nil, required: Bool = false,
        personal: Bool = false, description: String
    ) {
        self.name = name
        self.type = type
        self.unit = unit
        self.isRequired = required
        self.isPersonal = personal
        self.description = description
    }
}

/// The type of an attribute. Money is stored in fen, areas in hundredths of a mu; nothing is floating point.
public indirect enum AttributeType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Free text, at most `maxLength` characters when set.
    case text(maxLength: Int? = nil)
    /// A whole number within the optional bounds.
    case integer(min: Int64? = nil, max: Int64? = nil)
    /// Money in fen, 0 to ``Money/detailLimit`` (10^15 fen); a plugin may bound it further in its validation.
    case money
    /// Area in hundredths of a mu, 0 to ``AreaMu/detailLimit`` (1,000,000 mu).
    case area
    /// An exact decimal with at most `scale` decimal places, within the optional bounds.
    case decimal(scale: Int, min: FixedDecimal? = nil, max: FixedDecimal? = nil)
    /// A calendar date.
    case date
    /// An instant.
    case timestamp
    /// Yes or no.
    case bool
    /// One of `allowed`.
    case enumeration([String])
    /// A list of `element` values with at least `minCount` items.
    case list(of: AttributeType, minCount: Int = 0)

    /// The type name, e.g. `money` or `list<enum>`.
    public var description: String {
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
        case .list(let element, _): "list<\(element)>"
        }
    }
}
