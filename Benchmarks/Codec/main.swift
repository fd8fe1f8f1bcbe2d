// jiefen-bench-codec: nanoseconds per CreateCaseRequest decode and per Case encode, the two codec calls every
// Cases/Create makes, measured in one run two ways on the same bytes: the generated JiefenV1 types and raw
// protobuf-c (the floor; the ratio is the cost of Swift values over C structs). The hand-written types this replaced
// measured 4-5x slower to decode and 7-10x slower to encode (the closing note of issue 11).
// Run: JIEFEN_BENCHMARKS=1 swift build -c release --product jiefen-bench-codec && .build/release/jiefen-bench-codec [ITERATIONS]
// A second argument, `decode` or `encode`, runs only that half (for `valgrind --tool=callgrind` instruction counts).
// The bytes are printed (length and checksum) so runs before and after a codec change can be compared.
import JiefenAPI
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One way to decode the bench CreateCaseRequest and encode the bench Case.
protocol CodecSide {
    var name: String { get }
    /// This side's own encoding of the bench CreateCaseRequest (compared with the generated one).
    func encodeRequest() throws -> ByteBuffer
    /// Decodes a CreateCaseRequest; returns a count so the work cannot be optimised away.
    func decodeCreate(_ bytes: ByteBuffer) throws -> Int
    /// Encodes the bench Case into a new buffer.
    func encodeCase() throws -> ByteBuffer
}

let iterations = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 200_000 : 200_000
let only = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : ""

func nanoseconds(_ elapsed: Duration) -> Double {
    Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
}

func checksum(_ buffer: ByteBuffer) -> UInt32 {
    buffer.readableBytesView.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
}

/// Runs `body` `iterations` times, best of five rounds, in ns per call.
func measure(_ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<5 {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<iterations { try body() }
        best = min(best, nanoseconds(clock.now - start) / Double(iterations))
    }
    return best
}

func format2(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}

/// A ratio with two decimals.
func ratio(_ a: Double, _ b: Double) -> String {
    guard b > 0 else { return "-" }
    let hundredths = Int((a / b * 100).rounded())
    return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)x"
}

func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }

nonisolated(unsafe) var sink = 0

/// Decode and encode timings of one side, in ns per call.
func run<S: CodecSide>(_ side: S, requestBytes: ByteBuffer) throws -> (decode: Double, encode: Double) {
    let decode = only == "encode" ? 0 : try measure { sink &+= try side.decodeCreate(requestBytes) }
    let encode = only == "decode" ? 0 : try measure { sink &+= try side.encodeCase().readableBytes }
    return (decode, encode)
}

// The input: the generated encoding of the bench request, decoded by every side.
let generated = GeneratedSide()
let requestBytes = try generated.encodeRequest()
let caseBytes = try generated.encodeCase()
let raw = try RawProtobufCSide(caseBytes: caseBytes, requestBytes: requestBytes)
let sides: [any CodecSide] = [generated, raw]

print("CreateCaseRequest (generated encoding, decoded by every side): \(requestBytes.readableBytes) B, checksum \(checksum(requestBytes))")
var mismatch = false
for side in sides {
    let request = try side.encodeRequest()
    let encodedCase = try side.encodeCase()
    let sameRequest = request == requestBytes
    let sameCase = encodedCase == caseBytes
    mismatch = mismatch || !sameRequest || !sameCase
    print(
        "  \(side.name): request \(request.readableBytes) B checksum \(checksum(request))\(sameRequest ? "" : " DIFFERS");"
            + " Case \(encodedCase.readableBytes) B checksum \(checksum(encodedCase))\(sameCase ? "" : " DIFFERS")")
    // Every side must read the shared input the same way.
    let count = try side.decodeCreate(requestBytes)
    if count != 8 {
        print("  \(side.name): decoded \(count) details + petitioners, expected 8")
        mismatch = true
    }
}

var results: [String: (decode: Double, encode: Double)] = [:]
for side in sides { results[side.name] = try run(side, requestBytes: requestBytes) }

print("iterations: \(iterations), best of 5 rounds")
print(pad("side", 16) + "decode CreateCaseRequest  encode Case   (ns/op)")
for side in sides {
    let result = results[side.name]!
    print(
        pad(side.name, 16)
            + pad(format2(result.decode), 26) + format2(result.encode))
}
if let g = results["generated"] {
    if let r = results["raw protobuf-c"] {
        print("generated / raw protobuf-c: decode \(ratio(g.decode, r.decode)), encode \(ratio(g.encode, r.encode))")
    }
}
if mismatch { print("WARNING: the sides disagree on bytes or decoded counts (see above)") }
if sink == 42 { print("") }
