import JiefenAPI
public import TTRPCCore

extension TTRPCRouter {
    /// Registers `jiefen.v1.Diagnostics` as jiefend serves it: the core's ``DiagnosticsService`` (Echo, Sleep,
    /// Metadata, Count) under that name, and the two streaming methods diagnostics.proto adds: `EchoStream`
    /// (bidirectional: each message answered with the same bytes, in order) and `Tally` (client streaming: how many
    /// messages the stream held, as a `CountResponse`).
    public mutating func registerJiefenDiagnostics() {
        register(DiagnosticsService(name: Diagnostics.name))
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
