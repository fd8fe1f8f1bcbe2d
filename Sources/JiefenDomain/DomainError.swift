/// The error every domain operation throws: a ``Code`` saying what kind of failure it is, a message a person
/// can act on (naming the field, or the state that allows the event), and field-level violations for
/// ``Code/invalidArgument``.
///
/// The service layer maps codes onto ttrpc status codes (invalidArgument → 3, notFound → 5,
/// alreadyExists → 6, permissionDenied → 7, failedPrecondition → 9, unavailable → 14, internal → 13).
/// Messages never contain personal data (names, ID numbers, phone numbers).
public struct DomainError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public var code: Code
    /// A message that says what to change, e.g. which state allows the event.
    public var message: String
    /// Field-level violations (mainly for ``Code/invalidArgument``).
    public var violations: [FieldViolation]

    /// Creates an error.
    public init(code: Code, message: String, violations: [FieldViolation] = []) {
        self.code = code
        self.message = message
        self.violations = violations
    }

    /// `code: message`, followed by the violations.
    public var description: String {
        var text = "\(code): \(message)"
        for v in violations { text += "\n  \(v.field): \(v.message)" }
        return text
    }

    /// The most violations an error keeps and its message lists; the message counts the rest.
    public static let violationsListed = 20

    /// An invalid-argument error built from field violations; the message lists every field, up to
    /// ``violationsListed`` of them, and says how many more there are.
    public static func invalidArgument(_ violations: [FieldViolation]) -> DomainError {
        let listed = violations.prefix(violationsListed)
        var summary = listed.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        if violations.count > listed.count { summary += "; and \(violations.count - listed.count) more" }
        return DomainError(code: .invalidArgument, message: "invalid input: \(summary)", violations: Array(listed))
    }

    /// An invalid-argument error for one field.
    public static func invalidArgument(field: String, _ message: String) -> DomainError {
        invalidArgument([FieldViolation(field: field, message: message)])
    }

    /// A failed-precondition error: the request is well-formed but the case is not in a state that allows it.
    public static func failedPrecondition(_ message: String) -> DomainError {
        DomainError(code: .failedPrecondition, message: message)
    }

    /// A not-found error.
    public static func notFound(_ message: String) -> DomainError {
        DomainError(code: .notFound, message: message)
    }

    /// An already-exists error.
    public static func alreadyExists(_ message: String) -> DomainError {
        DomainError(code: .alreadyExists, message: message)
    }
}

extension DomainError {
    /// The kind of a ``DomainError``. A struct over a private enum so codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Hashable {
            case invalidArgument, failedPrecondition, notFound, alreadyExists
            case permissionDenied, unavailable, `internal`
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The input is malformed; ``DomainError/violations`` names each field.
        public static let invalidArgument = Code(.invalidArgument)
        /// The case is not in a state that allows the operation; the message names the state that does.
        public static let failedPrecondition = Code(.failedPrecondition)
        /// A case, kind or other referenced entity does not exist.
        public static let notFound = Code(.notFound)
        /// The entity (e.g. a plugin kind or a case id) already exists.
        public static let alreadyExists = Code(.alreadyExists)
        /// The caller may not do this.
        public static let permissionDenied = Code(.permissionDenied)
        /// A dependency (such as an out-of-process plugin) is not available right now.
        public static let unavailable = Code(.unavailable)
        /// An invariant was broken; a bug.
        public static let `internal` = Code(.internal)

        /// The code's name in lower camel case, e.g. `failedPrecondition`.
        public var description: String { base.rawValue }
    }
}

/// One problem with one input field: the field's name (a detail attribute or a shared case field) and
/// what is wrong with it.
public struct FieldViolation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The field name, e.g. `paid_amount` or `representatives`.
    public var field: String
    /// What is wrong and what would be accepted.
    public var message: String

    /// Creates a violation.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
