// jiefen-bench-create: case creates per second through the real server over a Unix socket, against the same
// store work done directly on SQLite with the same durability settings (WAL, synchronous=FULL, group commit),
// in the same run, printed as a ratio. Run: swift run -c release jiefen-bench-create [CREATES] [CALLERS,...]
import Foundation
import HousingDeliveryPlugin
import JiefenAPI
import JiefenDomain
import JiefenSQLiteStore
import JiefenServices
import JiefenStore
import Logging
import NIOCore
import Synchronization
import TTRPCCore

let arguments = CommandLine.arguments
let total = arguments.count > 1 ? Int(arguments[1]) ?? 2000 : 2000
let concurrencies = arguments.count > 2 ? arguments[2].split(separator: ",").compactMap { Int($0) } : [1, 64]
let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()

func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("jiefen-bench-\(UUID().uuidString.prefix(8))").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func perSecond(_ count: Int, _ elapsed: Duration) -> Double {
    Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

/// A valid housing-delivery create request (the plugin's own sample details).
func createRequest(_ id: String) -> JiefenV1.CreateCaseRequest {
    var request = JiefenV1.CreateCaseRequest()
    request.requestID = id
    request.kind = "housing-delivery"
    request.track = "petition"
    request.channel = "WALK_IN"
    request.villageCode = "340181-TY-02"
    request.petitioners = [JiefenV1.Person(name: "张三", phone: "13800138000")]
    request.personsInvolved = 3
    request.demandText = "逾期交房，要求支付违约金"
    let sample = HousingDeliveryPlugin().sampleDetails
    request.details = sample.names.map { JiefenV1.Field(name: $0, value: JiefenV1.Value(sample[$0]!)) }
    return request
}

/// Creates through a real jiefend process with `callers` concurrent callers (one connection per 16 callers).
func throughServer(callers: Int) async throws -> Double {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let socket = directory + "/jiefend.sock"
    let process = Process()
    process.executableURL = binDirectory.appendingPathComponent("jiefend")
    process.arguments = ["serve", "--data-dir", directory, "--listen", "unix://\(socket)", "--log-level", "warning"]
    try process.run()
    defer {
        process.terminate()
        process.waitUntilExit()
    }
    var clients: [TTRPCClient] = []
    for _ in 0..<max(1, callers / 16) {
        var connected: TTRPCClient?
        for _ in 0..<100 where connected == nil {
            connected = try? await TTRPCClient.connect(to: .unixDomainSocket(path: socket))
            if connected == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        guard let connected else { throw RPCError(code: .unavailable, message: "jiefend did not start") }
        clients.append(connected)
    }
    let payloads = try (0..<total).map { try createRequest("bench-\(callers)-\($0)").encoded() }
    let next = Counter()
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for caller in 0..<callers {
            let client = clients[caller % clients.count]
            group.addTask {
                while true {
                    let index = next.value.add(1, ordering: .relaxed).oldValue
                    guard index < total else { return }
                    _ = try await client.call(service: Cases.create.service, method: Cases.create.method, payload: payloads[index])
                }
            }
        }
        try await group.waitForAll()
    }
    let elapsed = ContinuousClock.now - start
    for client in clients { await client.close() }
    return perSecond(total, elapsed)
}

/// The same store writes (same snapshot and event sizes) made directly on a SQLiteCaseStore.
func directlyOnStore(callers: Int) async throws -> Double {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try await SQLiteCaseStore.open(path: directory + "/jiefen.sqlite", logger: Logger(label: "bench"))
    let (draft, event) = try BenchValues.realisticDraft()
    let next = Counter()
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<callers {
            group.addTask {
                while true {
                    let index = next.value.add(1, ordering: .relaxed).oldValue
                    guard index < total else { return }
                    _ = try await store.createCase(requestID: "direct-\(index)", draft, firstEvent: event)
                }
            }
        }
        try await group.waitForAll()
    }
    let elapsed = ContinuousClock.now - start
    try await store.close()
    return perSecond(total, elapsed)
}

print("creates per run: \(total); durability: WAL, synchronous=FULL, group commit; Unix socket")
print("callers  server creates/s  store creates/s  server/store")
for callers in concurrencies {
    let store = try await directlyOnStore(callers: callers)
    let server = try await throughServer(callers: callers)
    print(
        String(callers).padding(toLength: 9, withPad: " ", startingAt: 0)
            + String(Int(server)).padding(toLength: 18, withPad: " ", startingAt: 0)
            + String(Int(store)).padding(toLength: 17, withPad: " ", startingAt: 0)
            + String(format: "%.2f", server / store)
    )
}

/// The next create index, shared by the callers.
final class Counter: Sendable {
    let value = Atomic<Int>(0)
}
