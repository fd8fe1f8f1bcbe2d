/// A gRPC status code, as carried in a ttrpc `Response.status.code`.
///
/// A struct rather than an enum so that unknown codes from a peer are kept as they are.
public struct RPCStatusCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The number on the wire.
    public var rawValue: Int32
    /// Creates a code from its number.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// 0: not an error.
    public static let ok = RPCStatusCode(rawValue: 0)
    /// 1: the caller cancelled.
    public static let cancelled = RPCStatusCode(rawValue: 1)
    /// 2: an error with no better code.
    public static let unknown = RPCStatusCode(rawValue: 2)
    /// 3: the request itself is wrong; retrying it unchanged will fail again.
    public static let invalidArgument = RPCStatusCode(rawValue: 3)
    /// 4: the deadline passed before the call finished.
    public static let deadlineExceeded = RPCStatusCode(rawValue: 4)
    /// 5: a named entity does not exist.
    public static let notFound = RPCStatusCode(rawValue: 5)
    /// 6: the entity already exists.
    public static let alreadyExists = RPCStatusCode(rawValue: 6)
    /// 7: the caller may not do this.
    public static let permissionDenied = RPCStatusCode(rawValue: 7)
    /// 8: a limit was reached (message size, streams, memory).
    public static let resourceExhausted = RPCStatusCode(rawValue: 8)
    /// 9: the system is not in a state that allows this call.
    public static let failedPrecondition = RPCStatusCode(rawValue: 9)
    /// 10: a concurrency conflict; retry at a higher level.
    public static let aborted = RPCStatusCode(rawValue: 10)
    /// 11: a value is outside its valid range.
    public static let outOfRange = RPCStatusCode(rawValue: 11)
    /// 12: the service or method is not served here.
    public static let unimplemented = RPCStatusCode(rawValue: 12)
    /// 13: a bug or broken invariant on the server.
    public static let `internal` = RPCStatusCode(rawValue: 13)
    /// 14: the service cannot answer now (shutting down, connection lost); retry later.
    public static let unavailable = RPCStatusCode(rawValue: 14)
    /// 15: data was lost or corrupted.
    public static let dataLoss = RPCStatusCode(rawValue: 15)
    /// 16: the call carries no valid credential.
    public static let unauthenticated = RPCStatusCode(rawValue: 16)

    private static let names = [
        "OK", "Canceled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound", "AlreadyExists",
        "PermissionDenied", "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange", "Unimplemented",
        "Internal", "Unavailable", "DataLoss", "Unauthenticated",
    ]

    /// The code's name as gRPC spells it, e.g. `InvalidArgument`.
    public var description: String {
        rawValue >= 0 && Int(rawValue) < Self.names.count ? Self.names[Int(rawValue)] : "Code(\(rawValue))"
    }
}
