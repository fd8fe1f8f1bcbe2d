import Foundation
import JiefenAPI
import SQLiteNIO
import TTRPCCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real server on a real, small file system (a 4 MiB tmpfs, mounted when the tests run as root and may mount)
/// that fills up: writes answer Unavailable "the database disk is full: …", reads go on, nothing acknowledged is lost,
/// the file passes `PRAGMA integrity_check`, and once space is freed the refused write succeeds.
///
/// Where mounting is not allowed the test prints why and passes without running; `JiefenServicesTests/FullDiskTests`
/// covers the same behaviour everywhere with SQLite's page limit.
@Suite("end to end: a full disk", .serialized)
struct FullDiskProcessTests {
    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return (-1, "cannot run \(executable)") }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func aFullFileSystemAnswersUnavailableAndRecoversWhenSpaceIsFreed() async throws {
        let directory = try EndToEndDirectory("full-disk")
        defer { directory.remove() }
        let mountPoint = directory.path + "/mnt"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
        guard geteuid() == 0 else {
            print("skipped: mounting a small tmpfs needs root (running as uid \(geteuid()))")
            return
        }
        let mounted = Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", mountPoint])
        guard mounted.status == 0 else {
            print("skipped: cannot mount a tmpfs here (\(mounted.output.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = Self.run("/bin/umount", ["-l", mountPoint]) }
        let data = mountPoint + "/data"

        // The server's files first, then a filler that leaves about 300 KiB.
        let server = try ServerProcess(dataDirectory: data, logPath: directory.path + "/jiefend.log")
        let client = try await server.waitUntilServing()
        var acknowledged: [String: String] = [:]
        for index in 0..<3 {
            acknowledged["before-\(index)"] = try await Self.create(client, "before-\(index)").case.id
        }
        var fs = statvfs()
        #expect(statvfs(mountPoint, &fs) == 0)
        let free = Int(fs.f_bavail) * Int(fs.f_frsize)
        let filler = mountPoint + "/filler"
        #expect(FileManager.default.createFile(atPath: filler, contents: Data(count: max(0, free - 300 * 1024))))

        var refused: (requestID: String, error: RPCError)?
        for index in 0..<2000 where refused == nil {
            let requestID = "filling-\(index)"
            do {
                acknowledged[requestID] = try await Self.create(client, requestID).case.id
            } catch let error as RPCError {
                refused = (requestID, error)
            }
        }
        let (refusedID, error) = try #require(refused, "the file system never filled up")
        #expect(error.code == .unavailable)
        #expect(error.message.hasPrefix("the database disk is full: free space"), "\(error.message)")
        #expect(server.process.isRunning)
        #expect(server.log.contains("the database disk is full"), "the operator is told in the log: \(server.log)")

        // Reads go on.
        for caseID in acknowledged.values {
            let fetched = try JiefenV1.ApplyEventResponse(
                decoding: try await client.call(
                    service: Cases.get.service, method: Cases.get.method, payload: try JiefenV1.GetCaseRequest(id: caseID).encoded()))
            #expect(fetched.case.id == caseID)
        }
        // Space is freed: the refused create is created now, for the first time.
        try FileManager.default.removeItem(atPath: filler)
        let retried = try await Self.create(client, refusedID)
        #expect(retried.created)
        acknowledged[refusedID] = retried.case.id
        await client.close()
        #expect(server.terminate() == 0)

        // On disk: intact, and exactly the acknowledged cases.
        let db = try await SQLiteConnection.open(storage: .file(path: data + "/jiefen.sqlite"))
        let integrity = try await db.query("PRAGMA integrity_check").compactMap { $0.columns.first?.data.string }
        let stored = try await db.query("SELECT request_id, target_id FROM requests WHERE kind = 'case'")
        try await db.close()
        #expect(integrity == ["ok"])
        #expect(
            Dictionary(uniqueKeysWithValues: stored.map { ($0.column("request_id")?.string ?? "", $0.column("target_id")?.string ?? "") })
                == acknowledged)
        print("full disk: \(acknowledged.count - 4) creates fitted in the last 300 KiB before \"\(error.message)\"")
    }

    static func create(_ client: TTRPCClient, _ requestID: String) async throws -> JiefenV1.CreateCaseResponse {
        try JiefenV1.CreateCaseResponse(
            decoding: try await client.call(
                service: Cases.create.service, method: Cases.create.method, payload: try CrashDurabilityTests.request(requestID).encoded()))
    }
}
