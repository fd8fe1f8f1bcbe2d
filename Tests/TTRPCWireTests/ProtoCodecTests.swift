import JiefenWireTesting
import NIOCore
import TTRPCWire
import Testing

@Suite("descriptor-driven codec")
struct ProtoCodecTests {
    @Test func encodesTheSameBytesAsTheHandWrittenEnvelopeCodec() throws {
        let codec = try ProtoCodec(messageType: "ttrpc.Request")
        let message = ProtoMessage([
            1: .string("a"), 2: .string("b"), 3: .bytes([1, 2]), 4: .int(5),
            5: .list([.message(ProtoMessage([1: .string("k"), 2: .string("v")]))]),
        ])
        let bytes = try codec.encode(message)
        #expect(Array(bytes.readableBytesView) == EnvelopeRoundTripTests.golden)
        #expect(try codec.decode(bytes) == message)
    }

    @Test func decodesWhatTheEnvelopeCodecWrote() throws {
        var bytes = ByteBuffer()
        try TTRPCResponse(status: TTRPCStatus(code: 5, message: "case JF-000009 not found")).encode(into: &bytes)
        let decoded = try ProtoCodec(messageType: "ttrpc.Response").decode(bytes)
        let status = try #require(decoded.message(1))
        #expect(status.int(1) == 5)
        #expect(status.string(2) == "case JF-000009 not found")
        #expect(status.messages(3).isEmpty)
        #expect(decoded.message(1) != nil)
    }

    @Test func absentNestedMessageStaysAbsent() throws {
        let codec = try ProtoCodec(messageType: "ttrpc.Response")
        let decoded = try codec.decode(ByteBuffer())
        #expect(decoded.message(1) == nil)
        #expect(decoded.bytes(2) == [])
    }

    @Test func wrongValueKindsAndUnknownFieldsAreRefused() throws {
        let codec = try ProtoCodec(messageType: "ttrpc.Request")
        #expect(throws: WireError.self) { _ = try codec.encode(ProtoMessage([1: .int(3)])) }
        #expect(throws: WireError.self) { _ = try codec.encode(ProtoMessage([5: .string("not a list")])) }
        #expect(throws: WireError.self) { _ = try codec.encode(ProtoMessage([99: .string("x")])) }
        #expect(throws: WireError.self) { _ = try codec.encode(ProtoMessage([1: .string("nul\u{0}inside")])) }
        #expect(throws: WireError.self) { _ = try ProtoCodec(messageType: "no.such.Message") }
    }

    @Test func hostileBytesAreRefusedByTheGenericDecoderToo() throws {
        let codec = try ProtoCodec(messageType: "ttrpc.Request")
        #expect(throws: WireError.self) { _ = try codec.decode(ByteBuffer(bytes: [0x0A, 0x02, 0xFF, 0xFE])) }
        #expect(throws: WireError.self) { _ = try codec.decode(ByteBuffer(bytes: [0x0A, 0x7F])) }
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = try? codec.decode(ByteBuffer(bytes: bytes))
        }
    }
}

@Suite("descriptor-driven codec: oneof and nesting")
struct ProtoCodecOneofTests {
    @Test(arguments: [
        ProtoValue.string("烂尾楼"), .int(48_000_000), .bool(false), .bool(true),
    ])
    func valueOneofRoundTrips(member: ProtoValue) throws {
        let codec = try ProtoCodec(messageType: "jiefen.v1.Value")
        let field: UInt32 =
            switch member {
            case .string: 1
            case .int: 3
            default: 8
            }
        let message = ProtoMessage([field: member])
        #expect(try codec.decode(try codec.encode(message)) == message)
    }

    @Test func onlyTheSetOneofMemberIsDecoded() throws {
        let codec = try ProtoCodec(messageType: "jiefen.v1.Value")
        // An empty Value has no member set: no field at all, not zero values of every member.
        #expect(try codec.decode(ByteBuffer()) == ProtoMessage())
        // Two members on the wire: the last one wins, as protobuf requires.
        let decoded = try codec.decode(ByteBuffer(bytes: [0x0A, 0x01, 0x61, 0x10, 0x07]))
        #expect(decoded == ProtoMessage([2: .int(7)]))
    }

    @Test func nestedListsOfMessagesRoundTrip() throws {
        let codec = try ProtoCodec(messageType: "jiefen.v1.Field")
        let list = ProtoMessage([
            10: .message(
                ProtoMessage([
                    1: .list([
                        .message(ProtoMessage([6: .string("2023-01-18")])),
                        .message(ProtoMessage([4: .int(18_650)])),
                    ])
                ]))
        ])
        let message = ProtoMessage([1: .string("plots"), 2: .message(list)])
        #expect(try codec.decode(try codec.encode(message)) == message)
    }
}
