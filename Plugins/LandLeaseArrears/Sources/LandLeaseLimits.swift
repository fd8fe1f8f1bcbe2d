public import JiefenDomain

/// The upper bounds of `land-lease-arrears` numbers, chosen so rent × area × months × instalments cannot overflow
/// on valid details, and far above any real lease.
///
/// With these bounds one instalment is at most 10^8 fen/mu × 10^8 hundredths of a mu (``AreaMu/detailLimit``)
/// × 12 / 1,200 = 10^15 fen and the whole term at most 1,200 × 10^15 fen, inside `Int64`.
public enum LandLeaseLimits {
    /// `rent_per_mu_per_year`: at most 100,000 yuan (10^7 fen) per mu per year.
    public static let maximumRentPerMu = Money(yuan: 100_000)
    /// `grain_price_per_kg`: at most 100 yuan (10^4 fen) per kg.
    public static let maximumGrainPrice = Money(yuan: 100)
    /// `rent_in_kind_kg_per_mu`: at most 10,000 kg of grain per mu per year.
    public static let maximumRentInKindKg: Int64 = 10_000
    /// `payment_schedule`: at most 1,200 instalments (a hundred years of monthly rent).
    public static let maximumInstalments = 1_200

    /// The money bounds, checked by ``LandLeaseValidation``.
    public static let money = DetailUpperBounds(money: [
        "rent_per_mu_per_year": maximumRentPerMu, "grain_price_per_kg": maximumGrainPrice,
    ])
}
