import JiefenWireTesting
import NIOCore
import TTRPCWire
import Testing

@Suite("hostile bytes give errors, never crashes")
struct HostileInputTests {
    private func validRequestBytes() throws -> [UInt8] {
        var out = ByteBuffer()
        try TTRPCRequest(
            service: "grpc.health.v1.Health", method: "Check", payload: ByteBuffer(bytes: [8, 1, 16, 2]),
            timeoutNano: 99, metadata: [.init(key: "a", value: "b"), .init(key: "c", value: "d")]
        ).encode(into: &out)
        return Array(out.readableBytesView)
    }

    @Test func truncatedInputsAreRefused() throws {
        let bytes = try validRequestBytes()
        for length in 1..<bytes.count {
            // Some prefixes end on a field boundary and are valid shorter messages; the rest must throw.
            _ = try? TTRPCRequest(decoding: ByteBuffer(bytes: bytes[0..<length]))
        }
        #expect(throws: WireError.self) { try TTRPCRequest(decoding: ByteBuffer(bytes: bytes.dropLast())) }
    }

    @Test func lengthPastTheEndIsMalformed() {
        // service: length 100, but only 3 bytes follow.
        let error = #expect(throws: WireError.self) { try TTRPCRequest(decoding: ByteBuffer(bytes: [0x0A, 100, 0x61, 0x62, 0x63])) }
        #expect(error?.code == .malformed)
    }

    @Test func wrongWireTypeIsMalformed() {
        // field 1 (string) sent as a 64-bit fixed value, then a truncated varint.
        #expect(throws: WireError.self) { try TTRPCRequest(decoding: ByteBuffer(bytes: [0x09, 1, 2, 3])) }
        #expect(throws: WireError.self) { try TTRPCRequest(decoding: ByteBuffer(bytes: [0x20, 0xFF, 0xFF, 0xFF])) }
    }

    @Test(arguments: [[0xFF, 0xFE] as [UInt8], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80]])
    func invalidUTF8InStringsIsRefused(bad: [UInt8]) {
        let service: [UInt8] = [0x0A, UInt8(bad.count)] + bad
        let error = #expect(throws: WireError.self) { try TTRPCRequest(decoding: ByteBuffer(bytes: service)) }
        #expect(error?.code == .invalidUTF8)
        let metadataValue: [UInt8] = [0x2A, UInt8(bad.count + 5), 0x0A, 0x01, 0x6B, 0x12, UInt8(bad.count)] + bad
        let metadataError = #expect(throws: WireError.self) { try TTRPCRequest(decoding: ByteBuffer(bytes: metadataValue)) }
        #expect(metadataError?.code == .invalidUTF8)
        let status: [UInt8] = [0x0A, UInt8(bad.count + 4), 0x08, 0x03, 0x12, UInt8(bad.count)] + bad
        #expect(throws: WireError.self) { try TTRPCResponse(decoding: ByteBuffer(bytes: status)) }
    }

    @Test func hugeRepeatedCountsExhaustTheBudget() {
        // 4 MiB of empty metadata entries (2 bytes each) would need ~2M C structs; the budget refuses.
        var raw = [UInt8](repeating: 0, count: 4 << 20)
        for index in stride(from: 0, to: raw.count, by: 2) { raw[index] = 0x2A }
        let error = #expect(throws: WireError.self) { try TTRPCRequest(decoding: ByteBuffer(bytes: raw)) }
        #expect(error?.code == .resourceExhausted)
    }

    @Test func seededRandomAndMutatedInputsNeverCrash() throws {
        var rng = SeededGenerator(seed: 20_261_125)
        let valid = try validRequestBytes()
        var decoded = 0
        var refused = 0
        for round in 0..<6000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int.random(in: 0...256, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else {
                bytes = valid
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0: bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                    case 1: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...bytes.count, using: &rng))
                    case 2: if bytes.count > 1 { bytes.remove(at: Int.random(in: 0..<bytes.count, using: &rng)) }
                    default: bytes += [0x2A, 0xFF, 0xFF, 0xFF, 0x7F] // huge length
                    }
                }
            }
            for decode in [
                { (b: ByteBuffer) throws -> Void in _ = try TTRPCRequest(decoding: b) },
                { (b: ByteBuffer) throws -> Void in _ = try TTRPCResponse(decoding: b) },
                { (b: ByteBuffer) throws -> Void in _ = try HealthCheckRequest(decoding: b) },
            ] {
                do {
                    try decode(ByteBuffer(bytes: bytes))
                    decoded += 1
                } catch is WireError {
                    refused += 1
                }
            }
        }
        #expect(decoded + refused == 18_000)
        #expect(refused > 1000)
    }
}
