import AgriculturalClaimPlugin
import JiefenDomain
import JiefenDomainTesting
import Testing

func assessClaim(_ details: Details, households: Int = 1) throws -> Assessment {
    var builder = CaseBuilder(
        kind: "agricultural-claim", track: .dispute, channel: .wechatGroup, on: "2022-07-12",
        details: details)
    builder.registration.householdsInvolved = households
    return try AgriculturalClaimPlugin().assess(try builder.state(), context: FixedClock(date: "2022-07-12").context())
}

private func ratio(_ text: String) -> DetailValue {
    .decimal(FixedDecimal(text) ?? FixedDecimal(units: 0, scale: 0))
}

private let severityRows: [(Details, Severity)] = [
    (Details(), Severity.p2),
    (["plot_area_mu": .area(AreaMu(mu: 60)), "affected_area_mu": .area(AreaMu(mu: 50))], .p1),
    (["plot_area_mu": .area(AreaMu(mu: 60)), "affected_area_mu": .area(AreaMu(hundredths: 4_999))], .p2),
    (["households_affected": .integer(10)], .p1),
    (["human_poisoning": .bool(true)], .p1),
    (["suspected_fake_product": .bool(true)], .p1),
]

/// The product label data a product claim needs to pass validation (and so to be assessed).
private let productLabel: Details = [
    "product_name": .text("Example herbicide 20 % EC"), "pesticide_reg_no": .text("PD20180001"),
    "batch_no": .text("B-2022-06"), "dealer_license": .text("NY-340181-017"),
]

private let adviceRows: [(String, Details)] = [
    ("appraisal_time_critical", productLabel.merging(["subtype": .enumeration("seed_quality")])),
    ("claim_producer_or_dealer", productLabel.merging(["subtype": .enumeration("pesticide_damage")])),
    ("yield_outside_band", ["expected_yield_kg_per_mu": .integer(1_500)]),
    ("price_outside_band", ["price_per_kg": .money(Money(yuan: 30))]),
    ("enforcement_referral", ["suspected_fake_product": .bool(true)]),
]

@Suite("Agricultural claim plugin")
struct AgriculturalClaimPluginTests {
    let plugin = AgriculturalClaimPlugin()

    @Test("passes the conformance check")
    func conformance() async {
        let issues = await PluginConformance.check(plugin)
        #expect(issues.isEmpty, "\(issues)")
        #expect(plugin.kind == "agricultural-claim")
    }

    @Test("worked example (anchor A): 1.6 mu × 550 kg/mu × 2.6 yuan/kg × 0.20 = 457.6 yuan")
    func workedExample() throws {
        let a = try assessClaim(AgriculturalClaimSchema.sample)
        #expect(a.figure("crop_loss")?.value == .money(Money(fen: 45_760)))
        #expect(a.figure("total_loss")?.value == .money(Money(fen: 45_760)))
        #expect(a.figure("damage_class")?.value == .enumeration("affected"))
        #expect(Money(fen: 45_760).formattedYuan == "457.60")
    }

    @Test("replanting cost added, salvage deducted; seed claims add the purchase price")
    func extras() throws {
        let details = AgriculturalClaimSchema.sample.merging([
            "replanting_cost": .money(Money(yuan: 100)), "salvage_value": .money(Money(yuan: 30)),
        ])
        #expect(try assessClaim(details).figure("total_loss")?.value == .money(Money(fen: 52_760)))
        let seed = AgriculturalClaimSchema.sample.merging([
            "subtype": .enumeration("seed_quality"), "product_name": .text("seed X"), "batch_no": .text("B1"),
            "dealer_license": .text("L1"), "seed_purchase_price": .money(Money(yuan: 120)),
        ])
        #expect(try assessClaim(seed).figure("seed_compensation")?.value == .money(Money(fen: 57_760)))
    }

    @Test(
        "damage classes: 10 % affected, 30 % disaster, 80 % total loss",
        arguments: [
            ("0.05", "minor"), ("0.0999", "minor"), ("0.10", "affected"), ("0.30", "disaster"), ("0.79", "disaster"),
            ("0.80", "total_loss"), ("1", "total_loss"),
        ])
    func damageClass(lossRatio: String, expected: String) throws {
        let a = try assessClaim(AgriculturalClaimSchema.sample.merging(["loss_ratio": ratio(lossRatio)]))
        #expect(a.figure("damage_class")?.value == .enumeration(expected))
    }

    @Test("severity is at least P2; P1 for ≥ 50 mu, ≥ 10 households, poisoning or fake product", arguments: severityRows)
    func severity(changes: Details, expected: Severity) throws {
        #expect(try assessClaim(AgriculturalClaimSchema.sample.merging(changes)).severity == expected)
    }

    @Test("ten households on the case itself make it P1")
    func caseHouseholds() throws {
        #expect(try assessClaim(AgriculturalClaimSchema.sample, households: 10).severity == .p1)
    }

    @Test("routing: service station first; market regulation for products; police for poisoning")
    func routing() throws {
        let drift = try assessClaim(AgriculturalClaimSchema.sample)
        #expect(drift.suggestedDepartment == .agriculturalServiceStation)
        #expect(drift.supportingDepartments == [.agricultureBureau])
        let product = try assessClaim(
            AgriculturalClaimSchema.sample.merging(productLabel).merging([
                "subtype": .enumeration("fertilizer_quality"), "human_poisoning": .bool(true),
            ]))
        #expect(product.supportingDepartments == [.agricultureBureau, .marketRegulation, .policeStation])
        #expect(product.hasAdvice("poisoning"))
    }

    @Test("advice", arguments: adviceRows)
    func advice(code: String, changes: Details) throws {
        #expect(try assessClaim(AgriculturalClaimSchema.sample.merging(changes)).hasAdvice(code))
        #expect(try !assessClaim(AgriculturalClaimSchema.sample).hasAdvice(code))
    }

    @Test("missing loss inputs give advice instead of a figure")
    func missingInputs() throws {
        var details = AgriculturalClaimSchema.sample
        details["loss_ratio"] = nil
        let a = try assessClaim(details)
        #expect(a.figure("crop_loss") == nil)
        #expect(a.hasAdvice("loss_inputs_missing"))
        #expect(a.hasAdvice("on_site_same_day"))
    }
}
