import JiefenDomain
import JiefenDomainTesting
import Testing

/// Anchor R (domain.md E.4): not supported → review upheld → re-review upheld → same facts refused.
@Suite("Review chain and re-acceptance")
struct ReviewChainTests {
    let replied = CaseBuilder(id: "JF-R", kind: "general", on: "2022-07-18")
        .inProgress(acceptedOn: "2022-07-20")
        .then(
            .replied(Reply(decision: .notSupport, documentRef: "XF-2022-88", receivedOn: Fixture.date("2022-08-29"))),
            on: "2022-08-26"
        )
        .then(.closed(.notSupported), on: "2022-08-26")

    var chain: CaseBuilder {
        replied
            .then(.reviewRequested(requestedOn: nil, receivedOn: nil), on: "2022-09-15")
            .then(.reviewDecided(.upheld, decidedOn: nil, receivedOn: Fixture.date("2022-10-14")), on: "2022-10-12")
            .then(.reReviewRequested(requestedOn: nil, receivedOn: nil), on: "2022-11-01")
            .then(.reReviewDecided(.upheld, decidedOn: nil, receivedOn: nil, hearingDays: 0), on: "2022-11-28")
    }

    @Test("anchor R's chain folds with every step within 30 days")
    func anchorR() throws {
        let state = try chain.then(.finalized, on: "2022-11-28").state()
        #expect(state.status == .final)
        #expect(state.outcome == .notSupported)
        #expect(state.reviewChain.review?.opinionDueOn == Fixture.date("2022-10-15"))
        #expect(state.reviewChain.reReviewDecidedOn == Fixture.date("2022-11-28"))
    }

    @Test("the same facts after re-review are not accepted again (Art. 36)")
    func reacceptanceRefused() throws {
        let prior = try chain.state()
        var again = CaseBuilder(id: "JF-R2", kind: "general", on: "2023-03-06")
        again.registration.relatedCaseID = prior.id
        again.registration.priorReReviewDecidedOn = prior.reviewChain.reReviewDecidedOn
        let error = domainError { try again.then(.accepted(noticeOn: nil), on: "2023-03-06").state() }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("Art. 36") == true)
        #expect(error?.message.contains("REGISTERED") == true)
        let refused = try again.then(.notAccepted(reason: "same facts after re-review (Art. 36)"), on: "2023-03-06").state()
        #expect(refused.status == .notAccepted)
        #expect(refused.outcome == .notAccepted)
    }

    @Test("review requested on day 30 is allowed, on day 31 refused")
    func reviewWindow() throws {
        #expect(
            try replied.then(.reviewRequested(requestedOn: nil, receivedOn: nil), on: "2022-09-28").state().status
                == .reviewRequested)
        let error = domainError { try replied.then(.reviewRequested(requestedOn: nil, receivedOn: nil), on: "2022-09-29").state() }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("by 2022-09-28") == true)
    }

    @Test("re-review requested after 30 days from the review opinion is refused")
    func reReviewWindow() {
        let late =
            replied
            .then(.reviewRequested(requestedOn: nil, receivedOn: nil), on: "2022-09-15")
            .then(.reviewDecided(.upheld, decidedOn: nil, receivedOn: Fixture.date("2022-10-14")), on: "2022-10-12")
            .then(.reReviewRequested(requestedOn: nil, receivedOn: nil), on: "2022-11-14")
        let error = domainError { try late.state() }
        #expect(error?.message.contains("by 2022-11-13") == true)
    }

    @Test("finalizing while the review window is open is refused")
    func finalizeWindow() throws {
        let error = domainError { try replied.then(.finalized, on: "2022-09-20").state() }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("2022-09-28") == true)
        #expect(try replied.then(.finalized, on: "2022-09-29").state().status == .final)
    }

    @Test("a rated case can still request review")
    func evaluatedThenReview() throws {
        let state = try replied.then(.evaluated(.dissatisfied), on: "2022-09-01")
            .then(.reviewRequested(requestedOn: nil, receivedOn: nil), on: "2022-09-10").state()
        #expect(state.rating?.level == .dissatisfied)
        #expect(state.status == .reviewRequested)
    }
}
