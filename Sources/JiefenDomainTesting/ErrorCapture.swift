public import JiefenDomain

/// Runs `body` and returns the ``DomainError`` it threw, or `nil` if it succeeded. Any other error is returned as
/// an ``DomainError/Code/internal`` error so the test fails on its code.
///
/// ```swift
/// let error = domainError { try state.apply(event) }
/// #expect(error?.code == .failedPrecondition)
/// ```
public func domainError<T>(_ body: () throws -> T) -> DomainError? {
    do {
        _ = try body()
        return nil
    } catch {
        return asDomainError(error)
    }
}

/// Runs the async `body` and returns the ``DomainError`` it threw, or `nil` if it succeeded.
public func domainError<T>(_ body: () async throws -> T) async -> DomainError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return asDomainError(error)
    }
}

private func asDomainError(_ error: any Error) -> DomainError {
    (error as? DomainError) ?? DomainError(code: .internal, message: "unexpected error type: \(error)")
}

/// Whether every one of `errors` agrees with `violations`, the plugin's validation of the same details: all `nil`
/// when the details are valid, else each an invalid-argument error carrying exactly those violations. Used to show
/// that `assess`, `decide` and a plugin's calculations run only on details that pass validation.
public func refuseAsValidationDoes(_ errors: [DomainError?], violations: [FieldViolation]) -> Bool {
    if violations.isEmpty { return errors.allSatisfy { $0 == nil } }
    return errors.allSatisfy { $0?.code == .invalidArgument && $0?.violations == violations }
}
