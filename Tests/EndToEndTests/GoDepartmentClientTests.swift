import Foundation
import NIOCore
import Synchronization
import TTRPCCore
import Testing

/// The Go department client (`Clients/go`), written against stubs that protoc-gen-go and protoc-gen-go-ttrpc
/// generate from `proto/jiefen/v1` and running on Debian's reference ttrpc runtime (1.1.1), against a real jiefend.
@Suite("end to end: Go department client (generated stubs) → jiefend", .serialized)
struct GoDepartmentClientTests {
    @Test func walksACaseThroughItsLifecycleAndGetsTheSameStatusesAsTheSwiftClient() async throws {
        let binary = try GoDepartmentClient.ensureBuilt()
        let directory = try EndToEndDirectory("go-client")
        defer { directory.remove() }
        let server = try ServerProcess(dataDirectory: directory.path)
        let client = try await server.waitUntilServing()

        let (status, output) = try GoDepartmentClient.run(binary, ["-address", "unix://\(server.socketPath)"])
        #expect(status == 0, "department-client exited \(status):\n\(output)\n\(server.log)")
        for line in [
            "ok list-kinds: ", "ok create: ", "ok create-retry: ", "ok apply-accepted: accepted → ACCEPTED",
            "ok apply-assigned: assigned → ASSIGNED", "ok apply-retry: ", "ok apply-handling_started: ",
            "ok apply-replied: ", "ok apply-closed: closed → CLOSED", "ok closed-case: assigned to city-housing-centre",
            "ok history: 6 events: registered, accepted, assigned, handling_started, replied, closed", "ok list: ",
            "ok bad-request get-unknown-case: NotFound (5)", "ok bad-request list-page-size-too-large: InvalidArgument (3)",
            " 0 failed",
        ] {
            #expect(output.contains(line), "no line with \(line) in:\n\(output)")
        }

        // The same bytes, sent by the Swift client, get the same status code.
        let badRequests = output.split(separator: "\n").filter { $0.hasPrefix("bad-request ") }
        #expect(badRequests.count == 11, "\(output)")
        for line in badRequests {
            let parts = line.split(separator: " ").map(String.init)
            try #require(parts.count == 6, "malformed line \(line)")
            let (name, service, method, hex, goCode) = (parts[1], parts[2], parts[3], parts[4], Int32(parts[5]))
            let payload = try #require(GoDepartmentClient.bytes(hex: hex), "bad hex in \(line)")
            var swiftCode = RPCStatusCode.ok.rawValue
            do {
                _ = try await client.call(service: service, method: method, payload: ByteBuffer(bytes: payload))
            } catch {
                swiftCode = error.code.rawValue
            }
            #expect(goCode == swiftCode, "\(name): Go client got \(goCode.map(String.init) ?? "?"), Swift client \(swiftCode)")
            #expect(swiftCode != RPCStatusCode.ok.rawValue, "\(name) was accepted")
        }
        await client.close()
        #expect(server.terminate() == 0)
    }

    @Test func exitsNonZeroWhenItCannotConnect() throws {
        let binary = try GoDepartmentClient.ensureBuilt()
        let (status, output) = try GoDepartmentClient.run(binary, ["-address", "unix:///nonexistent/jiefend.sock"])
        #expect(status == 1, "\(output)")
        #expect(output.contains("FAIL connect"), "\(output)")
    }
}

/// `Clients/go/bin/department-client`, built once per test run with `Clients/go/build.sh`.
enum GoDepartmentClient {
    static let goDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Clients/go")

    private static let built = Mutex<Result<String, GoBuildFailure>?>(nil)

    /// Builds the client if needed and returns its path; throws with the build output when Go or a package is missing.
    static func ensureBuilt() throws -> String {
        try built.withLock { state -> Result<String, GoBuildFailure> in
            if let state { return state }
            let outcome: Result<String, GoBuildFailure>
            do {
                let (status, output) = try run("/bin/bash", [goDirectory.appendingPathComponent("build.sh").path])
                outcome =
                    status == 0
                    ? .success(goDirectory.appendingPathComponent("bin/department-client").path)
                    : .failure(GoBuildFailure(description: "Clients/go/build.sh failed (\(status)):\n\(output)"))
            } catch {
                outcome = .failure(GoBuildFailure(description: "cannot run Clients/go/build.sh: \(error)"))
            }
            state = outcome
            return outcome
        }.get()
    }

    /// Runs a program to completion; returns its exit status and combined output.
    static func run(_ path: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The bytes of a hex string; "-" is no bytes.
    static func bytes(hex: String) -> [UInt8]? {
        if hex == "-" { return [] }
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
        }
        return out
    }
}

struct GoBuildFailure: Error, CustomStringConvertible {
    var description: String
}
