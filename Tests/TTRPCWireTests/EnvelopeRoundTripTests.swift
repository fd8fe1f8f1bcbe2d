import JiefenWireTesting
import NIOCore
import TTRPCWire
import Testing

@Suite("ttrpc envelope encoding")
struct EnvelopeRoundTripTests {
    static let golden: [UInt8] = [
        0x0A, 0x01, 0x61, // service = "a"
        0x12, 0x01, 0x62, // method = "b"
        0x1A, 0x02, 0x01, 0x02, // payload = 01 02
        0x20, 0x05, // timeout_nano = 5
        0x2A, 0x06, 0x0A, 0x01, 0x6B, 0x12, 0x01, 0x76, // metadata { key = "k", value = "v" }
    ]

    @Test func requestMatchesGoldenBytes() throws {
        let request = TTRPCRequest(
            service: "a", method: "b", payload: ByteBuffer(bytes: [1, 2]), timeoutNano: 5,
            metadata: [TTRPCKeyValue(key: "k", value: "v")]
        )
        var out = ByteBuffer()
        try request.encode(into: &out)
        #expect(Array(out.readableBytesView) == Self.golden)
        #expect(try TTRPCRequest(decoding: ByteBuffer(bytes: Self.golden)) == request)
    }

    @Test(arguments: [0, 1, 64, 4096, 1 << 20])
    func requestRoundTrip(payloadSize: Int) throws {
        let payload = ByteBuffer(bytes: (0..<payloadSize).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let request = TTRPCRequest(
            service: "jiefen.v1.Cases", method: "Create", payload: payload, timeoutNano: 1_500_000_000,
            metadata: [.init(key: "x-department", value: "信访办"), .init(key: "x-department", value: "second")]
        )
        var out = ByteBuffer()
        try request.encode(into: &out)
        #expect(try TTRPCRequest(decoding: out) == request)
    }

    @Test func emptyRequestIsEmptyBytes() throws {
        var out = ByteBuffer()
        try TTRPCRequest(service: "", method: "").encode(into: &out)
        #expect(out.readableBytes == 0)
        #expect(try TTRPCRequest(decoding: out) == TTRPCRequest(service: "", method: ""))
    }

    @Test func okResponseCarriesNoStatus() throws {
        var out = ByteBuffer()
        try TTRPCResponse(status: TTRPCStatus(code: 0), payload: ByteBuffer()).encode(into: &out)
        #expect(out.readableBytes == 0)
        let decoded = try TTRPCResponse(decoding: out)
        #expect(decoded.status == nil)
        #expect(decoded.code == 0)
    }

    @Test func errorResponseRoundTrip() throws {
        let response = TTRPCResponse(
            status: TTRPCStatus(
                code: 3, message: "field village: required",
                details: [TTRPCAny(typeURL: "type.googleapis.com/google.rpc.BadRequest", value: [1, 2, 3])]
            ),
            payload: ByteBuffer(string: "partial")
        )
        var out = ByteBuffer()
        try response.encode(into: &out)
        #expect(try TTRPCResponse(decoding: out) == response)
    }

    @Test func healthRoundTrip() throws {
        var out = ByteBuffer()
        try HealthCheckRequest(service: "jiefen.v1.Cases").encode(into: &out)
        #expect(try HealthCheckRequest(decoding: out).service == "jiefen.v1.Cases")
        out.clear()
        HealthCheckResponse(status: .notServing).encode(into: &out)
        #expect(try HealthCheckResponse(decoding: out).status == .notServing)
    }

    @Test func embeddedNULIsRefusedOnEncode() {
        var out = ByteBuffer()
        #expect(throws: WireError.self) {
            try TTRPCRequest(service: "a\u{0}b", method: "m").encode(into: &out)
        }
        #expect(out.readableBytes == 0)
    }
}
