import JiefenDomain
import JiefenDomainTesting
import Testing

@Suite("Clocks applied to cases")
struct CaseClockTests {
    let base = CaseBuilder(kind: "housing-delivery", on: "2022-10-20").inProgress(acceptedOn: "2022-10-24")

    @Test("acceptance sets the 60-day due date and the notice date")
    func acceptanceSetsDue() throws {
        let state = try base.state()
        #expect(state.status == .inProgress)
        #expect(state.noticeDueOn == Fixture.date("2022-11-04"))
        #expect(state.acceptanceNoticeOn == Fixture.date("2022-10-24"))
        #expect(state.dueDate == Fixture.date("2022-12-23"))
        #expect(!state.noticeWasLate)
    }

    @Test("a notice 17 days after receipt is late but recorded")
    func lateNotice() throws {
        let state = try CaseBuilder(kind: "housing-delivery", on: "2022-10-01")
            .then(.accepted(noticeOn: nil), on: "2022-10-18").state()
        #expect(state.noticeWasLate)
    }

    @Test("one extension of up to 30 days, approved before the deadline")
    func extensionApproved() throws {
        let state = try base.then(.extensionApproved(days: 30, reason: "awaiting completion acceptance"), on: "2022-12-19")
            .state()
        #expect(state.dueDate == Fixture.date("2023-01-22"))
        #expect(state.extension?.previousDueDate == Fixture.date("2022-12-23"))
        #expect(state.status == .inProgress)
    }

    @Test("a second extension is refused")
    func extensionTwiceRefused() {
        let twice = base.then(.extensionApproved(days: 10, reason: "r"), on: "2022-12-01")
            .then(.extensionApproved(days: 10, reason: "r"), on: "2022-12-20")
        let error = domainError { try twice.state() }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("already approved on 2022-12-01") == true)
    }

    @Test("an extension beyond 30 days is refused naming the field")
    func extensionTooLong() {
        let error = domainError { try base.then(.extensionApproved(days: 31, reason: "r"), on: "2022-12-01").state() }
        #expect(error?.code == .invalidArgument)
        #expect(error?.violations.map(\.field) == ["extension.days"])
    }

    @Test("an extension after the deadline is refused; on the deadline it is allowed")
    func extensionAfterDeadline() throws {
        let late = domainError { try base.then(.extensionApproved(days: 5, reason: "r"), on: "2022-12-24").state() }
        #expect(late?.code == .failedPrecondition)
        #expect(late?.message.contains("2022-12-23") == true)
        #expect(
            try base.then(.extensionApproved(days: 5, reason: "r"), on: "2022-12-23").state().dueDate
                == Fixture.date("2022-12-28"))
    }

    @Test("an extension needs a reason")
    func extensionReason() {
        let error = domainError { try base.then(.extensionApproved(days: 5, reason: " "), on: "2022-12-01").state() }
        #expect(error?.violations.map(\.field) == ["extension.reason"])
    }

    @Test("an extension is allowed during joint-meeting review")
    func extensionInJointMeeting() throws {
        let state = try base.then(.referredToJointMeeting("JM-1"), on: "2022-11-01")
            .then(.extensionApproved(days: 20, reason: "r"), on: "2022-12-01").state()
        #expect(state.status == .jointMeetingReview)
        #expect(state.dueDate == Fixture.date("2023-01-12"))
    }

    @Test("closing 63 days after acceptance without extension is overdue")
    func overdueClosure() throws {
        let state = try base.then(.replied(Reply(decision: .support)), on: "2022-12-26")
            .then(.closed(.resolvedTown), on: "2022-12-26").state()
        #expect(state.handlingDays() == 63)
        #expect(state.closedOnTime() == false)
        #expect(try base.state().isOverdue(today: Fixture.date("2022-12-24")))
    }

    @Test("a mediation agreement's judicial confirmation: within 30 days allowed, after refused")
    func judicialConfirmation() throws {
        let dispute = CaseBuilder(kind: "agricultural-claim", track: .dispute, channel: .wechatGroup, on: "2022-07-12")
            .then(.assigned(.agriculturalServiceStation), on: "2022-07-12")
            .then(.mediationStarted, on: "2022-07-12")
            .then(.agreementReached(outcome: .resolvedDepartment, documentRef: "MA-1", effectiveOn: nil), on: "2022-07-12")
        #expect(
            try dispute.then(.judicialConfirmationApplied, on: "2022-08-11").state()
                .agreement?.judicialConfirmationAppliedOn == Fixture.date("2022-08-11"))
        let error = domainError { try dispute.then(.judicialConfirmationApplied, on: "2022-08-12").state() }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("2022-08-11") == true)
    }
}
