public import JiefenDomain

/// The integers every numeric input is tried with, and every numeric detail attribute of a schema set to each of
/// them, for tests that prove extreme input answers a ``DomainError`` and never traps.
///
/// ```swift
/// @Test(arguments: ExtremeValues.variants(of: HousingDeliverySchema.schema))
/// func extremes(variant: ExtremeValues.Variant) throws {
///     let details = HousingDeliverySchema.sample.merging(variant.details)
///     …
/// }
/// ```
public enum ExtremeValues {
    /// 0, -1, Int32.min, Int32.max, Int64.min, Int64.max.
    public static let int64: [Int64] = [0, -1, Int64(Int32.min), Int64(Int32.max), .min, .max]
    /// The same values as `Int` (a 64-bit platform).
    public static let int: [Int] = int64.map { Int($0) }

    /// One numeric attribute set to one extreme value.
    public struct Variant: Sendable, Hashable, CustomStringConvertible {
        /// The attribute name.
        public var attribute: String
        /// The extreme integer used (fen, hundredths of a mu, units of the decimal, or the integer itself).
        public var raw: Int64
        /// The typed value.
        public var value: DetailValue

        /// `true` for Int64.min and Int64.max, which no money, area, count, day count or rate may hold.
        public var isOutermost: Bool { raw == .min || raw == .max }

        /// The details change setting the attribute.
        public var details: Details { [attribute: value] }

        /// `attribute = raw`.
        public var description: String { "\(attribute) = \(raw)" }
    }

    /// Every integer, money, area and decimal attribute of `schema` (including list elements' attribute names)
    /// with every value of ``int64``; decimals use the attribute's scale.
    public static func variants(of schema: DetailSchema) -> [Variant] {
        schema.attributes.flatMap { spec -> [Variant] in
            int64.compactMap { raw -> Variant? in
                guard let value = value(raw, for: spec.type) else { return nil }
                return Variant(attribute: spec.name, raw: raw, value: value)
            }
        }
    }

    private static func value(_ raw: Int64, for type: AttributeType) -> DetailValue? {
        switch type {
        case .integer: .integer(raw)
        case .money: .money(Money(fen: raw))
        case .area: .area(AreaMu(hundredths: raw))
        case .decimal(let scale, _, _): .decimal(FixedDecimal(units: raw, scale: scale))
        default: nil
        }
    }
}
