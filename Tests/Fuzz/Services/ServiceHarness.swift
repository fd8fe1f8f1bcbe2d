import Dispatch
import Foundation
import JiefenAPI
import JiefenDomain
import JiefenRequestSamples
import JiefenSQLiteStore
import JiefenServices
import Logging
import NIOCore
import Synchronization
import TTRPCCore

/// The case services as jiefend composes them (`TTRPCRouter.registerCaseServices`) (Cases, Kinds, Contacts/Sessions/Meetings, Stats over a
/// temporary SQLite store and the four built-in plugins), called in-process through the router.
///
/// Built once per fuzzing process, with one case of each kind (`JF-000001`…) and one reception session, so that
/// requests naming a case or a session reach past the lookup.
struct ServiceHarness: Sendable {
    let router: TTRPCRouter
    let logger: Logger

    /// The harness for this process; started on first use.
    static let shared: ServiceHarness = blocking { await start() }

    /// Where this process keeps its store: in memory (`/dev/shm`) where there is one, as fsyncs dominate otherwise.
    static let directory: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(base)/jiefen-fuzz-\(getpid())"
    }()

    private static func start() async -> ServiceHarness {
        let directory = Self.directory
        do {
            try? FileManager.default.removeItem(atPath: directory)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // libFuzzer ends with exit() (time up, or after writing a crash input): remove the store then.
            atexit { try? FileManager.default.removeItem(atPath: ServiceHarness.directory) }
            let logger = Logger(label: "fuzz", factory: { _ in SwiftLogNoOpLogHandler() })
            let store = try await SQLiteCaseStore.open(path: "\(directory)/jiefen.sqlite", logger: logger)
            let plugins = try PluginRegistry(RequestSamples.plugins)
            let environment = CaseServiceEnvironment(store: store, plugins: plugins)
            var router = TTRPCRouter()
            router.registerCaseServices(environment)
            let harness = ServiceHarness(router: router, logger: logger)
            for sample in RequestSamples.all() where sample.method == ServiceMethod.all[0] || sample.method == ServiceMethod.all[9] {
                if case .failure(let error) = await harness.call(sample.method, try sample.payload()) {
                    fatalError("fuzz harness: seeding \(sample.name) failed: \(error)")
                }
            }
            return harness
        } catch {
            fatalError("fuzz harness: could not start the services: \(error)")
        }
    }

    /// Calls `method` with `payload` and returns the answer or its status.
    func call(_ method: ServiceMethod, _ payload: ByteBuffer) async -> Result<[ByteBuffer], RPCError> {
        await router.callInProcess(service: method.service, method: method.method, payload: payload, logger: logger)
    }
}

/// Runs `body` on the Swift concurrency pool and blocks this (libFuzzer's) thread until it finishes.
func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox<T>()
    Task {
        let value = await body()
        box.value.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    return box.value.withLock { $0! }
}

/// Hands a value from a task to the blocked thread; `value` is guarded by its own `Mutex`.
final class ResultBox<T: Sendable>: Sendable {
    let value = Mutex<T?>(nil)
}
