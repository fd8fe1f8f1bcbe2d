public import NIOCore

/// One metadata entry of a ttrpc request. Keys may repeat; the server lower-cases them, as the reference does.
public struct TTRPCKeyValue: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: String

    /// Creates an entry.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// The first message of every ttrpc stream: which method to call, with what payload, deadline and metadata.
public struct TTRPCRequest: Sendable, Hashable {
    /// Fully qualified service name, e.g. `grpc.health.v1.Health`.
    public var service: String
    /// Method name, e.g. `Check`.
    public var method: String
    /// The encoded request message.
    public var payload: ByteBuffer
    /// Deadline relative to receipt in nanoseconds; 0 means none.
    public var timeoutNano: Int64
    /// Request metadata in wire order.
    public var metadata: [TTRPCKeyValue]

    /// Creates a request.
    public init(
        service: String,
        method: String,
        payload: ByteBuffer = ByteBuffer(),
        timeoutNano: Int64 = 0,
        metadata: [TTRPCKeyValue] = []
    ) {
        self.service = service
        self.method = method
        self.payload = payload
        self.timeoutNano = timeoutNano
        self.metadata = metadata
    }
}

/// `google.protobuf.Any`: a typed detail attached to a status.
public struct TTRPCAny: Sendable, Hashable {
    /// The type URL, e.g. `type.googleapis.com/google.rpc.BadRequest`.
    public var typeURL: String
    /// The encoded message.
    public var value: [UInt8]

    /// Creates a detail.
    public init(typeURL: String, value: [UInt8]) {
        self.typeURL = typeURL
        self.value = value
    }
}

/// `google.rpc.Status`: a gRPC status code and a message for people.
public struct TTRPCStatus: Sendable, Hashable {
    /// The gRPC status code (0 OK, 3 InvalidArgument, 12 Unimplemented, ...).
    public var code: Int32
    /// What went wrong, in words a person can act on.
    public var message: String
    /// Optional typed details.
    public var details: [TTRPCAny]

    /// Creates a status.
    public init(code: Int32, message: String = "", details: [TTRPCAny] = []) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// Whether this status means success.
    public var isOK: Bool { code == 0 }
}

/// The server's answer to a call. A missing status means OK.
public struct TTRPCResponse: Sendable, Hashable {
    /// The status; `nil` on the wire means OK.
    public var status: TTRPCStatus?
    /// The encoded response message.
    public var payload: ByteBuffer

    /// Creates a response.
    public init(status: TTRPCStatus? = nil, payload: ByteBuffer = ByteBuffer()) {
        self.status = status
        self.payload = payload
    }

    /// The status code, 0 when the status is missing.
    public var code: Int32 { status?.code ?? 0 }
}
