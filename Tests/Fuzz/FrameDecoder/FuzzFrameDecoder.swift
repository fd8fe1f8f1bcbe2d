// Fuzz target: the ttrpc frame decoder, driven by NIO's NIOSingleStepByteToMessageProcessor (the buffering
// and decode loop that ByteToMessageHandler runs in a channel pipeline, without the pipeline's cost per chunk).
//
// Input: byte 0 picks the limit on frame data (small, so oversized frames are common, or the 4 MiB default) and
// the size of the chunks the rest arrives in; the rest is the byte stream.
import JiefenFuzzSupport
import NIOCore
import TTRPCFraming

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrameDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzerMain.bytes(data, size)
    guard let control = input.first else { return 0 }
    let limit = control & 0x80 == 0 ? Int(control & 0x3f) * 64 : TTRPCFrame.defaultMaximumDataLength
    let chunk = control & 0x40 == 0 ? 1 + Int(control & 0x3f) * 4 : Int.max
    let stream = input.dropFirst()

    let processor = NIOSingleStepByteToMessageProcessor(TTRPCFrameDecoder(maximumDataLength: limit))
    var offset = stream.startIndex
    do {
        while offset < stream.endIndex {
            let end = stream.endIndex - offset > chunk ? offset + chunk : stream.endIndex
            try processor.process(buffer: ByteBuffer(bytes: stream[offset..<end])) { check($0, limit: limit) }
            offset = end
        }
        try processor.finishProcessing(seenEOF: true) { check($0, limit: limit) }
    } catch {
        // A decoder error ends the stream; the server would drop the connection.
    }
    return 0
}

func check(_ event: TTRPCFrameEvent, limit: Int) {
    switch event {
    case .frame(let frame):
        precondition(frame.data.readableBytes <= limit, "a frame larger than the limit was delivered")
    case .oversized(_, _, let length):
        precondition(Int(length) > limit, "a frame within the limit was reported oversized")
    }
}

@_cdecl("FuzzFrameDecoder_main")
public func fuzzFrameDecoderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzerMain.run(argc: argc, argv: argv, seeds: { try WireSeeds.frames().map { ($0.name, [0x40] + $0.bytes) } },
                   testOneInput: fuzzFrameDecoder)
}
