/// One lifecycle change of a case: who did it, when, and what. A case is the fold of its events
/// (``CaseState/replay(_:rules:)``); the history is append-only.
public struct CaseEvent: Sendable, Hashable, Codable {
    /// The position of the event in its case's history, starting at 1 with the registration.
    public var sequence: Int
    /// Who recorded it.
    public var actor: Actor
    /// When it happened (its local date is the date of the step, e.g. the acceptance date).
    public var at: Timestamp
    /// What happened.
    public var payload: CaseEventPayload

    /// Creates an event.
    public init(sequence: Int, actor: Actor, at: Timestamp, payload: CaseEventPayload) {
        self.sequence = sequence
        self.actor = actor
        self.at = at
        self.payload = payload
    }

    /// The event's kind.
    public var kind: CaseEventKind { payload.kind }
}

/// Who recorded an event: an account and its department. No personal names.
public struct Actor: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The account or system identifier, e.g. `town-petition-office/clerk-07` or `grid-platform`.
    public var id: String
    /// The department acting.
    public var department: DepartmentCode?

    /// Creates an actor.
    public init(id: String, department: DepartmentCode? = nil) {
        self.id = id
        self.department = department
    }

    /// The system itself (imports, automatic steps).
    public static let system = Actor(id: "system")

    /// The account identifier.
    public var description: String { id }
}

/// The kind of a ``CaseEventPayload``; its raw value is the event name used on the wire and in messages.
public enum CaseEventKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Registration; always the first event.
    case registered
    /// Petition accepted and petitioner notified.
    case accepted
    /// Petition not accepted.
    case notAccepted = "not_accepted"
    /// Petition transferred to the competent body.
    case transferredOut = "transferred_out"
    /// Routed into a legal procedure.
    case guidedLegal = "guided_legal"
    /// Assigned to a department.
    case assigned
    /// The department started handling.
    case handlingStarted = "handling_started"
    /// Referred to a joint meeting.
    case referredToJointMeeting = "referred_to_joint_meeting"
    /// A joint meeting decided.
    case jointMeetingDecided = "joint_meeting_decided"
    /// Handling period extended.
    case extensionApproved = "extension_approved"
    /// Written reply issued.
    case replied
    /// Closed with an outcome.
    case closed
    /// Rated by the petitioner.
    case evaluated
    /// Review requested.
    case reviewRequested = "review_requested"
    /// Review opinion issued.
    case reviewDecided = "review_decided"
    /// Re-review requested.
    case reReviewRequested = "re_review_requested"
    /// Re-review opinion issued.
    case reReviewDecided = "re_review_decided"
    /// No further steps.
    case finalized
    /// Dispute mediation started.
    case mediationStarted = "mediation_started"
    /// Dispute settled by agreement.
    case agreementReached = "agreement_reached"
    /// Judicial confirmation of the agreement applied for.
    case judicialConfirmationApplied = "judicial_confirmation_applied"
    /// Dispute converted to a petition.
    case convertedToPetition = "converted_to_petition"
    /// Micro-matter resolved online.
    case resolvedOnline = "resolved_online"
    /// Micro-matter escalated to a dispute.
    case escalated
    /// A contact (batch or item) recorded on the case; follow-ups are contacts, not new cases.
    case contactRecorded = "contact_recorded"
    /// Kind-specific details changed.
    case detailsUpdated = "details_updated"

    /// The event name, e.g. `extension_approved`.
    public var description: String { rawValue }

    /// `true` for events that record facts without moving the lifecycle (allowed in every state).
    public var isRecordOnly: Bool { self == .contactRecorded || self == .detailsUpdated }
}

extension CaseEvent {
    /// The field that carries a registration's time: `received_at`.
    public static let receivedAtField = "received_at"

    /// The field named in errors about this event's time: `received_at` for a registration, `contact.at` for a
    /// recorded contact, `occurred_at` for every other event.
    public var timeField: String {
        switch payload {
        case .registered: Self.receivedAtField
        case .contactRecorded: "contact.at"
        default: "occurred_at"
        }
    }
}

extension CaseEvent {
    /// The details `state` would have after this event: its details merged with a `details_updated` event's
    /// changes, or its details unchanged for any other event. Plugins validate these before deciding.
    public func detailsAfter(on state: CaseState) -> Details {
        if case .detailsUpdated(let changes) = payload { return state.details.merging(changes) }
        return state.details
    }
}
