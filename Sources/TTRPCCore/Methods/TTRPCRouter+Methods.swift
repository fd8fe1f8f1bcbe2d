import NIOCore

extension TTRPCRouter {
    /// Registers a unary method run as a child task of its connection (see ``TTRPCMethodHandler/unary(_:)``).
    /// The request is decoded before `handler` runs; bytes that do not decode answer InvalidArgument.
    ///
    /// - Parameter maxRequestBytes: when set, a request payload larger than this answers RESOURCE_EXHAUSTED
    ///   before it is decoded (for writes, whose requests are far smaller than a frame may be).
    public mutating func register<Request, Response>(
        _ method: TTRPCMethod<Request, Response>,
        maxRequestBytes: Int? = nil,
        _ handler: @escaping @Sendable (Request, TTRPCServerContext) async throws -> Response
    ) {
        precondition(method.kind == .unary, "\(method) is \(method.kind.rawValue), not unary")
        register(
            service: method.service, method: method.method,
            .unary { context, payload in
                if let maxRequestBytes, payload.readableBytes > maxRequestBytes {
                    throw RPCError(
                        code: .resourceExhausted,
                        message:
                            "a \(method.service)/\(method.method) request may be at most \(maxRequestBytes) bytes; this one is \(payload.readableBytes)"
                    )
                }
                return try await handler(Request(ttrpcPayload: payload), context).ttrpcPayload()
            })
    }

    /// Registers a unary method run on the connection's event loop (see ``TTRPCMethodHandler/onEventLoop(_:)``):
    /// only for cheap, bounded work that never blocks.
    public mutating func register<Request, Response>(
        _ method: TTRPCMethod<Request, Response>,
        onEventLoop handler: @escaping @Sendable (Request, TTRPCServerContext) throws -> Response
    ) {
        precondition(method.kind == .unary, "\(method) is \(method.kind.rawValue), not unary")
        register(
            service: method.service, method: method.method,
            .onEventLoop { context, payload in
                try handler(Request(ttrpcPayload: payload), context).ttrpcPayload()
            })
    }

    /// Registers a server-streaming method: one request, then any number of responses through the writer.
    public mutating func register<Request, Response>(
        _ method: TTRPCMethod<Request, Response>,
        serverStreaming handler: @escaping @Sendable (Request, TTRPCServerContext, TTRPCMessageWriter<Response>) async throws -> Void
    ) {
        precondition(method.kind == .serverStreaming, "\(method) is \(method.kind.rawValue), not server-streaming")
        register(
            service: method.service, method: method.method,
            .serverStreaming { context, payload, writer in
                try await handler(Request(ttrpcPayload: payload), context, TTRPCMessageWriter(writer: writer))
            })
    }
    /// Registers a client-streaming method: the handler reads the client's messages and returns the one response.
    /// A message that does not decode makes the sequence throw InvalidArgument.
    public mutating func register<Request, Response>(
        _ method: TTRPCMethod<Request, Response>,
        clientStreaming handler: @escaping @Sendable (TTRPCMessageStream<Request>, TTRPCServerContext) async throws -> Response
    ) {
        precondition(method.kind == .clientStreaming, "\(method) is \(method.kind.rawValue), not client-streaming")
        register(
            service: method.service, method: method.method,
            .clientStreaming { context, requests in
                try await handler(TTRPCMessageStream(base: requests), context).ttrpcPayload()
            })
    }

    /// Registers a bidirectional-streaming method: the handler reads the client's messages and sends its own
    /// through the writer, in any order.
    public mutating func register<Request, Response>(
        _ method: TTRPCMethod<Request, Response>,
        bidirectionalStreaming handler:
            @escaping @Sendable (
                TTRPCMessageStream<Request>, TTRPCServerContext, TTRPCMessageWriter<Response>
            ) async throws -> Void
    ) {
        precondition(method.kind == .bidirectionalStreaming, "\(method) is \(method.kind.rawValue), not bidirectional-streaming")
        register(
            service: method.service, method: method.method,
            .bidirectionalStreaming { context, requests, writer in
                try await handler(TTRPCMessageStream(base: requests), context, TTRPCMessageWriter(writer: writer))
            })
    }
}

/// Sends the typed messages of a streaming response; each `send` completes once the frame is written.
public struct TTRPCMessageWriter<Message: TTRPCMessage>: Sendable {
    let writer: TTRPCResponseStreamWriter

    /// Encodes and sends one message.
    /// - Throws: ``RPCError`` `Cancelled` when the stream has ended, or the message's encoding error.
    public func send(_ message: Message) async throws {
        try await writer.send(message.ttrpcPayload())
    }
}
