import JiefenDomain
import JiefenDomainTesting
import LandLeaseArrearsPlugin
import Testing

/// Every numeric attribute at 0, -1 and the Int32/Int64 bounds: validation names the attribute or accepts the
/// value; assess, decide and the calculation then either succeed or throw the same violations, never trap.
@Suite("Land-lease arrears at extreme values")
struct LandLeaseExtremeValueTests {
    let plugin = LandLeaseArrearsPlugin()
    let context = FixedClock(date: "2023-01-10").context()

    private func state(_ details: Details) throws -> CaseState {
        try CaseBuilder(
            kind: "land-lease-arrears", channel: .villageReception, on: "2022-08-21", details: details,
            personsInvolved: 23
        ).state()
    }

    @Test("each numeric attribute at each extreme", arguments: ExtremeValues.variants(of: LandLeaseSchema.schema))
    func extremes(variant: ExtremeValues.Variant) throws {
        var details = LandLeaseSchema.sample.merging(variant.details)
        if variant.attribute == "rent_in_kind_kg_per_mu" { // rent in kind instead of cash, with its price
            details["rent_per_mu_per_year"] = nil
            details["grain_price_per_kg"] = .money(LandLeaseLimits.maximumGrainPrice)
            details["grain_price_source"] = .text("county grain bureau")
        }
        if variant.attribute == "late_fee_daily_rate" { details["late_fee_terms"] = .enumeration("daily_rate") }
        let violations = plugin.validate(details, context: context)
        if variant.isOutermost { #expect(violations.contains { $0.field == variant.attribute }) }
        let state = try state(details)
        let assessError = domainError { try plugin.assess(state, context: context) }
        let calcError = domainError { try LandLeaseCalculation(details: details, today: context.today) }
        let close = CaseEvent(sequence: 2, actor: Fixture.clerk, at: Fixture.at("2022-09-01"), payload: .closed(.notSupported))
        let decideError = domainError { try plugin.decide(close, on: state, context: context) }
        #expect(
            refuseAsValidationDoes([assessError, calcError, decideError], violations: violations),
            "assess: \(String(describing: assessError)); calculation: \(String(describing: calcError)); decide: \(String(describing: decideError))"
        )
    }

    @Test("every bound at its maximum: the rent of the term stays exact")
    func maximaDoNotOverflow() throws {
        let schedule = (0..<LandLeaseLimits.maximumInstalments).map { i in
            DetailValue.date(CivilDate(clampingYear: 2000 + i / 12, month: i % 12 + 1, day: 1))
        }
        let details = LandLeaseSchema.sample.merging([
            "area_mu": .area(AreaMu.detailLimit), "contracted_area_mu": .area(AreaMu.detailLimit),
            "rent_per_mu_per_year": .money(LandLeaseLimits.maximumRentPerMu), "payment_period_months": .integer(12),
            "term_start": .date(CivilDate(clampingYear: 2000, month: 1, day: 1)),
            "term_end": .date(CivilDate(clampingYear: 2099, month: 12, day: 31)),
            "contract_term_end": .date(CivilDate(clampingYear: 2099, month: 12, day: 31)),
            "payment_schedule": .list(schedule), "amount_paid": .money(.zero),
        ])
        #expect(plugin.validate(details, context: context).isEmpty)
        let calc = try LandLeaseCalculation(details: details, today: context.today)
        #expect(calc.instalment == Money(fen: 10_000_000 * 100_000_000 * 12 / 1_200))
        #expect(calc.totalForTerm == Money(fen: calc.instalment.fen * 1_200))
        let tooMany = details.merging(["payment_schedule": .list(schedule + [.date(CivilDate(clampingYear: 2099, month: 12, day: 31))])])
        #expect(plugin.validate(tooMany, context: context).map(\.field).contains("payment_schedule"))
    }

    @Test("a late fee beyond Int64 is refused naming late_fee_daily_rate, not trapped on")
    func lateFeeOverflow() throws {
        let schedule = (1...200).map { i in DetailValue.date(CivilDate(clampingYear: 1 + i / 2, month: i % 2 == 0 ? 1 : 7, day: 1)) }
        let details = LandLeaseSchema.sample.merging([
            "area_mu": .area(AreaMu.detailLimit), "contracted_area_mu": .area(AreaMu.detailLimit),
            "rent_per_mu_per_year": .money(LandLeaseLimits.maximumRentPerMu),
            "term_start": .date(CivilDate.earliest), "term_end": .date(CivilDate(clampingYear: 2000, month: 12, day: 31)),
            "signed_date": .date(CivilDate.earliest),
            "payment_schedule": .list(schedule), "amount_paid": .money(.zero),
            "late_fee_terms": .enumeration("daily_rate"), "late_fee_daily_rate": .decimal(FixedDecimal(units: 1, scale: 0)),
        ])
        let violations = plugin.validate(details, context: context)
        #expect(violations.map(\.field) == ["late_fee_daily_rate"])
        let error = domainError { try plugin.assess(try state(details), context: context) }
        #expect(error?.violations.map(\.field) == ["late_fee_daily_rate"])
    }

    @Test("months overdue from 0001-01-01 is computed without a loop or a trap")
    func monthsOverdue() throws {
        var calc = try LandLeaseCalculation(details: LandLeaseSchema.sample, today: Fixture.date("2023-01-10"))
        calc.oldestUnpaidDueDate = CivilDate.earliest
        #expect(calc.monthsOverdue(today: CivilDate.latest) == 9998 * 12 + 11)
        calc.oldestUnpaidDueDate = Fixture.date("2023-01-31")
        #expect(calc.monthsOverdue(today: Fixture.date("2023-02-27")) == 0)
        #expect(calc.monthsOverdue(today: Fixture.date("2023-02-28")) == 1)
        #expect(calc.monthsOverdue(today: Fixture.date("2022-12-31")) == 0)
    }
}
