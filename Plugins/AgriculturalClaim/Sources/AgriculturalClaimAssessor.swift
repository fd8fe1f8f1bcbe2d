import JiefenDomain

/// Builds the assessment of one agricultural claim whose details passed ``AgriculturalClaimValidation``.
struct AgriculturalClaimAssessor {
    let configuration: AgriculturalClaimPlugin.Configuration
    let state: CaseState

    private var details: Details { state.details }

    func assessment() throws(DomainError) -> Assessment {
        let calc = try AgriculturalClaimCalculation(validated: details)
        var figures: [Figure] = []
        if let loss = calc.cropLoss {
            figures.append(Figure(key: "crop_loss", label: "Crop loss", value: .money(loss), unit: "yuan"))
        }
        if let total = calc.totalLoss {
            figures.append(
                Figure(
                    key: "total_loss", label: "Loss incl. replanting, less salvage", value: .money(total),
                    unit: "yuan"))
        }
        if let seed = calc.seedCompensation {
            figures.append(
                Figure(
                    key: "seed_compensation", label: "Seed claim (price + lost profit + other)",
                    value: .money(seed), unit: "yuan"))
        }
        if let damage = calc.damageClass {
            figures.append(Figure(key: "damage_class", label: "Damage class", value: .enumeration(damage.rawValue)))
        }
        var supporting: [DepartmentCode] = [.agricultureBureau]
        let productClaim = AgriculturalClaimSchema.productSubtypes.contains(details.enumeration("subtype") ?? "")
        if productClaim || details.bool("suspected_fake_product") == true { supporting.append(.marketRegulation) }
        if details.bool("human_poisoning") == true { supporting.append(.policeStation) }
        return Assessment(
            figures: figures, severity: severity(), suggestedDepartment: .agriculturalServiceStation,
            supportingDepartments: supporting, advice: advice(calc))
    }

    func severity() -> Severity {
        let households = max(Int(clamping: details.integer("households_affected") ?? 0), state.householdsInvolved)
        let area = details.area("affected_area_mu") ?? AreaMu(hundredths: 0)
        if area >= configuration.p1Area || households >= configuration.p1Households
            || details.bool("human_poisoning") == true || details.bool("suspected_fake_product") == true
        {
            return .p1
        }
        return .p2
    }

    private func advice(_ calc: AgriculturalClaimCalculation) -> [Advice] {
        var a = [Advice(code: "on_site_same_day", message: "Go on site the same day: symptoms change and evidence perishes.")]
        if calc.cropLoss == nil {
            a.append(
                Advice(
                    code: "loss_inputs_missing",
                    message: "Record expected_yield_kg_per_mu, price_per_kg and "
                        + "loss_ratio to compute the loss."))
        }
        if let y = details.integer("expected_yield_kg_per_mu"), !configuration.yieldBand.contains(y) {
            a.append(Advice(code: "yield_outside_band", message: "Expected yield \(y) kg/mu is outside the regional band."))
        }
        if let p = details.money("price_per_kg"), !configuration.priceBand.contains(p.fen) {
            a.append(Advice(code: "price_outside_band", message: "Price \(p.formattedYuan) yuan/kg is outside the regional band."))
        }
        let subtype = details.enumeration("subtype")
        if subtype == "seed_quality" && details.bool("appraisal_requested") != true {
            a.append(
                Advice(
                    code: "appraisal_time_critical",
                    message: "Request the field appraisal now: it is refused once "
                        + "the crop's typical-trait stage has passed (MOA Order No. 28)."))
        }
        if subtype == "pesticide_damage" {
            a.append(
                Advice(
                    code: "claim_producer_or_dealer",
                    message: "Damage from a pesticide can be claimed from the "
                        + "producer or the dealer (Pesticide Regulations Art. 64)."))
        }
        if details.bool("human_poisoning") == true {
            a.append(Advice(code: "poisoning", message: "A poisoning is handled by agriculture and police (Art. 38)."))
        }
        if details.bool("suspected_fake_product") == true {
            a.append(
                Advice(
                    code: "enforcement_referral",
                    message: "Refer the suspected fake or substandard product for "
                        + "enforcement (Arts. 44-45)."))
        }
        return a
    }
}
