extension CaseState {
    /// Applies one event: checks that the current state allows it (``LifecycleMachine``) and that its data and
    /// dates satisfy the rules, then updates the case. On error the case is unchanged.
    /// - Throws: ``DomainError``: failedPrecondition naming the state that allows the event, or the date limit
    ///   that was missed; invalidArgument naming the field (``CaseEvent/timeField`` when the event time lies
    ///   outside ``Timestamp/supportedRange`` or a period counted from it would end after ``CivilDate/latest``).
    public mutating func apply(_ event: CaseEvent, rules: CaseRules = .standard) throws(DomainError) {
        let (expected, overflow) = version.addingReportingOverflow(1)
        guard !overflow, event.sequence == expected else {
            throw .invalidArgument(
                field: "sequence",
                "expected event \(overflow ? "after \(version)" : "\(expected)"), "
                    + "got \(event.sequence)")
        }
        try event.at.checkSupported(field: event.timeField)
        guard event.at >= registeredAt else {
            throw .invalidArgument(field: "at", "an event cannot happen before the case was registered")
        }
        guard event.at >= updatedAt else {
            throw .invalidArgument(
                field: "occurred_at",
                "the case's history already reaches \(updatedAt.localMinute(offset: rules.offset)); an "
                    + "event dated \(event.at.localMinute(offset: rules.offset)) would break its order. Record events in the order they happened"
            )
        }
        let next = try LifecycleMachine.next(after: event.kind, in: .init(track: track, status: status))
        var updated = self
        try updated.record(event, rules: rules)
        if next.track != track {
            updated.previousTracks.append(track)
            updated.receivedAt = event.at
            updated.noticeDueOn =
                try next.track.hasStatutoryClock
                ? rules.clock.noticeDue(
                    receivedOn: event.at.civilDate(offset: rules.offset, field: event.timeField),
                    field: event.timeField) : nil
        }
        updated.track = next.track
        updated.status = next.status
        updated.version = event.sequence
        updated.updatedAt = max(updatedAt, event.at)
        self = updated
    }

    private mutating func record(_ event: CaseEvent, rules: CaseRules) throws(DomainError) {
        let field = event.timeField
        let day = try event.at.civilDate(offset: rules.offset, field: field)
        switch event.payload {
        case .registered:
            throw .alreadyExists("case \(id) is already registered")
        case .accepted(let noticeOn):
            try accept(on: day, noticeOn: noticeOn, rules: rules, field: field)
        case .notAccepted(let reason):
            try close(.notAccepted, note: reason, field: "reason", at: event.at)
        case .transferredOut(let body, let reason):
            try Self.require(body, field: "to")
            try close(.transferredOut, note: "\(body): \(reason)", field: "reason", at: event.at)
        case .guidedLegal(let procedure):
            try close(.guidedLegal, note: procedure, field: "procedure", at: event.at)
        case .assigned(let department):
            try Self.require(department.rawValue, field: "department")
            assignedDepartment = department
        case .handlingStarted, .mediationStarted, .finalized, .convertedToPetition, .escalated:
            try checkFinalize(event.kind, on: day, rules: rules)
        case .referredToJointMeeting(let meeting):
            try referToJointMeeting(meeting, on: day)
        case .jointMeetingDecided(let decision):
            try recordJointMeetingDecision(decision)
        case .extensionApproved(let days, let reason):
            try approveExtension(days: days, reason: reason, on: day, rules: rules)
        case .replied(let reply):
            try recordReply(reply, on: day)
        case .closed(let outcome):
            try closePetition(outcome, at: event.at)
        case .evaluated(let level):
            rating = Rating(level: level, on: day)
        case .reviewRequested(let requestedOn, let receivedOn):
            try requestReview(requestedOn: requestedOn ?? day, receivedOn: receivedOn, rules: rules)
        case .reviewDecided(let result, let decidedOn, let receivedOn):
            try decideReview(result, decidedOn: decidedOn ?? day, receivedOn: receivedOn)
        case .reReviewRequested(let requestedOn, let receivedOn):
            try requestReReview(requestedOn: requestedOn ?? day, receivedOn: receivedOn, rules: rules)
        case .reReviewDecided(let result, let decidedOn, let receivedOn, let hearingDays):
            try decideReReview(
                result, decidedOn: decidedOn ?? day, receivedOn: receivedOn, hearingDays: hearingDays,
                rules: rules)
        case .agreementReached(let outcome, let documentRef, let effectiveOn):
            try reachAgreement(outcome, documentRef: documentRef, effectiveOn: effectiveOn ?? day, at: event.at)
        case .judicialConfirmationApplied:
            try applyForJudicialConfirmation(on: day, rules: rules)
        case .resolvedOnline(let summary):
            try close(.resolvedOnline, note: summary, field: "summary", at: event.at)
        case .contactRecorded(let contact):
            try recordContact(contact)
        case .detailsUpdated(let changes):
            details = details.merging(changes)
        }
    }

