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
        if body.first == "-" { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.count <= 18,
              let value = Int64(parts[0] + fraction) else { return nil }
        self.init(units: negative ? -value : value, scale: fraction.count)
    }

    /// The value rescaled to `scale` decimal places, truncating extra digits; `nil` on overflow.
    public func units(atScale target: Int) -> Int64? {
        if target == scale { return units }
        if target > scale {
            let (v, o) = units.multipliedReportingOverflow(by: FixedDecimal.powerOfTen(target - scale))
            return o ? nil : v
        }
        return units / FixedDecimal.powerOfTen(scale - target)
    }

    /// Plain decimal text, e.g. `"0.0001"`.
    public var description: String {
        guard scale > 0 else { return String(units) }
        let sign = units < 0 ? "-" : ""
        let digits = String(units.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<split] + "." + padded[split...]
    }

    /// Compares values exactly, whatever their scales.
    public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool {
        let s = max(lhs.scale, rhs.scale)
        let l = Int128(lhs.units) * Int128(powerOfTen(s - lhs.scale))
        let r = Int128(rhs.units) * Int128(powerOfTen(s - rhs.scale))
        return l < r
    }

    /// 10^exponent for exponent 0...18.
    static func powerOfTen(_ exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<max(0, min(exponent, 18)) { result *= 10 }
        return result
    }
}

/// Exact integer arithmetic for money calculations: products in 128 bits, one rounding at the end.
public enum ExactArithmetic {
    /// `numerator / denominator` rounded half away from zero; `nil` when `denominator` is 0 or the result
    /// does not fit in `Int64`.
    public static func divideRounded(_ numerator: Int128, by denominator: Int128) -> Int64? {
        guard denominator != 0 else { return nil }
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude
        let d = denominator.magnitude
        var q = n / d
        if (n % d) * 2 >= d { q += 1 }
        guard q <= UInt128(Int64.max) else { return nil }
        return negative ? -Int64(q) : Int64(q)
    }

    /// Multiplies `factors` and divides by `10^decimals × divisor`, rounding once (half away from zero).
    /// Returns `nil` on overflow beyond 128 bits or a zero divisor.
    public static func product(_ factors: [Int64], dividedBy divisor: Int64 = 1, decimals: Int = 0) -> Int64? {
        var acc: Int128 = 1
        for f in factors {
            let (v, o) = acc.multipliedReportingOverflow(by: Int128(f))
            if o { return nil }
            acc = v
        }
        var den = Int128(divisor)
        for _ in 0..<max(0, decimals) {
            let (v, o) = den.multipliedReportingOverflow(by: 10)
            if o { return nil }
            den = v
        }
        return divideRounded(acc, by: den)
    }
}
