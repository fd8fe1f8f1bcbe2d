public import JiefenWire
public import NIOCore

/// A message of the `jiefen.v1` API as a Swift value, shared by the server and the client.
///
/// Each conformance names its protobuf message type and maps its properties to field numbers; ``ProtoCodec``
/// does the protobuf-c encoding. Decoding never fails on missing fields (proto3 defaults apply); malformed
/// bytes throw ``WireError``.
public protocol APIMessage: Sendable, Hashable {
    /// The full protobuf name, e.g. `jiefen.v1.Case`.
    static var messageType: String { get }
    /// Reads the message from decoded fields.
    init(proto: ProtoMessage)
    /// The message as fields.
    var proto: ProtoMessage { get }
}

extension APIMessage {
    /// Decodes the message from protobuf bytes.
    /// - Throws: ``WireError`` on malformed bytes or invalid UTF-8.
    public init(decoding buffer: ByteBuffer) throws(WireError) {
        self.init(proto: try ProtoCodec(messageType: Self.messageType).decode(buffer))
    }

    /// Encodes the message as protobuf bytes.
    /// - Throws: ``WireError`` when a string holds NUL.
    public func encoded() throws(WireError) -> ByteBuffer {
        try ProtoCodec(messageType: Self.messageType).encode(proto)
    }
}

extension ProtoMessage {
    /// Sets `field` to `value` unless it is the proto3 default (empty), keeping encodings minimal.
    mutating func set(_ field: UInt32, _ value: String) {
        if !value.isEmpty { self[field] = .string(value) }
    }

    mutating func set(_ field: UInt32, _ value: Int64) {
        if value != 0 { self[field] = .int(value) }
    }

    mutating func set(_ field: UInt32, _ value: Int) {
        if value != 0 { self[field] = .int(Int64(value)) }
    }

    mutating func set(_ field: UInt32, _ value: Bool) {
        if value { self[field] = .bool(true) }
    }

    mutating func set(_ field: UInt32, _ values: [String]) {
        if !values.isEmpty { self[field] = .list(values.map(ProtoValue.string)) }
    }

    mutating func set<M: APIMessage>(_ field: UInt32, _ values: [M]) {
        if !values.isEmpty { self[field] = .list(values.map { .message($0.proto) }) }
    }

    mutating func set<M: APIMessage>(_ field: UInt32, _ value: M?) {
        if let value { self[field] = .message(value.proto) }
    }

    func messages<M: APIMessage>(_ field: UInt32, as type: M.Type) -> [M] {
        messages(field).map(M.init(proto:))
    }

    func message<M: APIMessage>(_ field: UInt32, as type: M.Type) -> M? {
        message(field).map(M.init(proto:))
    }
}
