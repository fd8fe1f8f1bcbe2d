/// Every service and method a router holds: what a discovery service (such as jiefen's `Server/ListServices`) or a
/// health service answers from. Plain values; how they go on the wire is the discovery service's business.
public struct TTRPCServiceListing: Sendable, Hashable {
    /// One method of a service.
    public struct Method: Sendable, Hashable {
        /// The method name.
        public var name: String
        /// `unary`, `server-streaming`, `client-streaming` or `bidirectional-streaming`.
        public var kind: String

        /// Creates a method entry.
        public init(name: String, kind: String) {
            self.name = name
            self.kind = kind
        }
    }

    /// One service.
    public struct Service: Sendable, Hashable {
        /// The fully qualified service name.
        public var name: String
        /// Its methods, sorted by name.
        public var methods: [Method]

        /// Creates a service entry.
        public init(name: String, methods: [Method]) {
            self.name = name
            self.methods = methods
        }
    }

    /// The services, sorted by name.
    public var services: [Service]

    /// Creates a listing.
    public init(services: [Service]) { self.services = services }
}
