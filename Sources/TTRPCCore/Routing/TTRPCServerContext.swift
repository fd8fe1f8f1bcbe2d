public import Logging
public import TTRPCWire

/// What a handler knows about the call it serves.
public struct TTRPCServerContext: Sendable {
    /// The service the call names.
    public var service: String
    /// The method the call names.
    public var method: String
    /// Request metadata, keys lower-cased, in wire order.
    public var metadata: [TTRPCKeyValue]
    /// When the call must be finished, from the request's `timeout_nano`; `nil` when the client set none.
    public var deadline: ContinuousClock.Instant?
    /// The ttrpc stream id.
    public var streamID: UInt32
    /// The connection's logger; ``logger`` adds this call's stream id and method.
    private var connectionLogger: Logger

    /// A logger carrying the connection and stream metadata; never log personal data with it.
    ///
    /// Built on access: a log handler may do work whenever metadata is set, and most calls never log.
    public var logger: Logger {
        var logger = connectionLogger
        logger[metadataKey: "ttrpc.stream_id"] = "\(streamID)"
        logger[metadataKey: "ttrpc.method"] = .client("\(service)/\(method)")
        return logger
    }

    /// Creates a context (the server does this; tests may too).
    public init(
        service: String,
        method: String,
        metadata: [TTRPCKeyValue] = [],
        deadline: ContinuousClock.Instant? = nil,
        streamID: UInt32 = 1,
        logger: Logger
    ) {
        self.service = service
        self.method = method
        self.metadata = metadata
        self.deadline = deadline
        self.streamID = streamID
        self.connectionLogger = logger
    }

    /// Every value sent under `key`, compared without regard to case, in wire order.
    public func metadataValues(_ key: String) -> [String] {
        let key = key.lowercased()
        return metadata.filter { $0.key == key }.map(\.value)
    }

    /// The first value sent under `key`, compared without regard to case.
    public func metadataValue(_ key: String) -> String? { metadataValues(key).first }
}
