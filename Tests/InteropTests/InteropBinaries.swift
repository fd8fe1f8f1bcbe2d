import Foundation
import Synchronization

/// The Go programs in `Tests/Interop/`, built once per test run with `Tests/Interop/build.sh`.
enum InteropBinaries {
    static let interopDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Interop")

    private static let built = Mutex<Result<Void, TestFailure>?>(nil)

    /// Builds the Go client and server if needed; throws with the build output when Go or the ttrpc package is missing.
    static func ensureBuilt() throws {
        let result = built.withLock { state -> Result<Void, TestFailure> in
            if let state { return state }
            let outcome: Result<Void, TestFailure>
            do {
                let (status, output) = try run(interopDirectory.appendingPathComponent("build.sh").path, [])
                outcome = status == 0 ? .success(()) : .failure(TestFailure("Tests/Interop/build.sh failed (\(status)):\n\(output)"))
            } catch {
                outcome = .failure(TestFailure("cannot run Tests/Interop/build.sh: \(error)"))
            }
            state = outcome
            return outcome
        }
        try result.get()
    }

    static var client: String { interopDirectory.appendingPathComponent("bin/interop-client").path }
    static var server: String { interopDirectory.appendingPathComponent("bin/interop-server").path }

    /// Runs a program to completion; returns its exit status and combined output.
    static func run(_ path: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [path] + arguments
        if !path.hasSuffix(".sh") {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A failed test precondition.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
