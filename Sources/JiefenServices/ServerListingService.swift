import JiefenAPI
public import TTRPCCore

/// `jiefen.v1.Server/ListServices`: every registered service and method, so tools can discover a server.
public struct ServerListingService: TTRPCService {
    private let listing: JiefenV1.ListServicesResponse

    /// Creates the service for a listing of the other services; its own entry is added.
    public init(listing: TTRPCServiceListing) {
        var services = listing.services
        services.append(.init(name: Server.name, methods: [.init(name: Server.listServices.method, kind: "unary")]))
        self.listing = JiefenV1.ListServicesResponse(
            services: services.sorted { $0.name < $1.name }.map { service in
                JiefenV1.ServiceDescriptor(
                    name: service.name,
                    methods: service.methods.map { JiefenV1.MethodDescriptor(name: $0.name, kind: $0.kind) }
                )
            }
        )
    }

    public func registerMethods(with router: inout TTRPCRouter) {
        let listing = self.listing
        router.register(Server.listServices, onEventLoop: { _, _ in listing })
    }
}

extension TTRPCRouter {
    /// Registers the health and listing services for everything registered so far. Call it last.
    public mutating func registerDiscoveryServices() {
        var listing = self.listing
        listing.services.append(.init(name: HealthService.name, methods: [.init(name: "Check", kind: "unary")]))
        registerHealthService(also: [Server.name])
        register(ServerListingService(listing: listing))
    }
}
