public import JiefenDomain

/// The upper bounds of `housing-delivery` numbers, chosen so the calculations cannot overflow on valid details
/// and far above any real contract.
public enum HousingDeliveryLimits {
    /// `paid_amount` and `total_price`: at most 1,000,000,000 yuan (10^11 fen) for one household's unit.
    public static let maximumAmount = Money(yuan: 1_000_000_000)
    /// `comparable_rent_per_month`: at most 10,000,000 yuan (10^9 fen) a month.
    public static let maximumMonthlyRent = Money(yuan: 10_000_000)
    /// `units_sold`, `households_affected`, `households_represented`: at most 1,000,000.
    public static let maximumCount: Int64 = 1_000_000
    /// `grace_days` and `title_certificate_days`: at most 3,650 days (ten years).
    public static let maximumTermDays: Int64 = 3_650
    /// `rescission_after_days`: at most 36,500 days (a hundred years).
    public static let maximumRescissionDays: Int64 = 36_500

    /// The money bounds, checked by ``HousingDeliveryValidation``.
    public static let money = DetailUpperBounds(money: [
        "paid_amount": maximumAmount, "total_price": maximumAmount, "comparable_rent_per_month": maximumMonthlyRent,
    ])
}
