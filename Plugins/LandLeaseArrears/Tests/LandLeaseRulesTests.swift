import JiefenDomain
import JiefenDomainTesting
import LandLeaseArrearsPlugin
import Testing

private let beyondTerm: [DetailValue] =
    LandLeaseSchema.sample.list("payment_schedule").map {
        $0 + [.date(Fixture.date("2030-01-01"))]
    } ?? []

private let repeated: [DetailValue] =
    LandLeaseSchema.sample.list("payment_schedule").map {
        $0 + [.date(Fixture.date("2020-01-01"))]
    } ?? []

@Suite("Land-lease validation and decisions")
struct LandLeaseRulesTests {
    let plugin = LandLeaseArrearsPlugin()
    let context = FixedClock(date: "2023-01-10").context()

    @Test(
        "every validation rule names its field",
        arguments: [
            DetailEdit("bad transferee id", set: ["transferee_id": .text("91350100M000100Y44")], expect: "transferee_id"),
            DetailEdit("no contract number", remove: ["contract_no"], expect: "contract_no"),
            DetailEdit("no signing date", remove: ["signed_date"], expect: "signed_date"),
            DetailEdit("zero area", set: ["area_mu": .area(AreaMu(hundredths: 0))], expect: "area_mu"),
            DetailEdit("area above contracted", set: ["contracted_area_mu": .area(AreaMu(mu: 100))], expect: "area_mu"),
            DetailEdit("term ends before start", set: ["term_end": .date(Fixture.date("2019-12-31"))], expect: "term_end"),
            DetailEdit("term beyond contract", set: ["contract_term_end": .date(Fixture.date("2028-12-31"))], expect: "term_end"),
            DetailEdit("no rent", remove: ["rent_per_mu_per_year"], expect: "rent_per_mu_per_year"),
            DetailEdit("negative rent", set: ["rent_per_mu_per_year": .money(Money(fen: -1))], expect: "rent_per_mu_per_year"),
            DetailEdit(
                "grain without price",
                set: [
                    "rent_in_kind_kg_per_mu": .integer(500),
                    "grain_price_source": .text("county bureau"),
                ], expect: "grain_price_per_kg"),
            DetailEdit(
                "grain without source",
                set: [
                    "rent_in_kind_kg_per_mu": .integer(500),
                    "grain_price_per_kg": .money(Money(fen: 260)),
                ], expect: "grain_price_source"),
            DetailEdit("repeated due date", set: ["payment_schedule": .list(repeated)], expect: "payment_schedule"),
            DetailEdit("due date outside term", set: ["payment_schedule": .list(beyondTerm)], expect: "payment_schedule[20]"),
            DetailEdit("paid above term rent", set: ["amount_paid": .money(Money(fen: 111_900_001))], expect: "amount_paid"),
            DetailEdit("daily rate missing", set: ["late_fee_terms": .enumeration("daily_rate")], expect: "late_fee_daily_rate"),
            DetailEdit("fixed fee missing", set: ["late_fee_terms": .enumeration("fixed")], expect: "late_fee_fixed"),
            DetailEdit("abandoned without date", set: ["land_status": .enumeration("abandoned")], expect: "abandoned_since"),
            DetailEdit("no transferors", set: ["transferors": .list([])], expect: "transferors"),
            DetailEdit("period of 13 months", set: ["payment_period_months": .integer(13)], expect: "payment_period_months"),
            DetailEdit("unknown land type", set: ["land_type": .enumeration("desert")], expect: "land_type"),
            DetailEdit("transferors missing", remove: ["transferors"], expect: "transferors"),
            DetailEdit("transferee missing", remove: ["transferee_name"], expect: "transferee_name"),
            DetailEdit("transferee id missing", remove: ["transferee_id"], expect: "transferee_id"),
            DetailEdit("written contract flag missing", remove: ["written_contract"], expect: "written_contract"),
            DetailEdit("area missing", remove: ["area_mu"], expect: "area_mu"),
            DetailEdit("term start missing", remove: ["term_start"], expect: "term_start"),
            DetailEdit("term end missing", remove: ["term_end"], expect: "term_end"),
            DetailEdit("schedule missing", remove: ["payment_schedule"], expect: "payment_schedule"),
            DetailEdit("paid missing", remove: ["amount_paid"], expect: "amount_paid"),
        ])
    func rule(edit: DetailEdit) {
        let violations = plugin.validate(edit.applied(to: LandLeaseSchema.sample), context: context)
        #expect(violations.map(\.field) == [edit.expectedField], "\(violations)")
    }

    @Test("a person transferee with a valid ID number, and an oral contract, are accepted")
    func personTransferee() {
        var details = LandLeaseSchema.sample.merging([
            "transferee_id": .text("11010519491231002X"),
            "written_contract": .bool(false),
        ])
        details["contract_no"] = nil
        details["signed_date"] = nil
        #expect(plugin.validate(details, context: context).isEmpty)
    }

    @Test(
        "cannot close as resolved without a repayment plan or payment record",
        arguments: [
            CaseEventPayload.closed(.resolvedTown), .closed(.resolvedJointMeeting),
            .agreementReached(outcome: .resolvedDepartment, documentRef: "MA-1", effectiveOn: nil),
            .resolvedOnline(summary: "paid"),
        ])
    func resolvingNeedsPlan(payload: CaseEventPayload) throws {
        let builder = landCase(LandLeaseSchema.sample)
        let event = builder.event(payload, on: "2022-09-01")
        let denied = try plugin.decide(event, on: try builder.state(), context: context)
        #expect(!denied.isAllowed)
        #expect(denied.reason.contains("repayment_plan_ref or payment_record_ref"))
        for ref in ["repayment_plan_ref", "payment_record_ref"] {
            let withRef = landCase(LandLeaseSchema.sample.merging([ref: .text("RP-2022-09")]))
            #expect(try plugin.decide(event, on: try withRef.state(), context: context).isAllowed)
        }
    }

    @Test("closing as not supported needs no plan; the workflow denies a resolved close with the reason")
    func workflow() async throws {
        let builder = landCase(LandLeaseSchema.sample).inProgress(acceptedOn: "2022-08-21")
            .then(.replied(Reply(decision: .support)), on: "2022-09-01")
        let close = builder.event(.closed(.resolvedTown), on: "2022-09-01")
        let error = await domainError {
            try await CaseWorkflow.apply(close, to: try builder.state(), plugin: plugin, context: context)
        }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.hasPrefix("land-lease-arrears: ") == true)
        #expect(
            try plugin.decide(
                builder.event(.closed(.notSupported), on: "2022-09-01"), on: try builder.state(),
                context: context
            ).isAllowed)
    }
}
