/// Limits and addresses of a ``TTRPCServer``. Every field has a default; executables map flags onto it.
public struct TTRPCServerConfiguration: Sendable {
    /// Where to listen. Default: TCP 127.0.0.1:7311 and nothing else.
    public var listen: [TTRPCAddress] = [.hostname("127.0.0.1", port: 7311)]
    /// Largest frame data accepted, in bytes (default 4 MiB, as the reference). Larger frames are skipped
    /// unread and answered with ResourceExhausted.
    public var maximumFrameLength: Int = 4 << 20
    /// Streams one connection may have in flight; further requests get ResourceExhausted.
    public var maximumConcurrentStreams: Int = 1024
    /// Connections the server holds at once; further connections are closed at once.
    public var maximumConnections: Int = 4096
    /// A connection with no stream in flight and no traffic for this long is closed. `nil` keeps it open.
    public var idleTimeout: Duration? = .seconds(300)
    /// How long in-flight calls may run after a graceful shutdown starts before they are cancelled.
    public var shutdownGracePeriod: Duration = .seconds(10)

    /// The defaults.
    public static var defaults: TTRPCServerConfiguration { TTRPCServerConfiguration() }

    /// Creates the defaults; change fields afterwards.
    public init() {}
}
