import Foundation
import Logging
import NIOCore
import TTRPCCore
import TTRPCFraming

/// Runs a real ``TTRPCServer`` on a temporary Unix socket and a TCP port chosen by the system while `body` runs.
func withTestServer<R: Sendable>(
    configure: (inout TTRPCServerConfiguration) -> Void = { _ in },
    register: (inout TTRPCRouter) -> Void = { _ in },
    logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
    _ body: @Sendable (_ unix: TTRPCAddress, _ tcp: TTRPCAddress) async throws -> R
) async throws -> R {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jiefen-test-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var configuration = TTRPCServerConfiguration.defaults
    configuration.listen = [.unixDomainSocket(path: directory.appendingPathComponent("s.sock").path), .hostname("127.0.0.1", port: 0)]
    configuration.shutdownGracePeriod = .seconds(2)
    configure(&configuration)
    var router = TTRPCRouter()
    router.register(DiagnosticsService(name: "jiefen.v1.Diagnostics"))
    register(&router)
    router.registerHealthService()
    let (addresses, continuation) = AsyncStream<[TTRPCAddress]>.makeStream()
    let server = TTRPCServer(router: router, configuration: configuration, logger: logger) { bound in
        continuation.yield(bound)
        continuation.finish()
    }
    return try await withThrowingTaskGroup(of: R?.self) { group in
        group.addTask {
            try await server.run()
            return nil
        }
        var iterator = addresses.makeAsyncIterator()
        guard let bound = await iterator.next(), bound.count == 2 else { throw TestFailure("server did not start") }
        let result = try await body(bound[0], bound[1])
        group.cancelAll()
        return result
    }
}

/// A failed test precondition.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
