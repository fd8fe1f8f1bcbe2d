public import JiefenDomain

/// The `housing-delivery` dispute plugin: late or stalled delivery of pre-sold homes (商品房逾期交付 / 烂尾),
/// domain.md B.1.
public struct HousingDeliveryPlugin: DisputePlugin {
    /// Thresholds for severity and flags (customary, configurable).
    public struct Configuration: Sendable, Hashable {
        /// Households at or above which the case is P1.
        public var p1Households: Int64 = 100
        /// Households at or above which the case is P2.
        public var p2Households: Int64 = 10
        /// Months stalled at or above which the case is P2.
        public var stalledMonthsForP2 = 12
        /// Agreed daily rates above this are flagged for review (0.0005 = 万分之五).
        public var penaltyRateReviewAbove = FixedDecimal(units: 5, scale: 4)
        /// Default days after delivery for the title certificate (SPC Interpretation Art. 14).
        public var titleCertificateDays = 90
        /// Creates the default configuration.
        public init() {}
    }

    /// The configuration in use.
    public var configuration: Configuration

    /// Creates the plugin.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// `housing-delivery`.
    public let kind: DisputeKind = "housing-delivery"
    /// The title.
    public let title = "Housing delivery dispute (商品房逾期交付/烂尾)"
    /// The plugin version.
    public let version = "1.0.0"
    /// The detail schema.
    public var schema: DetailSchema { HousingDeliverySchema.schema }
    /// A valid example (anchor H, one household).
    public var sampleDetails: Details { HousingDeliverySchema.sample }

    /// Schema and cross-field violations (see ``HousingDeliveryValidation``).
    public func validate(_ details: Details, context: PluginContext) -> [FieldViolation] {
        HousingDeliveryValidation.violations(details)
    }

    /// Delay, agreed penalty or comparable-rent damages, severity, routing and advice.
    /// - Throws: invalidArgument listing the violations when the case's details fail ``validate(_:context:)``
    ///   (nothing is computed from them), or naming the attribute whose date arithmetic leaves years 1...9999.
    public func assess(_ state: CaseState, context: PluginContext) throws(DomainError) -> Assessment {
        try HousingDeliveryValidation.requireValid(state.details)
        return try HousingDeliveryAssessor(configuration: configuration, state: state, context: context).assessment()
    }

    /// Refuses acceptance, assignment and mediation while litigation is pending (the case is guided to court,
    /// domain.md A.5); marks the status `delivering` when a delivery start date is recorded.
    /// - Throws: invalidArgument listing the violations when the details it decides on (the case's, merged with a
    ///   `details_updated` event's changes) fail ``validate(_:context:)``.
    public func decide(_ event: CaseEvent, on state: CaseState, context: PluginContext) throws(DomainError) -> Decision {
        try HousingDeliveryValidation.requireValid(event.detailsAfter(on: state))
        let litigation = state.details.bool("litigation_pending") == true
        switch event.payload {
        case .accepted, .assigned, .mediationStarted, .handlingStarted:
            guard litigation else { return .allow() }
            return .deny(
                "litigation is pending, so the matter belongs to the court: record 'guided_legal' "
                    + "(allowed in REGISTERED, ACCEPTED, ASSIGNED, IN_PROGRESS) instead of '\(event.kind)'")
        case .detailsUpdated(let changes):
            let merged = state.details.merging(changes)
            if changes.date("delivery_start_date") != nil, merged.enumeration("construction_status") != "delivering" {
                return .allow(detailChanges: ["construction_status": .enumeration("delivering")])
            }
            return .allow()
        default:
            return .allow()
        }
    }
}
