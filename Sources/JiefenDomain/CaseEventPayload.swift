/// What an event records. Dates default to the local date of the event's ``CaseEvent/at``.
public enum CaseEventPayload: Sendable, Hashable, Codable {
    /// The case was registered with its shared fields and details.
    case registered(Registration)
    /// Accepted (受理); the notice date defaults to the acceptance date.
    case accepted(noticeOn: CivilDate?)
    /// Not accepted at screening, with the reason (e.g. "same facts after re-review, Art. 36").
    case notAccepted(reason: String)
    /// Sent to the competent body.
    case transferredOut(to: String, reason: String)
    /// Routed into litigation, arbitration, administrative review or another procedure.
    case guidedLegal(procedure: String)
    /// Assigned to a department.
    case assigned(DepartmentCode)
    /// The department started handling (petition).
    case handlingStarted
    /// Referred to a joint meeting.
    case referredToJointMeeting(MeetingID)
    /// The joint meeting's decision on this case.
    case jointMeetingDecided(JointMeetingDecision)
    /// The head of the body approved an extension of `days` days, for `reason`.
    case extensionApproved(days: Int, reason: String)
    /// A written reply (opinion or agreement) was issued.
    case replied(Reply)
    /// The petition was closed with an outcome.
    case closed(OutcomeCode)
    /// The petitioner rated the handling.
    case evaluated(Rating.Level)
    /// Review requested; `receivedOn` is when the reviewing body received it (defaults to `requestedOn`).
    case reviewRequested(requestedOn: CivilDate?, receivedOn: CivilDate?)
    /// Review opinion issued on `decidedOn`, received by the petitioner on `receivedOn`.
    case reviewDecided(ReviewResult, decidedOn: CivilDate?, receivedOn: CivilDate?)
    /// Re-review requested.
    case reReviewRequested(requestedOn: CivilDate?, receivedOn: CivilDate?)
    /// Re-review opinion issued; `hearingDays` are not counted in its 30 days.
    case reReviewDecided(ReviewResult, decidedOn: CivilDate?, receivedOn: CivilDate?, hearingDays: Int)
    /// No further step is possible.
    case finalized
    /// Dispute mediation started.
    case mediationStarted
    /// A mediation agreement was reached (outcome resolved_dept or resolved_jm), effective on `effectiveOn`.
    case agreementReached(outcome: OutcomeCode, documentRef: String, effectiveOn: CivilDate?)
    /// The parties jointly applied for judicial confirmation.
    case judicialConfirmationApplied
    /// The dispute became a petition (same case, statutory clock from now).
    case convertedToPetition
    /// A micro-matter was answered or mediated online.
    case resolvedOnline(summary: String)
    /// A micro-matter was escalated to the dispute track.
    case escalated
    /// A contact was recorded on the case.
    case contactRecorded(Contact)
    /// Details were added or changed (merged into the existing details).
    case detailsUpdated(Details)

    /// The payload's kind.
    public var kind: CaseEventKind {
        switch self {
        case .registered: .registered
        case .accepted: .accepted
        case .notAccepted: .notAccepted
        case .transferredOut: .transferredOut
        case .guidedLegal: .guidedLegal
        case .assigned: .assigned
        case .handlingStarted: .handlingStarted
        case .referredToJointMeeting: .referredToJointMeeting
        case .jointMeetingDecided: .jointMeetingDecided
        case .extensionApproved: .extensionApproved
        case .replied: .replied
        case .closed: .closed
        case .evaluated: .evaluated
        case .reviewRequested: .reviewRequested
        case .reviewDecided: .reviewDecided
        case .reReviewRequested: .reReviewRequested
        case .reReviewDecided: .reReviewDecided
        case .finalized: .finalized
        case .mediationStarted: .mediationStarted
        case .agreementReached: .agreementReached
        case .judicialConfirmationApplied: .judicialConfirmationApplied
        case .convertedToPetition: .convertedToPetition
        case .resolvedOnline: .resolvedOnline
        case .escalated: .escalated
        case .contactRecorded: .contactRecorded
        case .detailsUpdated: .detailsUpdated
        }
    }
}
