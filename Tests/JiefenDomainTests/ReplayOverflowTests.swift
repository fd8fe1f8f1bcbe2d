import JiefenDomain
import JiefenDomainTesting
import Testing

/// Regression tests for the two crashes: a `Cases/Create` whose `received_at` is Int64.max and a `Contacts/Record`
/// whose `at` is Int64.max stopped the process with "arithmetic overflow". At the domain level both now throw an
/// invalidArgument naming the field.
@Suite("Case fold at extreme instants")
struct ReplayOverflowTests {
    let builder = CaseBuilder(kind: "general", on: "2022-07-18")

    private func registration(at seconds: Int64, track: Track = .petition) -> CaseEvent {
        var b = CaseBuilder(kind: "general", track: track, on: "2022-07-18")
        b.registeredAt = Timestamp(secondsSinceEpoch: seconds)
        b.registration.initialContact = nil
        return b.registrationEvent
    }

    @Test("registration at any extreme instant folds or names received_at", arguments: ExtremeValues.int64)
    func registration(seconds: Int64) {
        for track in Track.allCases {
            let event = registration(at: seconds, track: track)
            let error = domainError { try CaseState(registration: event) }
            let replayError = domainError { try CaseState.replay([event]) }
            if Timestamp.supportedRange.contains(event.at) {
                #expect(error == nil, "\(track)")
                #expect(replayError == nil, "\(track)")
            } else {
                #expect(error?.code == .invalidArgument, "\(track)")
                #expect(error?.violations.map(\.field) == ["received_at"], "\(track)")
                #expect(error?.message.contains("received_at: \(seconds) is out of range") == true)
                #expect(replayError?.violations.map(\.field) == ["received_at"], "\(track)")
            }
        }
    }

    @Test("crash 1: Cases/Create with received_at = Int64.max")
    func createAtInt64Max() async {
        let event = registration(at: .max)
        let error = await domainError {
            try await CaseWorkflow.register(event, plugin: StubPlugin(kind: "general"), context: FixedClock(date: "2022-07-18").context())
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.violations.first?.field == "received_at")
        #expect(error?.violations.first?.message.hasPrefix("9223372036854775807 is out of range") == true)
    }

    @Test("a registration whose 15-day notice would end after 9999-12-31 names received_at")
    func noticePastLatest() {
        let lateButSupported = Timestamp.supportedRange.upperBound.adding(seconds: -8 * 3600)
        let error = domainError { try CaseState.replay([registration(at: lateButSupported.secondsSinceEpoch)]) }
        #expect(error?.violations.first?.field == "received_at")
        #expect(domainError { try CaseState.replay([registration(at: lateButSupported.secondsSinceEpoch, track: .micro)]) } == nil)
    }

    @Test("crash 2: Contacts/Record with at = Int64.max (and every other extreme)", arguments: ExtremeValues.int64)
    func contactAtExtreme(seconds: Int64) throws {
        let state = try builder.state()
        let at = Timestamp(secondsSinceEpoch: seconds)
        let contact = Contact(id: "JF-TEST-0001-2", channel: .walkIn, at: at, headcount: 1, isFollowUp: true)
        let event = CaseEvent(sequence: 2, actor: Fixture.clerk, at: at, payload: .contactRecorded(contact))
        let error = domainError { try state.applying(event) }
        let replayError = domainError { try CaseState.replay(builder.events + [event]) }
        if Timestamp.supportedRange.contains(at) {
            // Before the registration (1901, 1969, 1970) it is refused; 2038 is an ordinary contact.
            #expect(error == nil || error?.violations.map(\.field) == ["at"])
            #expect(replayError == nil || replayError?.code == .invalidArgument)
        } else {
            #expect(error?.code == .invalidArgument)
            #expect(error?.violations.map(\.field) == ["contact.at"])
            #expect(error?.message.contains("contact.at: \(seconds) is out of range") == true)
            #expect(contact.violations().contains { $0.field == "contact.at" })
            #expect(replayError?.violations.map(\.field) == ["contact.at"])
            #expect(replayError?.message.hasPrefix("event 2: ") == true)
        }
    }

