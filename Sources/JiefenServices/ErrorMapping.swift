public import JiefenDomain
public import TTRPCCore

extension DomainError: RPCErrorConvertible {
    /// Domain errors keep their code and message; an invalid-argument message already lists every field
    /// violation, so a person sees every problem at once.
    public var rpcError: RPCError {
        let code: RPCStatusCode =
            switch self.code {
            case .invalidArgument: .invalidArgument
            case .failedPrecondition: .failedPrecondition
            case .notFound: .notFound
            case .alreadyExists: .alreadyExists
            case .permissionDenied: .permissionDenied
            case .unavailable: .unavailable
            default: .internal
            }
        return RPCError(code: code, message: message)
    }
}
