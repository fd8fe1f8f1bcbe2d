/// Exact integer arithmetic for money, area and day calculations: products in 128 bits, one rounding at the end,
/// and overflow-reporting variants that throw a ``DomainError`` naming the field whose value caused the overflow.
///
/// ```swift
/// let fee = try ExactArithmetic.product([arrears.fen, rate.units], decimals: rate.scale, field: "late_fee_daily_rate")
/// let total = try ExactArithmetic.sum(a.fen, b.fen, field: "replanting_cost")
/// ```
public enum ExactArithmetic {
    /// `numerator / denominator` rounded half away from zero; `nil` when `denominator` is 0 or the result
    /// does not fit in `Int64`.
    public static func divideRounded(_ numerator: Int128, by denominator: Int128) -> Int64? {
        guard denominator != 0 else { return nil }
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude
        let d = denominator.magnitude
        var q = n / d
        // n % d < d ≤ 2^127, so doubling it fits in UInt128; q + 1 ≤ n fits too.
        if (n % d) * 2 >= d { q += 1 }
        guard q <= UInt128(Int64.max) else { return nil }
        return negative ? -Int64(q) : Int64(q)
    }

    /// Multiplies `factors` and divides by `10^decimals × divisor`, rounding once (half away from zero).
    /// Returns `nil` on overflow beyond 128 bits, a result beyond `Int64`, a zero divisor, or `decimals` outside 0...38.
    public static func product(_ factors: [Int64], dividedBy divisor: Int64 = 1, decimals: Int = 0) -> Int64? {
        guard (0...38).contains(decimals) else { return nil }
        var acc: Int128 = 1
        for f in factors {
            let (v, o) = acc.multipliedReportingOverflow(by: Int128(f))
            if o { return nil }
            acc = v
        }
        var den = Int128(divisor)
        for _ in 0..<decimals {
            let (v, o) = den.multipliedReportingOverflow(by: 10)
            if o { return nil }
            den = v
        }
        return divideRounded(acc, by: den)
    }

    /// ``product(_:dividedBy:decimals:)`` that throws instead of answering `nil`.
    /// - Throws: invalidArgument naming `field` when the result does not fit in `Int64` (or the divisor is 0).
    public static func product(
        _ factors: [Int64], dividedBy divisor: Int64 = 1, decimals: Int = 0,
        field: String
    ) throws(DomainError) -> Int64 {
        guard let result = product(factors, dividedBy: divisor, decimals: decimals) else {
            throw outOfRange(
                field: field,
                "the result of " + factors.map(String.init).joined(separator: " × ")
                    + (divisor != 1 ? " ÷ \(divisor)" : "") + (decimals > 0 ? " ÷ 10^\(decimals)" : "")
                    + " is out of range")
        }
        return result
    }

    /// `a + b`, or an invalidArgument error naming `field` on overflow.
    public static func sum<T: FixedWidthInteger>(_ a: T, _ b: T, field: String) throws(DomainError) -> T {
        let (v, o) = a.addingReportingOverflow(b)
        if o { throw outOfRange(field: field, "\(a) + \(b) is out of range") }
        return v
    }

    /// `a − b`, or an invalidArgument error naming `field` on overflow.
    public static func difference<T: FixedWidthInteger>(_ a: T, _ b: T, field: String) throws(DomainError) -> T {
        let (v, o) = a.subtractingReportingOverflow(b)
        if o { throw outOfRange(field: field, "\(a) − \(b) is out of range") }
        return v
    }

    /// `a × b`, or an invalidArgument error naming `field` on overflow.
    public static func product<T: FixedWidthInteger>(_ a: T, _ b: T, field: String) throws(DomainError) -> T {
        let (v, o) = a.multipliedReportingOverflow(by: b)
        if o { throw outOfRange(field: field, "\(a) × \(b) is out of range") }
        return v
    }

    /// `a + b`, clamped to the type's bounds instead of trapping (for convenience APIs on in-range values).
    public static func saturatingSum<T: FixedWidthInteger>(_ a: T, _ b: T) -> T {
        let (v, o) = a.addingReportingOverflow(b)
        guard o else { return v }
        return b > 0 ? T.max : T.min
    }

    /// `a − b`, clamped to the type's bounds instead of trapping (for convenience APIs on in-range values).
    public static func saturatingDifference<T: FixedWidthInteger>(_ a: T, _ b: T) -> T {
        let (v, o) = a.subtractingReportingOverflow(b)
        guard o else { return v }
        return b < 0 ? T.max : T.min
    }

    /// `a × b`, clamped to the type's bounds instead of trapping (for convenience APIs on in-range values).
    public static func saturatingProduct<T: FixedWidthInteger>(_ a: T, _ b: T) -> T {
        let (v, o) = a.multipliedReportingOverflow(by: b)
        guard o else { return v }
        return (a < 0) != (b < 0) ? T.min : T.max
    }

    /// The invalid-argument error for a value out of range: `field: <detail>`.
    public static func outOfRange(field: String, _ detail: String) -> DomainError {
        .invalidArgument(field: field, detail)
    }
}
