import JiefenDomain
import JiefenDomainTesting
import Testing

/// Anchor H (domain.md E.4): the stalled housing project resolved through the joint meeting.
@Suite("Anchor H: stalled housing through the joint meeting")
struct AnchorHousingTests {
    func decision(_ meeting: MeetingID, _ date: String, _ resolution: JointMeetingDecision.Resolution) -> CaseEventPayload {
        .jointMeetingDecided(
            JointMeetingDecision(
                meetingID: meeting, caseID: "JF-H", date: Fixture.date(date),
                resolution: resolution, leadDepartment: .cityHousingCentre))
    }

    func contact(_ id: ContactID, _ date: String, _ headcount: Int) -> CaseEventPayload {
        .contactRecorded(Contact(id: id, channel: .walkIn, at: Fixture.at(date), headcount: headcount))
    }

    var builder: CaseBuilder {
        var b = CaseBuilder(id: "JF-H", kind: "housing-delivery", on: "2022-10-20", personsInvolved: 118, headcount: 5)
        b.registration.householdsInvolved = 118
        return b.inProgress(acceptedOn: "2022-10-24")
            .then(.referredToJointMeeting("JM-2022-10-28"), on: "2022-10-28")
            .then(decision("JM-2022-10-28", "2022-10-28", .continueHandling), on: "2022-10-28", hour: 16)
            .then(contact("H-c2", "2022-11-15", 5), on: "2022-11-15")
            .then(.referredToJointMeeting("JM-2022-11-25"), on: "2022-11-25")
            .then(decision("JM-2022-11-25", "2022-11-25", .continueHandling), on: "2022-11-25", hour: 16)
            .then(.referredToJointMeeting("JM-2022-12-09"), on: "2022-12-09")
            .then(decision("JM-2022-12-09", "2022-12-09", .continueHandling), on: "2022-12-09", hour: 16)
            .then(.extensionApproved(days: 30, reason: "completion acceptance pending"), on: "2022-12-19")
            .then(contact("H-c3", "2022-12-20", 4), on: "2022-12-20")
            .then(.referredToJointMeeting("JM-2023-01-13"), on: "2023-01-13")
            .then(decision("JM-2023-01-13", "2023-01-13", .resolved), on: "2023-01-13", hour: 16)
            .then(.replied(Reply(decision: .support, documentRef: "XF-2023-003")), on: "2023-01-18")
            .then(.closed(.resolvedJointMeeting), on: "2023-01-18")
    }

    @Test("closes resolved_jm after 86 days, within 60 + 30")
    func timeline() throws {
        let state = try builder.state()
        #expect(state.status == .closed)
        #expect(state.outcome == .resolvedJointMeeting)
        #expect(state.dueDate == Fixture.date("2023-01-22"))
        #expect(state.handlingDays() == 86)
        #expect(state.closedOnTime() == true)
        #expect(state.jointMeetings.count == 4)
        #expect(state.assignedDepartment == .cityHousingCentre)
    }

    @Test("three batches (5, 5, 4): 14 person-times, two follow-ups, collective")
    func batches() throws {
        let state = try builder.state()
        let tally = ContactTally(state.contacts)
        #expect(tally.batches == 3)
        #expect(tally.personTimes == 14)
        #expect(tally.followUps == 2)
        #expect(tally.collectiveBatches == 2)
        #expect(state.hadCollectiveVisit())
        #expect(!state.hadCollectiveVisit(CollectivePolicy(threshold: 6)))
    }

    @Test("a joint-meeting decision without a referral is refused")
    func decisionWithoutReferral() {
        let b = CaseBuilder(id: "JF-H", kind: "housing-delivery", on: "2022-10-20").inProgress(acceptedOn: "2022-10-24")
            .then(.referredToJointMeeting("JM-A"), on: "2022-10-28")
            .then(decision("JM-B", "2022-10-28", .resolved), on: "2022-10-28")
        let error = domainError { try b.state() }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("referred_to_joint_meeting") == true)
    }

    @Test("resolved_jm without any joint-meeting decision is refused")
    func resolvedJointMeetingNeedsDecision() {
        let b = CaseBuilder(kind: "housing-delivery", on: "2022-10-20").inProgress(acceptedOn: "2022-10-24")
            .then(.replied(Reply(decision: .support)), on: "2022-11-01")
            .then(.closed(.resolvedJointMeeting), on: "2022-11-01")
        #expect(domainError { try b.state() }?.code == .failedPrecondition)
    }

    @Test(
        "outcome must match the reply",
        arguments: [
            (ReplyDecision.support, OutcomeCode.notSupported), (.notSupport, .resolvedTown),
        ])
    func outcomeMatchesReply(reply: ReplyDecision, outcome: OutcomeCode) {
        let b = CaseBuilder(kind: "general", on: "2022-10-20").inProgress(acceptedOn: "2022-10-24")
            .then(.replied(Reply(decision: reply)), on: "2022-11-01")
            .then(.closed(outcome), on: "2022-11-01")
        #expect(domainError { try b.state() }?.code == .failedPrecondition)
    }

    @Test("a petition cannot close as resolved_online or resolved_dept")
    func petitionOutcomes() {
        for outcome in [OutcomeCode.resolvedOnline, .resolvedDepartment, .guidedLegal] {
            let b = CaseBuilder(kind: "general", on: "2022-10-20").inProgress(acceptedOn: "2022-10-24")
                .then(.replied(Reply(decision: .support)), on: "2022-11-01")
                .then(.closed(outcome), on: "2022-11-01")
            #expect(domainError { try b.state() }?.violations.first?.field == "outcome")
        }
    }
}
