extension CaseState {
    mutating func referToJointMeeting(_ meeting: MeetingID, on day: CivilDate) throws(DomainError) {
        try Self.require(meeting.rawValue, field: "meeting_id")
        if let pending = jointMeetings.first(where: { $0.decision == nil }) {
            throw .failedPrecondition(
                "case \(id) awaits the decision of meeting \(pending.meetingID); "
                    + "record it before referring the case again")
        }
        guard !jointMeetings.contains(where: { $0.meetingID == meeting }) else {
            throw .alreadyExists("case \(id) was already discussed at meeting \(meeting)")
        }
        jointMeetings.append(JointMeetingRecord(meetingID: meeting, referredOn: day))
    }

    mutating func recordJointMeetingDecision(_ decision: JointMeetingDecision) throws(DomainError) {
        guard decision.caseID == id else {
            throw .invalidArgument(field: "decision.case_id", "the decision is for case \(decision.caseID), not \(id)")
        }
        guard let index = jointMeetings.firstIndex(where: { $0.meetingID == decision.meetingID && $0.decision == nil })
        else {
            throw .failedPrecondition(
                "case \(id) is not awaiting a decision of meeting \(decision.meetingID); "
                    + "refer it first with 'referred_to_joint_meeting'")
        }
        guard decision.date >= jointMeetings[index].referredOn else {
            throw .invalidArgument(field: "decision.date", "the decision cannot precede the referral")
        }
        jointMeetings[index].decision = decision
        if let lead = decision.leadDepartment { assignedDepartment = lead }
    }

    mutating func approveExtension(
        days: Int, reason: String, on day: CivilDate,
        rules: CaseRules
    ) throws(DomainError) {
        if let earlier = `extension` {
            throw .failedPrecondition(
                "an extension was already approved on \(earlier.approvedOn); "
                    + "the law allows one extension (Art. 34)")
        }
        guard let due = dueDate else {
            throw .failedPrecondition("the case has no handling deadline; it is set on acceptance (state ACCEPTED)")
        }
        let newDue = try rules.clock.extendedDue(previousDue: due, days: days)
        try Self.require(reason, field: "extension.reason")
        guard day <= due else {
            throw .failedPrecondition("the handling deadline \(due) has passed; an extension must be approved on or before it")
        }
        `extension` = Extension(days: days, approvedOn: day, reason: reason, previousDueDate: due, newDueDate: newDue)
        dueDate = newDue
    }

    mutating func checkFinalize(_ kind: CaseEventKind, on day: CivilDate, rules: CaseRules) throws(DomainError) {
        guard kind == .finalized else { return }
        let windowEnd: CivilDate?
        switch status {
        case .closed, .evaluated:
            windowEnd = try replyReceivedOn(rules: rules).map { (day) throws(DomainError) in
                try rules.clock.reviewRequestDeadline(replyReceivedOn: day)
            }
        case .reviewDecided:
            windowEnd = try reviewChain.review?.opinionReceivedOn.map { (day) throws(DomainError) in
                try rules.clock.reReviewRequestDeadline(reviewOpinionReceivedOn: day)
            }
        default:
            windowEnd = nil
        }
        if let end = windowEnd, day <= end {
            throw .failedPrecondition("the petitioner may still ask for review until \(end); finalize after that day")
        }
    }

    mutating func requestReview(requestedOn: CivilDate, receivedOn: CivilDate?, rules: CaseRules) throws(DomainError) {
        guard let replyDay = replyReceivedOn(rules: rules) else {
            throw .failedPrecondition("review needs a written reply; the case has none")
        }
        let deadline = try rules.clock.reviewRequestDeadline(replyReceivedOn: replyDay)
        guard requestedOn <= deadline else {
            throw .failedPrecondition(
                "review must be requested within \(rules.clock.limits.reviewRequestDays) days "
                    + "of receiving the written reply (by \(deadline), Art. 35); requested on \(requestedOn)")
        }
        let received = receivedOn ?? requestedOn
        guard received >= requestedOn else {
            throw .invalidArgument(field: "received_on", "the request cannot be received before it was made")
        }
        let opinionDue = try rules.clock.reviewOpinionDue(
            requestReceivedOn: received,
            field: receivedOn == nil ? "requested_on" : "received_on")
        reviewChain.review = ReviewStep(requestedOn: requestedOn, requestReceivedOn: received, opinionDueOn: opinionDue)
    }

