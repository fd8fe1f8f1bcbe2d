// Fuzz target: the ttrpc frame decoder, fed through NIO's ByteToMessageHandler on an EmbeddedChannel.
//
// Input: byte 0 picks the limit on frame data (small, so oversized frames are common, or the 4 MiB default) and
// the size of the chunks the rest arrives in; the rest is the byte stream.
import JiefenFuzzSupport
import NIOCore
import NIOEmbedded
import TTRPCFraming

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrameDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzerMain.bytes(data, size)
    guard let control = input.first else { return 0 }
    let limit = control & 0x80 == 0 ? Int(control & 0x3f) * 64 : TTRPCFrame.defaultMaximumDataLength
    let chunk = control & 0x40 == 0 ? 1 + Int(control & 0x0f) : 4096
    let stream = input.dropFirst()

    let channel = EmbeddedChannel(handler: ByteToMessageHandler(TTRPCFrameDecoder(maximumDataLength: limit)))
    var offset = stream.startIndex
    while offset < stream.endIndex {
        let end = min(offset + chunk, stream.endIndex)
        do {
            try channel.writeInbound(ByteBuffer(bytes: stream[offset..<end]))
        } catch {
            break  // A decoder error closes the stream; the server would drop the connection.
        }
        offset = end
        while let event = try? channel.readInbound(as: TTRPCFrameEvent.self) {
            if case .frame(let frame) = event {
                precondition(frame.data.readableBytes <= limit, "frame larger than the limit was delivered")
            }
        }
    }
    _ = try? channel.finish(acceptAlreadyClosed: true)
    return 0
}

@_cdecl("FuzzFrameDecoder_main")
public func fuzzFrameDecoderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzerMain.run(argc: argc, argv: argv, seeds: { try WireSeeds.frames().map { ($0.name, [0x40] + $0.bytes) } },
                   testOneInput: fuzzFrameDecoder)
}
