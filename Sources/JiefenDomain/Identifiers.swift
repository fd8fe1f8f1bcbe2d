/// A case identifier, e.g. `JF-2022-000123`. Opaque to the domain.
public struct CaseID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier text.
    public var rawValue: String
    /// Creates an identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates an identifier from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The identifier text.
    public var description: String { rawValue }
    /// Orders identifiers by their text.
    public static func < (lhs: CaseID, rhs: CaseID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A dispute kind, owned by one plugin: `housing-delivery`, `land-lease-arrears`, `agricultural-claim`, ….
///
/// Kinds are lowercase ASCII words joined by hyphens; see ``isWellFormed``.
public struct DisputeKind: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The kind text.
    public var rawValue: String
    /// Creates a kind.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates a kind from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The kind text.
    public var description: String { rawValue }
    /// Orders kinds by their text.
    public static func < (lhs: DisputeKind, rhs: DisputeKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `true` when the kind is 1–64 characters of `a-z`, `0-9` and single inner hyphens.
    public var isWellFormed: Bool {
        let scalars = rawValue.unicodeScalars
        guard (1...64).contains(scalars.count), scalars.first != "-", scalars.last != "-",
            !rawValue.contains("--")
        else { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// A village (or residents' group) code from the administrative division list.
public struct VillageCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code text.
    public var rawValue: String
    /// Creates a code.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates a code from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The code text.
    public var description: String { rawValue }
    /// Orders codes by their text.
    public static func < (lhs: VillageCode, rhs: VillageCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An identifier for a contact (one visit batch or one call, letter or online item).
public struct ContactID: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The identifier text.
    public var rawValue: String
    /// Creates an identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates an identifier from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The identifier text.
    public var description: String { rawValue }
}

/// An identifier for a joint meeting (信访工作联席会议) or a village-reception session.
public struct MeetingID: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The identifier text.
    public var rawValue: String
    /// Creates an identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates an identifier from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The identifier text.
    public var description: String { rawValue }
}
