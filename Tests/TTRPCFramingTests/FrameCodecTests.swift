import NIOCore
import NIOEmbedded
import NIOTestUtils
import TTRPCFraming
import Testing

@Suite("ttrpc frame codec")
struct FrameCodecTests {
    @Test func headerMatchesGoldenBytes() {
        var out = ByteBuffer()
        out.writeTTRPCFrame(TTRPCFrame(streamID: 3, type: .data, flags: [.remoteClosed, .noData], data: ByteBuffer(bytes: [0xAB])))
        #expect(Array(out.readableBytesView) == [0, 0, 0, 1, 0, 0, 0, 3, 3, 5, 0xAB])
    }

    @Test func inPlaceWriterFillsInTheLength() throws {
        var out = ByteBuffer()
        let written = out.writeTTRPCFrame(streamID: 7, type: .response) { (buffer: inout ByteBuffer) in
            buffer.writeString("hello")
        }
        #expect(written == 5)
        #expect(Array(out.readableBytesView) == [0, 0, 0, 5, 0, 0, 0, 7, 2, 0] + Array("hello".utf8))
    }

    @Test func verifierAcceptsDripFedAndCoalescedFrames() throws {
        func bytes(_ frame: TTRPCFrame) -> ByteBuffer {
            var out = ByteBuffer()
            out.writeTTRPCFrame(frame)
            return out
        }
        let frames = [
            TTRPCFrame(streamID: 1, type: .request, data: ByteBuffer(string: "abc")),
            TTRPCFrame(streamID: 3, type: .request, flags: .remoteClosed, data: ByteBuffer()),
            TTRPCFrame(streamID: 3, type: .data, flags: [.remoteClosed, .noData]),
            TTRPCFrame(streamID: 5, type: TTRPCMessageType(rawValue: 9), data: ByteBuffer(repeating: 7, count: 1000)),
        ]
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: frames.map { (bytes($0), [TTRPCFrameEvent.frame($0)]) },
            decoderFactory: { TTRPCFrameDecoder() }
        )
    }

    @Test func oversizedFrameIsReportedAndSkippedWithoutBuffering() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(TTRPCFrameDecoder(maximumDataLength: 16), maximumBufferSize: 64))
        var header = ByteBuffer()
        header.writeMultipleIntegers(UInt32(1000), UInt32(9), UInt8(1), UInt8(0))
        try channel.writeInbound(header)
        #expect(try channel.readInbound(as: TTRPCFrameEvent.self) == .oversized(streamID: 9, type: .request, length: 1000))
        // The 1000 bytes arrive in pieces and are dropped, then a normal frame follows.
        for _ in 0..<10 { try channel.writeInbound(ByteBuffer(repeating: 0xEE, count: 100)) }
        #expect(try channel.readInbound(as: TTRPCFrameEvent.self) == nil)
        var next = ByteBuffer()
        next.writeTTRPCFrame(TTRPCFrame(streamID: 11, type: .request, data: ByteBuffer(string: "ok")))
        try channel.writeInbound(next)
        #expect(
            try channel.readInbound(as: TTRPCFrameEvent.self)
                == .frame(TTRPCFrame(streamID: 11, type: .request, data: ByteBuffer(string: "ok"))))
        _ = try channel.finish()
    }

    @Test func frameAtTheLimitIsAccepted() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(TTRPCFrameDecoder(maximumDataLength: 16)))
        var bytes = ByteBuffer()
        bytes.writeTTRPCFrame(TTRPCFrame(streamID: 1, type: .request, data: ByteBuffer(repeating: 1, count: 16)))
        try channel.writeInbound(bytes)
        #expect(
            try channel.readInbound(as: TTRPCFrameEvent.self)
                == .frame(TTRPCFrame(streamID: 1, type: .request, data: ByteBuffer(repeating: 1, count: 16))))
        _ = try channel.finish()
    }

    @Test func truncatedHeaderAtCloseProducesNoFrame() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(TTRPCFrameDecoder()))
        try channel.writeInbound(ByteBuffer(bytes: [0, 0, 0, 4, 0]))
        #expect(try channel.readInbound(as: TTRPCFrameEvent.self) == nil)
        _ = try? channel.finish()
        #expect(try channel.readInbound(as: TTRPCFrameEvent.self) == nil)
    }
}
