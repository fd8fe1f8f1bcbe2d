public import Logging
public import NIOCore
public import NIOPosix
public import ServiceLifecycle
import Synchronization
import TTRPCFraming

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    public import Darwin
#endif

/// A ttrpc server: listens on TCP and Unix sockets and serves the methods of a ``TTRPCRouter``.
///
/// Run it in a `ServiceGroup`. On graceful shutdown it stops accepting, lets in-flight calls finish (new calls get
/// Unavailable), closes each connection once it has nothing in flight, and cancels what is still running after
/// ``TTRPCServerConfiguration/shutdownGracePeriod``.
///
/// ```swift
/// var router = TTRPCRouter()
/// router.registerHealthService()
/// let server = TTRPCServer(router: router, configuration: .defaults, logger: logger)
/// try await ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger).run()
/// ```
public final class TTRPCServer: Service, Sendable {
    private let router: TTRPCRouter
    private let configuration: TTRPCServerConfiguration
    private let logger: Logger
    private let eventLoopGroup: any EventLoopGroup
    private let onListening: @Sendable ([TTRPCAddress]) async -> Void
    private let connections = Mutex(ConnectionRegistry())

    /// Creates a server.
    /// - Parameters:
    ///   - router: The methods to serve.
    ///   - configuration: Addresses and limits.
    ///   - eventLoopGroup: The event loops for sockets (default: NIO's shared group).
    ///   - logger: Where the server logs; never personal data.
    ///   - onListening: Called once every listener is bound, with the bound addresses (real ports for port 0).
    public init(
        router: TTRPCRouter,
        configuration: TTRPCServerConfiguration = .defaults,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger,
        onListening: @escaping @Sendable ([TTRPCAddress]) async -> Void = { _ in }
    ) {
        self.router = router
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        self.onListening = onListening
    }

    /// What the accept loop hands to a connection's task: the channel and the calls it must run.
    struct Connection: Sendable {
        let channel: any Channel
        let work: AsyncStream<StreamWork>
    }

    /// Serves until cancelled or shut down gracefully.
    /// - Throws: When a listener cannot be bound (address in use, no permission).
    public func run() async throws {
        var bound: [NIOAsyncChannel<Connection, Never>] = []
        do {
            for address in configuration.listen { bound.append(try await bind(address)) }
        } catch {
            for listener in bound { try? await listener.channel.close() }
            throw error
        }
        let listeners = bound
        let addresses = listeners.compactMap { $0.channel.localAddress.flatMap(TTRPCAddress.bound) }
        logger.info("listening", metadata: ["addresses": "\(addresses.map(\.description))"])
        await onListening(addresses)

        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.watchForShutdown(listeners: listeners) }
            group.addTask {
                await withDiscardingTaskGroup { acceptors in
                    for listener in listeners {
                        acceptors.addTask { await self.accept(on: listener) }
                    }
                }
            }
            // Whichever ends first (all connections done, or the grace period over) ends the other.
            await group.next()
            group.cancelAll()
        }
        for address in configuration.listen {
            if let path = address.unixPath { unlink(path) }
        }
        logger.info("server stopped")
    }

    private func bind(_ address: TTRPCAddress) async throws -> NIOAsyncChannel<Connection, Never> {
        let bootstrap = ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<Connection> = { channel in
            channel.eventLoop.makeCompletedFuture { try self.initialize(channel) }
        }
        switch address.base {
        case .unix(let path):
            // A stale socket file from a crashed server is removed; a live one means another server is running
            // (perhaps on the same data directory), and taking its socket away would be wrong.
            if await Self.somethingListens(onUnixSocket: path, group: eventLoopGroup) {
                throw RPCError(code: .unavailable, message: "another server is already listening on unix://\(path)")
            }
            return try await bootstrap.bind(
                unixDomainSocketPath: path,
                cleanupExistingSocketFile: true,
                childChannelInitializer: initializer
            )
        case .tcp(let host, let port):
            return try await bootstrap.bind(host: host, port: port, childChannelInitializer: initializer)
        }
    }

    private static func somethingListens(onUnixSocket path: String, group: any EventLoopGroup) async -> Bool {
        guard
            let channel = try? await ClientBootstrap(group: group)
                .connectTimeout(.seconds(1))
                .connect(unixDomainSocketPath: path).get()
        else { return false }
        try? await channel.close()
        return true
    }

    private func initialize(_ channel: any Channel) throws -> Connection {
        let (work, continuation) = AsyncStream<StreamWork>.makeStream()
        var connectionLogger = logger
        connectionLogger[metadataKey: "ttrpc.connection"] = "\(ObjectIdentifier(channel).hashValue & 0xFFFFFF)"
        let pipeline = channel.pipeline.syncOperations
        try pipeline.addHandler(
            ByteToMessageHandler(
                TTRPCFrameDecoder(maximumDataLength: configuration.maximumFrameLength),
                maximumBufferSize: configuration.maximumFrameLength + 2 * TTRPCFrame.headerLength
            )
        )
        try pipeline.addHandler(
            ServerConnectionHandler(
                router: router,
                configuration: configuration,
                work: continuation,
                logger: connectionLogger
            )
        )
        return Connection(channel: channel, work: work)
    }

    private func accept(on listener: NIOAsyncChannel<Connection, Never>) async {
        do {
            try await listener.executeThenClose { inbound in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in inbound {
                        guard self.connections.withLock({ $0.admit(connection.channel, limit: self.configuration.maximumConnections) })
                        else {
                            self.logger.info(
                                "refusing connection: limit reached", metadata: ["limit": "\(self.configuration.maximumConnections)"])
                            connection.channel.close(promise: nil)
                            continue
                        }
                        group.addTask { await self.serve(connection) }
                    }
                }
            }
        } catch is CancellationError {
        } catch {
            logger.info("listener stopped", metadata: ["error": "\(error)"])
        }
    }

    /// Runs one connection's calls as child tasks; when the connection ends, cancels what is still running.
    private func serve(_ connection: Connection) async {
        await withDiscardingTaskGroup { group in
            for await item in connection.work {
                group.addTask { await item.run() }
            }
            group.cancelAll()
        }
        connection.channel.close(promise: nil)
        connections.withLock { $0.remove(connection.channel) }
    }

    private func watchForShutdown(listeners: [NIOAsyncChannel<Connection, Never>]) async {
        do {
            try await gracefulShutdown()
        } catch {
            return // cancelled: the server ended by itself
        }
        logger.info("graceful shutdown: no new connections, draining in-flight calls")
        for listener in listeners { listener.channel.close(promise: nil) }
        for channel in connections.withLock({ $0.all }) {
            channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
        do {
            try await Task.sleep(for: configuration.shutdownGracePeriod)
        } catch {
            return
        }
        let remaining = connections.withLock { $0.all }
        logger.info("grace period over, closing connections", metadata: ["connections": "\(remaining.count)"])
        for channel in remaining { channel.close(promise: nil) }
    }
}

/// The open connections, for the connection limit and for shutdown.
struct ConnectionRegistry: ~Copyable {
    private var channels: [ObjectIdentifier: any Channel] = [:]

    /// Adds `channel` unless `limit` connections are open.
    mutating func admit(_ channel: any Channel, limit: Int) -> Bool {
        guard channels.count < limit else { return false }
        channels[ObjectIdentifier(channel)] = channel
        return true
    }

    mutating func remove(_ channel: any Channel) {
        channels[ObjectIdentifier(channel)] = nil
    }

    var all: [any Channel] { Array(channels.values) }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : product + attoseconds / 1_000_000_000
    }
}
