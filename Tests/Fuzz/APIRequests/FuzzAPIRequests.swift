// Fuzz target: every jiefen.v1 request decoder. Byte 0 picks the message type (in ServiceMethod.all order), the
// rest is the encoded message. A message that decodes (with the generated JiefenV1 decoder the server uses) is
// encoded, decoded and encoded again, and must give the same bytes.
import JiefenAPI
import JiefenFuzzSupport
import JiefenRequestSamples
import NIOCore
import TTRPCWire

/// The request decoders, one per method in `ServiceMethod.all` (same order).
let requestDecoders: [@Sendable (ByteBuffer) throws -> Void] = [
    { try roundTrip(JiefenV1.CreateCaseRequest.self, $0) },
    { try roundTrip(JiefenV1.GetCaseRequest.self, $0) },
    { try roundTrip(JiefenV1.ListCasesRequest.self, $0) },
    { try roundTrip(JiefenV1.ApplyEventRequest.self, $0) },
    { try roundTrip(JiefenV1.CaseHistoryRequest.self, $0) },
    { try roundTrip(JiefenV1.AssessCaseRequest.self, $0) },
    { try roundTrip(JiefenV1.ListKindsRequest.self, $0) },
    { try roundTrip(JiefenV1.DescribeKindRequest.self, $0) },
    { try roundTrip(JiefenV1.RecordContactRequest.self, $0) },
    { try roundTrip(JiefenV1.Session.self, $0) },
    { try roundTrip(JiefenV1.ListSessionsRequest.self, $0) },
    { try roundTrip(JiefenV1.RecordMeetingRequest.self, $0) },
    { try roundTrip(JiefenV1.ReportRequest.self, $0) },
    { try roundTrip(JiefenV1.PutBaselineRequest.self, $0) },
]

/// Decodes with the generated decoder; a message that decodes must encode, decode again, and encode to the same
/// bytes (a difference traps: the generated codec lost or changed a field). Bytes, not values, are compared: a NaN
/// in a double field is never equal to itself, though it round-trips bit for bit.
func roundTrip<M: GeneratedMessage>(_ type: M.Type, _ buffer: ByteBuffer) throws {
    let bytes = try M(decoding: buffer).encoded()
    let again = try M(decoding: bytes).encoded()
    precondition(again == bytes, "\(M.protoName) changed in an encode/decode round trip")
}

/// libFuzzer's entry point: runs one input; returns 0 (a finding traps instead).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAPIRequests(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzerMain.bytes(data, size)
    guard let selector = input.first else { return 0 }
    precondition(requestDecoders.count == ServiceMethod.all.count, "one decoder per method")
    let decode = requestDecoders[Int(selector) % requestDecoders.count]
    try? decode(ByteBuffer(bytes: input.dropFirst()))
    return 0
}

/// The process entry point (SwiftPM aliases `main` to `FuzzAPIRequests_main`): writes seeds or runs libFuzzer.
@_cdecl("FuzzAPIRequests_main")
public func fuzzAPIRequestsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzerMain.run(argc: argc, argv: argv, seeds: WireSeeds.methodPayloads, testOneInput: fuzzAPIRequests)
}
