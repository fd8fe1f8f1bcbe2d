import HousingDeliveryPlugin
import JiefenDomain
import JiefenDomainTesting
import Testing

@Suite("Housing delivery validation and decisions")
struct HousingDeliveryRulesTests {
    let plugin = HousingDeliveryPlugin()
    let context = FixedClock(date: "2023-01-18").context()

    @Test(
        "every validation rule names its field",
        arguments: [
            DetailEdit("USCC check character", set: ["developer_uscc": .text("91350100M000100Y44")], expect: "developer_uscc"),
            DetailEdit("USCC length", set: ["developer_uscc": .text("9135010")], expect: "developer_uscc"),
            DetailEdit(
                "represented above affected", set: ["households_represented": .integer(119)],
                expect: "households_represented"),
            DetailEdit("stalled without date", set: ["construction_status": .enumeration("stalled")], expect: "stalled_since"),
            DetailEdit(
                "accepted without date", set: ["construction_status": .enumeration("completion_accepted")],
                expect: "completion_acceptance_date"),
            DetailEdit(
                "delivering without delivery date",
                set: [
                    "construction_status": .enumeration("delivering"),
                    "completion_acceptance_date": .date(Fixture.date("2023-01-17")),
                ], expect: "delivery_start_date"),
            DetailEdit(
                "delivery before acceptance",
                set: [
                    "completion_acceptance_date": .date(Fixture.date("2023-01-17")),
                    "delivery_start_date": .date(Fixture.date("2023-01-16")),
                ], expect: "delivery_start_date"),
            DetailEdit(
                "delivery without acceptance", set: ["delivery_start_date": .date(Fixture.date("2023-01-18"))],
                expect: "completion_acceptance_date"),
            DetailEdit("paid above total", set: ["paid_amount": .money(Money(yuan: 800_001))], expect: "paid_amount"),
            DetailEdit("paid negative", set: ["paid_amount": .money(Money(fen: -1))], expect: "paid_amount"),
            DetailEdit("no demands", set: ["demands": .list([])], expect: "demands"),
            DetailEdit(
                "repeated demand", set: ["demands": .list([.enumeration("deliver"), .enumeration("deliver")])],
                expect: "demands"),
            DetailEdit("unknown demand", set: ["demands": .list([.enumeration("apology")])], expect: "demands[0]"),
            DetailEdit("negative grace", set: ["grace_days": .integer(-1)], expect: "grace_days"),
            DetailEdit(
                "negative rate", set: ["penalty_rate_per_day": .decimal(FixedDecimal(units: -1, scale: 4))],
                expect: "penalty_rate_per_day"),
            DetailEdit("unknown status", set: ["construction_status": .enumeration("abandoned")], expect: "construction_status"),
            DetailEdit("unknown penalty base", set: ["penalty_base": .enumeration("rent")], expect: "penalty_base"),
            DetailEdit("project name missing", remove: ["project_name"], expect: "project_name"),
            DetailEdit("location missing", remove: ["location"], expect: "location"),
            DetailEdit("contract date missing", remove: ["contract_delivery_date"], expect: "contract_delivery_date"),
            DetailEdit("status missing", remove: ["construction_status"], expect: "construction_status"),
            DetailEdit("demands missing", remove: ["demands"], expect: "demands"),
        ])
    func rule(edit: DetailEdit) {
        let violations = plugin.validate(edit.applied(to: HousingDeliverySchema.sample), context: context)
        #expect(violations.map(\.field) == [edit.expectedField], "\(violations)")
    }

    @Test("with litigation pending, acceptance is denied and guided_legal allowed")
    func litigation() async throws {
        let builder = CaseBuilder(
            kind: "housing-delivery", on: "2022-10-20",
            details: HousingDeliverySchema.sample.merging(["litigation_pending": .bool(true)]))
        let state = try builder.state()
        let accept = try plugin.decide(builder.event(.accepted(noticeOn: nil), on: "2022-10-21"), on: state, context: context)
        #expect(!accept.isAllowed)
        #expect(accept.reason.contains("guided_legal"))
        let guided = builder.event(.guidedLegal(procedure: "civil litigation"), on: "2022-10-21")
        let result = try await CaseWorkflow.apply(guided, to: state, plugin: plugin, context: context)
        #expect(result.state.outcome == .guidedLegal)
        let plain = try CaseBuilder(kind: "housing-delivery", on: "2022-10-20", details: HousingDeliverySchema.sample).state()
        #expect(try plugin.decide(builder.event(.accepted(noticeOn: nil), on: "2022-10-21"), on: plain, context: context).isAllowed)
    }

    @Test("recording a delivery start sets the status to delivering")
    func deliveryChangesStatus() async throws {
        let builder = CaseBuilder(kind: "housing-delivery", on: "2022-10-20", details: HousingDeliverySchema.sample)
        let update = builder.event(
            .detailsUpdated([
                "completion_acceptance_date": .date(Fixture.date("2023-01-17")),
                "delivery_start_date": .date(Fixture.date("2023-01-18")),
            ]),
            on: "2023-01-18")
        let result = try await CaseWorkflow.apply(update, to: try builder.state(), plugin: plugin, context: context)
        #expect(result.events.count == 2)
        #expect(result.state.details.enumeration("construction_status") == "delivering")
    }
}
