public import JiefenAPI
public import JiefenWireTesting
public import NIOCore
import TTRPCWire

/// A valid request for one method, as decoded fields so that tests can change single fields before encoding.
public struct RequestSample: Sendable, Hashable {
    /// A short unique label, e.g. `Cases.Create.housing-delivery`; used as a seed file name.
    public var name: String
    /// The method the request is for.
    public var method: ServiceMethod
    /// The request's fields.
    public var message: ProtoMessage

    /// Creates a sample.
    public init(name: String, method: ServiceMethod, message: ProtoMessage) {
        self.name = name
        self.method = method
        self.message = message
    }

    /// The codec of the request type.
    public var codec: ProtoCodec {
        get throws { try ProtoCodec(messageType: method.requestType) }
    }

    /// A sample of a generated request message (its fields as the dynamic codec reads them).
    public init(name: String, method: ServiceMethod, request: some GeneratedMessage) {
        // A sample request always encodes and decodes: it is built from valid values.
        let fields = try! ProtoCodec(messageType: method.requestType).decode(try! request.encoded())
        self.init(name: name, method: method, message: fields)
    }

    /// The request encoded as protobuf bytes.
    public func payload() throws -> ByteBuffer {
        try codec.encode(message)
    }
}
