public import NIOCore
public import NIOPosix
public import TTRPCFraming
public import TTRPCWire

/// A ttrpc client connection. One connection carries any number of concurrent calls.
///
/// ```swift
/// let client = try await TTRPCClient.connect(to: TTRPCAddress(parsing: "unix:///run/jiefen/jiefend.sock"))
/// defer { Task { await client.close() } }
/// let reply = try await client.call(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: "hi"))
/// ```
///
/// Every non-OK status is thrown as ``RPCError``; a lost or refused connection is ``RPCError`` with code
/// `Unavailable` and a message naming the address.
public final class TTRPCClient: Sendable {
    let channel: any Channel
    /// The address this client is connected to.
    public let address: TTRPCAddress

    private init(channel: any Channel, address: TTRPCAddress) {
        self.channel = channel
        self.address = address
    }

    /// Connects to a server.
    /// - Parameters:
    ///   - address: Where the server listens.
    ///   - maximumFrameLength: The largest response frame accepted (default 4 MiB).
    ///   - connectTimeout: How long to wait for the connection.
    ///   - eventLoopGroup: The event loops to use (default: NIO's shared group).
    /// - Throws: ``RPCError`` `Unavailable` when the server cannot be reached.
    public static func connect(
        to address: TTRPCAddress,
        maximumFrameLength: Int = TTRPCFrame.defaultMaximumDataLength,
        connectTimeout: Duration = .seconds(10),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(RPCError) -> TTRPCClient {
        let description = address.description
        let bootstrap = ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(.nanoseconds(connectTimeout.nanoseconds))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(TTRPCFrameDecoder(maximumDataLength: maximumFrameLength))
                    )
                    try channel.pipeline.syncOperations.addHandler(ClientConnectionHandler(description: description))
                }
            }
        do {
            let channel: any Channel
            switch address.base {
            case .unix(let path): channel = try await bootstrap.connect(unixDomainSocketPath: path).get()
            case .tcp(let host, let port): channel = try await bootstrap.connect(host: host, port: port).get()
            }
            return TTRPCClient(channel: channel, address: address)
        } catch {
            throw RPCError(code: .unavailable, message: "cannot connect to \(description): \(error)")
        }
    }

    /// Performs a unary call and returns the whole response, whatever its status.
    /// - Throws: ``RPCError`` only for failures without a server status: deadline passed locally, connection lost,
    ///   request not encodable.
    public func callForResponse(
        service: String,
        method: String,
        payload: ByteBuffer = ByteBuffer(),
        metadata: [TTRPCKeyValue] = [],
        timeout: Duration? = nil
    ) async throws(RPCError) -> TTRPCResponse {
        let request = TTRPCRequest(
            service: service,
            method: method,
            payload: payload,
            timeoutNano: timeout.map { max($0.nanoseconds, 1) } ?? 0,
            metadata: metadata
        )
        return try await send(request)
    }

    /// Sends a request envelope as it is and returns the whole response, whatever its status.
    /// - Parameters:
    ///   - request: The envelope; its `timeoutNano` goes on the wire unchanged.
    ///   - enforceDeadlineLocally: When true (the default), the call also fails locally with DeadlineExceeded once
    ///     `timeoutNano` has passed; when false only the server's answer ends the call.
    /// - Throws: ``RPCError`` for failures without a server status.
    public func send(_ request: TTRPCRequest, enforceDeadlineLocally: Bool = true) async throws(RPCError) -> TTRPCResponse {
        do {
            return try await dispatchUnary(request, enforceDeadline: enforceDeadlineLocally, encoded: nil).get()
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(code: .unknown, message: "\(error)")
        }
    }

    /// The event loop this connection runs on.
    public var eventLoop: any EventLoop { channel.eventLoop }

    /// Starts a unary call and reports its answer on the connection's event loop, without entering Swift
    /// concurrency: for callers that live on that loop (load generators). Called on the loop, the request is
    /// written with no thread hop.
    /// - Parameters:
    ///   - request: The envelope to send as it is.
    ///   - encoded: `request` already encoded, when the caller sends the same envelope many times.
    ///   - onResponse: Runs on ``eventLoop`` with the response (any status) or a failure without a status.
    public func startCall(
        _ request: TTRPCRequest,
        encoded: ByteBuffer? = nil,
        onResponse: @escaping @Sendable (Result<TTRPCResponse, RPCError>) -> Void
    ) {
        dispatchUnary(request, enforceDeadline: true, encoded: encoded).whenComplete { result in
            onResponse(result.mapError { ($0 as? RPCError) ?? RPCError(code: .unknown, message: "\($0)") })
        }
    }

    /// Writes a unary call; the future fails with Unavailable when the connection cannot take it.
    private func dispatchUnary(_ request: TTRPCRequest, enforceDeadline: Bool, encoded: ByteBuffer?) -> EventLoopFuture<TTRPCResponse> {
        let promise = channel.eventLoop.makePromise(of: TTRPCResponse.self)
        let call = ClientCall(request: request, receiver: .unary(promise), enforceDeadline: enforceDeadline, encoded: encoded)
        channel.writeAndFlush(ClientOutbound.call(call)).whenFailure { [address] error in
            promise.fail(RPCError(code: .unavailable, message: "connection to \(address) is closed: \(error)"))
        }
        return promise.futureResult
    }

    /// Performs a unary call.
    /// - Returns: The response payload.
    /// - Throws: ``RPCError`` for every non-OK status, for a local deadline, and for connection failures.
    public func call(
        service: String,
        method: String,
        payload: ByteBuffer = ByteBuffer(),
        metadata: [TTRPCKeyValue] = [],
        timeout: Duration? = nil
    ) async throws(RPCError) -> ByteBuffer {
        let response = try await callForResponse(
            service: service, method: method, payload: payload, metadata: metadata, timeout: timeout
        )
        if let status = response.status, !status.isOK { throw RPCError(status: status) }
        return response.payload
    }

    /// Starts a server-streaming call.
    /// - Returns: The streamed messages (buffering bounded, see ``TTRPCResponseStream``); the sequence throws
    ///   ``RPCError`` when the call ends with an error status or the connection is lost.
    public func serverStreamingCall(
        service: String,
        method: String,
        payload: ByteBuffer = ByteBuffer(),
        metadata: [TTRPCKeyValue] = []
    ) -> TTRPCResponseStream {
        let (stream, source) = TTRPCResponseStream.make(on: channel)
        let request = TTRPCRequest(service: service, method: method, payload: payload, metadata: metadata)
        let address = self.address
        let call = ClientCall(request: request, receiver: .streaming(source), enforceDeadline: true, flags: .remoteClosed)
        channel.writeAndFlush(ClientOutbound.call(call)).whenFailure { error in
            source.source.finish(RPCError(code: .unavailable, message: "connection to \(address) is closed: \(error)"))
        }
        return stream
    }

    /// Whether the connection is still open.
    public var isConnected: Bool { channel.isActive }

    /// Closes the connection; pending calls fail with Unavailable.
    public func close() async {
        try? await channel.close()
    }
}
