import TTRPCWire
import NIOCore

/// `grpc.health.v1.Health/Check`, with the messages of gRPC health checking.
///
/// An empty service name asks about the server; a registered service name answers SERVING; any other name
/// answers NotFound, as gRPC's health service does.
public struct HealthService: TTRPCService {
    /// The service name on the wire.
    public static let name = "grpc.health.v1.Health"
    private let services: Set<String>

    /// Creates the service.
    /// - Parameter services: The names of the other registered services, which answer SERVING.
    public init(services: Set<String>) {
        self.services = services.union([Self.name])
    }

    public func registerMethods(with router: inout TTRPCRouter) {
        let services = self.services
        router.register(service: Self.name, method: "Check", .onEventLoop { _, payload in
            let request = try HealthCheckRequest(decoding: payload)
            guard request.service.isEmpty || services.contains(request.service) else {
                throw RPCError(code: .notFound, message: "unknown service \(request.service)")
            }
            var out = ByteBuffer()
            HealthCheckResponse(status: .serving).encode(into: &out)
            return out
        })
    }
}

extension TTRPCRouter {
    /// Registers the health service for everything registered so far, plus `also` (services registered after it,
    /// such as a discovery service). Call it after the other services.
    public mutating func registerHealthService(also: Set<String> = []) {
        register(HealthService(services: Set(listing.services.map(\.name)).union(also)))
    }
}
