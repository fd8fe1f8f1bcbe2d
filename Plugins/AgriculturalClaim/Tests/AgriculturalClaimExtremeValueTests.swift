import AgriculturalClaimPlugin
import JiefenDomain
import JiefenDomainTesting
import Testing

/// Every numeric attribute at 0, -1 and the Int32/Int64 bounds: validation names the attribute or accepts the
/// value; assess, decide and the calculation then either succeed or throw the same violations, never trap.
@Suite("Agricultural claim at extreme values")
struct AgriculturalClaimExtremeValueTests {
    let plugin = AgriculturalClaimPlugin()
    let context = FixedClock(date: "2022-07-12").context()

    @Test("each numeric attribute at each extreme", arguments: ExtremeValues.variants(of: AgriculturalClaimSchema.schema))
    func extremes(variant: ExtremeValues.Variant) throws {
        var details = AgriculturalClaimSchema.sample.merging(variant.details)
        if variant.attribute == "seed_purchase_price" { // only seed claims use it
            details = details.merging([
                "subtype": .enumeration("seed_quality"), "product_name": .text("seed"),
                "batch_no": .text("B1"), "dealer_license": .text("D1"),
            ])
        }
        let violations = plugin.validate(details, context: context)
        if variant.isOutermost { #expect(violations.contains { $0.field == variant.attribute }) }
        let state = try CaseBuilder(kind: "agricultural-claim", track: .dispute, on: "2022-07-12", details: details).state()
        let assessError = domainError { try plugin.assess(state, context: context) }
        let calcError = domainError { try AgriculturalClaimCalculation(details: details) }
        let mediation = CaseEvent(sequence: 2, actor: Fixture.clerk, at: Fixture.at("2022-07-12", 10), payload: .mediationStarted)
        let decideError = domainError { try plugin.decide(mediation, on: state, context: context) }
        #expect(
            refuseAsValidationDoes([assessError, calcError, decideError], violations: violations),
            "assess: \(String(describing: assessError)); calculation: \(String(describing: calcError)); decide: \(String(describing: decideError))"
        )
    }

    @Test("every bound at its maximum: the loss is exact, 5 × 10^14 fen")
    func maximaDoNotOverflow() throws {
        let details = AgriculturalClaimSchema.sample.merging([
            "subtype": .enumeration("seed_quality"), "product_name": .text("seed"), "batch_no": .text("B1"),
            "dealer_license": .text("D1"),
            "plot_area_mu": .area(AreaMu.detailLimit), "affected_area_mu": .area(AreaMu.detailLimit),
            "expected_yield_kg_per_mu": .integer(AgriculturalClaimLimits.maximumYieldKgPerMu),
            "price_per_kg": .money(AgriculturalClaimLimits.maximumPricePerKg),
            "loss_ratio": .decimal(FixedDecimal(units: 10_000, scale: 4)),
            "replanting_cost": .money(Money.detailLimit), "seed_purchase_price": .money(Money.detailLimit),
            "salvage_value": .money(.zero),
        ])
        #expect(plugin.validate(details, context: context).isEmpty)
        let calc = try AgriculturalClaimCalculation(details: details)
        #expect(calc.cropLoss == Money(fen: 500_000_000_000_000))
        #expect(calc.totalLoss == Money(fen: 1_500_000_000_000_000))
        #expect(calc.seedCompensation == Money(fen: 2_500_000_000_000_000))
    }
}
