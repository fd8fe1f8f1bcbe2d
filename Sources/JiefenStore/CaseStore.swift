/// Durable storage for cases, their append-only histories, village-reception sessions, contacts and joint
/// meetings.
///
/// One protocol, one conformance suite (`JiefenStoreTesting`), several backends (SQLite embedded by default,
/// PostgreSQL for several servers). The store knows nothing of the domain: snapshots and payloads are opaque JSON
/// bytes, states and kinds are strings. The service layer maps domain values to these records.
///
/// Guarantees every backend gives:
/// - A method that returns has made its write durable (committed); a method that throws wrote nothing.
/// - Every method throws only ``StoreError``.
/// - Creates that take a `requestID` are idempotent: a retry with the same id returns the record the first call
///   wrote, with ``CreateResult/created`` `false`, and writes nothing. Request ids share one namespace; reusing one
///   for another kind of record throws ``StoreError/Code/alreadyExists``.
/// - ``appendEvents(caseID:expectedVersion:events:newState:newClosedOn:newSnapshot:)`` never loses an update: it
///   writes only if the case is still at `expectedVersion`.
/// - Writes are not cancelled by task cancellation once submitted: a write either commits or fails as a whole.
///
/// ```swift
/// let created = try await store.createCase(requestID: "req-7f3a", draft, firstEvent: registered)
/// let assigned = try await store.appendEvent(
///     caseID: created.record.id, expectedVersion: created.record.version, event: assignEvent,
///     newState: "ASSIGNED", newClosedOn: nil, newSnapshot: snapshotJSON)
/// ```
public protocol CaseStore: Sendable {
    /// Creates a case with its first event, or returns the case an earlier call with the same request id created.
    ///
    /// The case row, the first event (sequence 1) and the request id are written in one transaction. The new case
    /// has version 1, `createdAt` and `updatedAt` equal to `firstEvent.recordedAt`, and an id `JF-000001` style.
    /// - Parameters:
    ///   - requestID: A client-chosen id for this create, unique per intended case (1 to 200 characters).
    ///   - draft: The case's fields.
    ///   - firstEvent: The event that created the case (registration).
    /// - Returns: The case, and whether this call created it.
    /// - Throws: ``StoreError`` — `constraintViolation` for an invalid field (a malformed date, an empty kind),
    ///   `alreadyExists` if the request id was used for another kind of record, `unavailable` on I/O failure.
    func createCase(requestID: String, _ draft: CaseDraft, firstEvent: EventDraft) async throws
        -> CreateResult<CaseRecord>

    /// Appends events to a case and updates the case row, if the case is still at `expectedVersion`.
    ///
    /// The events get sequences `expectedVersion + 1`, `expectedVersion + 2`, …; the case's new version is the last
    /// of them. The events, the case row and `request` (when given) are written in one transaction. `updatedAt`
    /// becomes the last event's `recordedAt`. If `request.id` is already recorded, nothing is written.
    /// - Parameters:
    ///   - caseID: The case to change.
    ///   - expectedVersion: The version the caller's decision was based on.
    ///   - events: The events to append, in order; at least one.
    ///   - newState: The case's state after the events.
    ///   - newClosedOn: The closing date after the events (ISO `YYYY-MM-DD`), or `nil` for an open case; pass the
    ///     current value to keep it.
    ///   - newSnapshot: Opaque JSON of the whole case after the events.
    ///   - newFacts: The case's statistics projection after the events, or `nil` to leave it as it is. Contacts
    ///     beyond the ones already stored are added.
    ///   - request: The client's request id for this write and what it names, or `nil` for none.
    /// - Returns: The updated case (`created` true), or the case as it is now when the request id was already
    ///   recorded (`created` false; nothing written).
    /// - Throws: ``StoreError`` — `notFound` for an unknown case, `versionConflict` (with the expected and actual
    ///   versions) if the case moved on, `invalidArgument` for no events or a request id that is empty or longer
    ///   than 200 bytes, `alreadyExists` if the request id names a record of another kind, `constraintViolation`
    ///   for an invalid field.
    func appendEvents(
        caseID: String,
        expectedVersion: Int64,
        events: [EventDraft],
        newState: String,
        newClosedOn: String?,
        newSnapshot: [UInt8],
        newFacts: CaseFacts?,
        request: WriteRequest?
    ) async throws -> CreateResult<CaseRecord>

