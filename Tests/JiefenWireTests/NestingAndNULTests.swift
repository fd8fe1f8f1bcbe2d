import JiefenWire
import NIOCore
import Testing

/// Encoded `jiefen.v1.Value` lists nested `depth` deep, built outside-in without recursion (protobuf-c and a
/// recursive Swift encoder would both crash on the deep ones this test sends).
enum NestedValueBytes {
    /// A varint's bytes.
    static func varint(_ value: Int) -> [UInt8] {
        var out: [UInt8] = []
        var v = UInt64(value)
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
        return out
    }

    /// A `Value` whose `list` (field 10) holds a `ValueList` whose `values` (field 1) holds a `Value` …, `depth`
    /// `Value` levels in all; the innermost is empty.
    static func value(depth: Int) -> [UInt8] {
        // sizes[k]: the encoded size of the Value at level k from the inside (level 0 is the empty innermost one).
        var sizes = [0]
        var listSizes = [0]
        for _ in 1..<max(depth, 1) {
            let inner = sizes[sizes.count - 1]
            let list = 1 + varint(inner).count + inner
            listSizes.append(list)
            sizes.append(1 + varint(list).count + list)
        }
        var out: [UInt8] = []
        out.reserveCapacity(sizes.last ?? 0)
        for level in stride(from: sizes.count - 1, to: 0, by: -1) {
            out += [0x52] + varint(listSizes[level])  // Value.list = 10, length-delimited
            out += [0x0A] + varint(sizes[level - 1])  // ValueList.values = 1, length-delimited
        }
        return out
    }

    /// A `CreateCaseRequest` with one detail (`Field{name: "x", value}`) holding `value`.
    static func createRequest(value: [UInt8]) -> [UInt8] {
        let field: [UInt8] = [0x0A, 1, UInt8(ascii: "x"), 0x12] + varint(value.count) + value
        return [0x0A, 2, UInt8(ascii: "r"), UInt8(ascii: "1"), 0x62] + varint(field.count) + field  // details = 12
    }
}

@Suite("nesting is bounded and NUL refused before protobuf-c unpacks")
struct NestingAndNULTests {
    let codec: ProtoCodec

    init() throws {
        codec = try ProtoCodec(messageType: "jiefen.v1.CreateCaseRequest")
    }

    @Test func twentyThousandLevelsAreRefusedWithoutCrashing() throws {
        let bytes = NestedValueBytes.createRequest(value: NestedValueBytes.value(depth: 20_000))
        #expect(bytes.count > 60_000)
        let error = #expect(throws: WireError.self) { try codec.decode(ByteBuffer(bytes: bytes)) }
        #expect(error?.code == .malformed)
        #expect(error?.message.contains("deeper than 16") == true)
    }

    @Test func depthSixteenDecodesAndSeventeenIsRefused() throws {
        // CreateCaseRequest (1) → Field (2) → Value (3) → ValueList (4) → Value (5) …: n Value levels reach depth 2n + 1.
        let fits = NestedValueBytes.createRequest(value: NestedValueBytes.value(depth: 7))  // depth 15
        let decoded = try codec.decode(ByteBuffer(bytes: fits))
        #expect(decoded.messages(12).count == 1)
        let deeper = NestedValueBytes.createRequest(value: NestedValueBytes.value(depth: 8))  // depth 17
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
        let deep = NestedValueBytes.value(depth: 100)
        let bytes: [UInt8] = [0x9A, 0x06] + NestedValueBytes.varint(deep.count) + deep
        _ = try codec.decode(ByteBuffer(bytes: bytes))
    }
}
