public import JiefenDomain

/// The `land-lease-arrears` dispute plugin: rent arrears on transferred rural land (土地流转租金拖欠), domain.md B.2.
public struct LandLeaseArrearsPlugin: DisputePlugin {
    /// Thresholds, rent band and seasonal dates (customary and synthetic, configurable).
    public struct Configuration: Sendable, Hashable {
        /// Households at or above which the case is P1.
        public var p1Households = 30
        /// Households at or above which the case is P2.
        public var p2Households = 10
        /// Arrears at or above which the case is P2.
        public var p2Arrears = Money(yuan: 100_000)
        /// Months overdue at or above which the case is P2.
        public var p2MonthsOverdue = 12
        /// Local cash-rent band per mu per year; rents outside it are flagged [S].
        public var rentBand: ClosedRange<Int64> = 30_000...120_000
        /// Spring Festival dates; severity is raised in the days before each.
        public var springFestivals: [CivilDate] = [
            (2021, 2, 12), (2022, 2, 1), (2023, 1, 22), (2024, 2, 10), (2025, 1, 29),
            (2026, 2, 17), (2027, 2, 6), (2028, 1, 26), (2029, 2, 13), (2030, 2, 3),
        ].map { CivilDate(clampingYear: $0.0, month: $0.1, day: $0.2) }
        /// How many days before Spring Festival count as "the weeks before".
        public var daysBeforeSpringFestival = 28
        /// Arbitration limitation in months (Mediation and Arbitration Law Art. 18: 2 years).
        public var limitationMonths = 24
        /// Warn this many days before the limitation expires.
        public var limitationWarningDays = 60
        /// Creates the default configuration.
        public init() {}
    }

    /// The configuration in use.
    public var configuration: Configuration

    /// Creates the plugin.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// `land-lease-arrears`.
    public let kind: DisputeKind = "land-lease-arrears"
    /// The title.
    public let title = "Land-transfer rent arrears (土地流转租金拖欠)"
    /// The plugin version.
    public let version = "1.0.0"
    /// The detail schema.
    public var schema: DetailSchema { LandLeaseSchema.schema }
    /// A valid example (domain.md B.2).
    public var sampleDetails: Details { LandLeaseSchema.sample }

    /// Schema and cross-field violations (see ``LandLeaseValidation``).
    public func validate(_ details: Details, context: PluginContext) -> [FieldViolation] {
        LandLeaseValidation.violations(details)
    }

    /// Arrears, late fee, severity, routing and advice.
    /// - Throws: invalidArgument listing the violations when the case's details fail ``validate(_:context:)``
    ///   (nothing is computed from them), or naming the attribute whose value makes a figure or date overflow.
    public func assess(_ state: CaseState, context: PluginContext) throws(DomainError) -> Assessment {
        try LandLeaseValidation.requireValid(state.details)
        return try LandLeaseAssessor(configuration: configuration, state: state, context: context).assessment()
    }

    /// A case cannot close as resolved (closed resolved_*, agreement reached, resolved online) without a
    /// repayment plan or payment record.
    /// - Throws: invalidArgument listing the violations when the details it decides on (the case's, merged with a
    ///   `details_updated` event's changes) fail ``validate(_:context:)``.
    public func decide(_ event: CaseEvent, on state: CaseState, context: PluginContext) throws(DomainError) -> Decision {
        try LandLeaseValidation.requireValid(event.detailsAfter(on: state))
        let resolving: Bool
        switch event.payload {
        case .closed(let outcome): resolving = outcome.isResolved
        case .agreementReached, .resolvedOnline: resolving = true
        default: resolving = false
        }
        guard resolving else { return .allow() }
        let details = state.details
        if details.text("repayment_plan_ref") == nil && details.text("payment_record_ref") == nil {
            return .deny(
                "a land-lease case closes as resolved only with a repayment plan or payment record: "
                    + "set repayment_plan_ref or payment_record_ref first")
        }
        return .allow()
    }
}
