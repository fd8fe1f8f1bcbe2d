public import TTRPCWire

/// An error that ends one call: it becomes the ttrpc response status (code and message).
///
/// Handlers throw it, or any error conforming to ``RPCErrorConvertible``; any other error is answered as
/// `Internal` with a generic message, and its detail goes only to the log. The client throws it for every
/// non-OK status and for transport failures (code `Unavailable`).
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The status code.
    public var code: RPCStatusCode
    /// What went wrong, in words a person can act on.
    public var message: String

    /// Creates an error.
    public init(code: RPCStatusCode, message: String) {
        self.code = code
        self.message = message
    }

    /// Creates an error from a wire status.
    public init(status: TTRPCStatus) {
        self.init(code: RPCStatusCode(rawValue: status.code), message: status.message)
    }

    /// The wire status for this error.
    public var status: TTRPCStatus { TTRPCStatus(code: code.rawValue, message: message) }

    public var description: String { "\(code): \(message)" }
}

/// An error that knows which status code and message it should be answered with.
public protocol RPCErrorConvertible: Error {
    /// The error as it goes on the wire.
    var rpcError: RPCError { get }
}

extension RPCError: RPCErrorConvertible {
    public var rpcError: RPCError { self }
}

extension WireError: RPCErrorConvertible {
    /// Undecodable input is InvalidArgument; input that would need too much memory is ResourceExhausted.
    public var rpcError: RPCError {
        RPCError(code: code == .resourceExhausted ? .resourceExhausted : .invalidArgument, message: message)
    }
}

extension RPCError {
    /// The longest status message the server sends, in UTF-8 bytes; longer ones are cut at a character boundary.
    public static let maximumMessageBytes = 4096

    /// This error with its message cut to ``maximumMessageBytes``, so no status can outgrow a frame.
    public var bounded: RPCError {
        guard message.utf8.count > Self.maximumMessageBytes else { return self }
        var cut = ""
        var bytes = 0
        for character in message {
            bytes += character.utf8.count
            guard bytes <= Self.maximumMessageBytes - 4 else { break }
            cut.append(character)
        }
        return RPCError(code: code, message: cut + " …")
    }
}

extension RPCError {
    /// The status a handler's error is answered with: an ``RPCErrorConvertible`` error as it says, cancellation as
    /// Cancelled; `nil` for any other error, which the caller answers as Internal (its detail goes only to a log).
    public static func answering(_ error: any Error) -> RPCError? {
        if let convertible = error as? any RPCErrorConvertible { return convertible.rpcError }
        if error is CancellationError { return RPCError(code: .cancelled, message: "call cancelled") }
        return nil
    }
}
