public import JiefenWire
public import NIOCore

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
    ) throws(RPCError) -> AsyncThrowingMapSequence<AsyncThrowingStream<ByteBuffer, any Error>, Response> {
        let payload = try Self.encode(request, for: method)
        return serverStreamingCall(service: method.service, method: method.method, payload: payload, metadata: metadata)
            .map { buffer throws in try Self.decode(buffer, for: method) }
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
