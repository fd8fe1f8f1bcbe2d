import Logging
import NIOCore

/// One call handed from a connection's event loop to its Swift concurrency task group.
///
/// `run()` is the only place the server enters Swift concurrency for a call: one child task per call, raced
/// against its deadline when it has one. Completion goes back to the event loop through the ``StreamSink``.
struct StreamWork: Sendable {
    enum Body: Sendable {
        case unary(@Sendable (TTRPCServerContext, ByteBuffer) async throws -> ByteBuffer)
        case serverStreaming(@Sendable (TTRPCServerContext, ByteBuffer, TTRPCResponseStreamWriter) async throws -> Void)
        case clientStreaming(@Sendable (TTRPCServerContext, TTRPCRequestStream) async throws -> ByteBuffer, TTRPCRequestStream)
        case bidirectionalStreaming(
            @Sendable (TTRPCServerContext, TTRPCRequestStream, TTRPCResponseStreamWriter) async throws -> Void,
            TTRPCRequestStream
        )
    }

    let context: TTRPCServerContext
    let payload: ByteBuffer
    let body: Body
    let sink: StreamSink

    func run() async {
        guard let deadline = context.deadline else {
            await runHandler()
            return
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await runHandler() }
            group.addTask {
                do {
                    try await Task.sleep(until: deadline, clock: .continuous)
                    sink.finish(
                        streamID: context.streamID,
                        .failure(RPCError(code: .deadlineExceeded, message: "deadline exceeded"))
                    )
                } catch {
                    // Cancelled because the handler finished first.
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    private func runHandler() async {
        let streamID = context.streamID
        do {
            switch body {
            case .unary(let handler):
                let response = try await handler(context, payload)
                sink.finish(streamID: streamID, .success(response))
            case .serverStreaming(let handler):
                let writer = TTRPCResponseStreamWriter { message in
                    try await sink.sendData(streamID: streamID, message)
                }
                try await handler(context, payload, writer)
                sink.finish(streamID: streamID, .success(nil))
            case .clientStreaming(let handler, let requests):
                let response = try await handler(context, requests)
                sink.finish(streamID: streamID, .success(response))
            case .bidirectionalStreaming(let handler, let requests):
                let writer = TTRPCResponseStreamWriter { message in
                    try await sink.sendData(streamID: streamID, message)
                }
                try await handler(context, requests, writer)
                sink.finish(streamID: streamID, .success(nil))
            }
        } catch {
            sink.finish(streamID: streamID, .failure(error))
        }
    }
}

/// Lets call tasks on any thread hand results back to their connection handler on its event loop.
struct StreamSink: Sendable {
    let handler: NIOLoopBound<ServerConnectionHandler>

    /// Ends a stream with a response (unary), an end-of-stream frame (`nil`, streaming) or an error status.
    /// Idempotent: a stream already ended (deadline, disconnect) ignores later results.
    func finish(streamID: UInt32, _ result: Result<ByteBuffer?, any Error>) {
        let handler = self.handler
        handler.eventLoop.execute {
            handler.value.finishStream(streamID: streamID, result)
        }
    }

    /// Writes one data frame on a streaming call and waits until it is written.
    func sendData(streamID: UInt32, _ message: ByteBuffer) async throws {
        let handler = self.handler
        try await handler.eventLoop.flatSubmit {
            handler.value.sendData(streamID: streamID, message)
                ?? handler.eventLoop.makeFailedFuture(RPCError(code: .cancelled, message: "stream \(streamID) has ended"))
        }.get()
    }
}
