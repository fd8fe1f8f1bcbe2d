/// An error thrown by a ``CaseStore``.
///
/// Every store operation throws only `StoreError`. The ``code`` says what went wrong in a way the service
/// layer can map onto a wire status; the ``message`` says it in a way a person can act on (which case, which
/// version was expected and which was found). The optional fields carry the same facts for programs.
///
/// ```swift
/// do {
///     _ = try await store.appendEvent(caseID: id, expectedVersion: 3, event: event,
///                                     newState: "ASSIGNED", newClosedOn: nil, newSnapshot: snapshot)
/// } catch let error as StoreError where error.code == .versionConflict {
///     // reload the case (error.actualVersion) and retry the decision
/// }
/// ```
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public var code: Code
    /// A description a person can act on; never contains personal data from snapshots or payloads.
    public var message: String
    /// The case the failure is about, when there is one.
    public var caseID: String?
    /// For ``Code/versionConflict``: the version the caller expected.
    public var expectedVersion: Int64?
    /// For ``Code/versionConflict``: the version found in the store.
    public var actualVersion: Int64?

    /// Creates an error.
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - message: A description a person can act on.
    ///   - caseID: The case the failure is about, if any.
    ///   - expectedVersion: For a version conflict, the version the caller expected.
    ///   - actualVersion: For a version conflict, the version found in the store.
    public init(
        code: Code,
        message: String,
        caseID: String? = nil,
        expectedVersion: Int64? = nil,
        actualVersion: Int64? = nil
    ) {
        self.code = code
        self.message = message
        self.caseID = caseID
        self.expectedVersion = expectedVersion
        self.actualVersion = actualVersion
    }

    /// `"<code>: <message>"`.
    public var description: String { "\(self.code): \(self.message)" }

    /// The kinds of ``StoreError``. A struct over a private enum, so codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String, Hashable, Sendable {
            case notFound, alreadyExists, versionConflict, constraintViolation, invalidArgument, unavailable
            case internalError
        }

        private let wrapped: Wrapped

        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The case, session or other record named by the caller does not exist.
        public static let notFound = Code(.notFound)
        /// A record with the caller-chosen identifier already exists, or a request id was used for another kind
        /// of record.
        public static let alreadyExists = Code(.alreadyExists)
        /// Optimistic concurrency failed: the case's stored version is not the version the caller expected.
        /// Nothing was written.
        public static let versionConflict = Code(.versionConflict)
        /// The write broke an invariant of the schema (NOT NULL, CHECK, foreign key, append-only history).
        /// Nothing was written.
        public static let constraintViolation = Code(.constraintViolation)
        /// The request itself is malformed: a page size out of range, an unreadable cursor, an empty list.
        public static let invalidArgument = Code(.invalidArgument)
        /// The store cannot serve the request now: it is closed, or the disk or database failed. Retrying later
        /// may succeed; the write was not acknowledged.
        public static let unavailable = Code(.unavailable)
        /// The store found data it cannot read, or a bug; the detail is in the message.
        public static let internalError = Code(.internalError)

        /// The code's name, such as `versionConflict`.
        public var description: String { self.wrapped.rawValue }
    }
}

extension StoreError {
    /// A ``Code/notFound`` error for a case id.
    /// - Parameter caseID: The case that does not exist.
    /// - Returns: The error.
    public static func caseNotFound(_ caseID: String) -> StoreError {
        StoreError(code: .notFound, message: "case \(caseID) does not exist", caseID: caseID)
    }

    /// A ``Code/versionConflict`` error saying which version was expected and which was found.
    /// - Parameters:
    ///   - caseID: The case that was being changed.
    ///   - expected: The version the caller based its change on.
    ///   - actual: The version found in the store.
    /// - Returns: The error.
    public static func versionConflict(caseID: String, expected: Int64, actual: Int64) -> StoreError {
        StoreError(
            code: .versionConflict,
            message: "case \(caseID) is at version \(actual), not the expected version \(expected); "
                + "reload the case and apply the change again",
            caseID: caseID,
            expectedVersion: expected,
            actualVersion: actual
        )
    }
}
