public import JiefenDomain

/// The detail schema of `housing-delivery` cases (domain.md B.1). Amounts are for one household's contract.
public enum HousingDeliverySchema {
    /// Values of `construction_status`.
    public static let constructionStatuses = ["building", "stalled", "resumed", "completion_accepted", "delivering"]
    /// Values of `penalty_base`.
    public static let penaltyBases = ["paid", "total_price"]
    /// Values of `demands`.
    public static let demandValues = ["deliver", "penalty", "rescind_refund", "title_certificate"]

    /// The schema.
    public static let schema = DetailSchema([
        AttributeSpec("project_name", .text(maxLength: 200), required: true, description: "Name of the housing project."),
        AttributeSpec("location", .text(maxLength: 200), required: true, description: "Where the project is."),
        AttributeSpec("developer_name", .text(maxLength: 200), required: true, description: "The developer company."),
        AttributeSpec(
            "developer_uscc", .text(maxLength: 18),
            description: "Developer's unified social credit code (18 characters, GB 32100)."),
        AttributeSpec(
            "presale_permit_no", .text(maxLength: 100),
            description: "Pre-sale permit number; a pre-sale contract without a permit is invalid."),
        AttributeSpec(
            "units_sold", .integer(min: 0, max: HousingDeliveryLimits.maximumCount), unit: "units",
            description: "Units sold in the project."),
        AttributeSpec(
            "households_affected", .integer(min: 0, max: HousingDeliveryLimits.maximumCount), unit: "households", required: true,
            description: "Buyer households affected by the late delivery."),
        AttributeSpec(
            "households_represented", .integer(min: 0, max: HousingDeliveryLimits.maximumCount), unit: "households",
            description: "Households represented by the petitioners; at most households_affected."),
        AttributeSpec(
            "contract_delivery_date", .date, required: true,
            description: "Delivery date agreed in the purchase contract."),
        AttributeSpec(
            "grace_days", .integer(min: 0, max: HousingDeliveryLimits.maximumTermDays), unit: "days",
            description: "Grace period after the contract date (contract term); 0 if absent."),
        AttributeSpec(
            "construction_status", .enumeration(constructionStatuses), required: true,
            description: "Site status: building, stalled, resumed, completion_accepted or delivering."),
        AttributeSpec("stalled_since", .date, description: "When work stopped; required if the status is stalled."),
        AttributeSpec(
            "completion_acceptance_date", .date,
            description: "Completion acceptance passed; delivery may start only after it."),
        AttributeSpec("delivery_start_date", .date, description: "When delivery began; not before completion acceptance."),
        AttributeSpec(
            "paid_amount", .money, unit: "yuan", required: true,
            description: "Amount the household has paid; at most total_price (and 1,000,000,000 yuan)."),
        AttributeSpec(
            "total_price", .money, unit: "yuan", required: true, description: "Contract price of the unit; at most 1,000,000,000 yuan."),
        AttributeSpec(
            "penalty_rate_per_day",
            .decimal(
                scale: 6, min: FixedDecimal(units: 0, scale: 0),
                max: FixedDecimal(units: 1, scale: 0)),
            unit: "per day", description: "Agreed late-delivery penalty rate, e.g. 0.0001 (万分之一)."),
        AttributeSpec(
            "penalty_base", .enumeration(penaltyBases),
            description: "What the penalty rate applies to: paid (default) or total_price."),
        AttributeSpec(
            "rescission_after_days", .integer(min: 0, max: HousingDeliveryLimits.maximumRescissionDays), unit: "days",
            description: "Days of delay after which the buyer may rescind (contract term)."),
        AttributeSpec(
            "title_certificate_days", .integer(min: 0, max: HousingDeliveryLimits.maximumTermDays), unit: "days",
            description: "Agreed days after delivery for the title certificate; 90 if not agreed."),
        AttributeSpec(
            "comparable_rent_per_month", .money, unit: "yuan/month",
            description: "Local rent of a comparable home; the damages basis without an agreed penalty "
                + "(at most 10,000,000 yuan a month)."),
        AttributeSpec("mortgage_in_repayment", .bool, description: "Buyers are repaying mortgages without delivery."),
        AttributeSpec(
            "demands", .list(of: .enumeration(demandValues), minCount: 1), required: true,
            description: "What the buyers ask for: deliver, penalty, rescind_refund, title_certificate."),
        AttributeSpec("litigation_pending", .bool, description: "A lawsuit is pending; the case is guided to court."),
        AttributeSpec("public_opinion_risk", .bool, description: "Threats or public-opinion risk were observed."),
        AttributeSpec("suspected_fraud", .bool, description: "Suspected fraud by the developer (police)."),
    ])

    /// A valid example: anchor H of domain.md E.4 (one household).
    public static let sample: Details = [
        "project_name": .text("Lakeside Garden Phase II"),
        "location": .text("Tongyang Town, Chaohu"),
        "developer_name": .text("Chaohu Example Real Estate Co., Ltd."),
        "developer_uscc": .text("91350100M000100Y43"),
        "presale_permit_no": .text("Chao-presale-2019-017"),
        "units_sold": .integer(240),
        "households_affected": .integer(118),
        "households_represented": .integer(118),
        "contract_delivery_date": .date(CivilDate(clampingYear: 2020, month: 12, day: 31)),
        "grace_days": .integer(0),
        "construction_status": .enumeration("resumed"),
        "paid_amount": .money(Money(yuan: 480_000)),
        "total_price": .money(Money(yuan: 800_000)),
        "penalty_rate_per_day": .decimal(FixedDecimal(units: 1, scale: 4)),
        "penalty_base": .enumeration("paid"),
        "mortgage_in_repayment": .bool(true),
        "demands": .list([.enumeration("deliver"), .enumeration("penalty")]),
        "litigation_pending": .bool(false),
    ]
}
