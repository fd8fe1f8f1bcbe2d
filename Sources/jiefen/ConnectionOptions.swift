import ArgumentParser
import Foundation
import TTRPCCore

/// Where and how to reach the server; shared by every command that calls one.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .shortAndLong, help: "Server address: tcp://HOST:PORT or unix:///PATH. [env: JIEFEN_ADDRESS] (default: tcp://127.0.0.1:7311)")
    var address: String?

    @Option(name: .long, help: "Deadline for each call in seconds, sent as timeout_nano; 0 for none. (default: 30)")
    var timeout: Double = 30

    func validate() throws {
        guard timeout >= 0, timeout <= 86_400 else {
            throw ValidationError("--timeout must be between 0 and 86400 seconds, got \(timeout)")
        }
        _ = try resolvedAddress()
    }

    /// The address from the flag, the environment, or the default.
    func resolvedAddress() throws -> TTRPCAddress {
        let text = address ?? ProcessInfo.processInfo.environment["JIEFEN_ADDRESS"] ?? "tcp://127.0.0.1:7311"
        do {
            return try TTRPCAddress(parsing: text)
        } catch {
            throw ValidationError("--address: \(error.message)")
        }
    }

    /// The per-call deadline, or `nil` for none.
    var callTimeout: Duration? { timeout == 0 ? nil : .nanoseconds(Int64(timeout * 1e9)) }
}