    @Test("any other event at Int64.max names occurred_at")
    func eventAtInt64Max() throws {
        let state = try builder.state()
        for payload in [CaseEventPayload.accepted(noticeOn: nil), .assigned(.townPetitionOffice), .notAccepted(reason: "x")] {
            let event = CaseEvent(sequence: 2, actor: Fixture.clerk, at: Timestamp(secondsSinceEpoch: .max), payload: payload)
            let error = domainError { try state.applying(event) }
            #expect(error?.violations.map(\.field) == ["occurred_at"])
        }
    }

    @Test("acceptance whose 60-day deadline would end after 9999-12-31 names occurred_at")
    func acceptancePastLatest() throws {
        var b = CaseBuilder(kind: "general", on: "2022-07-18")
        let late = Timestamp(date: CivilDate(clampingYear: 9999, month: 12, day: 1), hour: 9)
        b.registeredAt = late
        b.registration.initialContact = nil
        let registered = try CaseState(registration: b.registrationEvent)
        let accept = CaseEvent(sequence: 2, actor: Fixture.clerk, at: late, payload: .accepted(noticeOn: nil))
        let error = domainError { try registered.applying(accept) }
        #expect(error?.violations.map(\.field) == ["occurred_at"])
    }

    @Test("sequence and version at Int.max do not trap", arguments: ExtremeValues.int)
    func sequences(sequence: Int) throws {
        var state = try builder.state()
        let event = builder.event(.accepted(noticeOn: nil), on: "2022-07-20")
        let wrong = CaseEvent(sequence: sequence, actor: event.actor, at: event.at, payload: event.payload)
        #expect(domainError { try state.applying(wrong) }?.violations.first?.field == "sequence")
        state.version = .max
        #expect(domainError { try state.applying(wrong) }?.violations.first?.field == "sequence")
    }

    @Test(
        "headcounts and persons involved at the extremes are refused or tallied without trapping",
        arguments: ExtremeValues.int)
    func headcounts(count: Int) {
        let contact = Contact(id: "c", channel: .walkIn, at: Fixture.at("2022-07-18"), headcount: count)
        let valid = (1...Contact.maximumHeadcount).contains(count)
        #expect(contact.violations().contains { $0.field == "contact.headcount" } == !valid)
        var registration = builder.registration
        registration.personsInvolved = count
        registration.householdsInvolved = count
        registration.initialContact = nil
        let fields = Set(registration.violations().map(\.field))
        #expect(fields.contains("persons_involved") == !(1...Registration.maximumInvolved).contains(count))
        #expect(fields.contains("households_involved") == !(0...Registration.maximumInvolved).contains(count))
        let tally = ContactTally([contact, contact, contact])
        #expect(count < 0 || tally.personTimes == (count > Int.max / 3 ? .max : count * 3))
    }

    @Test("re-review hearing days at Int.max name hearing_days")
    func hearingDays() throws {
        let requested = CaseBuilder(id: "JF-R", kind: "general", on: "2022-07-18")
            .inProgress(acceptedOn: "2022-07-20")
            .then(
                .replied(Reply(decision: .notSupport, documentRef: "XF-1", receivedOn: Fixture.date("2022-08-29"))),
                on: "2022-08-26"
            )
            .then(.closed(.notSupported), on: "2022-08-26")
            .then(.reviewRequested(requestedOn: nil, receivedOn: nil), on: "2022-09-15")
            .then(.reviewDecided(.upheld, decidedOn: nil, receivedOn: Fixture.date("2022-10-14")), on: "2022-10-12")
            .then(.reReviewRequested(requestedOn: nil, receivedOn: nil), on: "2022-11-01")
        for days in [Int.max, Int(Int32.max)] {
            let error = domainError {
                try requested.then(
                    .reReviewDecided(.upheld, decidedOn: nil, receivedOn: nil, hearingDays: days),
                    on: "2022-11-28"
                ).state()
            }
            #expect(error?.violations.first?.field == "hearing_days")
        }
        let negative = domainError {
            try requested.then(
                .reReviewDecided(.upheld, decidedOn: nil, receivedOn: nil, hearingDays: .min),
                on: "2022-11-28"
            ).state()
        }
        #expect(negative?.violations.first?.field == "hearing_days")
    }
}
