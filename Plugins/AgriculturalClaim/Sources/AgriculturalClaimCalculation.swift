public import JiefenDomain

/// The crop loss of an agricultural claim (domain.md B.3):
/// `affected mu × expected kg/mu × price/kg × loss ratio + replanting cost − salvage`, in integer fen, rounded once.
public struct AgriculturalClaimCalculation: Sendable, Hashable {
    /// The crop loss, or `nil` when yield, price or loss ratio is missing.
    public var cropLoss: Money?
    /// The loss including replanting cost and minus salvage (never negative).
    public var totalLoss: Money?
    /// For seed claims: purchase price + lost expected profit (the crop loss) + other losses (Seed Law Art. 45).
    public var seedCompensation: Money?
    /// The damage class of the loss ratio.
    public var damageClass: DamageClass?

    /// Computes the figures from `details`.
    public init(details: Details) {
        if let area = details.area("affected_area_mu"), let yield = details.integer("expected_yield_kg_per_mu"),
           let price = details.money("price_per_kg"), let ratio = details.decimal("loss_ratio") {
            let decimals = 2 + ratio.scale   // hundredths of a mu, then the ratio's decimals
            cropLoss = ExactArithmetic.product([area.hundredths, yield, price.fen, ratio.units], decimals: decimals)
                .map(Money.init(fen:))
        }
        if let loss = cropLoss {
            let extra = (details.money("replanting_cost") ?? .zero) - (details.money("salvage_value") ?? .zero)
            totalLoss = Money(fen: max(0, (loss + extra).fen))
            if details.enumeration("subtype") == "seed_quality", let seed = details.money("seed_purchase_price") {
                seedCompensation = seed + (totalLoss ?? loss)
            }
        }
        damageClass = details.decimal("loss_ratio").map(DamageClass.init(lossRatio:))
    }

    /// Disaster-statistics classes: ≥ 10 % affected (受灾), ≥ 30 % disaster (成灾), ≥ 80 % total loss (绝收).
    public enum DamageClass: String, Sendable, Hashable, CaseIterable {
        /// Below 10 %.
        case minor
        /// 10 % or more (受灾).
        case affected
        /// 30 % or more (成灾).
        case disaster
        /// 80 % or more (绝收).
        case totalLoss = "total_loss"

        /// The class of `lossRatio` (0…1).
        public init(lossRatio: FixedDecimal) {
            let percent = lossRatio.units(atScale: 2) ?? 0
            switch percent {
            case 80...: self = .totalLoss
            case 30..<80: self = .disaster
            case 10..<30: self = .affected
            default: self = .minor
            }
        }
    }
}
