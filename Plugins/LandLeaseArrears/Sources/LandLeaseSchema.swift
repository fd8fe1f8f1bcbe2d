public import JiefenDomain

/// The detail schema of `land-lease-arrears` cases (domain.md B.2).
public enum LandLeaseSchema {
    /// Values of `transferee_type`.
    public static let transfereeTypes = ["large_farmer", "cooperative", "enterprise", "other"]
    /// Values of `land_type`.
    public static let landTypes = ["cultivated", "forest", "garden", "pond"]
    /// Values of `late_fee_terms`.
    public static let lateFeeTerms = ["none", "daily_rate", "fixed"]
    /// Values of `land_status`.
    public static let landStatuses = ["farmed", "abandoned", "non_agricultural"]

    /// The schema.
    public static let schema = DetailSchema([
        AttributeSpec(
            "transferors", .list(of: .text(maxLength: 100), minCount: 1), unit: "households", required: true,
            personal: true, description: "Transferor households (承包方) owed rent; at least one."),
        AttributeSpec(
            "transferee_name", .text(maxLength: 200), required: true,
            personal: true, description: "The transferee (受让方): large farmer, cooperative or company."),
        AttributeSpec("transferee_type", .enumeration(transfereeTypes), description: "What kind of transferee it is."),
        AttributeSpec(
            "transferee_id", .text(maxLength: 18), required: true,
            personal: true, description: "Transferee's unified social credit code, or resident ID number for a person."),
        AttributeSpec(
            "written_contract", .bool, required: true,
            description: "A written transfer contract exists (required by Land Contract Law Art. 40)."),
        AttributeSpec("contract_no", .text(maxLength: 100), description: "Contract number; required with a written contract."),
        AttributeSpec("signed_date", .date, description: "Contract signing date; required with a written contract."),
        AttributeSpec("filed_with_collective", .bool, description: "Filed with the contract-issuing collective (Art. 36)."),
        AttributeSpec("area_mu", .area, unit: "mu", required: true, description: "Transferred area; more than 0."),
        AttributeSpec(
            "contracted_area_mu", .area, unit: "mu",
            description: "The transferors' contracted area; area_mu may not exceed it."),
        AttributeSpec("land_type", .enumeration(landTypes), description: "cultivated, forest, garden or pond."),
        AttributeSpec("term_start", .date, required: true, description: "First day of the transfer term."),
        AttributeSpec("term_end", .date, required: true, description: "Last day of the transfer term."),
        AttributeSpec(
            "contract_term_end", .date,
            description: "End of the remaining land-contract term; term_end may not exceed it (Art. 38)."),
        AttributeSpec(
            "rent_per_mu_per_year", .money, unit: "yuan/mu/year",
            description: "Cash rent (at most 100,000 yuan/mu/year); this or rent_in_kind_kg_per_mu is required."),
        AttributeSpec(
            "rent_in_kind_kg_per_mu", .integer(min: 0, max: LandLeaseLimits.maximumRentInKindKg), unit: "kg grain/mu/year",
            description: "Rent in grain (以粮计租), converted at grain_price_per_kg."),
        AttributeSpec(
            "grain_price_per_kg", .money, unit: "yuan/kg", description: "Conversion price for rent in kind; at most 100 yuan/kg."),
        AttributeSpec(
            "grain_price_source", .text(maxLength: 200),
            description: "Where the conversion price comes from; required with rent in kind."),
        AttributeSpec("grain_price_date", .date, description: "Date of the conversion price."),
        AttributeSpec(
            "payment_period_months", .integer(min: 1, max: 12), unit: "months",
            description: "Months of rent each instalment covers; 12 (yearly) if absent."),
        AttributeSpec(
            "payment_schedule", .list(of: .date, minCount: 1), required: true,
            description: "Due date of every instalment over the term, within the term, no repeats, at most 1,200."),
        AttributeSpec(
            "amount_paid", .money, unit: "yuan", required: true,
            description: "Rent paid so far; at most the rent of the whole term."),
        AttributeSpec("late_fee_terms", .enumeration(lateFeeTerms), description: "Agreed late fee: none, daily_rate or fixed."),
        AttributeSpec(
            "late_fee_daily_rate",
            .decimal(
                scale: 6, min: FixedDecimal(units: 0, scale: 0),
                max: FixedDecimal(units: 1, scale: 0)),
            unit: "per day", description: "Daily late-fee rate on overdue rent; required for daily_rate."),
        AttributeSpec("late_fee_fixed", .money, unit: "yuan", description: "Fixed late fee; required for fixed."),
        AttributeSpec("land_status", .enumeration(landStatuses), description: "farmed, abandoned or non_agricultural."),
        AttributeSpec("abandoned_since", .date, description: "When farming stopped; required if abandoned."),
        AttributeSpec("risk_deposit", .money, unit: "yuan", description: "Risk deposit (风险保证金) held."),
        AttributeSpec(
            "known_infringement_date", .date,
            description: "When the transferors knew of the breach; arbitration limitation 2 years from it."),
        AttributeSpec("transferee_absconded", .bool, description: "The transferee cannot be reached (跑路)."),
        AttributeSpec("repayment_plan_ref", .text(maxLength: 200), description: "Reference of the agreed repayment plan."),
        AttributeSpec("payment_record_ref", .text(maxLength: 200), description: "Reference of the payment record."),
    ])

    /// Half-yearly due dates (1 January, 1 July) from 2020 to 2029.
    static let sampleSchedule: [DetailValue] = (2020...2029).flatMap { year in
        [
            DetailValue.date(CivilDate(clampingYear: year, month: 1, day: 1)),
            .date(CivilDate(clampingYear: year, month: 7, day: 1)),
        ]
    }

    /// A valid example: the domain.md B.2 case of 23 households, 186.5 mu at 600 yuan/mu/year, half-yearly rent,
    /// two years paid (by early 2023 1.5 years, 167,850 yuan, are in arrears).
    public static let sample: Details = [
        "transferors": .list((1...23).map { .text("household \($0)") }),
        "transferee_name": .text("Example Rice Cooperative"),
        "transferee_type": .enumeration("cooperative"),
        "transferee_id": .text("91350100M000100Y43"),
        "written_contract": .bool(true),
        "contract_no": .text("TY-LZ-2019-031"),
        "signed_date": .date(CivilDate(clampingYear: 2019, month: 12, day: 1)),
        "filed_with_collective": .bool(true),
        "area_mu": .area(AreaMu(hundredths: 18_650)),
        "contracted_area_mu": .area(AreaMu(hundredths: 20_000)),
        "land_type": .enumeration("cultivated"),
        "term_start": .date(CivilDate(clampingYear: 2020, month: 1, day: 1)),
        "term_end": .date(CivilDate(clampingYear: 2029, month: 12, day: 31)),
        "contract_term_end": .date(CivilDate(clampingYear: 2057, month: 12, day: 31)),
        "rent_per_mu_per_year": .money(Money(yuan: 600)),
        "payment_period_months": .integer(6),
        "payment_schedule": .list(sampleSchedule),
        "amount_paid": .money(Money(yuan: 223_800)),
        "late_fee_terms": .enumeration("none"),
        "land_status": .enumeration("farmed"),
    ]
}
