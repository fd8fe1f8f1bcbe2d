/// The pure state machines of the three tracks (domain.md A.6).
///
/// ```
/// petition: REGISTERED → (NOT_ACCEPTED | TRANSFERRED_OUT | GUIDED_LEGAL) | ACCEPTED → ASSIGNED → IN_PROGRESS
///           [↔ JM_REVIEW] → REPLIED → CLOSED → (EVALUATED) → REVIEW_REQUESTED → REVIEW_DECIDED
///           → RE_REVIEW_REQUESTED → RE_REVIEW_DECIDED → FINAL
/// dispute:  REGISTERED → ASSIGNED → MEDIATING → (AGREEMENT | GUIDED_LEGAL | converted to petition)
/// micro:    REGISTERED → (RESOLVED_ONLINE | escalated to dispute)
/// ```
/// The extension (EXTENDED in the diagram) is kept in ``CaseState/extension`` while the case stays
/// IN_PROGRESS or JM_REVIEW, because a case can still go to a joint meeting after an extension.
/// Conversion and escalation keep the case and move it to REGISTERED on the new track.
public enum LifecycleMachine {
    /// A place in the lifecycle: a track and a state on it.
    public struct Stage: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The track.
        public var track: Track
        /// The state.
        public var status: CaseStatus
        /// Creates a stage.
        public init(track: Track, status: CaseStatus) {
            self.track = track
            self.status = status
        }
        /// `track/STATE`, e.g. `petition/IN_PROGRESS`.
        public var description: String { "\(track)/\(status)" }
    }

    /// One legal transition: `event` in any state of `from` leads to `to` (on `toTrack` if it changes track).
    public struct Transition: Sendable, Hashable {
        /// The event.
        public var event: CaseEventKind
        /// The states that allow it.
        public var from: [CaseStatus]
        /// The resulting state; `nil` keeps the current state.
        public var to: CaseStatus?
        /// The resulting track, when the event moves the case to another track.
        public var toTrack: Track?
    }

    /// The legal lifecycle transitions of `track` (record-only events are allowed everywhere and not listed).
    public static func transitions(for track: Track) -> [Transition] {
        switch track {
        case .petition: petitionTransitions
        case .dispute: disputeTransitions
        case .micro: microTransitions
        }
    }

    /// The states a case on `track` can be in.
    public static func states(for track: Track) -> [CaseStatus] {
        var seen: [CaseStatus] = [.registered]
        for t in transitions(for: track) {
            let reached = t.toTrack == nil ? (t.to.map { [$0] } ?? []) : []
            for s in t.from + reached where !seen.contains(s) { seen.append(s) }
        }
        return seen
    }

    /// The states of `track` in which `event` is allowed (empty if the event does not apply to the track).
    public static func allowedStates(for event: CaseEventKind, on track: Track) -> [CaseStatus] {
        if event.isRecordOnly { return states(for: track) }
        return transitions(for: track).filter { $0.event == event }.flatMap(\.from)
    }

    /// The stage after `event` in `stage`.
    /// - Throws: ``DomainError/Code/failedPrecondition`` naming the states that allow the event, or the tracks it
    ///   applies to.
    public static func next(after event: CaseEventKind, in stage: Stage) throws(DomainError) -> Stage {
        if event.isRecordOnly { return stage }
        if event == .registered {
            throw .alreadyExists("the case is already registered; 'registered' is only the first event")
        }
        let candidates = transitions(for: stage.track).filter { $0.event == event }
        guard !candidates.isEmpty else {
            let tracks = Track.allCases.filter { t in transitions(for: t).contains { $0.event == event } }
            throw .failedPrecondition(
                "event '\(event)' does not apply to the \(stage.track) track; it applies to: "
                    + tracks.map(\.rawValue).joined(separator: ", "))
        }
        guard let match = candidates.first(where: { $0.from.contains(stage.status) }) else {
            let allowed = candidates.flatMap(\.from).map(\.rawValue).joined(separator: ", ")
            throw .failedPrecondition(
                "event '\(event)' is not allowed in state \(stage.status) on the \(stage.track) track; "
                    + "it is allowed in: \(allowed)")
        }
        return Stage(track: match.toTrack ?? stage.track, status: match.to ?? stage.status)
    }

    private static func rule(
        _ event: CaseEventKind, _ from: [CaseStatus], _ to: CaseStatus?,
        track: Track? = nil
    ) -> Transition {
        Transition(event: event, from: from, to: to, toTrack: track)
    }

    private static let petitionTransitions: [Transition] = [
        rule(.accepted, [.registered], .accepted),
        rule(.notAccepted, [.registered], .notAccepted),
        rule(.transferredOut, [.registered], .transferredOut),
        rule(.guidedLegal, [.registered, .accepted, .assigned, .inProgress], .guidedLegal),
        rule(.assigned, [.accepted], .assigned),
        rule(.handlingStarted, [.assigned], .inProgress),
        rule(.referredToJointMeeting, [.inProgress], .jointMeetingReview),
        rule(.jointMeetingDecided, [.jointMeetingReview], .inProgress),
        rule(.extensionApproved, [.inProgress, .jointMeetingReview], nil),
        rule(.replied, [.inProgress], .replied),
        rule(.closed, [.replied], .closed),
        rule(.evaluated, [.closed], .evaluated),
        rule(.reviewRequested, [.closed, .evaluated], .reviewRequested),
        rule(.reviewDecided, [.reviewRequested], .reviewDecided),
        rule(.reReviewRequested, [.reviewDecided], .reReviewRequested),
        rule(.reReviewDecided, [.reReviewRequested], .reReviewDecided),
        rule(.finalized, [.closed, .evaluated, .reviewDecided, .reReviewDecided], .final),
    ]

    private static let disputeTransitions: [Transition] = [
        rule(.assigned, [.registered], .assigned),
        rule(.mediationStarted, [.assigned], .mediating),
        rule(.referredToJointMeeting, [.mediating], nil),
        rule(.jointMeetingDecided, [.mediating], nil),
        rule(.agreementReached, [.mediating], .agreement),
        rule(.judicialConfirmationApplied, [.agreement], nil),
        rule(.guidedLegal, [.registered, .assigned, .mediating], .guidedLegal),
        rule(.convertedToPetition, [.registered, .assigned, .mediating], .registered, track: .petition),
    ]

    private static let microTransitions: [Transition] = [
        rule(.resolvedOnline, [.registered], .resolvedOnline),
        rule(.escalated, [.registered], .registered, track: .dispute),
    ]
}
