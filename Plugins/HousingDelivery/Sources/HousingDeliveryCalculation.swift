public import JiefenDomain

/// The money figures of a housing-delivery case (domain.md B.1). Integer fen throughout, one rounding per figure.
///
/// Computed only from details that pass ``HousingDeliveryValidation``: with its bounds (amounts at most
/// ``HousingDeliveryLimits/maximumAmount``, rent at most ``HousingDeliveryLimits/maximumMonthlyRent``, daily rate at
/// most 1, delay at most the 3,652,058 days between 0001-01-01 and 9999-12-31) no figure can overflow; the
/// arithmetic is checked anyway and throws naming the attribute.
public struct HousingDeliveryCalculation: Sendable, Hashable {
    /// Days of delay after the contract date and grace period (start day not counted), never negative.
    public var delayDays: Int
    /// The agreed penalty: base × daily rate × delay days; `nil` without an agreed rate.
    public var agreedPenalty: Money?
    /// Damages on the comparable-rent basis (monthly rent × 12 / 365 per day of delay); `nil` without a rent.
    public var rentBasedDamages: Money?

    /// Computes the figures from `details` as of `today` (delivery start, when it has happened, ends the delay).
    /// - Throws: invalidArgument listing every violation of ``HousingDeliveryValidation`` when `details` are not
    ///   valid, so no figure is computed from values the plugin refuses.
    public init(details: Details, today: CivilDate) throws(DomainError) {
        try HousingDeliveryValidation.requireValid(details)
        try self.init(validated: details, today: today)
    }

    /// Computes the figures from details that already passed ``HousingDeliveryValidation``.
    init(validated details: Details, today: CivilDate) throws(DomainError) {
        delayDays = try Self.delayDays(details: details, today: today)
        if let rate = details.decimal("penalty_rate_per_day"), let base = Self.penaltyBase(details) {
            agreedPenalty = Money(
                fen: try ExactArithmetic.product(
                    [base.fen, rate.units, Int64(delayDays)],
                    decimals: rate.validScale, field: "penalty_rate_per_day"))
        }
        if let rent = details.money("comparable_rent_per_month") {
            rentBasedDamages = Money(
                fen: try ExactArithmetic.product(
                    [rent.fen, 12, Int64(delayDays)], dividedBy: 365,
                    field: "comparable_rent_per_month"))
        }
    }

    /// `max(0, min(delivery start, today) − contract date − grace days)`.
    /// - Throws: invalidArgument naming `grace_days` if the subtraction overflows (it cannot for a validated
    ///   `grace_days` of 0...3650).
    public static func delayDays(details: Details, today: CivilDate) throws(DomainError) -> Int {
        guard let contractDate = details.date("contract_delivery_date") else { return 0 }
        let end = min(details.date("delivery_start_date") ?? today, today)
        let grace = Int(clamping: details.integer("grace_days") ?? 0)
        return max(0, try ExactArithmetic.difference(contractDate.days(until: end), grace, field: "grace_days"))
    }

    /// The amount the penalty rate applies to: paid amount (default) or total price.
    public static func penaltyBase(_ details: Details) -> Money? {
        details.enumeration("penalty_base") == "total_price" ? details.money("total_price") : details.money("paid_amount")
    }
}
