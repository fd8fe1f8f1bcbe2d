import HousingDeliveryPlugin
import JiefenDomain
import JiefenDomainTesting
import Testing

/// Every numeric attribute at 0, -1 and the Int32/Int64 bounds: validation names the attribute or accepts the
/// value; assess, decide and the calculation then either succeed or throw the same violations, never trap.
@Suite("Housing delivery at extreme values")
struct HousingDeliveryExtremeValueTests {
    let plugin = HousingDeliveryPlugin()
    let context = FixedClock(date: "2023-01-18").context()

    @Test("each numeric attribute at each extreme", arguments: ExtremeValues.variants(of: HousingDeliverySchema.schema))
    func extremes(variant: ExtremeValues.Variant) throws {
        var details = HousingDeliverySchema.sample.merging(variant.details)
        if variant.attribute == "households_affected", variant.raw >= 0 {
            details["households_represented"] = nil // keep the cross-field rule out of the way
        }
        let violations = plugin.validate(details, context: context)
        if variant.isOutermost { #expect(violations.contains { $0.field == variant.attribute }) }
        // The fold does not check details, so a case can carry invalid ones (e.g. stored before a bound existed).
        let state = try CaseBuilder(kind: "housing-delivery", on: "2022-10-20", details: details).state()
        let assessError = domainError { try plugin.assess(state, context: context) }
        let calcError = domainError { try HousingDeliveryCalculation(details: details, today: context.today) }
        let accept = CaseEvent(sequence: 2, actor: Fixture.clerk, at: Fixture.at("2022-10-21"), payload: .accepted(noticeOn: nil))
        let decideError = domainError { try plugin.decide(accept, on: state, context: context) }
        #expect(
            refuseAsValidationDoes([assessError, calcError, decideError], violations: violations),
            "assess: \(String(describing: assessError)); calculation: \(String(describing: calcError)); decide: \(String(describing: decideError))"
        )
    }

    @Test("a details update to an extreme value is refused by decide with the attribute's violation")
    func decideOnUpdate() throws {
        let state = try CaseBuilder(kind: "housing-delivery", on: "2022-10-20", details: HousingDeliverySchema.sample).state()
        let update = CaseEvent(
            sequence: 2, actor: Fixture.clerk, at: Fixture.at("2022-10-21"),
            payload: .detailsUpdated(["paid_amount": .money(Money(fen: .max))]))
        let error = domainError { try plugin.decide(update, on: state, context: context) }
        #expect(error?.violations.contains { $0.field == "paid_amount" } == true)
    }

    @Test("every bound at its maximum and a delay from 0001-01-01 still computes exactly")
    func maximaDoNotOverflow() throws {
        let details = HousingDeliverySchema.sample.merging([
            "contract_delivery_date": .date(CivilDate.earliest),
            "paid_amount": .money(HousingDeliveryLimits.maximumAmount),
            "total_price": .money(HousingDeliveryLimits.maximumAmount),
            "penalty_rate_per_day": .decimal(FixedDecimal(units: 1, scale: 0)),
            "comparable_rent_per_month": .money(HousingDeliveryLimits.maximumMonthlyRent),
            "grace_days": .integer(0),
        ])
        #expect(plugin.validate(details, context: context).isEmpty)
        let calc = try HousingDeliveryCalculation(details: details, today: context.today)
        let days = Int64(CivilDate.earliest.days(until: context.today))
        #expect(calc.delayDays == Int(days))
        #expect(calc.agreedPenalty == Money(fen: HousingDeliveryLimits.maximumAmount.fen * days))
        #expect(calc.rentBasedDamages != nil)
        let state = try CaseBuilder(kind: "housing-delivery", on: "2022-10-20", details: details).state()
        #expect(try plugin.assess(state, context: context).figure("agreed_penalty") != nil)
        let over = details.merging(["paid_amount": .money(Money(fen: HousingDeliveryLimits.maximumAmount.fen + 1))])
        #expect(plugin.validate(over, context: context).map(\.field).contains("paid_amount"))
    }

    @Test("a delivery on 9999-12-31 with a title certificate due later names title_certificate_days")
    func titleCertificatePastLatest() throws {
        let details = HousingDeliverySchema.sample.merging([
            "construction_status": .enumeration("delivering"),
            "completion_acceptance_date": .date(CivilDate.latest), "delivery_start_date": .date(CivilDate.latest),
            "demands": .list([.enumeration("title_certificate")]),
        ])
        #expect(plugin.validate(details, context: context).isEmpty)
        let state = try CaseBuilder(kind: "housing-delivery", on: "2022-10-20", details: details).state()
        let error = domainError { try plugin.assess(state, context: context) }
        #expect(error?.violations.map(\.field) == ["title_certificate_days"])
    }
}
