extension CaseState {
    /// Creates a case from its registration event (sequence 1, payload ``CaseEventPayload/registered(_:)``).
    /// - Throws: ``DomainError/Code/invalidArgument`` for invalid shared fields (details are checked by the plugin),
    ///   and naming `received_at` when the event time lies outside ``Timestamp/supportedRange``.
    public init(registration event: CaseEvent, rules: CaseRules = .standard) throws(DomainError) {
        guard case .registered(let r) = event.payload else {
            throw .failedPrecondition("the first event of a case must be 'registered', got '\(event.kind)'")
        }
        guard event.sequence == 1 else {
            throw .invalidArgument(field: "sequence", "the registration is event 1, got \(event.sequence)")
        }
        try event.at.checkSupported(field: CaseEvent.receivedAtField)
        let violations = r.violations(policy: rules.collective)
        guard violations.isEmpty else { throw .invalidArgument(violations) }
        let receivedOn = try event.at.civilDate(offset: rules.offset, field: CaseEvent.receivedAtField)
        noticeDueOn =
            try r.track.hasStatutoryClock
            ? rules.clock.noticeDue(receivedOn: receivedOn, field: CaseEvent.receivedAtField) : nil
        id = r.id
        kind = r.kind
        track = r.track
        status = .registered
        previousTracks = []
        channel = r.channel
        villageCode = r.villageCode
        petitioners = r.petitioners
        representatives = r.representatives
        personsInvolved = r.personsInvolved
        householdsInvolved = r.householdsInvolved
        vulnerableFlags = r.vulnerableFlags
        demandText = r.demandText
        attachments = r.attachments
        details = r.details
        relatedCaseID = r.relatedCaseID
        priorReReviewDecidedOn = r.priorReReviewDecidedOn
        registeredAt = event.at
        receivedAt = event.at
        jointMeetings = []
        contacts = r.initialContact.map { [$0] } ?? []
        reviewChain = ReviewChain()
        version = 1
        updatedAt = event.at
    }

    /// Folds `events` (registration first, sequences 1, 2, 3, …) into a case.
    /// - Throws: the first event's ``DomainError``; the message is prefixed with the failing sequence.
    public static func replay(_ events: [CaseEvent], rules: CaseRules = .standard) throws(DomainError) -> CaseState {
        guard let first = events.first else {
            throw .invalidArgument(field: "events", "a case needs at least its registration event")
        }
        var state = try CaseState(registration: first, rules: rules)
        for event in events.dropFirst() {
            do {
                try state.apply(event, rules: rules)
            } catch {
                throw DomainError(
                    code: error.code, message: "event \(event.sequence): \(error.message)",
                    violations: error.violations)
            }
        }
        return state
    }

    /// This case with `event` applied; `self` is unchanged.
    public func applying(_ event: CaseEvent, rules: CaseRules = .standard) throws(DomainError) -> CaseState {
        var copy = self
        try copy.apply(event, rules: rules)
        return copy
    }
}
