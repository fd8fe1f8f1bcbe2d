public import JiefenDomain

/// The `agricultural-claim` dispute plugin: crop damage from pesticides, herbicide drift, seeds or fertiliser
/// (农业损害), domain.md B.3.
public struct AgriculturalClaimPlugin: DisputePlugin {
    /// Thresholds and regional bands (customary and synthetic, configurable).
    public struct Configuration: Sendable, Hashable {
        /// Affected area at or above which the case is P1.
        public var p1Area = AreaMu(mu: 50)
        /// Households at or above which the case is P1.
        public var p1Households = 10
        /// Regional band of expected yield, kg/mu [S].
        public var yieldBand: ClosedRange<Int64> = 100...1_200
        /// Regional band of crop prices, fen/kg [S].
        public var priceBand: ClosedRange<Int64> = 100...2_000
        /// Creates the default configuration.
        public init() {}
    }

    /// The configuration in use.
    public var configuration: Configuration

    /// Creates the plugin.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// `agricultural-claim`.
    public let kind: DisputeKind = "agricultural-claim"
    /// The title.
    public let title = "Agricultural damage claim (农业损害)"
    /// The plugin version.
    public let version = "1.0.0"
    /// The detail schema.
    public var schema: DetailSchema { AgriculturalClaimSchema.schema }
    /// A valid example (anchor A).
    public var sampleDetails: Details { AgriculturalClaimSchema.sample }

    /// Schema and cross-field violations (see ``AgriculturalClaimValidation``).
    public func validate(_ details: Details, context: PluginContext) -> [FieldViolation] {
        AgriculturalClaimValidation.violations(details)
    }

    /// Crop loss, severity (at least P2: evidence perishes), routing and advice.
    /// - Throws: invalidArgument listing the violations when the case's details fail ``validate(_:context:)``
    ///   (nothing is computed from them).
    public func assess(_ state: CaseState, context: PluginContext) throws(DomainError) -> Assessment {
        try AgriculturalClaimValidation.requireValid(state.details)
        return try AgriculturalClaimAssessor(configuration: configuration, state: state).assessment()
    }

    /// Mediation (starting it, or replying with a mediation or settlement agreement) needs a named respondent and
    /// at least one photo.
    /// - Throws: invalidArgument listing the violations when the details it decides on (the case's, merged with a
    ///   `details_updated` event's changes) fail ``validate(_:context:)``.
    public func decide(_ event: CaseEvent, on state: CaseState, context: PluginContext) throws(DomainError) -> Decision {
        try AgriculturalClaimValidation.requireValid(event.detailsAfter(on: state))
        switch event.payload {
        case .mediationStarted:
            break
        case .replied(let reply) where reply.decision == .mediationAgreement || reply.decision == .settlementAgreement:
            break
        default:
            return .allow()
        }
        var missing: [String] = []
        if state.details.text("respondent_name") == nil { missing.append("respondent_name") }
        if (state.details.list("evidence_photos") ?? []).isEmpty { missing.append("evidence_photos (at least one)") }
        guard missing.isEmpty else {
            return .deny("mediation needs \(missing.joined(separator: " and ")); record them before '\(event.kind)'")
        }
        return .allow()
    }
}
