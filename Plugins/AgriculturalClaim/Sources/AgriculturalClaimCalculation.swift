public import JiefenDomain

/// The crop loss of an agricultural claim (domain.md B.3):
/// `affected mu × expected kg/mu × price/kg × loss ratio + replanting cost − salvage`, in integer fen, rounded once.
///
/// Computed only from details that pass ``AgriculturalClaimValidation``; within ``AgriculturalClaimLimits`` no
/// figure can overflow, and the arithmetic is checked anyway (throwing naming the attribute).
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
    /// - Throws: invalidArgument listing every violation of ``AgriculturalClaimValidation`` when `details` are not
    ///   valid, so no figure is computed from values the plugin refuses.
    public init(details: Details) throws(DomainError) {
        try AgriculturalClaimValidation.requireValid(details)
        try self.init(validated: details)
    }

    /// Computes the figures from details that passed the schema and ``AgriculturalClaimLimits`` (the cross-field
    /// rules need not hold: ``AgriculturalClaimValidation`` uses it to check `salvage_value`).
    init(validated details: Details) throws(DomainError) {
        if let area = details.area("affected_area_mu"), let yield = details.integer("expected_yield_kg_per_mu"),
            let price = details.money("price_per_kg"), let ratio = details.decimal("loss_ratio")
        {
            let decimals = 2 + ratio.validScale // hundredths of a mu, then the ratio's decimals
            cropLoss = Money(
                fen: try ExactArithmetic.product(
                    [area.hundredths, yield, price.fen, ratio.units],
                    decimals: decimals, field: "affected_area_mu"))
        }
        if let loss = cropLoss {
            let replanting = details.money("replanting_cost") ?? .zero
            let salvage = details.money("salvage_value") ?? .zero
            let total = try loss.adding(replanting, field: "replanting_cost").subtracting(salvage, field: "salvage_value")
            totalLoss = Money(fen: max(0, total.fen))
            if details.enumeration("subtype") == "seed_quality", let seed = details.money("seed_purchase_price") {
                seedCompensation = try seed.adding(totalLoss ?? loss, field: "seed_purchase_price")
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
