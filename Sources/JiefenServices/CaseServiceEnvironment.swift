public import JiefenDomain
public import JiefenStore

/// What the case services need: the store, the registered dispute plugins, the case rules and a clock.
public struct CaseServiceEnvironment: Sendable {
    /// Where cases live.
    public var store: any CaseStore
    /// The dispute kinds this server handles.
    public var plugins: PluginRegistry
    /// Time limits, day counting and the collective-visit threshold.
    public var rules: CaseRules
    /// The clock for "now" (a fixed clock in tests).
    public var clock: any DomainClock

    /// Creates the environment.
    public init(store: any CaseStore, plugins: PluginRegistry, rules: CaseRules = .standard, clock: any DomainClock = SystemClock()) {
        self.store = store
        self.plugins = plugins
        self.rules = rules
        self.clock = clock
    }

    var repository: CaseRepository { CaseRepository(store: store, plugins: plugins, offset: rules.offset) }

    func context() -> PluginContext {
        PluginContext(now: clock.now, rules: rules, lookup: StoreCaseLookup(repository: repository))
    }
}

/// Lets plugins read other cases (read-only) through the store.
struct StoreCaseLookup: CaseLookup {
    let repository: CaseRepository

    func caseState(_ id: CaseID) async -> CaseState? {
        try? await repository.load(id.rawValue).state
    }
}
