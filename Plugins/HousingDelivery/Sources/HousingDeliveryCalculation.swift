public import JiefenDomain

/// The money figures of a housing-delivery case (domain.md B.1). Integer fen throughout, one rounding per figure.
public struct HousingDeliveryCalculation: Sendable, Hashable {
    /// Days of delay after the contract date and grace period (start day not counted), never negative.
    public var delayDays: Int
    /// The agreed penalty: base × daily rate × delay days; `nil` without an agreed rate.
    public var agreedPenalty: Money?
    /// Damages on the comparable-rent basis (monthly rent × 12 / 365 per day of delay); `nil` without a rent.
    public var rentBasedDamages: Money?

    /// Computes the figures from `details` as of `today` (delivery start, when it has happened, ends the delay).
    public init(details: Details, today: CivilDate) {
        delayDays = Self.delayDays(details: details, today: today)
        if let rate = details.decimal("penalty_rate_per_day"), let base = Self.penaltyBase(details) {
            agreedPenalty = ExactArithmetic.product([base.fen, rate.units, Int64(delayDays)], decimals: rate.scale)
                .map(Money.init(fen:))
        }
        if let rent = details.money("comparable_rent_per_month") {
            rentBasedDamages = ExactArithmetic.product([rent.fen, 12, Int64(delayDays)], dividedBy: 365)
                .map(Money.init(fen:))
        }
    }

    /// `max(0, min(delivery start, today) − contract date − grace days)`.
    public static func delayDays(details: Details, today: CivilDate) -> Int {
        guard let contractDate = details.date("contract_delivery_date") else { return 0 }
        let end = min(details.date("delivery_start_date") ?? today, today)
        let grace = Int(clamping: details.integer("grace_days") ?? 0)
        return max(0, contractDate.days(until: end) - grace)
    }

    /// The amount the penalty rate applies to: paid amount (default) or total price.
    public static func penaltyBase(_ details: Details) -> Money? {
        details.enumeration("penalty_base") == "total_price" ? details.money("total_price") : details.money("paid_amount")
    }
}
