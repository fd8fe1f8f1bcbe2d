public import JiefenDomain

/// The detail schema of `agricultural-claim` cases (domain.md B.3).
public enum AgriculturalClaimSchema {
    /// Values of `subtype`.
    public static let subtypes = ["pesticide_damage", "herbicide_drift", "seed_quality", "fertilizer_quality", "other"]
    /// Subtypes that are claims about a product (product data required).
    public static let productSubtypes: Set<String> = ["pesticide_damage", "seed_quality", "fertilizer_quality"]
    /// Values of `respondent_type`.
    public static let respondentTypes = ["neighbour", "drone_spray_service", "dealer", "seed_company", "producer", "other"]
    /// Values of `growth_stage`.
    public static let growthStages = [
        "seedling", "tillering", "jointing", "heading", "flowering", "grain_filling",
        "maturity", "other",
    ]
    /// Values of `appraisal_result`.
    public static let appraisalResults = ["pending", "confirmed", "not_confirmed", "refused_stage_passed"]

    /// The schema.
    public static let schema = DetailSchema([
        AttributeSpec(
            "subtype", .enumeration(subtypes), required: true,
            description: "pesticide_damage, herbicide_drift, seed_quality, fertilizer_quality or other."),
        AttributeSpec("claimant_household", .text(maxLength: 100), required: true, personal: true, description: "The claimant household."),
        AttributeSpec("respondent_type", .enumeration(respondentTypes), description: "Who the claim is against."),
        AttributeSpec("respondent_name", .text(maxLength: 200), personal: true, description: "The respondent; required before mediation."),
        AttributeSpec("crop", .text(maxLength: 50), required: true, description: "The crop, e.g. rice."),
        AttributeSpec("variety", .text(maxLength: 100), required: true, description: "The crop variety."),
        AttributeSpec("growth_stage", .enumeration(growthStages), required: true, description: "Growth stage when damaged."),
        AttributeSpec("plot_area_mu", .area, unit: "mu", required: true, description: "Area of the plot."),
        AttributeSpec(
            "affected_area_mu", .area, unit: "mu", required: true,
            description: "Damaged area; more than 0 and at most plot_area_mu."),
        AttributeSpec("application_date", .date, description: "When the product was applied or sprayed."),
        AttributeSpec("symptom_observed_date", .date, description: "When symptoms were seen; not before application_date."),
        AttributeSpec("product_name", .text(maxLength: 200), description: "Product name; required for product claims."),
        AttributeSpec(
            "pesticide_reg_no", .text(maxLength: 50),
            description: "Pesticide registration number (登记证号); required for pesticide_damage."),
        AttributeSpec("batch_no", .text(maxLength: 100), description: "Batch number; required for product claims."),
        AttributeSpec("dealer_license", .text(maxLength: 100), description: "Dealer licence; required for product claims."),
        AttributeSpec(
            "weather_at_application", .text(maxLength: 200),
            description: "Wind and weather when spraying; required for herbicide_drift."),
        AttributeSpec(
            "evidence_photos", .list(of: .text(maxLength: 200)),
            description: "Photo references; at least one before mediation."),
        AttributeSpec("evidence_samples", .list(of: .text(maxLength: 200)), description: "Sample references."),
        AttributeSpec(
            "expected_yield_kg_per_mu", .integer(min: 0, max: AgriculturalClaimLimits.maximumYieldKgPerMu), unit: "kg/mu",
            description: "Expected yield without the damage."),
        AttributeSpec("price_per_kg", .money, unit: "yuan/kg", description: "Price of the crop; at most 1,000 yuan/kg."),
        AttributeSpec(
            "loss_ratio",
            .decimal(
                scale: 4, min: FixedDecimal(units: 0, scale: 0),
                max: FixedDecimal(units: 1, scale: 0)),
            description: "Share of the yield lost, 0 to 1; needed for the loss."),
        AttributeSpec("replanting_cost", .money, unit: "yuan", description: "Replanting and extra input costs."),
        AttributeSpec("salvage_value", .money, unit: "yuan", description: "Value salvaged from the damaged crop."),
        AttributeSpec("seed_purchase_price", .money, unit: "yuan", description: "Price paid for the seed (seed claims)."),
        AttributeSpec(
            "households_affected", .integer(min: 0, max: AgriculturalClaimLimits.maximumHouseholds), unit: "households",
            description: "Households with damage."),
        AttributeSpec("human_poisoning", .bool, description: "A person was poisoned."),
        AttributeSpec("suspected_fake_product", .bool, description: "The product is suspected fake or substandard."),
        AttributeSpec("appraisal_requested", .bool, description: "A technical or field appraisal (鉴定) was requested."),
        AttributeSpec("appraisal_by", .text(maxLength: 200), description: "Who appraises."),
        AttributeSpec("appraisal_result", .enumeration(appraisalResults), description: "The appraisal's state or result."),
    ])

    /// A valid example: anchor A of domain.md E.4 (herbicide drift on rice seedlings).
    public static let sample: Details = [
        "subtype": .enumeration("herbicide_drift"),
        "claimant_household": .text("household A"),
        "respondent_type": .enumeration("neighbour"),
        "respondent_name": .text("neighbour household B"),
        "crop": .text("rice"),
        "variety": .text("early indica"),
        "growth_stage": .enumeration("seedling"),
        "plot_area_mu": .area(AreaMu(hundredths: 200)),
        "affected_area_mu": .area(AreaMu(hundredths: 160)),
        "application_date": .date(CivilDate(clampingYear: 2022, month: 7, day: 10)),
        "symptom_observed_date": .date(CivilDate(clampingYear: 2022, month: 7, day: 12)),
        "weather_at_application": .text("north-east wind, force 3"),
        "evidence_photos": .list([.text("photo-2022-07-12-01")]),
        "expected_yield_kg_per_mu": .integer(550),
        "price_per_kg": .money(Money(fen: 260)),
        "loss_ratio": .decimal(FixedDecimal(units: 20, scale: 2)),
    ]
}
