import NIOCore
import NIOPosix
import TTRPCCore
import TTRPCFraming
import TTRPCWire

/// A test client that speaks raw frames, for sending what a proper client never would.
final class RawConnection: Sendable {
    let channel: any Channel
    private let frames: AsyncStream<TTRPCFrameEvent>

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = TTRPCFrameEvent
        let continuation: AsyncStream<TTRPCFrameEvent>.Continuation
        init(_ continuation: AsyncStream<TTRPCFrameEvent>.Continuation) { self.continuation = continuation }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) { continuation.yield(unwrapInboundIn(data)) }
        func channelInactive(context: ChannelHandlerContext) { continuation.finish() }
        func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
    }

    init(to address: TTRPCAddress, autoRead: Bool = true) async throws {
        let (frames, continuation) = AsyncStream<TTRPCFrameEvent>.makeStream()
        self.frames = frames
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.autoRead, value: autoRead)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(TTRPCFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(Collector(continuation))
                }
            }
        if let path = address.unixPath {
            channel = try await bootstrap.connect(unixDomainSocketPath: path).get()
        } else {
            let text = address.description.dropFirst("tcp://".count)
            let colon = text.lastIndex(of: ":")!
            channel = try await bootstrap.connect(host: String(text[..<colon]), port: Int(text[text.index(after: colon)...])!).get()
        }
    }

    /// Sends raw bytes.
    func send(_ bytes: ByteBuffer) async throws {
        try await channel.writeAndFlush(bytes)
    }

    /// Sends a frame with an explicit header.
    func send(streamID: UInt32, type: UInt8, flags: UInt8 = 0, data: ByteBuffer) async throws {
        var out = ByteBuffer()
        out.writeTTRPCFrame(
            TTRPCFrame(streamID: streamID, type: TTRPCMessageType(rawValue: type), flags: TTRPCFlags(rawValue: flags), data: data))
        try await send(out)
    }

    /// Sends a request envelope as a request frame.
    func sendRequest(streamID: UInt32, _ request: TTRPCRequest, flags: UInt8 = 0) async throws {
        var data = ByteBuffer()
        try request.encode(into: &data)
        try await send(streamID: streamID, type: 1, flags: flags, data: data)
    }

    /// The next frame, or `nil` when the connection closed.
    func nextFrame() async -> TTRPCFrame? {
        for await event in frames {
            if case .frame(let frame) = event { return frame }
        }
        return nil
    }

    /// The next frame decoded as a response, with its stream id.
    func nextResponse() async throws -> (streamID: UInt32, response: TTRPCResponse)? {
        guard let frame = await nextFrame() else { return nil }
        guard frame.type == .response else { throw TestFailure("expected a response frame, got \(frame.type)") }
        return (frame.streamID, try TTRPCResponse(decoding: frame.data))
    }

    /// Waits until the server closes the connection; returns the frames received meanwhile.
    func waitForClose() async -> Int {
        var count = 0
        for await _ in frames { count += 1 }
        return count
    }

    func close() async {
        try? await channel.close()
    }
}
