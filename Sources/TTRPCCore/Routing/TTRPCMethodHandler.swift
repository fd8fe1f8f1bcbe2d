public import NIOCore

/// Sends the messages of a server-streaming call. Each `send` completes once the frame is written, which
/// gives the handler backpressure from a slow reader.
public struct TTRPCResponseStreamWriter: Sendable {
    let sendData: @Sendable (ByteBuffer) async throws -> Void

    /// Sends one message (an encoded protobuf) as a ttrpc data frame.
    /// - Throws: ``RPCError`` `Cancelled` when the stream has ended (deadline, disconnect).
    public func send(_ message: ByteBuffer) async throws {
        try await sendData(message)
    }
}

/// How the server runs one method.
public struct TTRPCMethodHandler: Sendable {
    enum Body: Sendable {
        case onEventLoop(@Sendable (TTRPCServerContext, ByteBuffer) throws -> ByteBuffer)
        case unary(@Sendable (TTRPCServerContext, ByteBuffer) async throws -> ByteBuffer)
        case serverStreaming(@Sendable (TTRPCServerContext, ByteBuffer, TTRPCResponseStreamWriter) async throws -> Void)
        case clientStreaming(@Sendable (TTRPCServerContext, TTRPCRequestStream) async throws -> ByteBuffer)
        case bidirectionalStreaming(@Sendable (TTRPCServerContext, TTRPCRequestStream, TTRPCResponseStreamWriter) async throws -> Void)
    }

    let body: Body

    /// A unary method run as a Swift concurrency child task of its connection. Use this for anything that waits
    /// (storage, plugins, other services). Cancelled when its deadline passes or the client goes away.
    public static func unary(
        _ handler: @escaping @Sendable (TTRPCServerContext, ByteBuffer) async throws -> ByteBuffer
    ) -> TTRPCMethodHandler {
        TTRPCMethodHandler(body: .unary(handler))
    }

    /// A unary method run directly on the connection's event loop. Only for work that is cheap, bounded and
    /// never blocks (echo, health, listings): it saves the hop into Swift concurrency.
    public static func onEventLoop(
        _ handler: @escaping @Sendable (TTRPCServerContext, ByteBuffer) throws -> ByteBuffer
    ) -> TTRPCMethodHandler {
        TTRPCMethodHandler(body: .onEventLoop(handler))
    }

    /// A server-streaming method: one request, then any number of messages through the writer. Returning ends
    /// the stream with an empty data frame flagged `remote closed`; throwing ends it with an error status.
    public static func serverStreaming(
        _ handler: @escaping @Sendable (TTRPCServerContext, ByteBuffer, TTRPCResponseStreamWriter) async throws -> Void
    ) -> TTRPCMethodHandler {
        TTRPCMethodHandler(body: .serverStreaming(handler))
    }

    /// A client-streaming method: the client sends any number of messages, then the handler's result is the one
    /// response. Throwing ends the call with an error status, whether or not the client has finished sending.
    public static func clientStreaming(
        _ handler: @escaping @Sendable (TTRPCServerContext, TTRPCRequestStream) async throws -> ByteBuffer
    ) -> TTRPCMethodHandler {
        TTRPCMethodHandler(body: .clientStreaming(handler))
    }

    /// A bidirectional-streaming method: both sides send any number of messages, in any order. Returning ends the
    /// stream with an empty data frame flagged `remote closed`; throwing ends it with an error status.
    public static func bidirectionalStreaming(
        _ handler: @escaping @Sendable (TTRPCServerContext, TTRPCRequestStream, TTRPCResponseStreamWriter) async throws -> Void
    ) -> TTRPCMethodHandler {
        TTRPCMethodHandler(body: .bidirectionalStreaming(handler))
    }

    /// How the method exchanges messages.
    public var kind: TTRPCMethodKind {
        switch body {
        case .onEventLoop, .unary: .unary
        case .serverStreaming: .serverStreaming
        case .clientStreaming: .clientStreaming
        case .bidirectionalStreaming: .bidirectionalStreaming
        }
    }

    /// `unary`, `server-streaming`, `client-streaming` or `bidirectional-streaming`, as listed by the service
    /// listing.
    public var kindName: String { kind.rawValue }
}
