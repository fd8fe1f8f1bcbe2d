public import Foundation
public import JiefenRequestSamples
public import NIOCore
public import TTRPCFraming
public import TTRPCWire

/// Seeds built from the request samples: payloads, envelopes and frames.
public enum WireSeeds {
    /// Every sample's request payload, prefixed with the byte that selects its method (the services target's input).
    public static func methodPayloads() throws -> [(name: String, bytes: [UInt8])] {
        try RequestSamples.all().map { sample in
            (sample.name, [UInt8(sample.method.index)] + Array(buffer: try sample.payload()))
        }
    }

    /// Every extreme-value variant of every sample (``ProtoExtremeValues/allRequests()``) as a services-target input:
    /// not seeds (most of them crash the current services), but a way to run each one in its own process with
    /// `JIEFEN_FUZZ_EXTREMES=1 JIEFEN_FUZZ_WRITE_SEEDS=DIR .build-fuzz/debug/FuzzServices`.
    public static func extremeValuePayloads() throws -> [(name: String, bytes: [UInt8])] {
        try ProtoExtremeValues.allRequests().map { sample, mutation, payload in
            (
                "\(sample.name).\(mutation)".replacingOccurrences(of: " ", with: ""),
                [UInt8(sample.method.index)] + Array(buffer: payload)
            )
        }
    }

    /// Every sample wrapped in a `ttrpc.Request` envelope; some with a deadline and metadata.
    public static func envelopes() throws -> [(name: String, bytes: [UInt8])] {
        try RequestSamples.all().enumerated().map { position, sample in
            (sample.name, Array(buffer: try envelope(sample, decorated: position % 2 == 0)))
        } + [("Health.Check", Array(buffer: try healthEnvelope()))]
    }

    /// Valid frame streams: one request frame per sample, several frames back to back, the other frame types,
    /// and an oversized frame header.
    public static func frames() throws -> [(name: String, bytes: [UInt8])] {
        var seeds: [(name: String, bytes: [UInt8])] = []
        var stream = ByteBuffer()
        for (position, sample) in RequestSamples.all().enumerated() {
            var one = ByteBuffer()
            let data = try envelope(sample, decorated: position % 2 == 0)
            one.writeTTRPCFrame(TTRPCFrame(streamID: UInt32(2 * position + 1), type: .request, data: data))
            stream.writeImmutableBuffer(one)
            seeds.append((sample.name, Array(buffer: one)))
        }
        seeds.append(("stream-of-all", Array(buffer: stream)))
        var other = ByteBuffer()
        other.writeTTRPCFrame(TTRPCFrame(streamID: 3, type: .data, flags: [.remoteClosed], data: ByteBuffer(bytes: [8, 1])))
        other.writeTTRPCFrame(TTRPCFrame(streamID: 5, type: .data, flags: [.noData]))
        other.writeTTRPCFrame(TTRPCFrame(streamID: 7, type: .response, data: ByteBuffer(bytes: [0x12, 0])))
        other.writeTTRPCFrame(TTRPCFrame(streamID: 9, type: TTRPCMessageType(rawValue: 0x7f), data: ByteBuffer(bytes: [1, 2, 3])))
        seeds.append(("other-types", Array(buffer: other)))
        var oversized = ByteBuffer()
        oversized.writeMultipleIntegers(UInt32(TTRPCFrame.defaultMaximumDataLength + 1), UInt32(11), UInt8(1), UInt8(0))
        oversized.writeRepeatingByte(0xAB, count: 64)
        oversized.writeTTRPCFrame(TTRPCFrame(streamID: 13, type: .request, data: try healthEnvelope()))
        seeds.append(("oversized-then-health", Array(buffer: oversized)))
        return seeds
    }

    static func envelope(_ sample: RequestSample, decorated: Bool) throws -> ByteBuffer {
        var request = TTRPCRequest(service: sample.method.service, method: sample.method.method, payload: try sample.payload())
        if decorated {
            request.timeoutNano = 5_000_000_000
            request.metadata = [TTRPCKeyValue(key: "x-jiefen-actor", value: "seed"), TTRPCKeyValue(key: "Trace", value: "1")]
        }
        var buffer = ByteBuffer()
        try request.encode(into: &buffer)
        return buffer
    }

    static func healthEnvelope() throws -> ByteBuffer {
        var buffer = ByteBuffer()
        try TTRPCRequest(service: "grpc.health.v1.Health", method: "Check").encode(into: &buffer)
        return buffer
    }
}