    private mutating func accept(
        on day: CivilDate, noticeOn: CivilDate?, rules: CaseRules,
        field: String
    ) throws(DomainError) {
        if let barred = priorReReviewDecidedOn {
            throw .failedPrecondition(
                "the same facts and reasons finished re-review on \(barred) and are not accepted again (Art. 36); "
                    + "record 'not_accepted', which is allowed in state REGISTERED")
        }
        let notice = noticeOn ?? day
        guard notice >= receivedAt.civilDate(offset: rules.offset) else {
            throw .invalidArgument(field: "notice_on", "the notice cannot be given before the petition was received")
        }
        let due = try rules.clock.handlingDue(acceptedOn: day, field: field)
        acceptedOn = day
        acceptanceNoticeOn = notice
        dueDate = due
    }

    private mutating func close(
        _ outcome: OutcomeCode, note: String, field: String,
        at: Timestamp
    ) throws(DomainError) {
        try Self.require(note, field: field)
        self.outcome = outcome
        outcomeNote = note
        closedAt = at
    }

    private mutating func closePetition(_ outcome: OutcomeCode, at: Timestamp) throws(DomainError) {
        let allowed: [OutcomeCode] = [.resolvedTown, .resolvedJointMeeting, .notSupported]
        guard allowed.contains(outcome) else {
            throw .invalidArgument(
                field: "outcome",
                "a petition closes as "
                    + allowed.map(\.rawValue).joined(separator: ", ") + "; got \(outcome)")
        }
        if outcome == .resolvedJointMeeting && !jointMeetings.contains(where: { $0.decision != nil }) {
            throw .failedPrecondition("resolved_jm needs at least one joint-meeting decision on the case")
        }
        let notSupported = reply?.decision == .notSupport
        if (outcome == .notSupported) != notSupported {
            throw .failedPrecondition(
                outcome == .notSupported
                    ? "not_supported needs a reply with decision not_support"
                    : "a reply with decision not_support closes as not_supported")
        }
        self.outcome = outcome
        closedAt = at
    }

    private mutating func recordContact(_ contact: Contact) throws(DomainError) {
        let violations = contact.violations()
        guard violations.isEmpty else { throw .invalidArgument(violations) }
        guard !contacts.contains(where: { $0.id == contact.id }) else {
            throw .alreadyExists("contact \(contact.id) is already recorded on case \(id)")
        }
        guard contact.headcount <= personsInvolved else {
            throw .invalidArgument(
                field: "contact.headcount",
                "headcount \(contact.headcount) exceeds persons_involved \(personsInvolved); update persons_involved first")
        }
        var followUp = contact
        followUp.isFollowUp = true
        contacts.append(followUp)
    }

    private mutating func recordReply(_ reply: Reply, on day: CivilDate) throws(DomainError) {
        var stamped = reply
        let received = reply.receivedOn ?? day
        guard received >= day else {
            throw .invalidArgument(field: "received_on", "the reply cannot be received before it was issued (\(day))")
        }
        stamped.receivedOn = received
        self.reply = stamped
    }

    static func require(_ text: String, field: String) throws(DomainError) {
        guard !text.trimmingWhitespace().isEmpty else { throw .invalidArgument(field: field, "is required") }
    }
}
