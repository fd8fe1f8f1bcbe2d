public import Foundation
import JiefenBuiltInPlugins
public import JiefenSQLiteStore
public import JiefenServices
import Logging
public import TTRPCCore

/// A real server composed as jiefend composes it, for tests: a SQLite store in a temporary directory, the router
/// with every service (``TTRPCCore/TTRPCRouter/registerJiefendServices(_:)``) and the built-in plugins, listening on
/// a Unix socket in that directory (and on any further addresses asked for).
///
/// ``with(listen:configure:_:)`` starts it, runs the body, then stops the server, closes the store and removes the
/// directory, whatever the body did.
public struct JiefendUnderTest: Sendable {
    /// The addresses the server listens on, the Unix socket first.
    public let addresses: [TTRPCAddress]
    /// The store behind the server, for tests that reach below the API.
    public let store: SQLiteCaseStore
    /// The services' environment.
    public let environment: CaseServiceEnvironment
    /// The temporary directory holding the database and the socket.
    public let directory: URL

    /// The Unix socket the server listens on.
    public var address: TTRPCAddress { addresses[0] }

    /// Connects a new client to the Unix socket; the caller closes it.
    public func connect() async throws -> TTRPCClient {
        try await TTRPCClient.connect(to: address)
    }

    /// Starts a server, runs `body` with it and stops it.
    /// - Parameters:
    ///   - extraAddresses: Addresses to listen on besides the Unix socket, e.g. `.hostname("127.0.0.1", port: 0)`.
    ///   - configure: Changes to the server configuration (limits, timeouts); `listen` is set afterwards.
    ///   - body: The test; its result is returned.
    public static func with<R: Sendable>(
        listen extraAddresses: [TTRPCAddress] = [],
        configure: (inout TTRPCServerConfiguration) -> Void = { _ in },
        _ body: @Sendable (JiefendUnderTest) async throws -> R
    ) async throws -> R {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("jiefend-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let logger = Logger(label: "jiefend-test", factory: { _ in SwiftLogNoOpLogHandler() })
        let store = try await SQLiteCaseStore.open(path: directory.appendingPathComponent("jiefen.sqlite").path, logger: logger)
        let outcome: Result<R, any Error>
        do {
            let environment = CaseServiceEnvironment(store: store, plugins: try BuiltInPlugins.registry())
            var router = TTRPCRouter()
            router.registerJiefendServices(environment)
            var configuration = TTRPCServerConfiguration.defaults
            configure(&configuration)
            // A short path: Unix socket paths are limited to about 100 bytes.
            configuration.listen = [.unixDomainSocket(path: directory.appendingPathComponent("s.sock").path)] + extraAddresses
            let (ready, continuation) = AsyncStream<[TTRPCAddress]>.makeStream()
            let server = TTRPCServer(router: router, configuration: configuration, logger: logger) { continuation.yield($0) }
            outcome = .success(
                try await withThrowingTaskGroup(of: R?.self) { group in
                    group.addTask {
                        try await server.run()
                        return nil
                    }
                    var iterator = ready.makeAsyncIterator()
                    guard let addresses = await iterator.next(), !addresses.isEmpty else {
                        throw RPCError(code: .internal, message: "the test server reported no address")
                    }
                    let result = try await body(
                        JiefendUnderTest(addresses: addresses, store: store, environment: environment, directory: directory))
                    group.cancelAll()
                    return result
                })
        } catch {
            outcome = .failure(error)
        }
        // sqlite-nio requires every connection closed before it is released, whatever the test did.
        try await store.close()
        return try outcome.get()
    }
}
