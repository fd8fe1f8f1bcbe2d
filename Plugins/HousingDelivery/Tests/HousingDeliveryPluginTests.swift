import HousingDeliveryPlugin
import JiefenDomain
import JiefenDomainTesting
import Testing

private func d(_ iso: String) -> CivilDate { Fixture.date(iso) }

/// Anchor H delivered: completion acceptance 2023-01-17, delivery 2023-01-18.
let delivered = HousingDeliverySchema.sample.merging([
    "construction_status": .enumeration("delivering"),
    "completion_acceptance_date": .date(d("2023-01-17")),
    "delivery_start_date": .date(d("2023-01-18")),
])

func assess(
    _ details: Details, on today: String = "2023-01-18", households: Int = 1,
    vulnerable: Set<VulnerabilityFlag> = [], headcount: Int = 1
) throws -> Assessment {
    var builder = CaseBuilder(
        kind: "housing-delivery", on: "2022-10-20", details: details, personsInvolved: 5,
        headcount: headcount)
    builder.registration.householdsInvolved = households
    builder.registration.vulnerableFlags = vulnerable
    return try HousingDeliveryPlugin().assess(try builder.state(), context: FixedClock(date: today).context())
}

@Suite("Housing delivery plugin")
struct HousingDeliveryPluginTests {
    let plugin = HousingDeliveryPlugin()
    let context = FixedClock(date: "2023-01-18").context()

    @Test("passes the conformance check")
    func conformance() async {
        let issues = await PluginConformance.check(plugin)
        #expect(issues.isEmpty, "\(issues)")
        #expect(plugin.kind == "housing-delivery")
    }

    @Test("worked example: 480,000 yuan × 0.0001 × 748 days = 35,904 yuan per household")
    func workedExample() throws {
        #expect(plugin.validate(delivered, context: context).isEmpty)
        let a = try assess(delivered)
        #expect(a.figure("delay_days")?.value == .integer(748))
        #expect(a.figure("agreed_penalty")?.value == .money(Money(yuan: 35_904)))
        #expect(a.figure("agreed_penalty")?.unit == "yuan")
    }

    @Test("penalty on the total price when agreed so")
    func totalPriceBase() throws {
        let a = try assess(delivered.merging(["penalty_base": .enumeration("total_price")]))
        #expect(a.figure("agreed_penalty")?.value == .money(Money(yuan: 59_840)))
    }

