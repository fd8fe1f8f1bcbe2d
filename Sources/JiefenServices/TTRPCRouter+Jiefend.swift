import JiefenAPI
public import TTRPCCore

extension TTRPCRouter {
    /// Registers the jiefen.v1 case services over `environment`: Cases, Kinds, Contacts (with sessions and
    /// meetings) and Stats.
    public mutating func registerCaseServices(_ environment: CaseServiceEnvironment) {
        register(CasesService(environment: environment))
        register(KindsService(plugins: environment.plugins))
        register(ContactsService(environment: environment))
        register(StatsService(environment: environment))
    }

    /// Registers everything jiefend serves: Diagnostics, the case services over `environment`, then the discovery
    /// services that list them. The one composition jiefend and the server test kit share.
    public mutating func registerJiefendServices(_ environment: CaseServiceEnvironment) {
        registerJiefenDiagnostics()
        registerCaseServices(environment)
        registerDiscoveryServices()
    }
}
