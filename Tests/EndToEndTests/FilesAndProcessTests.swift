import Foundation
import JiefenAPI
import TTRPCCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real server's files and process: private modes, the socket's group, the data-directory lock, the refusal of
/// a directory others can write to, and of a damaged database.
@Suite("end to end: files and process", .serialized)
struct FilesAndProcessTests {
    static func mode(_ path: String) -> mode_t {
        var status = stat()
        guard stat(path, &status) == 0 else { return 0 }
        return status.st_mode & 0o777
    }

    @Test func theDataDirectoryDatabaseLockAndSocketArePrivate() async throws {
        let parent = try EndToEndDirectory("files")
        defer { parent.remove() }
        let data = parent.path + "/nested/data"
        let server = try ServerProcess(dataDirectory: data, logPath: parent.path + "/jiefend.log")
        let client = try await server.waitUntilServing()
        _ = try await client.call(
            service: Cases.create.service, method: Cases.create.method, payload: try CrashDurabilityTests.request("files-1").encoded())
        await client.close()
        #expect(Self.mode(data) == 0o700)
        #expect(Self.mode(parent.path + "/nested") == 0o700)
        for file in ["jiefen.sqlite", "jiefen.sqlite-wal", "jiefen.sqlite-shm", "jiefend.lock", "jiefend.sock"] {
            #expect(Self.mode(data + "/" + file) == 0o600, "\(file): \(String(Self.mode(data + "/" + file), radix: 8))")
        }
        let recorded = try String(contentsOfFile: data + "/jiefend.lock", encoding: .utf8)
        #expect(recorded == "\(server.process.processIdentifier)\n")
        #expect(server.terminate() == 0)
    }

    @Test func aSocketGroupGetsReadAndWriteAccess() async throws {
        let directory = try EndToEndDirectory("group")
        defer { directory.remove() }
        let gid = getegid()
        let name = try #require(getgrgid(gid).map { String(cString: $0.pointee.gr_name) })
        let server = try ServerProcess(dataDirectory: directory.path, extraArguments: ["--socket-group", name])
        try await server.waitUntilServing().close()
        var status = stat()
        #expect(stat(server.socketPath, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o660)
        #expect(status.st_gid == gid)
        #expect(server.terminate() == 0)

        let unknown = try ServerProcess(dataDirectory: directory.path, extraArguments: ["--socket-group", "no-such-group-jf"])
        #expect(try await unknown.waitForExit() != 0)
        #expect(unknown.log.contains("--socket-group: there is no group named \"no-such-group-jf\""), "\(unknown.log)")
    }

    @Test func aDataDirectoryOthersCanWriteToIsRefused() async throws {
        let parent = try EndToEndDirectory("open-dir")
        defer { parent.remove() }
        let data = parent.path + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: false)
        #expect(chmod(data, 0o777) == 0)
        let server = try ServerProcess(dataDirectory: data, logPath: parent.path + "/jiefend.log")
        #expect(try await server.waitForExit() != 0)
        #expect(server.log.contains("the data directory \(data) is writable by its group"), "\(server.log)")
        #expect(server.log.contains("chmod 700 \(data)"))
        #expect(!FileManager.default.fileExists(atPath: data + "/jiefen.sqlite"))

        // A private directory of another user is refused too (only root can give it away here).
        guard geteuid() == 0 else { return }
        #expect(chmod(data, 0o700) == 0 && chown(data, 65534, 65534) == 0)
        let other = try ServerProcess(dataDirectory: data, logPath: parent.path + "/other.log")
        #expect(try await other.waitForExit() != 0)
        #expect(other.log.contains("the data directory \(data) belongs to user id 65534, not to the user running jiefend"), "\(other.log)")
    }

    @Test func aSecondServerOnTheSameDataDirectoryStopsAtOnceEvenWithoutASocket() async throws {
        let directory = try EndToEndDirectory("lock")
        defer { directory.remove() }
        let first = try ServerProcess(dataDirectory: directory.path)
        try await first.waitUntilServing().close()
        let second = try ServerProcess(
            dataDirectory: directory.path, listen: ["tcp://127.0.0.1:0"], logPath: directory.path + "/second.log"
        )
        let started = ContinuousClock.now
        #expect(try await second.waitForExit() != 0)
        #expect(ContinuousClock.now - started < .seconds(5))
        let pid = first.process.processIdentifier
        #expect(second.log.contains("another jiefend (pid \(pid)) is using \(directory.path)"), "\(second.log)")
        #expect(first.process.isRunning)
        #expect(first.terminate() == 0)
    }

    @Test func aDamagedDatabaseStopsTheServerWithAClearMessage() async throws {
        let source = try EndToEndDirectory("healthy")
        defer { source.remove() }
        let server = try ServerProcess(dataDirectory: source.path)
        let client = try await server.waitUntilServing()
        for index in 0..<40 {
            _ = try await client.call(
                service: Cases.create.service, method: Cases.create.method,
                payload: try CrashDurabilityTests.request("damage-\(index)").encoded())
        }
        await client.close()
        #expect(server.terminate() == 0)

        let copy = try EndToEndDirectory("damaged")
        defer { copy.remove() }
        let database = copy.path + "/jiefen.sqlite"
        try FileManager.default.copyItem(atPath: source.path + "/jiefen.sqlite", toPath: database)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: database))
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        for page in stride(from: pageSize, to: bytes.count, by: pageSize) {
            bytes.replaceSubrange(page..<page + 12, with: [UInt8](repeating: 0x7F, count: 12))
        }
        try bytes.write(to: URL(fileURLWithPath: database))

        let damaged = try ServerProcess(dataDirectory: copy.path)
        let status = try await damaged.waitForExit()
        #expect(status == 1, "exit status \(status)")
        #expect(damaged.log.contains("the database file \(database) is damaged"), "\(damaged.log)")
        #expect(damaged.log.contains("restore the data directory from a backup"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == bytes)
    }
}
