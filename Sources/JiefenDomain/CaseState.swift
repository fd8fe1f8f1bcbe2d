/// A case: the shared fields of every dispute type (domain.md B) plus its kind-specific ``details``,
/// derived by folding its events.
///
/// ```swift
/// var state = try CaseState.replay(events)           // events[0] is .registered
/// try state.apply(nextEvent)                         // throws DomainError if the state does not allow it
/// ```
public struct CaseState: Sendable, Hashable, Codable {
    /// The case identifier.
    public var id: CaseID
    /// The dispute kind.
    public var kind: DisputeKind
    /// The current track.
    public var track: Track
    /// The current state.
    public var status: CaseStatus
    /// Earlier tracks, oldest first (a micro-matter escalated to a dispute, a dispute converted to a petition).
    public var previousTracks: [Track]
    /// The intake channel.
    public var channel: IntakeChannel
    /// The village concerned.
    public var villageCode: VillageCode
    /// Petitioners.
    public var petitioners: [PersonRef]
    /// Representatives (≤ 5).
    public var representatives: [PersonRef]
    /// People involved.
    public var personsInvolved: Int
    /// Households involved.
    public var householdsInvolved: Int
    /// Sensitive vulnerability flags.
    public var vulnerableFlags: Set<VulnerabilityFlag>
    /// The demand.
    public var demandText: String
    /// Attachment references.
    public var attachments: [String]
    /// Kind-specific details.
    public var details: Details
    /// A related earlier case, if any.
    public var relatedCaseID: CaseID?
    /// When re-review of the same facts finished on the related case (Art. 36 bars acceptance).
    public var priorReReviewDecidedOn: CivilDate?

    /// When the case was registered.
    public var registeredAt: Timestamp
    /// When the petition was received (registration, or conversion to a petition).
    public var receivedAt: Timestamp
    /// The last day for the acceptance notice (petition track).
    public var noticeDueOn: CivilDate?
    /// When the acceptance notice was given.
    public var acceptanceNoticeOn: CivilDate?
    /// When the petition was accepted.
    public var acceptedOn: CivilDate?
    /// The department handling the case.
    public var assignedDepartment: DepartmentCode?
    /// The handling deadline, including an approved extension.
    public var dueDate: CivilDate?
    /// The extension, if one was approved.
    public var `extension`: Extension?
    /// Joint-meeting history.
    public var jointMeetings: [JointMeetingRecord]
    /// Contacts (batches and items), the first one included.
    public var contacts: [Contact]
    /// The written reply.
    public var reply: Reply?
    /// The dispute agreement reference and effective date.
    public var agreement: AgreementRecord?
    /// The outcome once closed.
    public var outcome: OutcomeCode?
    /// The reason, procedure or body recorded with a not-accepted, transferred or guided-legal outcome.
    public var outcomeNote: String?
    /// When the case was closed.
    public var closedAt: Timestamp?
    /// The petitioner's rating.
    public var rating: Rating?
    /// Review and re-review.
    public var reviewChain: ReviewChain
    /// The number of events folded (the sequence of the last one).
    public var version: Int
    /// The time of the latest event.
    public var updatedAt: Timestamp

    /// `true` until the case has an outcome.
    public var isOpen: Bool { outcome == nil }

    /// Person-times over the case's visit contacts.
    public var personTimes: Int { ContactTally(contacts).personTimes }

    /// `true` when any visit contact had at least `policy.threshold` people.
    public func hadCollectiveVisit(_ policy: CollectivePolicy = .standard) -> Bool {
        contacts.contains { $0.isCollective(policy) }
    }

    /// `true` when the acceptance notice came after its 15-day limit.
    public var noticeWasLate: Bool {
        guard let given = acceptanceNoticeOn, let due = noticeDueOn else { return false }
        return given > due
    }

    /// `true` when the case is still open and `today` is after its due date.
    public func isOverdue(today: CivilDate) -> Bool {
        guard isOpen, let due = dueDate else { return false }
        return today > due
    }

    /// `true` when the case closed on or before its due date (petition track with a due date only).
    public func closedOnTime(offset: UTCOffset = .chinaStandardTime) -> Bool? {
        guard let closed = closedAt, let due = dueDate else { return nil }
        return closed.civilDate(offset: offset) <= due
    }

    /// Days from acceptance to closure, if both happened.
    public func handlingDays(offset: UTCOffset = .chinaStandardTime) -> Int? {
        guard let accepted = acceptedOn, let closed = closedAt else { return nil }
        return accepted.days(until: closed.civilDate(offset: offset))
    }
}

/// A dispute-track mediation agreement.
public struct AgreementRecord: Sendable, Hashable, Codable {
    /// The agreement document reference.
    public var documentRef: String
    /// The day it took effect (the 30-day judicial confirmation window runs from here).
    public var effectiveOn: CivilDate
    /// When judicial confirmation was applied for, if it was.
    public var judicialConfirmationAppliedOn: CivilDate?

    /// Creates a record.
    public init(documentRef: String, effectiveOn: CivilDate, judicialConfirmationAppliedOn: CivilDate? = nil) {
        self.documentRef = documentRef
        self.effectiveOn = effectiveOn
        self.judicialConfirmationAppliedOn = judicialConfirmationAppliedOn
    }
}
