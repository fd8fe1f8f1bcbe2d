public import JiefenDomain

/// Builds a case's event history for tests, numbering events and stamping times.
///
/// ```swift
/// let state = try CaseBuilder(kind: "housing-delivery", on: "2022-10-20")
///     .then(.accepted(noticeOn: nil), on: "2022-10-24")
///     .then(.assigned(.cityHousingCentre), on: "2022-10-24")
///     .state()
/// ```
public struct CaseBuilder: Sendable {
    /// The registration (edit it before adding events).
    public var registration: Registration
    /// When the case was registered.
    public var registeredAt: Timestamp
    /// Events after the registration.
    public private(set) var followingEvents: [CaseEvent] = []
    /// The actor stamped on new events.
    public var actor: Actor = Fixture.clerk

    /// Starts a case registered at 09:00 local time on `date` with one petitioner and one contact.
    public init(
        id: CaseID = "JF-TEST-0001", kind: DisputeKind, track: Track = .petition,
        channel: IntakeChannel = .walkIn, on date: String, details: Details = [:],
        personsInvolved: Int = 1, headcount: Int = 1
    ) {
        registeredAt = Fixture.at(date)
        registration = Registration(
            id: id, kind: kind, track: track, channel: channel, villageCode: "340181-101",
            petitioners: [Fixture.petitioner], personsInvolved: max(personsInvolved, headcount),
            householdsInvolved: 1, demandText: "test demand", details: details,
            initialContact: Contact(
                id: ContactID("\(id.rawValue)-c1"), channel: channel, at: Fixture.at(date),
                headcount: headcount))
    }

    /// The registration event (sequence 1).
    public var registrationEvent: CaseEvent {
        CaseEvent(sequence: 1, actor: actor, at: registeredAt, payload: .registered(registration))
    }

    /// Every event, registration first.
    public var events: [CaseEvent] { [registrationEvent] + followingEvents }

    /// The next event with `payload` at `hour:00` local time on `date`, numbered after the existing ones.
    public func event(_ payload: CaseEventPayload, on date: String, hour: Int = 10) -> CaseEvent {
        CaseEvent(sequence: followingEvents.count + 2, actor: actor, at: Fixture.at(date, hour), payload: payload)
    }

    /// This builder with one more event.
    public func then(_ payload: CaseEventPayload, on date: String, hour: Int = 10) -> CaseBuilder {
        var copy = self
        copy.followingEvents.append(event(payload, on: date, hour: hour))
        return copy
    }

    /// The folded case.
    public func state(rules: CaseRules = .standard) throws(DomainError) -> CaseState {
        try CaseState.replay(events, rules: rules)
    }

    /// A petition walked through acceptance, assignment and start of handling (accepted on `acceptedOn`).
    public func inProgress(acceptedOn: String, department: DepartmentCode = .townPetitionOffice) -> CaseBuilder {
        then(.accepted(noticeOn: nil), on: acceptedOn)
            .then(.assigned(department), on: acceptedOn)
            .then(.handlingStarted, on: acceptedOn)
    }
}
