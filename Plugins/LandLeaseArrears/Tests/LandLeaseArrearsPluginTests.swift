import JiefenDomain
import JiefenDomainTesting
import LandLeaseArrearsPlugin
import Testing

private func d(_ iso: String) -> CivilDate { Fixture.date(iso) }

func landCase(
    _ details: Details, households: Int = 1, headcount: Int = 1,
    vulnerable: Set<VulnerabilityFlag> = []
) -> CaseBuilder {
    var builder = CaseBuilder(
        kind: "land-lease-arrears", channel: .villageReception, on: "2022-08-21",
        details: details, personsInvolved: 23, headcount: headcount)
    builder.registration.householdsInvolved = households
    builder.registration.vulnerableFlags = vulnerable
    return builder
}

func assessLand(
    _ details: Details, on today: String = "2023-01-10", headcount: Int = 1,
    vulnerable: Set<VulnerabilityFlag> = []
) throws -> Assessment {
    let state = try landCase(details, headcount: headcount, vulnerable: vulnerable).state()
    return try LandLeaseArrearsPlugin().assess(state, context: FixedClock(date: today).context())
}

/// Three households, 10 mu, paid up to the 2022-07-01 instalment.
let smallCase = LandLeaseSchema.sample.merging([
    "transferors": .list([.text("h1"), .text("h2"), .text("h3")]),
    "area_mu": .area(AreaMu(mu: 10)),
    "amount_paid": .money(Money(yuan: 18_000)),
])

@Suite("Land-lease arrears plugin")
struct LandLeaseArrearsPluginTests {
    let plugin = LandLeaseArrearsPlugin()

    @Test("passes the conformance check")
    func conformance() async {
        let issues = await PluginConformance.check(plugin)
        #expect(issues.isEmpty, "\(issues)")
        #expect(plugin.kind == "land-lease-arrears")
    }

    @Test("worked example: 186.5 mu × 600 yuan/mu/year × 1.5 years = 167,850 yuan")
    func workedExample() throws {
        let a = try assessLand(LandLeaseSchema.sample)
        #expect(a.figure("arrears")?.value == .money(Money(yuan: 167_850)))
        #expect(a.figure("rent_due_to_date")?.value == .money(Money(yuan: 391_650)))
        #expect(a.figure("late_fee")?.value == .money(.zero))
        #expect(a.figure("months_overdue")?.value == .integer(12))
        let calc = try LandLeaseCalculation(details: LandLeaseSchema.sample, today: d("2023-01-10"))
        #expect(calc.instalment == Money(yuan: 55_950))
        #expect(calc.totalForTerm == Money(yuan: 1_119_000))
        #expect(calc.oldestUnpaidDueDate == d("2022-01-01"))
    }

    @Test("late fee: unpaid instalments × daily rate × days overdue, oldest paid first")
    func dailyLateFee() throws {
        let details = LandLeaseSchema.sample.merging([
            "late_fee_terms": .enumeration("daily_rate"),
            "late_fee_daily_rate": .decimal(FixedDecimal(units: 5, scale: 4)),
        ])
        let calc = try LandLeaseCalculation(details: details, today: d("2023-01-10"))
        #expect(calc.lateFee == Money(fen: 1_611_360))
    }

    @Test("fixed late fee applies once when anything is overdue")
    func fixedLateFee() throws {
        let details = LandLeaseSchema.sample.merging([
            "late_fee_terms": .enumeration("fixed"), "late_fee_fixed": .money(Money(yuan: 500)),
        ])
        #expect(try LandLeaseCalculation(details: details, today: d("2023-01-10")).lateFee == Money(yuan: 500))
        #expect(try LandLeaseCalculation(details: details, today: d("2021-12-31")).lateFee == .zero)
    }

    @Test("rent in kind: grain kg × price per kg")
    func rentInKind() throws {
        var details = LandLeaseSchema.sample.merging([
            "rent_in_kind_kg_per_mu": .integer(500), "grain_price_per_kg": .money(Money(fen: 260)),
            "grain_price_source": .text("county grain bureau 2022 purchase price"),
        ])
        details["rent_per_mu_per_year"] = nil
        #expect(try LandLeaseCalculation.rentPerMuPerYear(details) == Money(yuan: 1_300))
        #expect(LandLeaseArrearsPlugin().validate(details, context: FixedClock(date: "2023-01-10").context()).isEmpty)
    }

