import JiefenAPI
import NIOCore
public import TTRPCCore
import TTRPCWire

extension TTRPCRouter {
    /// Registers `jiefen.v1.Diagnostics` as diagnostics.proto declares it, with the generated messages:
    /// `Echo` (the payload back, byte for byte, undecoded: any message comes back unchanged), `Sleep`
    /// (`SleepRequest`, at most 60,000 ms, honouring the deadline), `Metadata` (`MetadataResponse`, keys lower-cased,
    /// sorted by key then value), `Count` (1…count as `CountResponse`s, count at most 10,000), `EchoStream` (each
    /// message of a bidirectional stream back, in order) and `Tally` (how many messages a client stream held).
    public mutating func registerJiefenDiagnostics() {
        register(service: Diagnostics.echo.service, method: Diagnostics.echo.method, .onEventLoop { _, payload in payload })
        register(Diagnostics.sleep) { request, _ in
            let limit = DiagnosticsService.maximumSleepMilliseconds
            guard request.milliseconds <= limit else {
                throw RPCError(code: .invalidArgument, message: "milliseconds must be at most \(limit), got \(request.milliseconds)")
            }
            try await Task.sleep(for: .milliseconds(Int(request.milliseconds)))
            return JiefenV1.SleepResponse()
        }
        register(
            Diagnostics.metadata,
            onEventLoop: { _, context in
                let entries = context.metadata
                    .map { (key: $0.key.lowercased(), value: $0.value) }
                    .sorted { ($0.key, $0.value) < ($1.key, $1.value) }
                return JiefenV1.MetadataResponse(entries: entries.map { JiefenV1.KeyValue(key: $0.key, value: $0.value) })
            })
        register(
            Diagnostics.count,
            serverStreaming: { request, _, writer in
                let limit = DiagnosticsService.maximumCount
                guard request.count <= limit else {
                    throw RPCError(code: .invalidArgument, message: "count must be at most \(limit), got \(request.count)")
                }
                guard request.count > 0 else { return }
                for value in 1...request.count { try await writer.send(JiefenV1.CountResponse(value: value)) }
            })
        register(
            service: Diagnostics.echoStream.service, method: Diagnostics.echoStream.method,
            .bidirectionalStreaming { _, requests, writer in
                for try await message in requests { try await writer.send(message) }
            })
        register(
            Diagnostics.tally,
            clientStreaming: { requests, _ in
                var count: UInt32 = 0
                for try await _ in requests {
                    guard count < UInt32.max else {
                        throw RPCError(code: .resourceExhausted, message: "Tally counts at most \(UInt32.max) messages")
                    }
                    count += 1
                }
                return JiefenV1.CountResponse(value: count)
            })
    }
}
