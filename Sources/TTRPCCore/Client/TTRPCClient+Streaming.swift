public import NIOCore
import Synchronization
import TTRPCFraming
public import TTRPCWire

extension TTRPCClient {
    /// Performs a client-streaming call: sends every message of `requests`, closes the sending side, and returns
    /// the server's one response.
    ///
    /// Each message is sent once the previous one is written, so a server that reads slowly slows the sender
    /// down. When the server answers before the client has sent everything (an error, or an early result), sending
    /// stops and that answer is returned or thrown.
    ///
    /// ttrpc has no frame to cancel a stream: a cancelled call fails locally with Cancelled and forgets the stream;
    /// the server learns of it only when the connection closes.
    /// - Returns: The response payload.
    /// - Throws: ``RPCError`` for a non-OK status, a lost connection, cancellation (Cancelled), or an error thrown
    ///   by `requests` (Cancelled, with its description).
    public func clientStreamingCall<Requests: AsyncSequence>(
        service: String,
        method: String,
        metadata: [TTRPCKeyValue] = [],
        requests: Requests
    ) async throws(RPCError) -> ByteBuffer where Requests.Element == ByteBuffer {
        let response = channel.eventLoop.makePromise(of: TTRPCResponse.self)
        let streamID = try await open(
            TTRPCRequest(service: service, method: method, metadata: metadata),
            receiver: .unary(response),
            onFailure: { response.fail($0) }
        )
        let channel = self.channel
        do {
            return try await withTaskCancellationHandler {
                do {
                    var sending = true
                    for try await message in requests {
                        try Task.checkCancellation()
                        do {
                            try await channel.writeAndFlush(ClientOutbound.data(streamID: streamID, message: message, last: false))
                        } catch {
                            sending = false // the stream has ended: its answer says why
                            break
                        }
                    }
                    // A cancelled task's request sequence may just end: that must not close the stream as if
                    // every message had been sent.
                    try Task.checkCancellation()
                    if sending {
                        try? await channel.writeAndFlush(ClientOutbound.data(streamID: streamID, message: nil, last: true))
                    }
                } catch {
                    channel.writeAndFlush(ClientOutbound.cancel(streamID: streamID), promise: nil)
                    throw error
                }
                let answer = try await response.futureResult.get()
                if let status = answer.status, !status.isOK { throw RPCError(status: status) }
                return answer.payload
            } onCancel: {
                channel.writeAndFlush(ClientOutbound.cancel(streamID: streamID), promise: nil)
            }
        } catch {
            throw Self.callError(error)
        }
    }

    /// Performs a bidirectional-streaming call: `body` sends messages through `requests` and reads the server's
    /// through `responses`, in any order, while the call is open.
    ///
    /// ```swift
    /// let total = try await client.bidirectionalStreamingCall(service: "test.Sums", method: "Running") { responses, requests in
    ///     try await requests.send(ByteBuffer(string: "1"))
    ///     try await requests.finish()
    ///     var last = ""
    ///     for try await sum in responses { last = String(buffer: sum) }
    ///     return last
    /// }
    /// ```
    ///
    /// When `body` returns, the client's side is closed if `body` did not close it, and responses not yet read are
    /// discarded. When `body` throws, the call is forgotten locally (ttrpc cannot cancel a stream on the server).
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws; the `responses` sequence throws ``RPCError`` when the server ends the call with
    ///   an error status or the connection is lost; `requests.send` throws Cancelled once the call has ended.
    public func bidirectionalStreamingCall<Result: Sendable>(
        service: String,
        method: String,
        metadata: [TTRPCKeyValue] = [],
        _ body: (
            _ responses: TTRPCResponseStream, _ requests: TTRPCRequestStreamWriter
        ) async throws -> Result
    ) async throws -> Result {
        let (responses, source) = TTRPCResponseStream.make(on: channel)
        let streamID = try await open(
            TTRPCRequest(service: service, method: method, metadata: metadata),
            receiver: .streaming(source),
            onFailure: { source.source.finish($0) }
        )
        let writer = TTRPCRequestStreamWriter(channel: channel, streamID: streamID)
        let channel = self.channel
        do {
            let result = try await withTaskCancellationHandler {
                try await body(responses, writer)
            } onCancel: {
                channel.writeAndFlush(ClientOutbound.cancel(streamID: streamID), promise: nil)
            }
            try? await writer.finish()
            channel.writeAndFlush(ClientOutbound.cancel(streamID: streamID), promise: nil)
            return result
        } catch {
            channel.writeAndFlush(ClientOutbound.cancel(streamID: streamID), promise: nil)
            throw error
        }
    }

    /// Writes a request that opens a stream the client sends on, and returns its stream id.
    private func open(
        _ request: TTRPCRequest,
        receiver: ClientCall.Receiver,
        onFailure: @escaping @Sendable (RPCError) -> Void
    ) async throws(RPCError) -> UInt32 {
        let opened = channel.eventLoop.makePromise(of: UInt32.self)
        let call = ClientCall(request: request, receiver: receiver, enforceDeadline: true, flags: .remoteOpen, opened: opened)
        let address = self.address
        channel.writeAndFlush(ClientOutbound.call(call)).whenFailure { error in
            let failure = RPCError(code: .unavailable, message: "connection to \(address) is closed: \(error)")
            opened.fail(failure)
            onFailure(failure)
        }
        do {
            return try await opened.futureResult.get()
        } catch {
            throw Self.callError(error)
        }
    }

    static func callError(_ error: any Error) -> RPCError {
        switch error {
        case let error as RPCError: error
        case is CancellationError: RPCError(code: .cancelled, message: "the call was cancelled")
        default: RPCError(code: .cancelled, message: "the request sequence failed: \(error)")
        }
    }
}

/// Sends the client's messages on a bidirectional call, and closes the client's side.
public struct TTRPCRequestStreamWriter: Sendable {
    private let channel: any Channel
    private let streamID: UInt32
    private let finished = SharedFlag()

    init(channel: any Channel, streamID: UInt32) {
        self.channel = channel
        self.streamID = streamID
    }

    /// Sends one message (an encoded protobuf) as a data frame; returns once it is written.
    /// - Throws: ``RPCError`` Cancelled once the call has ended or the client's side is closed, Unavailable when
    ///   the connection is gone.
    public func send(_ message: ByteBuffer) async throws(RPCError) {
        guard !finished.isSet else {
            throw RPCError(code: .cancelled, message: "the client's side of the stream is closed")
        }
        try await write(message, last: false)
    }

    /// Closes the client's side of the stream (the server's request sequence ends). Closing twice does nothing.
    /// - Throws: ``RPCError`` when the call has ended or the connection is gone.
    public func finish() async throws(RPCError) {
        guard finished.set() else { return }
        try await write(nil, last: true)
    }

    private func write(_ message: ByteBuffer?, last: Bool) async throws(RPCError) {
        do {
            try await channel.writeAndFlush(ClientOutbound.data(streamID: streamID, message: message, last: last))
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(code: .unavailable, message: "the connection is closed: \(error)")
        }
    }
}

/// A flag set once, shared by copies of a writer.
final class SharedFlag: Sendable {
    private let value = Mutex(false)

    var isSet: Bool { value.withLock { $0 } }

    /// Sets the flag; `false` when it was already set.
    func set() -> Bool {
        value.withLock { flag in
            defer { flag = true }
            return !flag
        }
    }
}
