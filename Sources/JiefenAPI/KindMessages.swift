public import JiefenWire

/// The `jiefen.v1.Kinds` service and its methods.
public enum KindsAPI {
    public static let service = "jiefen.v1.Kinds"
    public static let list = "ListKinds"
    public static let describe = "DescribeKind"
}

/// `jiefen.v1.Attribute`: one detail attribute of a dispute kind.
public struct APIAttribute: APIMessage {
    public static let messageType = "jiefen.v1.Attribute"
    public var name = ""
    /// text, integer, money, area, decimal, date, timestamp, bool, enum or list.
    public var type = ""
    public var unit = ""
    public var required = false
    public var description = ""
    public var allowedValues: [String] = []
    /// For lists, the element type.
    public var elementType = ""
    /// The value identifies a person; lists show it masked.
    public var personal = false

    public init() {}

    public init(proto m: ProtoMessage) {
        name = m.string(1)
        type = m.string(2)
        unit = m.string(3)
        required = m.bool(4)
        description = m.string(5)
        allowedValues = m.strings(6)
        elementType = m.string(7)
        personal = m.bool(8)
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, name)
        m.set(2, type)
        m.set(3, unit)
        m.set(4, required)
        m.set(5, description)
        m.set(6, allowedValues)
        m.set(7, elementType)
        m.set(8, personal)
        return m
    }
}

/// `jiefen.v1.KindSchema`: a dispute kind and the schema of its details.
public struct APIKindSchema: APIMessage {
    public static let messageType = "jiefen.v1.KindSchema"
    public var kind = ""
    public var title = ""
    public var version = ""
    public var attributes: [APIAttribute] = []
    public var sampleDetails: [APIField] = []

    public init() {}

    public init(proto m: ProtoMessage) {
        kind = m.string(1)
        title = m.string(2)
        version = m.string(3)
        attributes = m.messages(4, as: APIAttribute.self)
        sampleDetails = m.messages(5, as: APIField.self)
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, kind)
        m.set(2, title)
        m.set(3, version)
        m.set(4, attributes)
        m.set(5, sampleDetails)
        return m
    }
}

/// `jiefen.v1.ListKindsResponse`.
public struct ListKindsResponse: APIMessage {
    public static let messageType = "jiefen.v1.ListKindsResponse"
    public var kinds: [APIKindSchema]

    public init(kinds: [APIKindSchema]) { self.kinds = kinds }
    public init(proto m: ProtoMessage) { self.init(kinds: m.messages(1, as: APIKindSchema.self)) }
    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, kinds)
        return m
    }
}

/// `jiefen.v1.DescribeKindRequest`.
public struct DescribeKindRequest: APIMessage {
    public static let messageType = "jiefen.v1.DescribeKindRequest"
    public var kind: String

    public init(kind: String) { self.kind = kind }
    public init(proto m: ProtoMessage) { self.init(kind: m.string(1)) }
    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, kind)
        return m
    }
}
