import AgriculturalClaimPlugin
import JiefenDomain
import JiefenDomainTesting
import Testing

private let product: Details = [
    "product_name": .text("glyphosate 41 %"), "pesticide_reg_no": .text("PD20080001"), "batch_no": .text("B-22-07"),
    "dealer_license": .text("NY-340181-0007"),
]

private func pesticide(without field: String) -> DetailEdit {
    var set = product
    set[field] = nil
    set["subtype"] = .enumeration("pesticide_damage")
    return DetailEdit("pesticide claim without \(field)", set: set, expect: field)
}

@Suite("Agricultural claim validation and decisions")
struct AgriculturalClaimRulesTests {
    let plugin = AgriculturalClaimPlugin()
    let context = FixedClock(date: "2022-07-12").context()

    @Test(
        "every validation rule names its field",
        arguments: [
            DetailEdit("no affected area", set: ["affected_area_mu": .area(AreaMu(hundredths: 0))], expect: "affected_area_mu"),
            DetailEdit("affected above plot", set: ["affected_area_mu": .area(AreaMu(hundredths: 201))], expect: "affected_area_mu"),
            DetailEdit(
                "symptoms before application", set: ["symptom_observed_date": .date(Fixture.date("2022-07-09"))],
                expect: "symptom_observed_date"),
            pesticide(without: "product_name"), pesticide(without: "pesticide_reg_no"), pesticide(without: "batch_no"),
            pesticide(without: "dealer_license"),
            DetailEdit(
                "seed claim without dealer licence",
                set: [
                    "subtype": .enumeration("seed_quality"),
                    "product_name": .text("seed X"), "batch_no": .text("B1"),
                ], expect: "dealer_license"),
            DetailEdit("drift without weather", remove: ["weather_at_application"], expect: "weather_at_application"),
            DetailEdit("loss ratio above 1", set: ["loss_ratio": .decimal(FixedDecimal(units: 101, scale: 2))], expect: "loss_ratio"),
            DetailEdit(
                "loss ratio with 5 decimals", set: ["loss_ratio": .decimal(FixedDecimal(units: 1, scale: 5))],
                expect: "loss_ratio"),
            DetailEdit("salvage above loss", set: ["salvage_value": .money(Money(yuan: 500))], expect: "salvage_value"),
            DetailEdit("unknown subtype", set: ["subtype": .enumeration("hail")], expect: "subtype"),
            DetailEdit("unknown growth stage", set: ["growth_stage": .enumeration("dormant")], expect: "growth_stage"),
            DetailEdit("negative yield", set: ["expected_yield_kg_per_mu": .integer(-1)], expect: "expected_yield_kg_per_mu"),
            DetailEdit("subtype missing", remove: ["subtype"], expect: "subtype"),
            DetailEdit("claimant missing", remove: ["claimant_household"], expect: "claimant_household"),
            DetailEdit("crop missing", remove: ["crop"], expect: "crop"),
            DetailEdit("variety missing", remove: ["variety"], expect: "variety"),
            DetailEdit("growth stage missing", remove: ["growth_stage"], expect: "growth_stage"),
            DetailEdit("plot area missing", remove: ["plot_area_mu"], expect: "plot_area_mu"),
            DetailEdit("affected area missing", remove: ["affected_area_mu"], expect: "affected_area_mu"),
        ])
    func rule(edit: DetailEdit) {
        let violations = plugin.validate(edit.applied(to: AgriculturalClaimSchema.sample), context: context)
        #expect(violations.map(\.field) == [edit.expectedField], "\(violations)")
    }

    @Test("a complete pesticide claim is valid")
    func pesticideValid() {
        let details = AgriculturalClaimSchema.sample.merging(product).merging(["subtype": .enumeration("pesticide_damage")])
        #expect(plugin.validate(details, context: context).isEmpty)
    }

    @Test(
        "mediation needs a respondent and at least one photo",
        arguments: [
            ("respondent_name", "respondent_name"), ("evidence_photos", "evidence_photos"),
        ])
    func mediationNeeds(remove: String, named: String) throws {
        var details = AgriculturalClaimSchema.sample
        details[remove] = nil
        let builder = CaseBuilder(kind: "agricultural-claim", track: .dispute, on: "2022-07-12", details: details)
        for payload in [CaseEventPayload.mediationStarted, .replied(Reply(decision: .mediationAgreement))] {
            let decision = try plugin.decide(builder.event(payload, on: "2022-07-12"), on: try builder.state(), context: context)
            #expect(!decision.isAllowed)
            #expect(decision.reason.contains(named))
        }
        let support = builder.event(.replied(Reply(decision: .support)), on: "2022-07-12")
        #expect(try plugin.decide(support, on: try builder.state(), context: context).isAllowed)
    }

    @Test("anchor A: registered 08:40, agreement 16:30 — settled in 7 h 50 min")
    func anchorA() async throws {
        var builder = CaseBuilder(
            id: "JF-A", kind: "agricultural-claim", track: .dispute, channel: .wechatGroup,
            on: "2022-07-12", details: AgriculturalClaimSchema.sample)
        builder.registeredAt = Fixture.at("2022-07-12", 8, 40)
        var state = try await CaseWorkflow.register(builder.registrationEvent, plugin: plugin, context: context)
        let steps: [(CaseEventPayload, Int, Int)] = [
            (.assigned(.agriculturalServiceStation), 9, 5), (.mediationStarted, 10, 30),
            (.agreementReached(outcome: .resolvedDepartment, documentRef: "TY-MA-2022-071", effectiveOn: nil), 16, 30),
        ]
        for (payload, hour, minute) in steps {
            let event = CaseEvent(
                sequence: state.version + 1, actor: Fixture.clerk,
                at: Fixture.at("2022-07-12", hour, minute), payload: payload)
            state = try await CaseWorkflow.apply(event, to: state, plugin: plugin, context: context).state
        }
        #expect(state.status == .agreement)
        #expect(state.outcome == .resolvedDepartment)
        #expect(state.closedAt.map { state.registeredAt.seconds(until: $0) } == Int64(7 * 3600 + 50 * 60))
    }
}
