/// How a case ended (domain.md A.5, E.2).
public enum OutcomeCode: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Resolved by the town or village (RT).
    case resolvedTown = "resolved_town"
    /// Resolved via the joint meeting (RJ); needs at least one joint-meeting decision.
    case resolvedJointMeeting = "resolved_jm"
    /// Resolved by a department on the dispute track (RD).
    case resolvedDepartment = "resolved_dept"
    /// Resolved online (micro track, RO).
    case resolvedOnline = "resolved_online"
    /// Guided into a legal procedure (GL): closed, not resolved.
    case guidedLegal = "guided_legal"
    /// Not supported after investigation (NS): closed.
    case notSupported = "not_supported"
    /// Not accepted at screening.
    case notAccepted = "not_accepted"
    /// Transferred to the competent body.
    case transferredOut = "transferred_out"

    /// The outcome code, e.g. `resolved_jm`.
    public var description: String { rawValue }

    /// `true` for the outcomes counted in `resolved` (化解数).
    public var isResolved: Bool {
        switch self {
        case .resolvedTown, .resolvedJointMeeting, .resolvedDepartment, .resolvedOnline: true
        default: false
        }
    }
}

/// The written reply that ends handling (Arts. 32–33).
public enum ReplyDecision: String, Sendable, Hashable, Codable, CaseIterable {
    /// The request is supported (支持) and will be carried out.
    case support
    /// Reasonable but without legal basis: explained (解释说明).
    case explain
    /// Not supported (不予支持).
    case notSupport = "not_support"
    /// A mediation agreement (调解协议书).
    case mediationAgreement = "mediation_agreement"
    /// A settlement agreement (和解协议书).
    case settlementAgreement = "settlement_agreement"
}

/// A written reply: the decision, the document reference and when the petitioner received it
/// (the review clock runs from receipt).
public struct Reply: Sendable, Hashable, Codable {
    /// The decision.
    public var decision: ReplyDecision
    /// The document reference (信访处理意见书 or agreement number).
    public var documentRef: String
    /// The day the petitioner received it, if known; otherwise the reply day is used.
    public var receivedOn: CivilDate?

    /// Creates a reply.
    public init(decision: ReplyDecision, documentRef: String = "", receivedOn: CivilDate? = nil) {
        self.decision = decision
        self.documentRef = documentRef
        self.receivedOn = receivedOn
    }
}

/// The petitioner's rating of how the item was handled (评价, Art. 21).
public struct Rating: Sendable, Hashable, Codable {
    /// The level.
    public var level: Level
    /// The day of the rating.
    public var on: CivilDate

    /// Creates a rating.
    public init(level: Level, on: CivilDate) {
        self.level = level
        self.on = on
    }

    /// Satisfaction levels. Strict satisfaction counts `satisfied`; broad counts both satisfied levels.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        /// 满意.
        case satisfied
        /// 基本满意.
        case basicallySatisfied = "basically_satisfied"
        /// 不满意.
        case dissatisfied
    }
}

/// A statutory extension of the handling period (Art. 34): at most one, at most 30 days, approved by the
/// head of the body, with the reason told to the petitioner.
public struct Extension: Sendable, Hashable, Codable {
    /// Extra days, 1...30.
    public var days: Int
    /// The day it was approved (before the handling deadline).
    public var approvedOn: CivilDate
    /// The reason given to the petitioner.
    public var reason: String
    /// The due date before the extension.
    public var previousDueDate: CivilDate
    /// The due date after the extension.
    public var newDueDate: CivilDate

    /// Creates an extension record.
    public init(days: Int, approvedOn: CivilDate, reason: String, previousDueDate: CivilDate, newDueDate: CivilDate) {
        self.days = days
        self.approvedOn = approvedOn
        self.reason = reason
        self.previousDueDate = previousDueDate
        self.newDueDate = newDueDate
    }
}
