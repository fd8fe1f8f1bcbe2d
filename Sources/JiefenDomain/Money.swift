/// An amount of money in integer fen (分; 100 fen = 1 yuan). Never floating point.
///
/// ```swift
/// let paid = Money(yuan: 480_000)          // 48,000,000 fen
/// paid.formattedYuan                       // "480000.00"
/// ```
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in fen.
    public var fen: Int64

    /// Creates an amount from fen.
    public init(fen: Int64) {
        self.fen = fen
    }

    /// Creates an amount from whole yuan.
    public init(yuan: Int64) {
        self.fen = yuan * 100
    }

    /// Zero.
    public static let zero = Money(fen: 0)

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
    /// Adds two amounts.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    /// Subtracts two amounts.
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
}

/// An area in hundredths of a mu (亩; 1 mu ≈ 666.67 m²): 186.5 mu is `AreaMu(hundredths: 18_650)`.
public struct AreaMu: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The area in hundredths of a mu.
    public var hundredths: Int64

    /// Creates an area from hundredths of a mu.
    public init(hundredths: Int64) {
        self.hundredths = hundredths
    }

    /// Creates an area from whole mu.
    public init(mu: Int64) {
        self.hundredths = mu * 100
    }

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
