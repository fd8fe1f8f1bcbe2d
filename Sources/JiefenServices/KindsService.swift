import JiefenAPI
public import JiefenDomain
public import TTRPCCore

/// `jiefen.v1.Kinds`: the registered dispute kinds and their detail schemas, so clients can render a form for
/// any kind, including ones added after the client was built.
public struct KindsService: TTRPCService {
    let plugins: PluginRegistry

    /// Creates the service for the registered plugins.
    public init(plugins: PluginRegistry) {
        self.plugins = plugins
    }

    public func registerMethods(with router: inout TTRPCRouter) {
        let kinds = plugins.descriptors.map(ValueMapping.kindSchema)
        let listing = try? JiefenV1.ListKindsResponse(kinds: kinds).encoded()
        // The listing never changes while the server runs: encoded once, answered as bytes (the request has no fields).
        router.register(
            service: Kinds.listKinds.service, method: Kinds.listKinds.method,
            .onEventLoop { _, _ in
                guard let listing else { throw RPCError(code: .internal, message: "kind listing could not be encoded") }
                return listing
            })
        router.register(
            Kinds.describeKind,
            onEventLoop: { request, _ in
                guard let schema = kinds.first(where: { $0.kind == request.kind }) else {
                    let known = kinds.map(\.kind).joined(separator: ", ")
                    throw RPCError(
                        code: .notFound, message: "kind \"\(ClientQuote(request.kind))\" is not registered; known kinds: \(known)")
                }
                return schema
            })
    }
}
