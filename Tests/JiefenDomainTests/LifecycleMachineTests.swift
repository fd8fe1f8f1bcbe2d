import JiefenDomain
import JiefenDomainTesting
import Testing

/// The expected legal transitions, written out independently of `LifecycleMachine`.
private let legal: [Track: [CaseEventKind: [(from: CaseStatus, to: CaseStatus, track: Track?)]]] = [
    .petition: [
        .accepted: [(.registered, .accepted, nil)],
        .notAccepted: [(.registered, .notAccepted, nil)],
        .transferredOut: [(.registered, .transferredOut, nil)],
        .guidedLegal: [
            (.registered, .guidedLegal, nil), (.accepted, .guidedLegal, nil), (.assigned, .guidedLegal, nil),
            (.inProgress, .guidedLegal, nil),
        ],
        .assigned: [(.accepted, .assigned, nil)],
        .handlingStarted: [(.assigned, .inProgress, nil)],
        .referredToJointMeeting: [(.inProgress, .jointMeetingReview, nil)],
        .jointMeetingDecided: [(.jointMeetingReview, .inProgress, nil)],
        .extensionApproved: [(.inProgress, .inProgress, nil), (.jointMeetingReview, .jointMeetingReview, nil)],
        .replied: [(.inProgress, .replied, nil)],
        .closed: [(.replied, .closed, nil)],
        .evaluated: [(.closed, .evaluated, nil)],
        .reviewRequested: [(.closed, .reviewRequested, nil), (.evaluated, .reviewRequested, nil)],
        .reviewDecided: [(.reviewRequested, .reviewDecided, nil)],
        .reReviewRequested: [(.reviewDecided, .reReviewRequested, nil)],
        .reReviewDecided: [(.reReviewRequested, .reReviewDecided, nil)],
        .finalized: [
            (.closed, .final, nil), (.evaluated, .final, nil), (.reviewDecided, .final, nil),
            (.reReviewDecided, .final, nil),
        ],
    ],
    .dispute: [
        .assigned: [(.registered, .assigned, nil)],
        .mediationStarted: [(.assigned, .mediating, nil)],
        .referredToJointMeeting: [(.mediating, .mediating, nil)],
        .jointMeetingDecided: [(.mediating, .mediating, nil)],
        .agreementReached: [(.mediating, .agreement, nil)],
        .judicialConfirmationApplied: [(.agreement, .agreement, nil)],
        .guidedLegal: [(.registered, .guidedLegal, nil), (.assigned, .guidedLegal, nil), (.mediating, .guidedLegal, nil)],
        .convertedToPetition: [
            (.registered, .registered, .petition), (.assigned, .registered, .petition),
            (.mediating, .registered, .petition),
        ],
    ],
    .micro: [
        .resolvedOnline: [(.registered, .resolvedOnline, nil)],
        .escalated: [(.registered, .registered, .dispute)],
    ],
]

private let lifecycleEvents = CaseEventKind.allCases.filter { !$0.isRecordOnly && $0 != .registered }

@Suite("Lifecycle state machines")
struct LifecycleMachineTests {
    @Test(
        "every state × event pair is legal exactly as listed, else names the allowed states",
        arguments: Track.allCases, lifecycleEvents)
    func everyPair(track: Track, event: CaseEventKind) throws {
        let rules = legal[track]?[event] ?? []
        for status in CaseStatus.allCases {
            let stage = LifecycleMachine.Stage(track: track, status: status)
            let result = Result { () throws(DomainError) in try LifecycleMachine.next(after: event, in: stage) }
            if let expected = rules.first(where: { $0.from == status }) {
                #expect(
                    try result.get() == .init(track: expected.track ?? track, status: expected.to),
                    "\(track) \(status) + \(event)")
            } else {
                guard case .failure(let error) = result else {
                    Issue.record("\(track) \(status) + \(event) should be refused")
                    continue
                }
                #expect(error.code == .failedPrecondition)
                if rules.isEmpty {
                    #expect(error.message.contains("does not apply to the \(track) track"), "\(error.message)")
                } else {
                    #expect(error.message.contains("not allowed in state \(status)"), "\(error.message)")
                    for allowed in rules.map(\.from) {
                        #expect(error.message.contains(allowed.rawValue), "\(error.message) should name \(allowed)")
                    }
                }
            }
        }
    }

    @Test("the machine's own tables match the expected table", arguments: Track.allCases)
    func tablesMatch(track: Track) {
        for event in lifecycleEvents {
            let expected = (legal[track]?[event] ?? []).map(\.from)
            #expect(LifecycleMachine.allowedStates(for: event, on: track) == expected, "\(track) \(event)")
        }
    }

    @Test("record-only events are allowed in every state and keep it", arguments: [CaseEventKind.contactRecorded, .detailsUpdated])
    func recordOnly(event: CaseEventKind) throws {
        for status in CaseStatus.allCases {
            let stage = LifecycleMachine.Stage(track: .petition, status: status)
            #expect(try LifecycleMachine.next(after: event, in: stage) == stage)
        }
    }

    @Test("registration is never a transition")
    func registrationIsFirstOnly() {
        let error = domainError { try LifecycleMachine.next(after: .registered, in: .init(track: .micro, status: .registered)) }
        #expect(error?.code == .alreadyExists)
    }

    @Test("states per track")
    func statesPerTrack() {
        #expect(LifecycleMachine.states(for: .micro) == [.registered, .resolvedOnline])
        #expect(Set(LifecycleMachine.states(for: .dispute)) == [.registered, .assigned, .mediating, .agreement, .guidedLegal])
        #expect(LifecycleMachine.states(for: .petition).count == 16)
    }

    @Test("the error message names the allowed state, e.g. assign only from ACCEPTED")
    func messageExample() {
        let error = domainError {
            try LifecycleMachine.next(after: .assigned, in: .init(track: .petition, status: .inProgress))
        }
        #expect(
            error?.message == "event 'assigned' is not allowed in state IN_PROGRESS on the petition track; "
                + "it is allowed in: ACCEPTED")
    }
}
