public import NIOCore
public import TTRPCWire

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

    /// `grpc.health.v1.Health/Check`, for `client.call(HealthService.check, HealthCheckRequest())`.
    public static let check = TTRPCMethod<HealthCheckRequest, HealthCheckResponse>(service: name, method: "Check", kind: .unary)

    public func registerMethods(with router: inout TTRPCRouter) {
        let services = self.services
        router.register(
            Self.check,
            onEventLoop: { request, _ in
                guard request.service.isEmpty || services.contains(request.service) else {
                    throw RPCError(code: .notFound, message: "unknown service \(request.service)")
                }
                return HealthCheckResponse(status: .serving)
            })
    }
}

extension HealthCheckRequest: TTRPCMessage {
    /// Decodes the request from a payload.
    public init(ttrpcPayload payload: ByteBuffer) throws { try self.init(decoding: payload) }

    /// Encodes the request as a payload.
    public func ttrpcPayload() throws -> ByteBuffer {
        var out = ByteBuffer()
        try encode(into: &out)
        return out
    }
}

extension HealthCheckResponse: TTRPCMessage {
    /// Decodes the response from a payload.
    public init(ttrpcPayload payload: ByteBuffer) throws { try self.init(decoding: payload) }

    /// Encodes the response as a payload.
    public func ttrpcPayload() -> ByteBuffer {
        var out = ByteBuffer()
        encode(into: &out)
        return out
    }
}

extension TTRPCRouter {
    /// Registers the health service for everything registered so far, plus `also` (services registered after it,
    /// such as a discovery service). Call it after the other services.
    public mutating func registerHealthService(also: Set<String> = []) {
        register(HealthService(services: Set(listing.services.map(\.name)).union(also)))
    }
}
