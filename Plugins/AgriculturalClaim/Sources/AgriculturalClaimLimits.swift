public import JiefenDomain

/// The upper bounds of `agricultural-claim` numbers, chosen so the crop loss cannot overflow on valid details and
/// far above any real claim.
///
/// With these bounds the crop loss is at most 10^8 hundredths of a mu (``AreaMu/detailLimit``) × 5,000 kg/mu
/// × 10^5 fen/kg × 1 (loss ratio) = 5 × 10^14 fen; costs and prices are at most ``Money/detailLimit`` each.
public enum AgriculturalClaimLimits {
    /// `price_per_kg`: at most 1,000 yuan (10^5 fen) per kg.
    public static let maximumPricePerKg = Money(yuan: 1_000)
    /// `expected_yield_kg_per_mu`: at most 5,000 kg per mu.
    public static let maximumYieldKgPerMu: Int64 = 5_000
    /// `households_affected`: at most 1,000,000.
    public static let maximumHouseholds: Int64 = 1_000_000

    /// The money bounds, checked by ``AgriculturalClaimValidation``.
    public static let money = DetailUpperBounds(money: ["price_per_kg": maximumPricePerKg])
}
