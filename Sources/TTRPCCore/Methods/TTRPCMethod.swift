/// How a method exchanges messages (ttrpc protocol 1.2 streaming kinds).
public enum TTRPCMethodKind: String, Sendable, Hashable, CaseIterable {
    /// One request, one response.
    case unary
    /// A stream of requests, one response.
    case clientStreaming = "client-streaming"
    /// One request, a stream of responses.
    case serverStreaming = "server-streaming"
    /// A stream of requests and a stream of responses.
    case bidirectionalStreaming = "bidirectional-streaming"
}

/// A method's contract: its service, name, kind and message types.
///
/// Generated code declares one per `rpc` in the `.proto` files (e.g. `Cases.create`); the server's router and the
/// client both take it, so neither spells service or method names by hand.
public struct TTRPCMethod<Request: TTRPCMessage, Response: TTRPCMessage>: Sendable, Hashable, CustomStringConvertible {
    /// The full service name, e.g. `jiefen.v1.Cases`.
    public let service: String
    /// The method name, e.g. `Create`.
    public let method: String
    /// How the method exchanges messages.
    public let kind: TTRPCMethodKind

    /// Declares a method.
    public init(service: String, method: String, kind: TTRPCMethodKind) {
        self.service = service
        self.method = method
        self.kind = kind
    }

    /// `service/method`, as logs and error messages name it.
    public var description: String { "\(service)/\(method)" }
}
