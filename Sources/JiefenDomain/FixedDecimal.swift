/// An exact decimal number: `units × 10^-scale` (0.0001 is `FixedDecimal(units: 1, scale: 4)`).
///
/// Used for rates and ratios (a daily penalty rate, a loss ratio) so no calculation touches floating point.
public struct FixedDecimal: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The integer value in units of `10^-scale`.
    public var units: Int64
    /// The number of decimal places, 0...18.
    public var scale: Int

    /// Creates `units × 10^-scale`; `scale` is clamped to 0...18.
    public init(units: Int64, scale: Int) {
        self.units = units
        self.scale = min(max(scale, 0), 18)
    }

    /// Parses plain decimal text such as `"0.0001"`, `"1"` or `"-2.50"`; `nil` for anything else.
    public init?(_ text: String) {
        var body = Substring(text)
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.count <= 18,
            let value = Int64(parts[0] + fraction)
        else { return nil }
        self.init(units: negative ? -value : value, scale: fraction.count)
    }

    /// Decodes `units` and `scale`, refusing a scale outside 0...18 (stored or sent data is not trusted).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let units = try container.decode(Int64.self, forKey: .units)
        let scale = try container.decode(Int.self, forKey: .scale)
        guard (0...18).contains(scale) else {
            throw DecodingError.dataCorruptedError(
                forKey: .scale, in: container,
                debugDescription: "scale \(scale) is outside 0...18")
        }
        self.init(units: units, scale: scale)
    }

    private enum CodingKeys: String, CodingKey {
        case units, scale
    }

    /// The value rescaled to `target` decimal places, truncating extra digits; `nil` on overflow or when `target`
    /// is outside 0...18.
    public func units(atScale target: Int) -> Int64? {
        guard (0...18).contains(target) else { return nil }
        let scale = validScale
        if target == scale { return units }
        if target > scale {
            let (v, o) = units.multipliedReportingOverflow(by: FixedDecimal.powerOfTen(target - scale))
            return o ? nil : v
        }
        return units / FixedDecimal.powerOfTen(scale - target)
    }

    /// Plain decimal text, e.g. `"0.0001"`.
    public var description: String {
        let scale = validScale
        guard scale > 0 else { return String(units) }
        let sign = units < 0 ? "-" : ""
        let digits = String(units.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<split] + "." + padded[split...]
    }

    /// Compares values exactly, whatever their scales.
    public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool {
        let s = max(lhs.validScale, rhs.validScale)
        let l = Int128(lhs.units) * Int128(powerOfTen(s - lhs.validScale))
        let r = Int128(rhs.units) * Int128(powerOfTen(s - rhs.validScale))
        return l < r
    }

    /// ``scale`` clamped to 0...18: the stored property is settable, so arithmetic never uses it unchecked.
    public var validScale: Int { min(max(scale, 0), 18) }

    /// 10^exponent for exponent 0...18.
    static func powerOfTen(_ exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<max(0, min(exponent, 18)) { result *= 10 }
        return result
    }
}
