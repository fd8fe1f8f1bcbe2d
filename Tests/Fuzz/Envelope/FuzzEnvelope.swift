// Fuzz target: the ttrpc envelope (`ttrpc.Request`, and `ttrpc.Response` on the same bytes) decoded with
// protobuf-c; a request that decodes must survive an encode/decode round trip unchanged.
import JiefenFuzzSupport
import NIOCore
import TTRPCWire

/// libFuzzer's entry point: runs one input; returns 0 (a finding traps instead).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEnvelope(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let buffer = ByteBuffer(bytes: FuzzerMain.bytes(data, size))
    if let request = try? TTRPCRequest(decoding: buffer) {
        var encoded = ByteBuffer()
        do {
            try request.encode(into: &encoded)
            let again = try TTRPCRequest(decoding: encoded)
            precondition(again == request, "ttrpc.Request changed in an encode/decode round trip")
        } catch {
            preconditionFailure("a decoded ttrpc.Request could not be encoded again: \(error)")
        }
    }
    if let response = try? TTRPCResponse(decoding: buffer) {
        var encoded = ByteBuffer()
        try? response.encode(into: &encoded)
    }
    return 0
}

/// The process entry point (SwiftPM aliases `main` to `FuzzEnvelope_main`): writes seeds or runs libFuzzer.
@_cdecl("FuzzEnvelope_main")
public func fuzzEnvelopeMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzerMain.run(argc: argc, argv: argv, seeds: WireSeeds.envelopes, testOneInput: fuzzEnvelope)
}
