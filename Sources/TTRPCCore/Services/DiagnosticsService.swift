import NIOCore
import TTRPCWire

/// Plain-text diagnostics methods for benchmarks and tests of any ttrpc server, under a service name the server
/// chooses (payloads are text, not protobuf messages; jiefend serves its own `jiefen.v1.Diagnostics`, with the
/// messages its proto declares).
///
/// - `Echo` answers with the request payload, byte for byte (any bytes; no message type).
/// - `Sleep` waits for the number of milliseconds written in ASCII in the payload (at most 60,000), then answers
///   an empty payload; it honours deadlines and cancellation.
/// - `Metadata` answers with the request metadata as `key=value` lines, keys lower-cased, sorted.
/// - `Count` streams the numbers 1...N (payload: N in ASCII, at most 10,000) as ASCII data frames.
public struct DiagnosticsService: TTRPCService {
    /// The longest `Sleep`, in milliseconds (jiefen.v1.Diagnostics has the same bound).
    public static let maximumSleepMilliseconds = 60_000
    /// The most numbers one `Count` streams (jiefen.v1.Diagnostics has the same bound).
    public static let maximumCount = 10_000

    /// The service name on the wire.
    public let name: String

    /// Creates the service under `name`, e.g. `jiefen.v1.Diagnostics`.
    public init(name: String) {
        self.name = name
    }

    public func registerMethods(with router: inout TTRPCRouter) {
        router.register(service: name, method: "Echo", .onEventLoop { _, payload in payload })
        router.register(
            service: name, method: "Sleep",
            .unary { _, payload in
                let milliseconds = try Self.number(payload, limit: Self.maximumSleepMilliseconds, what: "sleep milliseconds")
                try await Task.sleep(for: .milliseconds(milliseconds))
                return ByteBuffer()
            })
        router.register(
            service: name, method: "Metadata",
            .onEventLoop { context, _ in
                let lines = context.metadata
                    .sorted { ($0.key, $0.value) < ($1.key, $1.value) }
                    .map { "\($0.key)=\($0.value)\n" }
                    .joined()
                return ByteBuffer(string: lines)
            })
        router.register(
            service: name, method: "Count",
            .serverStreaming { _, payload, writer in
                let count = try Self.number(payload, limit: Self.maximumCount, what: "count")
                for value in 0..<count {
                    try await writer.send(ByteBuffer(string: String(value + 1)))
                }
            })
    }

    private static func number(_ payload: ByteBuffer, limit: Int, what: String) throws -> Int {
        let text = String(buffer: payload)
        guard let value = Int(text), (0...limit).contains(value) else {
            throw RPCError(
                code: .invalidArgument,
                message: "payload must be the \(what) as a decimal number from 0 to \(limit), got \(payload.readableBytes) bytes"
            )
        }
        return value
    }
}
