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

    /// Starts `jiefend serve` on `dataDirectory`.
    /// - Parameters:
    ///   - dataDirectory: Its `--data-dir`.
    ///   - listen: Its `--listen` addresses (default: the Unix socket `jiefend.sock` in the data directory).
    ///   - extraArguments: More arguments, such as `--socket-group`.
    ///   - logPath: Where its standard output and error go (default: `jiefend.log` in the data directory).
    init(dataDirectory: String, listen: [String]? = nil, extraArguments: [String] = [], logPath: String? = nil) throws {
        socketPath = dataDirectory + "/jiefend.sock"
        self.logPath = logPath ?? dataDirectory + "/jiefend.log"
        let executable = Self.binDirectory.appendingPathComponent("jiefend")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw RPCError(code: .internal, message: "jiefend not built at \(executable.path)")
        }
        process.executableURL = executable
        let addresses = listen ?? ["unix://\(socketPath)"]
        process.arguments =
            ["serve", "--data-dir", dataDirectory, "--log-level", "warning"]
            + addresses.flatMap { ["--listen", $0] } + extraArguments
        _ = FileManager.default.createFile(atPath: self.logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: self.logPath))
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
        throw RPCError(code: .unavailable, message: "jiefend did not start serving:\n\(log)")
    }

    /// What the process wrote to its log so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Waits for the process to end by itself and returns its exit status; kills it after `timeout`.
    func waitForExit(timeout: Duration = .seconds(20)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Stops the process with SIGTERM and returns its exit status.
    func terminate() -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }
}
