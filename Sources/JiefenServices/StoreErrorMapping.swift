import JiefenStore
import TTRPCCore

/// Store failures as call statuses: a version conflict is Aborted (reload and retry), a missing record NotFound,
/// a constraint violation FailedPrecondition, the store being unreachable Unavailable.
enum StoreErrorMapping {
    static func rpcError(_ error: StoreError) -> RPCError {
        let code: RPCStatusCode =
            switch error.code {
            case .notFound: .notFound
            case .alreadyExists: .alreadyExists
            case .versionConflict: .aborted
            case .constraintViolation: .failedPrecondition
            case .invalidArgument: .invalidArgument
            case .unavailable: .unavailable
            default: .internal
            }
        return RPCError(code: code, message: error.message)
    }

    /// Runs `body`, turning store errors into call statuses.
    static func mapping<R>(_ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch let error as StoreError {
            throw rpcError(error)
        }
    }
}