    /// The record an earlier request with this id wrote, if any.
    /// - Returns: The target id the request recorded (see ``RequestKind``), or `nil` for an unknown request id.
    /// - Throws: ``StoreError`` `alreadyExists` if the id names a record of another kind, `invalidArgument` for an
    ///   id that is empty or longer than 200 bytes.
    func requestTarget(requestID: String, kind: RequestKind) async throws -> String?

    /// Reads one case.
    /// - Parameter id: The case id.
    /// - Returns: The case, or `nil` if there is none with that id.
    func `case`(id: String) async throws -> CaseRecord?

    /// Reads a case's whole history.
    /// - Parameter caseID: The case id.
    /// - Returns: The events in sequence order, starting at 1.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown case.
    func history(caseID: String) async throws -> [StoredEvent]

    /// Lists cases matching a filter, one page at a time, in id order.
    /// - Parameter query: The filter, page size and cursor.
    /// - Returns: The page and the cursor for the next one.
    /// - Throws: ``StoreError/Code/invalidArgument`` for a page size outside
    ///   ``CaseQuery/minimumPageSize``...``CaseQuery/maximumPageSize`` or a cursor this store did not issue.
    func listCases(_ query: CaseQuery) async throws -> CasePage

    /// Records a village-reception session.
    /// - Parameters:
    ///   - requestID: An optional client-chosen id making the call idempotent.
    ///   - draft: The session; without an id the store assigns `VR-000001` style ids.
    /// - Returns: The session, and whether this call created it.
    /// - Throws: ``StoreError`` — `alreadyExists` if a session with the client-chosen id exists.
    func createSession(requestID: String?, _ draft: ReceptionSessionDraft) async throws
        -> CreateResult<StoredReceptionSession>

    /// Reads one village-reception session.
    /// - Parameter id: The session id.
    /// - Returns: The session, or `nil`.
    func session(id: String) async throws -> StoredReceptionSession?

    /// Lists village-reception sessions by date.
    /// - Parameter heldOn: The dates to include.
    /// - Returns: The sessions ordered by date, then id.
    func sessions(heldOn: DateRange) async throws -> [StoredReceptionSession]

    /// Records a contact (visit batch, call, letter) on a case.
    /// - Parameters:
    ///   - requestID: An optional client-chosen id making the call idempotent (a retried visit must not count
    ///     twice in person-times).
    ///   - draft: The contact.
    /// - Returns: The contact, and whether this call created it.
    /// - Throws: ``StoreError`` — `notFound` for an unknown case or session, `constraintViolation` for a headcount
    ///   below 1, more person keys than people, or a malformed date.
    func recordContact(requestID: String?, _ draft: ContactDraft) async throws -> CreateResult<ContactRecord>

    /// Lists a case's contacts.
    /// - Parameter caseID: The case id.
    /// - Returns: The contacts in the order they were recorded; empty for an unknown case.
    func contacts(caseID: String) async throws -> [ContactRecord]

    /// Lists contacts by date, for statistics.
    /// - Parameter occurredOn: The dates to include.
    /// - Returns: The contacts ordered by date, then the order they were recorded.
    func contacts(occurredOn: DateRange) async throws -> [ContactRecord]

    /// Records a joint meeting and links it to the cases it discussed.
    /// - Parameters:
    ///   - requestID: An optional client-chosen id making the call idempotent.
    ///   - draft: The meeting; without an id the store assigns `JM-000001` style ids.
    /// - Returns: The meeting, and whether this call created it.
    /// - Throws: ``StoreError`` — `invalidArgument` for no cases or no departments, `notFound` naming any unknown
    ///   case, `alreadyExists` if a meeting with the client-chosen id exists.
    func recordMeeting(requestID: String?, _ draft: JointMeetingDraft) async throws -> CreateResult<StoredJointMeeting>

    /// Lists the joint meetings that discussed a case.
    /// - Parameter caseID: The case id.
    /// - Returns: The meetings ordered by date, then id; empty for an unknown case.
    func meetings(caseID: String) async throws -> [StoredJointMeeting]

    /// Lists joint meetings by date, for statistics.
    /// - Parameter heldOn: The dates to include.
    /// - Returns: The meetings ordered by date, then id.
    func meetings(heldOn: DateRange) async throws -> [StoredJointMeeting]

