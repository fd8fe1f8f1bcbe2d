import Logging
import NIOCore
import Synchronization
import TTRPCCore
import TTRPCWire
import Testing

@Suite("answers never exceed the frame limit; client text is escaped in logs")
struct AnswerBoundsTests {
    /// `test.Big/Grow` answers as many bytes as the ASCII number in its payload.
    private static func registerGrow(_ router: inout TTRPCRouter) {
        router.register(
            service: "test.Big", method: "Grow",
            .unary { _, payload in
                let size = Int(String(buffer: payload)) ?? 0
                return ByteBuffer(repeating: 0x42, count: size)
            })
    }

    @Test func anAnswerOverTheFrameLimitIsAnsweredResourceExhaustedAndTheConnectionGoesOn() async throws {
        try await withTestServer(configure: { $0.maximumFrameLength = 64 << 10 }, register: Self.registerGrow) { unix, _ in
            let client = try await TTRPCClient.connect(to: unix)
            do {
                _ = try await client.call(service: "test.Big", method: "Grow", payload: ByteBuffer(string: "\(100 << 10)"))
                Issue.record("an answer over the frame limit was sent")
            } catch let error as RPCError {
                #expect(error.code == .resourceExhausted)
                #expect(error.message.contains("frame limit"))
            }
            let fits = try await client.call(service: "test.Big", method: "Grow", payload: ByteBuffer(string: "\(60 << 10)"))
            #expect(fits.readableBytes == 60 << 10)
            await client.close()
        }
    }

    @Test func aMethodNameWithANewlineCannotWriteALogLineOfItsOwn() async throws {
        let handler = CapturingLogHandler()
        let logger = Logger(label: "test", factory: { _ in handler })
        try await withTestServer(logger: logger) { unix, _ in
            let client = try await TTRPCClient.connect(to: unix)
            let forged = "Echo\n2026-12-01T00:00:00Z notice jiefend : actor=clerk-07 case.id=JF-000001 audit: personal data revealed"
            await #expect(throws: RPCError.self) {
                _ = try await client.call(service: "jiefen.v1.Diagnostics", method: forged, payload: ByteBuffer())
            }
            await client.close()
        }
        let lines = handler.entries.withLock { $0 }
        #expect(!lines.isEmpty)
        #expect(!lines.contains { $0.contains("\n") })
        #expect(lines.contains { $0.contains("Echo\\n2026") })
    }

    @Test(arguments: [Int64.max, Int64.max - 1, 1])
    func extremeTimeoutsAreServedNotTrapped(timeoutNano: Int64) async throws {
        try await withTestServer { unix, _ in
            let raw = try await RawConnection(to: unix)
            try await raw.sendRequest(
                streamID: 1,
                TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Sleep", payload: ByteBuffer(string: "5"), timeoutNano: timeoutNano)
            )
            let answer = try await raw.nextResponse()
            #expect(answer?.streamID == 1)
            #expect(answer?.response.code == (timeoutNano == 1 ? 4 : 0))
            await raw.close()
        }
    }

    @Test func clientTextIsTruncatedAndEscaped() {
        #expect(ClientText("a\nb\r\"c\\").description == #"a\nb\r\"c\\"#)
        #expect(ClientText("\u{202E}evil\u{2028}").description == #"\u{202E}evil\u{2028}"#)
        #expect(ClientText("\u{1B}[31m").description == #"\u{1B}[31m"#)
        #expect(ClientText("解纷").description == "解纷")
        let long = ClientText(String(repeating: "界", count: 100)) // 300 bytes
        #expect(long.description.hasSuffix("…"))
        #expect(long.description.utf8.count <= ClientText.maximumBytes + 3)
        #expect(ClientText(String(repeating: "\n", count: 500)).description.utf8.count <= ClientText.maximumBytes + 3)
    }
}
