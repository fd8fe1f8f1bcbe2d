// Fuzz target: the ttrpc frame decoder, driven by NIO's NIOSingleStepByteToMessageProcessor (the buffering
// and decode loop that ByteToMessageHandler runs in a channel pipeline, without the pipeline's cost per chunk).
//
// Input: byte 0 picks the limit on frame data (small, so oversized frames are common, or the 4 MiB default) and
// the size of the chunks the rest arrives in (the server reads partial frames too); the rest is the byte stream.
import JiefenFuzzSupport
import NIOCore
import TTRPCFraming

/// libFuzzer's entry point: runs one input; returns 0 (a finding traps instead).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrameDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let control = data[0]
    // Bits 0-2: the limit in 256-byte steps (bit 7: the 4 MiB default). Bit 6: all at once; else bits 3-5 the
    // chunk size in 509-byte steps, 0 meaning byte by byte for the first 64 bytes (a debug build takes ~50 µs a
    // chunk, so whole inputs byte by byte would slow the fuzzer to a crawl), then 509-byte chunks.
    let limit = control & 0x80 == 0 ? Int(control & 0x07) * 256 : TTRPCFrame.defaultMaximumDataLength
    let chunkSteps = Int((control >> 3) & 0x07)
    let chunk = control & 0x40 != 0 ? Int.max : max(chunkSteps, 1) * 509
    let bytewise = control & 0x40 == 0 && chunkSteps == 0 ? 64 : 0
    var stream = ByteBuffer(bytes: UnsafeRawBufferPointer(start: data + 1, count: size - 1))

    let processor = NIOSingleStepByteToMessageProcessor(TTRPCFrameDecoder(maximumDataLength: limit))
    do {
        var sent = 0
        while let part = stream.readSlice(length: min(sent < bytewise ? 1 : chunk, stream.readableBytes)),
            part.readableBytes > 0
        {
            sent += part.readableBytes
            try processor.process(buffer: part) { check($0, limit: limit) }
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

/// The process entry point (SwiftPM aliases `main` to `FuzzFrameDecoder_main`): writes seeds or runs libFuzzer.
@_cdecl("FuzzFrameDecoder_main")
public func fuzzFrameDecoderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzerMain.run(
        argc: argc, argv: argv, seeds: { try WireSeeds.frames().map { ($0.name, [0x40] + $0.bytes) } },
        testOneInput: fuzzFrameDecoder)
}
