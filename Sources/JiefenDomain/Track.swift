/// The three ways a case is handled (domain.md A.2).
public enum Track: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// A formal petition item (信访事项) with statutory clocks.
    case petition
    /// A conflict escalated from the grid and mediated by a town department (矛盾纠纷); internal target only.
    case dispute
    /// A grid micro-matter (微事项) answered or mediated online; not counted in petition statistics.
    case micro

    /// The track name, e.g. `petition`.
    public var description: String { rawValue }

    /// `true` when statutory time limits (domain.md A.4) apply.
    public var hasStatutoryClock: Bool { self == .petition }
}

/// The lifecycle state of a case (domain.md A.6). Which states a track uses is given by ``LifecycleMachine``.
public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Registered, not yet screened (all tracks).
    case registered = "REGISTERED"
    /// Petition refused at screening, e.g. same facts after re-review (Art. 36).
    case notAccepted = "NOT_ACCEPTED"
    /// Petition sent to the competent body.
    case transferredOut = "TRANSFERRED_OUT"
    /// Routed into litigation, arbitration, administrative review or another procedure; closed, not resolved.
    case guidedLegal = "GUIDED_LEGAL"
    /// Petition accepted (受理) and the petitioner notified; the 60-day clock runs.
    case accepted = "ACCEPTED"
    /// Assigned to a department (petition and dispute).
    case assigned = "ASSIGNED"
    /// Under investigation or handling.
    case inProgress = "IN_PROGRESS"
    /// Under review by the petition joint meeting.
    case jointMeetingReview = "JM_REVIEW"
    /// Written opinion or agreement issued.
    case replied = "REPLIED"
    /// Closed with an outcome.
    case closed = "CLOSED"
    /// Closed and rated by the petitioner.
    case evaluated = "EVALUATED"
    /// The petitioner asked the next body up for review (复查).
    case reviewRequested = "REVIEW_REQUESTED"
    /// The review opinion was issued.
    case reviewDecided = "REVIEW_DECIDED"
    /// The petitioner asked for re-review (复核).
    case reReviewRequested = "RE_REVIEW_REQUESTED"
    /// The re-review opinion was issued; the same facts are not accepted again.
    case reReviewDecided = "RE_REVIEW_DECIDED"
    /// No further step is possible.
    case final = "FINAL"
    /// Dispute under mediation.
    case mediating = "MEDIATING"
    /// Dispute settled by a mediation agreement.
    case agreement = "AGREEMENT"
    /// Micro-matter answered or mediated online.
    case resolvedOnline = "RESOLVED_ONLINE"

    /// The upper-case state name used in messages and on the wire, e.g. `IN_PROGRESS`.
    public var description: String { rawValue }
}

/// How a matter reached the town (domain.md D). A struct so channels can be added without a new release.
public struct IntakeChannel: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The channel name, e.g. `VILLAGE_RECEPTION`.
    public var rawValue: String
    /// Creates a channel.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// The channel name.
    public var description: String { rawValue }
    /// Orders channels by name.
    public static func < (lhs: IntakeChannel, rhs: IntakeChannel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Village reception session (驻村接访); a visit channel.
    public static let villageReception = IntakeChannel("VILLAGE_RECEPTION")
    /// Grid platform online (网格).
    public static let gridOnline = IntakeChannel("GRID_ONLINE")
    /// Village WeChat group.
    public static let wechatGroup = IntakeChannel("WECHAT_GROUP")
    /// Hotline (12345 / petition line).
    public static let hotline = IntakeChannel("HOTLINE")
    /// Walk-in visit at the town office; a visit channel.
    public static let walkIn = IntakeChannel("WALK_IN")
    /// Online petition or letter (网上信访/来信).
    public static let onlinePetition = IntakeChannel("ONLINE_PETITION")
    /// Referral from a higher body (上级转送交办).
    public static let referral = IntakeChannel("REFERRAL")

    /// The channels listed in domain.md D.
    public static let known: [IntakeChannel] = [
        .villageReception, .gridOnline, .wechatGroup, .hotline, .walkIn, .onlinePetition, .referral,
    ]

    /// `true` for channels whose contacts are visits counted in batches and person-times.
    public var isVisit: Bool { self == .villageReception || self == .walkIn }
}