    @Test(
        "severity",
        arguments: [
            LandSeverityRow("example: 23 households, arrears ≥ 100,000", LandLeaseSchema.sample, .p2),
            LandSeverityRow("absconded", LandLeaseSchema.sample.merging(["transferee_absconded": .bool(true)]), .p1),
            LandSeverityRow(
                "30 households",
                LandLeaseSchema.sample.merging([
                    "transferors": .list(
                        (1...30).map {
                            .text("h\($0)")
                        })
                ]), .p1),
            LandSeverityRow("small and recent", smallCase, .p3, today: "2023-03-10"),
            LandSeverityRow("small, weeks before Spring Festival", smallCase, .p2, today: "2023-01-10"),
            LandSeverityRow(
                "small, overdue 12 months", smallCase.merging(["amount_paid": .money(Money(yuan: 12_000))]), .p2,
                today: "2023-03-10"),
        ])
    func severity(row: LandSeverityRow) throws {
        #expect(try assessLand(row.details, on: row.today).severity == row.expected)
    }

    @Test("a collective visit is P1; rent-dependent households raise one level")
    func severityRaised() throws {
        #expect(try assessLand(smallCase, on: "2023-03-10", headcount: 5).severity == .p1)
        #expect(try assessLand(smallCase, on: "2023-03-10", vulnerable: [.welfareHousehold]).severity == .p2)
    }

    @Test("routing: rural-economy office, with village mediation and arbitration")
    func routing() throws {
        let a = try assessLand(LandLeaseSchema.sample)
        #expect(a.suggestedDepartment == .ruralEconomyOffice)
        #expect(a.supportingDepartments == [.villageCommittee, .landArbitrationCommission])
    }

    @Test(
        "advice",
        arguments: [
            LandAdviceRow("arbitration_limitation_near", ["known_infringement_date": .date(d("2021-02-01"))]),
            LandAdviceRow("arbitration_limitation_passed", ["known_infringement_date": .date(d("2021-01-09"))]),
            LandAdviceRow("rescission_right", ["land_status": .enumeration("non_agricultural")]),
            LandAdviceRow(
                "rescission_right",
                [
                    "land_status": .enumeration("abandoned"),
                    "abandoned_since": .date(d("2021-01-10")),
                ]),
            LandAdviceRow("rent_outside_band", ["rent_per_mu_per_year": .money(Money(yuan: 1_500))]),
            LandAdviceRow("written_contract_missing", ["written_contract": .bool(false)]),
            LandAdviceRow("filing_missing", ["filed_with_collective": .bool(false)]),
            LandAdviceRow("risk_deposit_available", ["risk_deposit": .money(Money(yuan: 20_000))]),
        ])
    func advice(row: LandAdviceRow) throws {
        #expect(try assessLand(LandLeaseSchema.sample.merging(row.changes)).hasAdvice(row.code))
        #expect(try !assessLand(LandLeaseSchema.sample).hasAdvice(row.code))
    }

    @Test("abandoned for less than two years gives no rescission advice")
    func abandonedShort() throws {
        let details = LandLeaseSchema.sample.merging([
            "land_status": .enumeration("abandoned"),
            "abandoned_since": .date(d("2021-01-11")),
        ])
        #expect(try !assessLand(details).hasAdvice("rescission_right"))
    }
}

/// One severity table row.
struct LandSeverityRow: Sendable, CustomStringConvertible {
    var description: String
    var details: Details
    var expected: Severity
    var today: String

    init(_ label: String, _ details: Details, _ expected: Severity, today: String = "2023-03-10") {
        description = label
        self.details = details
        self.expected = expected
        self.today = today
    }
}

/// One advice table row.
struct LandAdviceRow: Sendable, CustomStringConvertible {
    var code: String
    var changes: Details
    init(_ code: String, _ changes: Details) {
        self.code = code
        self.changes = changes
    }
    var description: String { code }
}
