import Foundation
import JiefenAPI
import JiefenServices
import Logging
import NIOCore
import TTRPCCore
import TTRPCWire
import Testing

/// Jiefen's Swift client calls the reference Go ttrpc server, and both servers answer the same raw requests alike.
@Suite("interop: jiefen client → Go reference server", .serialized)
struct SwiftClientAgainstGoServerTests {
    /// Starts the Go server on a fresh socket, runs `body`, stops the server.
    private func withGoServer<R>(_ body: (TTRPCAddress) async throws -> R) async throws -> R {
        try InteropBinaries.ensureBuilt()
        let path = "/tmp/jiefen-go-\(UInt32.random(in: 0...UInt32.max)).sock"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: InteropBinaries.server)
        process.arguments = ["-socket", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { throw TestFailure("Go server exited before it was ready") }
            line.append(chunk)
        }
        #expect(String(decoding: line, as: UTF8.self).hasPrefix("ready"))
        return try await body(.unixDomainSocket(path: path))
    }

    private static func payload(_ size: Int) -> ByteBuffer {
        var state: UInt64 = 0x1234_5678
        return ByteBuffer(
            bytes: (0..<size).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 33)
            })
    }

    @Test func swiftClientPassesTheSameChecksAgainstTheGoServer() async throws {
        try await withGoServer { address in
            let client = try await TTRPCClient.connect(to: address)
            for size in [0, 1, 64, 4096, 1 << 20] {
                let payload = Self.payload(size)
                let answer = try await client.call(service: "jiefen.v1.Diagnostics", method: "Echo", payload: payload)
                #expect(answer == payload, "echo of \(size) bytes")
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let payload = Self.payload(index * 37 % 5000)
                        let answer = try await client.call(service: "jiefen.v1.Diagnostics", method: "Echo", payload: payload)
                        #expect(answer == payload)
                    }
                }
                try await group.waitForAll()
            }
            let metadata = try await client.call(
                service: "jiefen.v1.Diagnostics", method: "Metadata",
                metadata: [
                    .init(key: "x-department", value: "petition-office"), .init(key: "x-trace", value: "abc"),
                    .init(key: "x-trace", value: "def"),
                ]
            )
            let entries = try JiefenV1.MetadataResponse(decoding: metadata).entries
            #expect(entries.map { "\($0.key)=\($0.value)" } == ["x-department=petition-office", "x-trace=abc", "x-trace=def"])
            let start = ContinuousClock.now
            let deadline = await #expect(throws: RPCError.self) {
                _ = try await client.call(
                    service: "jiefen.v1.Diagnostics", method: "Sleep", payload: Self.sleep2000, timeout: .milliseconds(200))
            }
            #expect(deadline?.code == .deadlineExceeded)
            #expect(ContinuousClock.now - start < .milliseconds(1500))
            let method = await #expect(throws: RPCError.self) {
                _ = try await client.call(service: "jiefen.v1.Diagnostics", method: "NoSuchMethod")
            }
            #expect(method == RPCError(code: .unimplemented, message: "method NoSuchMethod"))
            let service = await #expect(throws: RPCError.self) { _ = try await client.call(service: "no.such.Service", method: "Echo") }
            #expect(service == RPCError(code: .unimplemented, message: "service no.such.Service"))
            #expect(
                String(
                    buffer: try await client.call(
                        service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: "still here"))) == "still here")
            await client.close()
        }
    }

    /// `Diagnostics/Sleep` for 2 s: a `jiefen.v1.SleepRequest`, as diagnostics.proto declares.
    static let sleep2000 = try! JiefenV1.SleepRequest(milliseconds: 2000).encoded()

    /// The same requests, sent as raw frames to both servers, get the same status codes and payload bytes.
    static let requests: [(String, TTRPCRequest)] = [
        ("echo", TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Echo", payload: ByteBuffer(string: "same bytes"))),
        ("empty echo", TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Echo")),
        (
            "server deadline",
            TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "Sleep", payload: Self.sleep2000, timeoutNano: 150_000_000)
        ),
        ("unknown method", TTRPCRequest(service: "jiefen.v1.Diagnostics", method: "NoSuchMethod")),
        ("unknown service", TTRPCRequest(service: "no.such.Service", method: "Echo")),
    ]

    /// Sends every request of ``requests`` and records each answer's status code and payload.
    @Sendable static func answers(_ address: TTRPCAddress) async throws -> [String: (Int32, [UInt8])] {
        let client = try await TTRPCClient.connect(to: address)
        var result: [String: (Int32, [UInt8])] = [:]
        for (name, request) in Self.requests {
            // No local timer: the deadline travels only in timeout_nano, so the server's own answer comes back.
            let response = try await client.send(request, enforceDeadlineLocally: false)
            result[name] = (response.code, Array(response.payload.readableBytesView))
        }
        await client.close()
        return result
    }

    @Test func bothServersAnswerRawRequestsAlike() async throws {
        let go = try await withGoServer { try await Self.answers($0) }
        let swift = try await withJiefenServer { try await Self.answers($0) }
        for (name, _) in Self.requests {
            #expect(go[name]?.0 == swift[name]?.0, "\(name): status codes differ")
            #expect(go[name]?.1 == swift[name]?.1, "\(name): payloads differ")
        }
        #expect(go["server deadline"]?.0 == 4)
        #expect(go["unknown method"]?.0 == 12)
    }

    private func withJiefenServer<R: Sendable>(_ body: @Sendable (TTRPCAddress) async throws -> R) async throws -> R {
        var configuration = TTRPCServerConfiguration.defaults
        configuration.listen = [.hostname("127.0.0.1", port: 0)]
        var router = TTRPCRouter()
        router.registerJiefenDiagnostics()
        let (ready, continuation) = AsyncStream<[TTRPCAddress]>.makeStream()
        let server = TTRPCServer(router: router, configuration: configuration, logger: Logger(label: "interop")) {
            continuation.yield($0)
        }
        return try await withThrowingTaskGroup(of: R?.self) { group in
            group.addTask {
                try await server.run()
                return nil
            }
            var iterator = ready.makeAsyncIterator()
            let address = try #require(await iterator.next()?.first)
            let result = try await body(address)
            group.cancelAll()
            return result
        }
    }
}
