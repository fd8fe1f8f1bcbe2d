public import NIOCore
import CJiefenProto
import CProtobufC

/// `jiefen.v1.ListServicesResponse`: every registered service and its methods, so tools can discover a server.
public struct ServiceListing: Sendable, Hashable {
    /// One method of a service.
    public struct Method: Sendable, Hashable {
        /// The method name.
        public var name: String
        /// `unary` or `server-streaming`.
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

    /// Decodes the message with protobuf-c.
    /// - Throws: ``WireError`` on malformed bytes or invalid UTF-8.
    public init(decoding buffer: ByteBuffer) throws(WireError) {
        self = try buffer.withUnsafeReadableBytes { bytes in
            Result { () throws(WireError) -> ServiceListing in
                try unpackMessage(
                    bytes,
                    name: "jiefen.v1.ListServicesResponse",
                    unpack: { jiefen__v1__list_services_response__unpack($0, $1, $2) },
                    free: { jiefen__v1__list_services_response__free_unpacked($0, $1) },
                    convert: { (message) throws(WireError) -> ServiceListing in
                        var services: [Service] = []
                        for index in 0..<message.pointee.n_services {
                            guard let service = message.pointee.services[index]?.pointee else { continue }
                            var methods: [Method] = []
                            for m in 0..<service.n_methods {
                                guard let method = service.methods[m]?.pointee else { continue }
                                methods.append(
                                    Method(
                                        name: try ValidatedCString.read(method.name, field: "methods.name"),
                                        kind: try ValidatedCString.read(method.kind, field: "methods.kind")
                                    )
                                )
                            }
                            services.append(
                                Service(name: try ValidatedCString.read(service.name, field: "services.name"), methods: methods)
                            )
                        }
                        return ServiceListing(services: services)
                    }
                )
            }
        }.get()
    }

    /// Encodes the message with protobuf-c and appends it to `buffer`.
    /// - Throws: ``WireError`` `embeddedNUL` when a name holds a NUL.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        try EncodeArena.withArena(capacity: 4096) { (arena) throws(WireError) in
            var message = Jiefen__V1__ListServicesResponse()
            jiefen__v1__list_services_response__init(&message)
            let cServices = arena.allocate(Jiefen__V1__ServiceDescriptor.self, count: services.count)
            let servicePointers = arena.allocate(UnsafeMutablePointer<Jiefen__V1__ServiceDescriptor>?.self, count: services.count)
            for (index, service) in services.enumerated() {
                var s = Jiefen__V1__ServiceDescriptor()
                jiefen__v1__service_descriptor__init(&s)
                s.name = try arena.cString(service.name, field: "services.name")
                let cMethods = arena.allocate(Jiefen__V1__MethodDescriptor.self, count: service.methods.count)
                let methodPointers = arena.allocate(UnsafeMutablePointer<Jiefen__V1__MethodDescriptor>?.self, count: service.methods.count)
                for (m, method) in service.methods.enumerated() {
                    var cm = Jiefen__V1__MethodDescriptor()
                    jiefen__v1__method_descriptor__init(&cm)
                    cm.name = try arena.cString(method.name, field: "methods.name")
                    cm.kind = try arena.cString(method.kind, field: "methods.kind")
                    (cMethods + m).initialize(to: cm)
                    methodPointers[m] = cMethods + m
                }
                s.n_methods = service.methods.count
                s.methods = methodPointers
                (cServices + index).initialize(to: s)
                servicePointers[index] = cServices + index
            }
            message.n_services = services.count
            message.services = servicePointers
            let size = jiefen__v1__list_services_response__get_packed_size(&message)
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { out in
                // An empty message packs to nothing; then the buffer may lend no storage at all.
                out.baseAddress.map { jiefen__v1__list_services_response__pack(&message, $0.assumingMemoryBound(to: UInt8.self)) } ?? 0
            }
        }
    }
}