    @Test("delay: grace days deducted, today used before delivery, never negative")
    func delay() throws {
        #expect(
            try HousingDeliveryCalculation.delayDays(
                details: delivered.merging(["grace_days": .integer(90)]),
                today: d("2023-06-30")) == 658)
        #expect(try HousingDeliveryCalculation.delayDays(details: HousingDeliverySchema.sample, today: d("2022-06-30")) == 546)
        #expect(try HousingDeliveryCalculation.delayDays(details: HousingDeliverySchema.sample, today: d("2020-06-30")) == 0)
        let planned = delivered.merging(["delivery_start_date": .date(d("2023-03-01"))])
        #expect(try HousingDeliveryCalculation.delayDays(details: planned, today: d("2023-01-18")) == 748)
    }

    @Test("no agreed rate: comparable-rent damages and a review flag")
    func comparableRent() throws {
        var details = delivered.merging(["comparable_rent_per_month": .money(Money(yuan: 2_000))])
        details["penalty_rate_per_day"] = nil
        let a = try assess(details)
        #expect(a.figure("agreed_penalty") == nil)
        #expect(a.figure("rent_based_damages")?.value == .money(Money(fen: 4_918_356)))
        #expect(a.hasAdvice("penalty_rate_review"))
    }

    @Test("flags: rate above 0.0005, penalty 30 % above the loss, penalty below the loss")
    func flags() throws {
        #expect(
            try assess(delivered.merging(["penalty_rate_per_day": .decimal(FixedDecimal(units: 6, scale: 4))]))
                .hasAdvice("penalty_rate_review"))
        #expect(try !assess(delivered).hasAdvice("penalty_rate_review"))
        let high = delivered.merging([
            "penalty_rate_per_day": .decimal(FixedDecimal(units: 5, scale: 4)),
            "comparable_rent_per_month": .money(Money(yuan: 1_000)),
        ])
        #expect(try assess(high).hasAdvice("penalty_may_be_reduced"))
        let low = delivered.merging(["comparable_rent_per_month": .money(Money(yuan: 20_000))])
        #expect(try assess(low).hasAdvice("penalty_may_be_raised"))
    }

    @Test("advice: pre-sale permit, rescission, late title certificate")
    func advice() throws {
        var noPermit = delivered
        noPermit["presale_permit_no"] = nil
        #expect(try assess(noPermit).hasAdvice("presale_permit_missing"))
        #expect(try assess(delivered).hasAdvice("rescission_after_demand"))
        #expect(try assess(delivered.merging(["rescission_after_days": .integer(365)])).hasAdvice("rescission_right"))
        let title = delivered.merging(["demands": .list([.enumeration("title_certificate")])])
        #expect(try assess(title, on: "2023-04-19").hasAdvice("title_certificate_late"))
        #expect(try !assess(title, on: "2023-04-18").hasAdvice("title_certificate_late"))
    }

    @Test(
        "severity",
        arguments: [
            SeverityRow(["households_affected": .integer(118)], .p1),
            SeverityRow(["households_affected": .integer(50), "mortgage_in_repayment": .bool(false)], .p2),
            SeverityRow(["households_affected": .integer(5), "mortgage_in_repayment": .bool(false)], .p3),
            SeverityRow(["households_affected": .integer(5), "mortgage_in_repayment": .bool(true)], .p2),
            SeverityRow(
                [
                    "households_affected": .integer(5), "mortgage_in_repayment": .bool(false),
                    "public_opinion_risk": .bool(true),
                ], .p1),
            SeverityRow(
                [
                    "households_affected": .integer(5), "mortgage_in_repayment": .bool(false),
                    "construction_status": .enumeration("stalled"), "stalled_since": .date(d("2021-12-01")),
                ], .p2),
            SeverityRow(
                [
                    "households_affected": .integer(5), "mortgage_in_repayment": .bool(false),
                    "construction_status": .enumeration("stalled"), "stalled_since": .date(d("2022-06-01")),
                ], .p3),
            SeverityRow(["households_affected": .integer(5), "mortgage_in_repayment": .bool(false)], .p1, households: 100),
        ])
    func severity(row: SeverityRow) throws {
        var details = HousingDeliverySchema.sample.merging(row.changes)
        details["households_represented"] = details["households_affected"] // valid: represented ≤ affected
        let level = try assess(details, households: row.households).severity
        #expect(level == row.expected)
    }

    @Test("severity: a collective visit is P1; vulnerable buyers raise one level")
    func severityRaised() throws {
        let small = HousingDeliverySchema.sample.merging([
            "households_affected": .integer(5),
            "households_represented": .integer(5),
            "mortgage_in_repayment": .bool(false),
        ])
        #expect(try assess(small, headcount: 5).severity == .p1)
        #expect(try assess(small, vulnerable: [.elderlyAlone]).severity == .p2)
    }

    @Test("routing: housing centre leads; court with litigation; police for fraud")
    func routing() throws {
        let a = try assess(delivered)
        #expect(a.suggestedDepartment == .cityHousingCentre)
        #expect(a.supportingDepartments == [.jointMeeting, .marketRegulation])
        let court = try assess(delivered.merging(["litigation_pending": .bool(true), "suspected_fraud": .bool(true)]))
        #expect(court.suggestedDepartment == .court)
        #expect(court.supportingDepartments.contains(.policeStation))
        #expect(court.hasAdvice("guided_legal"))
    }
}

/// One severity table row.
struct SeverityRow: Sendable, CustomStringConvertible {
    var changes: Details
    var expected: Severity
    var households: Int

    init(_ changes: Details, _ expected: Severity, households: Int = 1) {
        self.changes = changes
        self.expected = expected
        self.households = households
    }

    var description: String { "\(changes.names) households \(households) → \(expected.rawValue)" }
}
