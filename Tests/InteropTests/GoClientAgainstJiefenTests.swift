import Foundation
import JiefenServerTesting
import Logging
import NIOCore
import TTRPCCore
import Testing

/// The reference Go ttrpc client (Debian's containerd/ttrpc 1.1.1) calls a real Jiefen server, composed as jiefend
/// composes it.
@Suite("interop: Go reference client → jiefen server")
struct GoClientAgainstJiefenTests {
    @Test func everyCheckOfTheGoClientPasses() async throws {
        try InteropBinaries.ensureBuilt()
        try await JiefendUnderTest.with(listen: [.hostname("127.0.0.1", port: 0)]) { server in
            for address in server.addresses {
                let (status, output) = try InteropBinaries.run(InteropBinaries.client, ["-address", address.description])
                #expect(status == 0, "Go client against \(address):\n\(output)")
                #expect(output.contains("12 passed, 0 failed"), "\(output)")
                #expect(output.contains("ok deadline-server-status: status DeadlineExceeded (4)"), "\(output)")
                #expect(output.contains("ok unknown-method: status Unimplemented (12) \"method NoSuchMethod\""), "\(output)")
            }
        }
    }
}
