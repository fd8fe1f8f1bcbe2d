import Foundation
import Logging
import NIOCore
import TTRPCCore
import Testing

/// The reference Go ttrpc client (Debian's containerd/ttrpc 1.1.1) calls a real Jiefen server.
@Suite("interop: Go reference client → jiefen server")
struct GoClientAgainstJiefenTests {
    @Test func everyCheckOfTheGoClientPasses() async throws {
        try InteropBinaries.ensureBuilt()
        let path = "/tmp/jiefen-interop-\(UInt32.random(in: 0...UInt32.max)).sock"
        var configuration = TTRPCServerConfiguration.defaults
        configuration.listen = [.unixDomainSocket(path: path), .hostname("127.0.0.1", port: 0)]
        var router = TTRPCRouter()
        router.register(DiagnosticsService())
        router.registerDiscoveryServices()
        let (ready, continuation) = AsyncStream<[TTRPCAddress]>.makeStream()
        let server = TTRPCServer(router: router, configuration: configuration, logger: Logger(label: "interop")) {
            continuation.yield($0)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            var iterator = ready.makeAsyncIterator()
            let addresses = try #require(await iterator.next())
            for address in addresses {
                let (status, output) = try InteropBinaries.run(InteropBinaries.client, ["-address", address.description])
                #expect(status == 0, "Go client against \(address):\n\(output)")
                #expect(output.contains("12 passed, 0 failed"), "\(output)")
                #expect(output.contains("ok deadline-server-status: status DeadlineExceeded (4)"), "\(output)")
                #expect(output.contains("ok unknown-method: status Unimplemented (12) \"method NoSuchMethod\""), "\(output)")
            }
            group.cancelAll()
        }
    }
}
