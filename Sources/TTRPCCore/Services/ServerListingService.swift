public import JiefenWire
import NIOCore

/// `jiefen.v1.Server/ListServices`: every registered service and method, so tools can discover a server.
public struct ServerListingService: TTRPCService {
    /// The service name on the wire.
    public static let name = "jiefen.v1.Server"
    private let listing: ServiceListing

    /// Creates the service for a listing of the other services; its own entry is added.
    public init(listing: ServiceListing) {
        var services = listing.services
        services.append(.init(name: Self.name, methods: [.init(name: "ListServices", kind: "unary")]))
        self.listing = ServiceListing(services: services.sorted { $0.name < $1.name })
    }

    public func registerMethods(with router: inout TTRPCRouter) {
        let listing = self.listing
        router.register(service: Self.name, method: "ListServices", .onEventLoop { _, _ in
            var out = ByteBuffer()
            try listing.encode(into: &out)
            return out
        })
    }
}

extension TTRPCRouter {
    /// Registers the health and listing services for everything registered so far. Call it last.
    public mutating func registerDiscoveryServices() {
        var listing = self.listing
        listing.services.append(.init(name: HealthService.name, methods: [.init(name: "Check", kind: "unary")]))
        let names = Set(listing.services.map(\.name)).union([ServerListingService.name])
        register(HealthService(services: names))
        register(ServerListingService(listing: listing))
    }
}
