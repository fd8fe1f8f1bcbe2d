public import JiefenDomain

/// The `general-matter` plugin: the everyday livelihood matters raised at village reception, walk-in and on the
/// hotline that are not one of the specialised kinds (domain.md E.2 "general": neighbour and family quarrels, roads,
/// water and lighting, social security, sanitation, other). It records the category and routes by it.
public struct GeneralMatterPlugin: DisputePlugin {
    /// Creates the plugin.
    public init() {}

    /// `general-matter`.
    public let kind: DisputeKind = "general-matter"
    /// The title.
    public let title = "General livelihood matter (民生诉求 / 家长里短)"
    /// The plugin version.
    public let version = "1.0.0"
    /// The detail schema.
    public var schema: DetailSchema { GeneralMatterSchema.schema }
    /// A valid example: a boundary quarrel between neighbours.
    public var sampleDetails: Details { ["category": .enumeration("neighbour_family"), "village_group": .text("3组")] }

    /// Schema violations only; the kind has no cross-field rules.
    public func validate(_ details: Details, context: PluginContext) -> [FieldViolation] {
        GeneralMatterSchema.schema.validate(details)
    }

    /// P3 by default; P2 for a collective visit, a group of five or more, vulnerable people, or a risk of
    /// violence (which also brings in the police station, People's Mediation Law Art. 25).
    /// - Throws: invalidArgument listing the violations when the case's details fail ``validate(_:context:)``.
    public func assess(_ state: CaseState, context: PluginContext) throws(DomainError) -> Assessment {
        let violations = GeneralMatterSchema.schema.validate(state.details)
        guard violations.isEmpty else { throw .invalidArgument(violations) }
        let category = state.details.enumeration("category") ?? "other"
        let violence = state.details.bool("violence_risk") ?? false
        var advice: [Advice] = []
        var severity = Severity.p3
        if state.hadCollectiveVisit(context.rules.collective) || state.personsInvolved >= context.rules.collective.threshold
            || !state.vulnerableFlags.isEmpty
        {
            severity = .p2
        }
        var supporting: [DepartmentCode] = []
        if violence {
            severity = .p2
            supporting.append(.policeStation)
            advice.append(
                Advice(code: "inform_police", message: "a risk of violence: inform the police station (People's Mediation Law Art. 25)"))
        }
        return Assessment(
            severity: severity, suggestedDepartment: GeneralMatterSchema.department(for: category),
            supportingDepartments: supporting, advice: advice)
    }

    /// Every lifecycle event is allowed; the kind adds no rules of its own.
    /// - Throws: invalidArgument listing the violations when the details it decides on (the case's, merged with a
    ///   `details_updated` event's changes) fail ``validate(_:context:)``.
    public func decide(_ event: CaseEvent, on state: CaseState, context: PluginContext) throws(DomainError) -> Decision {
        let violations = GeneralMatterSchema.schema.validate(event.detailsAfter(on: state))
        guard violations.isEmpty else { throw .invalidArgument(violations) }
        return .allow()
    }
}
