import Foundation
import TTRPCCore

#if canImport(Glibc)
import Glibc
#endif

/// A real `jiefend` process, started from the build folder next to the test bundle.
final class ServerProcess {
    let process = Process()
    let socketPath: String
    let logPath: String

    /// The build's bin folder: the test bundle lives there, and so do the executables it depends on.
    static var binDirectory: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }

    init(dataDirectory: String) throws {
        socketPath = dataDirectory + "/jiefend.sock"
        logPath = dataDirectory + "/jiefend.log"
        let executable = Self.binDirectory.appendingPathComponent("jiefend")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw RPCError(code: .internal, message: "jiefend not built at \(executable.path)")
        }
        process.executableURL = executable
        process.arguments = ["serve", "--data-dir", dataDirectory, "--listen", "unix://\(socketPath)", "--log-level", "warning"]
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    var address: TTRPCAddress { .unixDomainSocket(path: socketPath) }

    /// Waits until the server answers a health check.
    func waitUntilServing() async throws -> TTRPCClient {
        for _ in 0..<200 {
            if let client = try? await TTRPCClient.connect(to: address) {
                if (try? await client.call(service: "grpc.health.v1.Health", method: "Check")) != nil { return client }
                await client.close()
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        throw RPCError(code: .unavailable, message: "jiefend did not start serving:\n\(log)")
    }

    /// Stops the process with SIGTERM and returns its exit status.
    func terminate() -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }
}
