// jiefen-bench-codec: nanoseconds per JiefenV1.CreateCaseRequest decode and per Case encode, the two codec calls every
// Cases/Create makes. Run: JIEFEN_BENCHMARKS=1 swift run -c release jiefen-bench-codec [ITERATIONS]
// A second argument, `decode` or `encode`, runs only that half (for `valgrind --tool=callgrind` instruction counts).
// The input bytes are printed (length and checksum) so runs before and after a codec change can be compared.
import JiefenAPI
import NIOCore

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

let requestBytes = try BenchMessages.createCaseRequest()
let caseMessage = BenchMessages.case()
var sink = 0
let decode = only == "encode" ? 0 : try measure {
    let request = try BenchMessages.decodeCreate(requestBytes)
    sink &+= request
}
let encode = only == "decode" ? 0 : try measure {
    sink &+= try BenchMessages.encodeCase(caseMessage).readableBytes
}
let caseBytes = try BenchMessages.encodeCase(caseMessage)
print("JiefenV1.CreateCaseRequest: \(requestBytes.readableBytes) B, checksum \(checksum(requestBytes))")
print("Case: \(caseBytes.readableBytes) B, checksum \(checksum(caseBytes))")
print("decode JiefenV1.CreateCaseRequest: \(format2(decode)) ns/op")
print("encode Case: \(format2(encode)) ns/op")
if sink == 42 { print("") }

func format2(_ value: Double) -> String { String(Int((value * 10).rounded())) .dropLast() + "." + String(Int((value * 10).rounded()) % 10) }
