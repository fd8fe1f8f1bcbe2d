import GeneralMatterPlugin
import JiefenDomain
import JiefenDomainTesting
import Testing

@Suite("General matter plugin")
struct GeneralMatterPluginTests {
    let plugin = GeneralMatterPlugin()

    @Test("passes the conformance check")
    func conformance() async {
        let issues = await PluginConformance.check(plugin)
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test("requires a known category")
    func category() {
        let context = FixedClock(date: "2022-07-03").context()
        #expect(plugin.validate([:], context: context).contains { $0.field.hasSuffix("category") })
        #expect(plugin.validate(["category": .enumeration("weather")], context: context).contains { $0.field.hasSuffix("category") })
        #expect(plugin.validate(["category": .enumeration("sanitation")], context: context).isEmpty)
    }

    @Test("routes by category and raises a violence risk to the police")
    func routing() throws {
        let context = FixedClock(date: "2022-07-03").context()
        let quarrel = try CaseBuilder(
            kind: "general-matter", track: .petition, channel: .villageReception, on: "2022-07-03",
            details: ["category": .enumeration("neighbour_family"), "violence_risk": .bool(true)]
        ).state()
        let assessment = try plugin.assess(quarrel, context: context)
        #expect(assessment.suggestedDepartment == .judicialOffice)
        #expect(assessment.supportingDepartments == [.policeStation])
        #expect(assessment.severity == .p2)
        let road = try CaseBuilder(
            kind: "general-matter", track: .petition, channel: .hotline, on: "2022-07-03",
            details: ["category": .enumeration("roads_water_lighting")]
        ).state()
        #expect(try plugin.assess(road, context: context).severity == .p3)
        #expect(try plugin.assess(road, context: context).suggestedDepartment == .planningConstructionOffice)
    }
}
