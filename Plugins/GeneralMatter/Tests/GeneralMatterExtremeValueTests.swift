import GeneralMatterPlugin
import JiefenDomain
import JiefenDomainTesting
import Testing

/// The general-matter kind has no numeric attributes; its assess and decide refuse details its validation refuses.
@Suite("General matter with invalid details")
struct GeneralMatterExtremeValueTests {
    let plugin = GeneralMatterPlugin()
    let context = FixedClock(date: "2022-07-03").context()

    @Test("assess and decide answer the validation's violations, and persons involved at the bound still assess")
    func invalidDetails() throws {
        #expect(ExtremeValues.variants(of: GeneralMatterSchema.schema).isEmpty)
        let details: Details = ["category": .enumeration("weather"), "count": .integer(.max)]
        let violations = plugin.validate(details, context: context)
        let state = try CaseBuilder(kind: "general-matter", on: "2022-07-03", details: details).state()
        #expect(domainError { try plugin.assess(state, context: context) }?.violations == violations)
        let event = CaseEvent(sequence: 2, actor: Fixture.clerk, at: Fixture.at("2022-07-03", 10), payload: .handlingStarted)
        #expect(domainError { try plugin.decide(event, on: state, context: context) }?.violations == violations)
        let crowd = try CaseBuilder(
            kind: "general-matter", on: "2022-07-03", details: ["category": .enumeration("other")],
            personsInvolved: Registration.maximumInvolved
        ).state()
        #expect(try plugin.assess(crowd, context: context).severity == .p2)
    }
}
