import ArgumentParser
import Foundation
import Logging
import TTRPCCore

/// The server's settings: flags first, then environment variables, then defaults.
struct ServerSettings {
    var server = TTRPCServerConfiguration.defaults
    var dataDirectory = "./jiefen-data"
    var logLevel = Logger.Level.info
    var eventLoops = ProcessorAffinity.availableCores
    var socketPermissions = SocketPermissions()

    init(command: Serve, environment: [String: String]) throws {
        dataDirectory = command.dataDir ?? environment["JIEFEN_DATA_DIR"] ?? dataDirectory
        var listen = command.listen
        if listen.isEmpty, let fromEnvironment = environment["JIEFEN_LISTEN"] {
            listen = fromEnvironment.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if listen.isEmpty {
            listen = ["tcp://127.0.0.1:7311", "unix://\(dataDirectory)/jiefend.sock"]
        }
        do {
            server.listen = try listen.map { try TTRPCAddress(parsing: $0) }
        } catch let error as RPCError {
            throw ValidationError("--listen: \(error.message)")
        }
        server.maximumFrameLength = try Self.integer(
            command.maxFrameBytes, environment["JIEFEN_MAX_FRAME_BYTES"], flag: "--max-frame-bytes",
            range: 1024...(64 << 20), default: server.maximumFrameLength
        )
        server.maximumConcurrentStreams = try Self.integer(
            command.maxStreams, environment["JIEFEN_MAX_STREAMS"], flag: "--max-streams",
            range: 1...1_000_000, default: server.maximumConcurrentStreams
        )
        server.maximumConnections = try Self.integer(
            command.maxConnections, environment["JIEFEN_MAX_CONNECTIONS"], flag: "--max-connections",
            range: 1...1_000_000, default: server.maximumConnections
        )
        let idle = try Self.integer(
            command.idleTimeout, environment["JIEFEN_IDLE_TIMEOUT"], flag: "--idle-timeout",
            range: 0...86_400, default: 300
        )
        server.idleTimeout = idle == 0 ? nil : .seconds(idle)
        server.shutdownGracePeriod = .seconds(
            try Self.integer(
                command.shutdownGrace, environment["JIEFEN_SHUTDOWN_GRACE"], flag: "--shutdown-grace",
                range: 0...3600, default: 10
            )
        )
        eventLoops = try Self.integer(
            command.eventLoops, environment["JIEFEN_EVENT_LOOPS"], flag: "--event-loops",
            range: 1...256, default: eventLoops
        )
        if let name = command.socketGroup ?? environment["JIEFEN_SOCKET_GROUP"], !name.isEmpty {
            guard let permissions = SocketPermissions.group(named: name) else {
                throw ValidationError("--socket-group: there is no group named \"\(name)\"")
            }
            socketPermissions = permissions
        }
        if let level = command.logLevel ?? environment["JIEFEN_LOG_LEVEL"] {
            guard let parsed = Logger.Level(rawValue: level) else {
                throw ValidationError("--log-level: \"\(level)\" is not one of trace, debug, info, notice, warning, error, critical")
            }
            logLevel = parsed
        }
    }

    private static func integer(
        _ flag: Int?, _ environment: String?, flag name: String, range: ClosedRange<Int>, default value: Int
    ) throws -> Int {
        let chosen: Int
        if let flag {
            chosen = flag
        } else if let environment {
            guard let parsed = Int(environment) else {
                throw ValidationError("\(name): environment value \"\(environment)\" is not a number")
            }
            chosen = parsed
        } else {
            return value
        }
        guard range.contains(chosen) else {
            throw ValidationError("\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(chosen)")
        }
        return chosen
    }
}