    mutating func decideReview(
        _ result: ReviewResult, decidedOn: CivilDate,
        receivedOn: CivilDate?
    ) throws(DomainError) {
        guard var step = reviewChain.review else { throw .failedPrecondition("no review was requested") }
        try Self.decide(&step, result, decidedOn: decidedOn, receivedOn: receivedOn)
        reviewChain.review = step
    }

    mutating func requestReReview(
        requestedOn: CivilDate, receivedOn: CivilDate?,
        rules: CaseRules
    ) throws(DomainError) {
        guard let opinionDay = reviewChain.review?.opinionReceivedOn else {
            throw .failedPrecondition("re-review needs a review opinion; state REVIEW_DECIDED allows it")
        }
        let deadline = try rules.clock.reReviewRequestDeadline(reviewOpinionReceivedOn: opinionDay)
        guard requestedOn <= deadline else {
            throw .failedPrecondition(
                "re-review must be requested within \(rules.clock.limits.reReviewRequestDays) "
                    + "days of receiving the review opinion (by \(deadline), Art. 36); requested on \(requestedOn)")
        }
        let received = receivedOn ?? requestedOn
        guard received >= requestedOn else {
            throw .invalidArgument(field: "received_on", "the request cannot be received before it was made")
        }
        let opinionDue = try rules.clock.reReviewOpinionDue(
            requestReceivedOn: received,
            field: receivedOn == nil ? "requested_on" : "received_on")
        reviewChain.reReview = ReviewStep(requestedOn: requestedOn, requestReceivedOn: received, opinionDueOn: opinionDue)
    }

    mutating func decideReReview(
        _ result: ReviewResult, decidedOn: CivilDate, receivedOn: CivilDate?,
        hearingDays: Int, rules: CaseRules
    ) throws(DomainError) {
        guard var step = reviewChain.reReview else { throw .failedPrecondition("no re-review was requested") }
        guard hearingDays >= 0 else { throw .invalidArgument(field: "hearing_days", "must not be negative") }
        step.opinionDueOn = try rules.clock.reReviewOpinionDue(
            requestReceivedOn: step.requestReceivedOn,
            hearingDays: hearingDays)
        try Self.decide(&step, result, decidedOn: decidedOn, receivedOn: receivedOn)
        reviewChain.reReview = step
    }

    mutating func reachAgreement(
        _ outcome: OutcomeCode, documentRef: String, effectiveOn: CivilDate,
        at: Timestamp
    ) throws(DomainError) {
        guard outcome == .resolvedDepartment || outcome == .resolvedJointMeeting else {
            throw .invalidArgument(field: "outcome", "an agreement closes as resolved_dept or resolved_jm, got \(outcome)")
        }
        if outcome == .resolvedJointMeeting && !jointMeetings.contains(where: { $0.decision != nil }) {
            throw .failedPrecondition("resolved_jm needs at least one joint-meeting decision on the case")
        }
        try Self.require(documentRef, field: "document_ref")
        agreement = AgreementRecord(documentRef: documentRef, effectiveOn: effectiveOn)
        self.outcome = outcome
        closedAt = at
    }

    mutating func applyForJudicialConfirmation(on day: CivilDate, rules: CaseRules) throws(DomainError) {
        guard var record = agreement else { throw .failedPrecondition("the case has no mediation agreement") }
        if let earlier = record.judicialConfirmationAppliedOn {
            throw .alreadyExists("judicial confirmation was already applied for on \(earlier)")
        }
        let deadline = try rules.clock.judicialConfirmationDeadline(agreementEffectiveOn: record.effectiveOn)
        guard day <= deadline else {
            throw .failedPrecondition(
                "judicial confirmation must be applied for jointly within "
                    + "\(rules.clock.limits.judicialConfirmationDays) days of the agreement (by \(deadline); "
                    + "People's Mediation Law Art. 33)")
        }
        record.judicialConfirmationAppliedOn = day
        agreement = record
    }

    /// The day the petitioner received the written reply (the reply day if no receipt date was recorded).
    func replyReceivedOn(rules: CaseRules) -> CivilDate? {
        reply?.receivedOn
    }

    private static func decide(
        _ step: inout ReviewStep, _ result: ReviewResult, decidedOn: CivilDate,
        receivedOn: CivilDate?
    ) throws(DomainError) {
        guard decidedOn >= step.requestReceivedOn else {
            throw .invalidArgument(field: "decided_on", "the opinion cannot precede receipt of the request")
        }
        let received = receivedOn ?? decidedOn
        guard received >= decidedOn else {
            throw .invalidArgument(field: "received_on", "the opinion cannot be received before it was issued")
        }
        step.decidedOn = decidedOn
        step.result = result
        step.opinionReceivedOn = received
    }
}
