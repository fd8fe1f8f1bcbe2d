import ArgumentParser
import Foundation
import JiefenBuiltInPlugins
import JiefenSQLiteStore
import JiefenServices
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import TTRPCCore
import UnixSignals

/// `jiefend serve`: runs the server until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the server until SIGTERM or SIGINT.",
        discussion: """
            Every option can also be set by the environment variable named in its help; a flag wins over the \
            environment. With no flags the server listens on tcp://127.0.0.1:7311 and on the Unix socket \
            <data-dir>/jiefend.sock.
            """
    )

    @Option(name: .long, help: "Listen address, repeatable: tcp://HOST:PORT or unix:///PATH. [env: JIEFEN_LISTEN, comma-separated]")
    var listen: [String] = []

    @Option(name: .long, help: "Directory for the database and the default Unix socket. [env: JIEFEN_DATA_DIR] (default: ./jiefen-data)")
    var dataDir: String?

    @Option(name: .long, help: "Largest frame accepted, in bytes. [env: JIEFEN_MAX_FRAME_BYTES] (default: 4194304)")
    var maxFrameBytes: Int?

    @Option(name: .long, help: "Streams in flight per connection. [env: JIEFEN_MAX_STREAMS] (default: 1024)")
    var maxStreams: Int?

    @Option(name: .long, help: "Open connections at most. [env: JIEFEN_MAX_CONNECTIONS] (default: 4096)")
    var maxConnections: Int?

    @Option(name: .long, help: "Seconds an idle connection is kept; 0 keeps it forever. [env: JIEFEN_IDLE_TIMEOUT] (default: 300)")
    var idleTimeout: Int?

    @Option(name: .long, help: "Seconds in-flight calls may run after SIGTERM. [env: JIEFEN_SHUTDOWN_GRACE] (default: 10)")
    var shutdownGrace: Int?

    @Option(name: .long, help: "Event-loop threads. [env: JIEFEN_EVENT_LOOPS] (default: the cores this process may use)")
    var eventLoops: Int?

    @Option(
        name: .long, help: "Group given read and write access to the Unix sockets (mode 0660; without it 0600). [env: JIEFEN_SOCKET_GROUP]")
    var socketGroup: String?

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical. [env: JIEFEN_LOG_LEVEL] (default: info)")
    var logLevel: String?

    func run() async throws {
        // Everything this process creates (data directory, database, log files, lock, sockets) is private to its user.
        umask(0o077)
        let settings = try ServerSettings(command: self, environment: ProcessInfo.processInfo.environment)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = settings.logLevel
            return handler
        }
        let logger = Logger(label: "jiefend")
        let dataDirectory = try DataDirectory.prepare(settings.dataDirectory)
        let lock = try dataDirectory.lock()
        defer { withExtendedLifetime(lock) {} }

        let databasePath = dataDirectory.databasePath
        let store = try await SQLiteCaseStore.open(path: databasePath, logger: logger)
        let environment = CaseServiceEnvironment(store: store, plugins: try BuiltInPlugins.registry())
        let backfilled = try await StatisticsBackfill.run(environment, logger: logger)
        if backfilled > 0 {
            logger.notice("statistics projection written for cases stored before it existed", metadata: ["cases": "\(backfilled)"])
        }

        var router = TTRPCRouter()
        router.registerJiefendServices(environment)

        let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: settings.eventLoops)
        let startup = StartupFailure()
        let socketPermissions = settings.socketPermissions
        let socketPaths = settings.server.listen.compactMap(\.unixPath)
        let server = TTRPCServer(router: router, configuration: settings.server, eventLoopGroup: eventLoopGroup, logger: logger) { _ in
            do throws(SocketPermissionError) {
                for path in socketPaths { try socketPermissions.apply(to: path) }
            } catch {
                await startup.fail(error, logger: logger)
            }
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: server)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        startup.group.withLock { $0 = group }
        logger.info("store open", metadata: ["store.path": "\(databasePath)"])
        do {
            try await group.run()
        } catch {
            try? await store.close()
            try? await eventLoopGroup.shutdownGracefully()
            throw error
        }
        try await store.close()
        try await eventLoopGroup.shutdownGracefully()
        if let error = startup.error.withLock({ $0 }) { throw error }
    }
}

/// A failure after the listeners are bound (a socket's group or mode): the server stops at once and exits non-zero.
private final class StartupFailure: Sendable {
    let group = Mutex<ServiceGroup?>(nil)
    let error = Mutex<SocketPermissionError?>(nil)

    func fail(_ error: SocketPermissionError, logger: Logger) async {
        logger.critical("cannot start", metadata: ["error": "\(error)"])
        self.error.withLock { $0 = error }
        await self.group.withLock { $0 }?.triggerGracefulShutdown()
    }
}
