public import JiefenAPI
public import JiefenDomain

extension JiefenV1.Value {
    /// A domain detail value as it goes on the wire (money in fen, areas in hundredths of a mu, dates as text).
    public init(_ value: DetailValue) {
        self = ValueMapping.api(value)
    }
}

/// Converts between domain detail values and the wire's `jiefen.v1.Value`.
enum ValueMapping {
    /// A domain value as it goes on the wire.
    static func api(_ value: DetailValue) -> JiefenV1.Value {
        JiefenV1.Value(kind: kind(value))
    }

    static func kind(_ value: DetailValue) -> JiefenV1.Value.Kind {
        switch value {
        case .text(let v): .text(v)
        case .integer(let v): .integer(v)
        case .money(let v): .moneyFen(v.fen)
        case .area(let v): .areaCentimu(v.hundredths)
        case .decimal(let v): .decimal(v.description)
        case .date(let v): .date(v.description)
        case .timestamp(let v): .timestamp(v.secondsSinceEpoch)
        case .bool(let v): .flag(v)
        case .enumeration(let v): .choice(v)
        case .list(let items): .list(of: items.map(kind))
        }
    }

    /// A wire value as a domain value; `field` names it in the error.
    static func domain(_ value: JiefenV1.Value?, field: String) throws(DomainError) -> DetailValue {
        switch value?.kind {
        case .text(let v): return .text(v)
        case .integer(let v): return .integer(v)
        case .moneyFen(let v): return .money(Money(fen: v))
        case .areaCentimu(let v): return .area(AreaMu(hundredths: v))
        case .decimal(let v):
            guard let decimal = FixedDecimal(v) else {
                throw .invalidArgument(field: field, "\"\(v)\" is not a decimal number such as 0.0001")
            }
            return .decimal(decimal)
        case .date(let v):
            guard let date = CivilDate(iso: v) else {
                throw .invalidArgument(field: field, "\"\(v)\" is not a date in the form YYYY-MM-DD")
            }
            return .date(date)
        case .timestamp(let v): return .timestamp(Timestamp(secondsSinceEpoch: v))
        case .flag(let v): return .bool(v)
        case .choice(let v): return .enumeration(v)
        case .list(let list):
            var values: [DetailValue] = []
            for (index, item) in list.items.enumerated() { values.append(try domain(item, field: "\(field)[\(index)]")) }
            return .list(values)
        case nil:
            throw .invalidArgument(field: field, "a value is required (the Value message has no member set)")
        }
    }

    /// Wire fields as domain details; a repeated name is refused.
    static func details(_ fields: [JiefenV1.Field], prefix: String = "details") throws(DomainError) -> Details {
        var details = Details()
        var violations: [FieldViolation] = []
        for field in fields {
            let name = "\(prefix).\(field.name)"
            if details[field.name] != nil {
                violations.append(FieldViolation(field: name, message: "given more than once"))
                continue
            }
            do {
                details.values[field.name] = try domain(field.value, field: name)
            } catch {
                violations += error.violations.isEmpty ? [FieldViolation(field: name, message: error.message)] : error.violations
            }
        }
        guard violations.isEmpty else { throw .invalidArgument(violations) }
        return details
    }

    /// Domain details as wire fields, sorted by name.
    static func fields(_ details: Details) -> [JiefenV1.Field] {
        details.names.compactMap { name in details.values[name].map { JiefenV1.Field(name: name, value: api($0)) } }
    }

    /// A schema attribute as the wire describes it.
    static func attribute(_ spec: AttributeSpec) -> JiefenV1.Attribute {
        var attribute = JiefenV1.Attribute()
        attribute.name = spec.name
        attribute.unit = spec.unit ?? ""
        attribute.required = spec.isRequired
        attribute.description = spec.description
        attribute.personal = spec.isPersonal
        (attribute.type, attribute.allowedValues, attribute.elementType) = describe(spec.type)
        return attribute
    }

    private static func describe(_ type: AttributeType) -> (String, [String], String) {
        switch type {
        case .text: ("text", [], "")
        case .integer: ("integer", [], "")
        case .money: ("money", [], "")
        case .area: ("area", [], "")
        case .decimal: ("decimal", [], "")
        case .date: ("date", [], "")
        case .timestamp: ("timestamp", [], "")
        case .bool: ("bool", [], "")
        case .enumeration(let values): ("enum", values, "")
        case .list(let element, _):
            ("list", describe(element).1, describe(element).0)
        }
    }

    /// A plugin's kind and schema as the wire describes it.
    static func kindSchema(_ descriptor: KindDescriptor) -> JiefenV1.KindSchema {
        var schema = JiefenV1.KindSchema()
        schema.kind = descriptor.kind.rawValue
        schema.title = descriptor.title
        schema.version = descriptor.version
        schema.attributes = descriptor.schema.attributes.map(attribute)
        schema.sampleDetails = fields(descriptor.sampleDetails)
        return schema
    }
}
