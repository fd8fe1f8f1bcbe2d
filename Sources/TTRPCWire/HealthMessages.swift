import CProtobufC
import CTTRPCProto
public import NIOCore

/// `grpc.health.v1.HealthCheckRequest`: which service to check; empty means the whole server.
public struct HealthCheckRequest: Sendable, Hashable {
    /// The service name, or empty for the server as a whole.
    public var service: String

    /// Creates a request.
    public init(service: String = "") { self.service = service }

    /// Decodes the message with protobuf-c.
    /// - Throws: ``WireError`` on malformed bytes or invalid UTF-8.
    public init(decoding buffer: ByteBuffer) throws(WireError) {
        self = try buffer.withUnsafeReadableBytes { bytes in
            Result { () throws(WireError) -> HealthCheckRequest in
                try unpackMessage(
                    bytes,
                    name: "grpc.health.v1.HealthCheckRequest",
                    unpack: { grpc__health__v1__health_check_request__unpack($0, $1, $2) },
                    free: { grpc__health__v1__health_check_request__free_unpacked($0, $1) },
                    convert: { (message) throws(WireError) in
                        HealthCheckRequest(service: try ValidatedCString.read(message.pointee.service, field: "service"))
                    }
                )
            }
        }.get()
    }

    /// Encodes the message with protobuf-c and appends it to `buffer`.
    /// - Throws: ``WireError`` `embeddedNUL` when the service name holds a NUL.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        try EncodeArena.withArena(capacity: EncodeArena.cStringSize(service)) { (arena) throws(WireError) in
            var message = Grpc__Health__V1__HealthCheckRequest()
            grpc__health__v1__health_check_request__init(&message)
            message.service = try arena.cString(service, field: "service")
            let size = grpc__health__v1__health_check_request__get_packed_size(&message)
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { out in
                // An empty message packs to nothing; then the buffer may lend no storage at all.
                out.baseAddress.map { grpc__health__v1__health_check_request__pack(&message, $0.assumingMemoryBound(to: UInt8.self)) } ?? 0
            }
        }
    }
}

/// `grpc.health.v1.HealthCheckResponse`: the serving status.
public struct HealthCheckResponse: Sendable, Hashable {
    /// Serving status, with the numbers of gRPC health checking.
    public struct ServingStatus: Sendable, Hashable, CustomStringConvertible {
        /// The number on the wire.
        public var rawValue: Int32
        /// Creates a status from its wire number; unknown numbers are kept.
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// Status not known.
        public static let unknown = ServingStatus(rawValue: 0)
        /// Serving.
        public static let serving = ServingStatus(rawValue: 1)
        /// Not serving (e.g. shutting down).
        public static let notServing = ServingStatus(rawValue: 2)
        /// The requested service is not registered.
        public static let serviceUnknown = ServingStatus(rawValue: 3)

        public var description: String {
            switch rawValue {
            case 0: "UNKNOWN"
            case 1: "SERVING"
            case 2: "NOT_SERVING"
            case 3: "SERVICE_UNKNOWN"
            default: "STATUS_\(rawValue)"
            }
        }
    }

    /// The serving status.
    public var status: ServingStatus

    /// Creates a response.
    public init(status: ServingStatus) { self.status = status }

    /// Decodes the message with protobuf-c.
    /// - Throws: ``WireError`` on malformed bytes.
    public init(decoding buffer: ByteBuffer) throws(WireError) {
        self = try buffer.withUnsafeReadableBytes { bytes in
            Result { () throws(WireError) -> HealthCheckResponse in
                try unpackMessage(
                    bytes,
                    name: "grpc.health.v1.HealthCheckResponse",
                    unpack: { grpc__health__v1__health_check_response__unpack($0, $1, $2) },
                    free: { grpc__health__v1__health_check_response__free_unpacked($0, $1) },
                    convert: { message in
                        HealthCheckResponse(status: ServingStatus(rawValue: Int32(message.pointee.status.rawValue)))
                    }
                )
            }
        }.get()
    }

    /// Encodes the message with protobuf-c and appends it to `buffer`.
    public func encode(into buffer: inout ByteBuffer) {
        var message = Grpc__Health__V1__HealthCheckResponse()
        grpc__health__v1__health_check_response__init(&message)
        message.status = Grpc__Health__V1__HealthCheckResponse__ServingStatus(rawValue: numericCast(status.rawValue))
        let size = grpc__health__v1__health_check_response__get_packed_size(&message)
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { out in
            // An empty message packs to nothing; then the buffer may lend no storage at all.
            out.baseAddress.map { grpc__health__v1__health_check_response__pack(&message, $0.assumingMemoryBound(to: UInt8.self)) } ?? 0
        }
    }
}
