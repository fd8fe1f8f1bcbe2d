import JiefenWireTesting
import NIOCore
import TTRPCWire
import Testing

@Suite("nesting is bounded and NUL refused before protobuf-c unpacks")
struct NestingAndNULTests {
    let codec: ProtoCodec

    init() throws {
        codec = try ProtoCodec(messageType: "jiefen.v1.CreateCaseRequest")
    }

    @Test func twentyThousandLevelsAreRefusedWithoutCrashing() throws {
        let bytes = HostileBytes.createRequest(detailValue: HostileBytes.nestedValue(depth: 20_000))
        #expect(bytes.count > 60_000)
        let error = #expect(throws: WireError.self) { try codec.decode(ByteBuffer(bytes: bytes)) }
        #expect(error?.code == .malformed)
        #expect(error?.message.contains("deeper than 16") == true)
    }

    @Test func depthSixteenDecodesAndSeventeenIsRefused() throws {
        // JiefenV1.CreateCaseRequest (1) → Field (2) → Value (3) → ValueList (4) → Value (5) …: n Value levels reach depth 2n + 1.
        let fits = HostileBytes.createRequest(detailValue: HostileBytes.nestedValue(depth: 7)) // depth 15
        let decoded = try codec.decode(ByteBuffer(bytes: fits))
        #expect(decoded.messages(12).count == 1)
        let deeper = HostileBytes.createRequest(detailValue: HostileBytes.nestedValue(depth: 8)) // depth 17
        #expect(throws: WireError.self) { try codec.decode(ByteBuffer(bytes: deeper)) }
    }

    @Test func nulInsideAStringIsRefusedOnDecode() throws {
        // request_id = "a\0b": protobuf-c alone would hand back "a".
        let error = #expect(throws: WireError.self) { try codec.decode(ByteBuffer(bytes: [0x0A, 3, 0x61, 0x00, 0x62])) }
        #expect(error?.code == .embeddedNUL)
        #expect(error?.message.contains("request_id") == true)
        // The same bytes in a `bytes` field are fine: the envelope's payload.
        var envelope = ByteBuffer()
        try TTRPCRequest(service: "s", method: "m", payload: ByteBuffer(bytes: [0x61, 0x00, 0x62]), timeoutNano: 0, metadata: [])
            .encode(into: &envelope)
        #expect(try TTRPCRequest(decoding: envelope).payload.readableBytes == 3)
    }

    @Test func nulInTheEnvelopeIsRefused() {
        // ttrpc.Request{service: "svc\0x"}.
        let error = #expect(throws: WireError.self) {
            try TTRPCRequest(decoding: ByteBuffer(bytes: [0x0A, 5, 0x73, 0x76, 0x63, 0x00, 0x78]))
        }
        #expect(error?.code == .embeddedNUL)
    }

    @Test func nestingInsideAnUnknownFieldIsNotFollowed() throws {
        // An unknown field 99 holding deep bytes: protobuf-c keeps it as opaque bytes, so it is no threat.
        let deep = HostileBytes.nestedValue(depth: 100)
        let bytes: [UInt8] = [0x9A, 0x06] + HostileBytes.varint(deep.count) + deep
        _ = try codec.decode(ByteBuffer(bytes: bytes))
    }
}
