/// What a plugin may know besides the case: the time, the rules in force and read-only lookups.
public struct PluginContext: Sendable {
    /// The current instant.
    public var now: Timestamp
    /// Statutory clock, collective-visit policy and time zone.
    public var rules: CaseRules
    /// Read-only access to other cases (e.g. a related earlier case).
    public var lookup: any CaseLookup

    /// Creates a context.
    public init(now: Timestamp, rules: CaseRules = .standard, lookup: any CaseLookup = NoCaseLookup()) {
        self.now = now
        self.rules = rules
        self.lookup = lookup
    }

    /// Creates a context reading the time from `clock`.
    public init(clock: some DomainClock, rules: CaseRules = .standard, lookup: any CaseLookup = NoCaseLookup()) {
        self.init(now: clock.now, rules: rules, lookup: lookup)
    }

    /// Today's local date.
    public var today: CivilDate { now.civilDate(offset: rules.offset) }
}

/// Read-only access to cases, for plugins that need a related case.
public protocol CaseLookup: Sendable {
    /// The case with `id`, or `nil` if there is none.
    func caseState(_ id: CaseID) async -> CaseState?
}

/// A lookup that finds nothing.
public struct NoCaseLookup: CaseLookup {
    /// Creates the lookup.
    public init() {}
    /// Always `nil`.
    public func caseState(_ id: CaseID) async -> CaseState? { nil }
}
