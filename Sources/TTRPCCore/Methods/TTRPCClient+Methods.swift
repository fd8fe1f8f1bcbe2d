import NIOCore
public import TTRPCWire

extension TTRPCClient {
    /// Performs a unary call of a declared method.
    /// - Returns: The decoded response.
    /// - Throws: ``RPCError`` for every non-OK status, a local deadline, a lost connection, a request that cannot
    ///   be encoded (InvalidArgument) and a response that cannot be decoded (Internal).
    public func call<Request, Response>(
        _ method: TTRPCMethod<Request, Response>,
        _ request: Request,
        metadata: [TTRPCKeyValue] = [],
        timeout: Duration? = nil
    ) async throws(RPCError) -> Response {
        let payload = try Self.encode(request, for: method)
        let answer = try await call(service: method.service, method: method.method, payload: payload, metadata: metadata, timeout: timeout)
        return try Self.decode(answer, for: method)
    }

    /// Starts a server-streaming call of a declared method.
    /// - Returns: The decoded responses; the sequence throws ``RPCError`` when the call ends with an error status,
    ///   the connection is lost or a response cannot be decoded.
    public func serverStreamingCall<Request, Response>(
        _ method: TTRPCMethod<Request, Response>,
        _ request: Request,
        metadata: [TTRPCKeyValue] = []
    ) throws(RPCError) -> AsyncThrowingMapSequence<TTRPCResponseStream, Response> {
        let payload = try Self.encode(request, for: method)
        return serverStreamingCall(service: method.service, method: method.method, payload: payload, metadata: metadata)
            .map { buffer throws in try Self.decode(buffer, for: method) }
    }

    /// Performs a client-streaming call of a declared method (see
    /// ``clientStreamingCall(service:method:metadata:requests:)``).
    /// - Returns: The decoded response.
    /// - Throws: ``RPCError`` for every non-OK status, a lost connection, cancellation, a request that cannot be
    ///   encoded (InvalidArgument) and a response that cannot be decoded (Internal).
    public func clientStreamingCall<Request, Response, Requests: AsyncSequence>(
        _ method: TTRPCMethod<Request, Response>,
        requests: Requests,
        metadata: [TTRPCKeyValue] = []
    ) async throws(RPCError) -> Response where Requests.Element == Request {
        let payloads = requests.map { request throws(RPCError) in try Self.encode(request, for: method) }
        let answer = try await clientStreamingCall(service: method.service, method: method.method, metadata: metadata, requests: payloads)
        return try Self.decode(answer, for: method)
    }

    /// Performs a bidirectional-streaming call of a declared method (see
    /// ``bidirectionalStreamingCall(service:method:metadata:_:)``): `body` sends typed requests and reads decoded
    /// responses.
    public func bidirectionalStreamingCall<Request, Response, Result: Sendable>(
        _ method: TTRPCMethod<Request, Response>,
        metadata: [TTRPCKeyValue] = [],
        _ body: (
            _ responses: AsyncThrowingMapSequence<TTRPCResponseStream, Response>,
            _ requests: TTRPCClientMessageWriter<Request>
        ) async throws -> Result
    ) async throws -> Result {
        try await bidirectionalStreamingCall(service: method.service, method: method.method, metadata: metadata) { responses, requests in
            try await body(
                responses.map { buffer throws in try Self.decode(buffer, for: method) },
                TTRPCClientMessageWriter(writer: requests, encode: { request throws(RPCError) in try Self.encode(request, for: method) })
            )
        }
    }

    static func encode<Request, Response>(_ request: Request, for method: TTRPCMethod<Request, Response>) throws(RPCError) -> ByteBuffer {
        do {
            return try request.ttrpcPayload()
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(code: .invalidArgument, message: "\(method) request cannot be encoded: \(error)")
        }
    }

    static func decode<Request, Response>(_ payload: ByteBuffer, for method: TTRPCMethod<Request, Response>) throws(RPCError) -> Response {
        do {
            return try Response(ttrpcPayload: payload)
        } catch {
            throw RPCError(code: .internal, message: "\(method) response cannot be decoded: \(error)")
        }
    }
}

/// Sends the typed requests of a bidirectional call and closes the client's side.
public struct TTRPCClientMessageWriter<Message: TTRPCMessage>: Sendable {
    let writer: TTRPCRequestStreamWriter
    let encode: @Sendable (Message) throws(RPCError) -> ByteBuffer

    /// Encodes and sends one message; returns once it is written.
    /// - Throws: ``RPCError``: Cancelled once the call has ended, InvalidArgument when the message cannot be encoded.
    public func send(_ message: Message) async throws(RPCError) {
        try await writer.send(encode(message))
    }

    /// Closes the client's side of the stream.
    public func finish() async throws(RPCError) {
        try await writer.finish()
    }
}
