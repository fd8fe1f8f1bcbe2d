public import NIOCore

/// Where a server listens or a client connects: a Unix socket path or a TCP host and port.
///
/// Written as `unix:///run/jiefen.sock` or `tcp://127.0.0.1:7311` on command lines.
public struct TTRPCAddress: Sendable, Hashable, CustomStringConvertible {
    enum Base: Sendable, Hashable {
        case unix(path: String)
        case tcp(host: String, port: Int)
    }

    let base: Base

    /// A Unix domain socket at `path`.
    public static func unixDomainSocket(path: String) -> TTRPCAddress { TTRPCAddress(base: .unix(path: path)) }
    /// A TCP host and port; port 0 lets the system choose.
    public static func hostname(_ host: String, port: Int) -> TTRPCAddress {
        TTRPCAddress(base: .tcp(host: host, port: port))
    }

    /// Parses `unix:///path`, `unix:path`, `tcp://host:port` or `[v6]:port` forms.
    /// - Throws: ``RPCError`` with code InvalidArgument naming the accepted forms.
    public init(parsing text: String) throws(RPCError) {
        if text.hasPrefix("unix://") {
            let path = String(text.dropFirst("unix://".count))
            guard !path.isEmpty else { throw Self.badAddress(text) }
            base = .unix(path: path)
        } else if text.hasPrefix("unix:") {
            let path = String(text.dropFirst("unix:".count))
            guard !path.isEmpty else { throw Self.badAddress(text) }
            base = .unix(path: path)
        } else if text.hasPrefix("tcp://") {
            let rest = text.dropFirst("tcp://".count)
            guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]),
                (0...65535).contains(port)
            else { throw Self.badAddress(text) }
            var host = String(rest[..<colon])
            if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            guard !host.isEmpty else { throw Self.badAddress(text) }
            base = .tcp(host: host, port: port)
        } else {
            throw Self.badAddress(text)
        }
    }

    private init(base: Base) { self.base = base }

    private static func badAddress(_ text: String) -> RPCError {
        RPCError(
            code: .invalidArgument,
            message: "address \"\(text)\" is not understood; use unix:///path/to.sock or tcp://host:port"
        )
    }

    /// The TCP host, if this is a TCP address.
    public var host: String? {
        if case .tcp(let host, _) = base { return host }
        return nil
    }

    /// The TCP port, if this is a TCP address (for a bound listener, the real port even when 0 was asked for).
    public var port: Int? {
        if case .tcp(_, let port) = base { return port }
        return nil
    }

    /// The Unix socket path, if this is a Unix address.
    public var unixPath: String? {
        if case .unix(let path) = base { return path }
        return nil
    }

    public var description: String {
        switch base {
        case .unix(let path): "unix://\(path)"
        case .tcp(let host, let port): host.contains(":") ? "tcp://[\(host)]:\(port)" : "tcp://\(host):\(port)"
        }
    }

    /// The address as it was actually bound (port 0 replaced by the real port).
    public static func bound(_ address: SocketAddress) -> TTRPCAddress? {
        switch address {
        case .unixDomainSocket:
            return address.pathname.map { .unixDomainSocket(path: $0) }
        case .v4, .v6:
            guard let ip = address.ipAddress, let port = address.port else { return nil }
            return .hostname(ip, port: port)
        }
    }
}
