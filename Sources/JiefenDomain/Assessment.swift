/// A plugin's view of a case: computed figures, severity, where to route it, and advice.
public struct Assessment: Sendable, Hashable, Codable {
    /// Computed figures, e.g. delay days and the agreed penalty.
    public var figures: [Figure]
    /// How urgent the case is.
    public var severity: Severity
    /// The body that should lead.
    public var suggestedDepartment: DepartmentCode
    /// Bodies that should take part.
    public var supportingDepartments: [DepartmentCode]
    /// Advice and flags for the handler.
    public var advice: [Advice]

    /// Creates an assessment.
    public init(
        figures: [Figure] = [], severity: Severity, suggestedDepartment: DepartmentCode,
        supportingDepartments: [DepartmentCode] = [], advice: [Advice] = []
    ) {
        self.figures = figures
        self.severity = severity
        self.suggestedDepartment = suggestedDepartment
        self.supportingDepartments = supportingDepartments
        self.advice = advice
    }

    /// The figure with `key`.
    public func figure(_ key: String) -> Figure? { figures.first { $0.key == key } }

    /// `true` when advice with `code` was given.
    public func hasAdvice(_ code: String) -> Bool { advice.contains { $0.code == code } }
}

/// One computed figure with its label and unit.
public struct Figure: Sendable, Hashable, Codable {
    /// A stable key, e.g. `delay_days`.
    public var key: String
    /// A label for people, e.g. "Delay (days)".
    public var label: String
    /// The value.
    public var value: DetailValue
    /// The display unit, e.g. `days`, `yuan`.
    public var unit: String?

    /// Creates a figure.
    public init(key: String, label: String, value: DetailValue, unit: String? = nil) {
        self.key = key
        self.label = label
        self.value = value
        self.unit = unit
    }
}

/// A piece of advice: a stable code for tools and a message for people.
public struct Advice: Sendable, Hashable, Codable {
    /// A stable code, e.g. `penalty_rate_review`.
    public var code: String
    /// What to do and why.
    public var message: String

    /// Creates advice.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// Case severity: P1 is the most urgent.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Most urgent.
    case p1 = "P1"
    /// Urgent.
    case p2 = "P2"
    /// Routine.
    case p3 = "P3"

    /// One level more urgent (P1 stays P1).
    public var raised: Severity {
        switch self {
        case .p1, .p2: .p1
        case .p3: .p2
        }
    }

    /// More urgent sorts first: `.p1 < .p2`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A plugin's answer to a lifecycle event.
public struct Decision: Sendable, Hashable, Codable {
    /// `true` when the event may be applied.
    public var isAllowed: Bool
    /// Why it was denied (or a note when allowed).
    public var reason: String
    /// Details to set after the event (recorded as a `details_updated` event).
    public var detailChanges: Details
    /// Advice to show with the result.
    public var advice: [Advice]

    /// Creates a decision.
    public init(isAllowed: Bool, reason: String = "", detailChanges: Details = [:], advice: [Advice] = []) {
        self.isAllowed = isAllowed
        self.reason = reason
        self.detailChanges = detailChanges
        self.advice = advice
    }

    /// Allows the event, optionally changing details.
    public static func allow(detailChanges: Details = [:], advice: [Advice] = []) -> Decision {
        Decision(isAllowed: true, detailChanges: detailChanges, advice: advice)
    }

    /// Denies the event with a reason that says what is missing.
    public static func deny(_ reason: String) -> Decision {
        Decision(isAllowed: false, reason: reason)
    }
}
