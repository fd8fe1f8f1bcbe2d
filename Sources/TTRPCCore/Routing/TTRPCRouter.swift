import TTRPCWire

/// Maps (service, method) to handlers. Built once before the server starts, then shared read-only.
public struct TTRPCRouter: Sendable {
    private var services: [String: [String: TTRPCMethodHandler]] = [:]

    /// Creates an empty router.
    public init() {}

    /// Registers `handler` for `service`/`method`.
    /// - Precondition: the method is not registered yet (registering twice is a programming error).
    public mutating func register(service: String, method: String, _ handler: TTRPCMethodHandler) {
        precondition(services[service]?[method] == nil, "\(service)/\(method) is registered twice")
        services[service, default: [:]][method] = handler
    }

    /// Registers every method of `service`.
    public mutating func register(_ service: some TTRPCService) {
        service.registerMethods(with: &self)
    }

    /// Why a lookup failed; the message matches the reference server.
    enum LookupFailure: Error {
        case unknownService(String)
        case unknownMethod(String)

        var rpcError: RPCError {
            switch self {
            case .unknownService(let name): RPCError(code: .unimplemented, message: "service \(name)")
            case .unknownMethod(let name): RPCError(code: .unimplemented, message: "method \(name)")
            }
        }
    }

    /// Finds the handler for a call.
    func handler(service: String, method: String) -> Result<TTRPCMethodHandler, LookupFailure> {
        guard let methods = services[service] else { return .failure(.unknownService(service)) }
        guard let handler = methods[method] else { return .failure(.unknownMethod(method)) }
        return .success(handler)
    }

    /// Every registered service and method, sorted by name.
    public var listing: TTRPCServiceListing {
        TTRPCServiceListing(
            services: services.sorted { $0.key < $1.key }.map { name, methods in
                TTRPCServiceListing.Service(
                    name: name,
                    methods: methods.sorted { $0.key < $1.key }.map { TTRPCServiceListing.Method(name: $0.key, kind: $0.value.kindName) }
                )
            }
        )
    }
}

/// A group of methods registered together under one service name.
public protocol TTRPCService: Sendable {
    /// Registers this service's methods.
    func registerMethods(with router: inout TTRPCRouter)
}
