/// An amount of money in integer fen (分; 100 fen = 1 yuan). Never floating point.
///
/// ```swift
/// let paid = Money(yuan: 480_000)          // 48,000,000 fen
/// paid.formattedYuan                       // "480000.00"
/// let total = try paid.adding(rent, field: "replanting_cost")   // throws instead of overflowing
/// ```
///
/// The operators `+` and `-` and ``init(yuan:)`` are for in-range values (constants, tests, amounts already
/// bounded by ``detailLimit``): they saturate at the `Int64` bounds instead of trapping. Calculations on request
/// input use ``init(yuan:field:)``, ``adding(_:field:)`` and ``subtracting(_:field:)``, which throw.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in fen.
    public var fen: Int64

    /// Creates an amount from fen.
    public init(fen: Int64) {
        self.fen = fen
    }

    /// Creates an amount from whole yuan, for constants and tests: beyond ±92,233,720,368,547,758 yuan the
    /// amount saturates at the `Int64` bounds. Use ``init(yuan:field:)`` for input.
    public init(yuan: Int64) {
        self.fen = ExactArithmetic.saturatingProduct(yuan, 100)
    }

    /// Creates an amount from whole yuan.
    /// - Throws: invalidArgument naming `field` when `yuan × 100` does not fit in `Int64`.
    public init(yuan: Int64, field: String) throws(DomainError) {
        let (fen, overflow) = yuan.multipliedReportingOverflow(by: 100)
        guard !overflow else { throw ExactArithmetic.outOfRange(field: field, "\(yuan) yuan is out of range") }
        self.fen = fen
    }

    /// Zero.
    public static let zero = Money(fen: 0)

    /// The largest amount a detail attribute of type ``AttributeType/money`` may hold: 10^15 fen
    /// (10,000,000,000,000.00 yuan). Sums and products of a few such amounts stay far inside `Int64`/`Int128`.
    public static let detailLimit = Money(fen: 1_000_000_000_000_000)

    /// `self + other`.
    /// - Throws: invalidArgument naming `field` (the attribute whose amount was added) on overflow.
    public func adding(_ other: Money, field: String) throws(DomainError) -> Money {
        Money(fen: try ExactArithmetic.sum(fen, other.fen, field: field))
    }

    /// `self − other`.
    /// - Throws: invalidArgument naming `field` (the attribute whose amount was subtracted) on overflow.
    public func subtracting(_ other: Money, field: String) throws(DomainError) -> Money {
        Money(fen: try ExactArithmetic.difference(fen, other.fen, field: field))
    }

    /// The amount as yuan text with two decimals, e.g. `"35904.00"` or `"-0.50"`.
    public var formattedYuan: String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// The amount with its unit, e.g. `"35904.00 yuan"`.
    public var description: String { "\(formattedYuan) yuan" }

    /// Orders amounts by value.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    /// Adds two amounts; for in-range values only (saturates at the `Int64` bounds). Input uses ``adding(_:field:)``.
    public static func + (lhs: Money, rhs: Money) -> Money {
        Money(fen: ExactArithmetic.saturatingSum(lhs.fen, rhs.fen))
    }
    /// Subtracts two amounts; for in-range values only (saturates at the `Int64` bounds). Input uses
    /// ``subtracting(_:field:)``.
    public static func - (lhs: Money, rhs: Money) -> Money {
        Money(fen: ExactArithmetic.saturatingDifference(lhs.fen, rhs.fen))
    }
}

/// An area in hundredths of a mu (亩; 1 mu ≈ 666.67 m²): 186.5 mu is `AreaMu(hundredths: 18_650)`.
public struct AreaMu: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The area in hundredths of a mu.
    public var hundredths: Int64

    /// Creates an area from hundredths of a mu.
    public init(hundredths: Int64) {
        self.hundredths = hundredths
    }

    /// Creates an area from whole mu, for constants and tests: out-of-range values saturate at the `Int64`
    /// bounds. Use ``init(mu:field:)`` for input.
    public init(mu: Int64) {
        self.hundredths = ExactArithmetic.saturatingProduct(mu, 100)
    }

    /// Creates an area from whole mu.
    /// - Throws: invalidArgument naming `field` when `mu × 100` does not fit in `Int64`.
    public init(mu: Int64, field: String) throws(DomainError) {
        let (hundredths, overflow) = mu.multipliedReportingOverflow(by: 100)
        guard !overflow else { throw ExactArithmetic.outOfRange(field: field, "\(mu) mu is out of range") }
        self.hundredths = hundredths
    }

    /// The largest area a detail attribute of type ``AttributeType/area`` may hold: 1,000,000 mu (about 667 km²,
    /// several times a township).
    public static let detailLimit = AreaMu(hundredths: 100_000_000)

    /// The area as mu text with two decimals, e.g. `"186.50"`.
    public var formattedMu: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let rest = magnitude % 100
        return "\(sign)\(magnitude / 100).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// The area with its unit, e.g. `"186.50 mu"`.
    public var description: String { "\(formattedMu) mu" }

    /// Orders areas by size.
    public static func < (lhs: AreaMu, rhs: AreaMu) -> Bool { lhs.hundredths < rhs.hundredths }
}