    /// Computes the aggregates of one period from the cases' statistics projections, contacts, sessions and
    /// meetings, with SQL (no case is loaded into memory).
    /// - Parameter query: The period, the cohort day, thresholds and filters.
    /// - Returns: The raw counts; rates are the caller's.
    /// - Throws: ``StoreError/Code/invalidArgument`` for a malformed date.
    func statistics(_ query: StatisticsQuery) async throws -> PeriodStatistics

    /// Cases that have no statistics projection yet (stored before the store kept one), in id order.
    /// - Parameters:
    ///   - after: Only cases with an id after this one, to page through them; `nil` from the start.
    ///   - limit: At most this many.
    func casesWithoutFacts(after: String?, limit: Int) async throws -> [CaseRecord]

    /// Writes the statistics projection of a case that is still at `version` (nothing if the case moved on, whose
    /// append then wrote its own facts).
    /// - Returns: `true` if the facts were written.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown case.
    func putFacts(caseID: String, atVersion version: Int64, _ facts: CaseFacts) async throws -> Bool

    /// The village codes that have at least one case or reception session, sorted.
    func knownVillages() async throws -> [String]

    /// Records (or replaces) the aggregate figures of a period that has no case data in the store, such as the
    /// year before the system was introduced; year-on-year comparisons fall back to it.
    /// - Parameters:
    ///   - from: The first day of that period.
    ///   - through: The last day.
    ///   - figures: Figures by metric key (for example `cases_by_channel/petition/VILLAGE_RECEPTION`).
    func putBaseline(from: String, through: String, figures: [String: Double]) async throws

    /// The baseline recorded for exactly this period, if any.
    func baseline(from: String, through: String) async throws -> [String: Double]?

    /// Finishes the writes already submitted, makes everything durable and releases the store's resources.
    ///
    /// Later calls throw ``StoreError/Code/unavailable``. Calling `close()` again does nothing.
    func close() async throws
}

extension CaseStore {
    /// Appends events without a request id; see
    /// ``appendEvents(caseID:expectedVersion:events:newState:newClosedOn:newSnapshot:newFacts:request:)``.
    /// - Returns: The updated case.
    public func appendEvents(
        caseID: String,
        expectedVersion: Int64,
        events: [EventDraft],
        newState: String,
        newClosedOn: String?,
        newSnapshot: [UInt8],
        newFacts: CaseFacts?
    ) async throws -> CaseRecord {
        try await self.appendEvents(
            caseID: caseID, expectedVersion: expectedVersion, events: events, newState: newState,
            newClosedOn: newClosedOn, newSnapshot: newSnapshot, newFacts: newFacts, request: nil
        ).record
    }

    /// Appends events without changing the case's statistics projection; see
    /// ``appendEvents(caseID:expectedVersion:events:newState:newClosedOn:newSnapshot:newFacts:request:)``.
    public func appendEvents(
        caseID: String,
        expectedVersion: Int64,
        events: [EventDraft],
        newState: String,
        newClosedOn: String?,
        newSnapshot: [UInt8]
    ) async throws -> CaseRecord {
        try await self.appendEvents(
            caseID: caseID, expectedVersion: expectedVersion, events: events, newState: newState,
            newClosedOn: newClosedOn, newSnapshot: newSnapshot, newFacts: nil)
    }

    /// Appends one event to a case; see ``appendEvents(caseID:expectedVersion:events:newState:newClosedOn:newSnapshot:)``.
    /// - Parameters:
    ///   - caseID: The case to change.
    ///   - expectedVersion: The version the caller's decision was based on.
    ///   - event: The event to append; it gets sequence `expectedVersion + 1`.
    ///   - newState: The case's state after the event.
    ///   - newClosedOn: The closing date after the event, or `nil` for an open case.
    ///   - newSnapshot: Opaque JSON of the whole case after the event.
    /// - Returns: The updated case, at version `expectedVersion + 1`.
    /// - Throws: ``StoreError``, as for the plural form.
    public func appendEvent(
        caseID: String,
        expectedVersion: Int64,
        event: EventDraft,
        newState: String,
        newClosedOn: String?,
        newSnapshot: [UInt8]
    ) async throws -> CaseRecord {
        try await self.appendEvents(
            caseID: caseID, expectedVersion: expectedVersion, events: [event], newState: newState,
            newClosedOn: newClosedOn, newSnapshot: newSnapshot)
    }
}
