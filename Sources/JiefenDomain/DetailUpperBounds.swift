/// Tighter upper limits a plugin puts on some of its money attributes, on top of ``Money/detailLimit``, so that
/// its calculations (amount × rate × days, rent × area × months) cannot overflow on validated details.
///
/// ```swift
/// let bounds = DetailUpperBounds(money: ["paid_amount": Money(yuan: 1_000_000_000)])
/// violations += bounds.violations(details)   // "paid_amount: must be at most 1000000000.00 yuan, got …"
/// ```
public struct DetailUpperBounds: Sendable, Hashable {
    /// The largest amount each named money attribute may hold.
    public var money: [String: Money]

    /// Creates bounds.
    public init(money: [String: Money] = [:]) {
        self.money = money
    }

    /// One violation per attribute in `details` above its bound, in attribute-name order.
    public func violations(_ details: Details) -> [FieldViolation] {
        money.keys.sorted().compactMap { name in
            guard let limit = money[name], let value = details.money(name), value > limit else { return nil }
            return FieldViolation(field: name, message: "must be at most \(limit.formattedYuan) yuan, got \(value.formattedYuan)")
        }
    }
}
