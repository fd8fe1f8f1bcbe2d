public import Logging
public import NIOCore
import Synchronization
public import TTRPCWire

extension TTRPCRouter {
    /// Runs one call in this process, with no connection: the handler registered for `service`/`method` gets
    /// `payload`, and a thrown error becomes the status the server would answer with (``RPCErrorConvertible``
    /// errors as they say, cancellation as Cancelled, anything else as Internal).
    ///
    /// For fuzzing and tests that need the real handlers without a socket.
    /// A client-streaming or bidirectional method gets `payload` as the one message the client sends.
    /// - Returns: The response messages (one for a unary or client-streaming method, any number for a server-streaming
    ///   or bidirectional one), or the error status.
    public func callInProcess(
        service: String,
        method: String,
        payload: ByteBuffer,
        metadata: [TTRPCKeyValue] = [],
        logger: Logger
    ) async -> Result<[ByteBuffer], RPCError> {
        let handler: TTRPCMethodHandler
        switch self.handler(service: service, method: method) {
        case .success(let found): handler = found
        case .failure(let failure): return .failure(failure.rpcError)
        }
        let context = TTRPCServerContext(service: service, method: method, metadata: metadata, logger: logger)
        do {
            switch handler.body {
            case .onEventLoop(let body):
                return .success([try body(context, payload)])
            case .unary(let body):
                return .success([try await body(context, payload)])
            case .serverStreaming(let body):
                let sent = Mutex<[ByteBuffer]>([])
                try await body(
                    context, payload,
                    TTRPCResponseStreamWriter { message in
                        sent.withLock { $0.append(message) }
                    })
                return .success(sent.withLock { $0 })
            case .clientStreaming(let body):
                return .success([try await body(context, TTRPCRequestStream(messages: [payload]))])
            case .bidirectionalStreaming(let body):
                let sent = Mutex<[ByteBuffer]>([])
                try await body(
                    context, TTRPCRequestStream(messages: [payload]),
                    TTRPCResponseStreamWriter { message in
                        sent.withLock { $0.append(message) }
                    })
                return .success(sent.withLock { $0 })
            }
        } catch {
            return .failure(RPCError.answering(error) ?? RPCError(code: .internal, message: "internal error: \(type(of: error))"))
        }
    }
}
