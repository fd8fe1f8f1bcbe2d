import Foundation
import JiefenDomain
import JiefenDomainTesting
import Testing

@Suite("Events, replay and contacts")
struct ReplayTests {
    let builder = CaseBuilder(
        kind: "land-lease-arrears", channel: .villageReception, on: "2022-08-21",
        personsInvolved: 23, headcount: 5
    )
    .inProgress(acceptedOn: "2022-08-21")
    .then(
        .contactRecorded(Contact(id: "c2", channel: .villageReception, at: Fixture.at("2022-09-04"), headcount: 1)),
        on: "2022-09-04"
    )
    .then(.detailsUpdated(["amount_paid": .money(Money(yuan: 1000))]), on: "2022-09-05")

    @Test("replay equals applying events one by one")
    func replayEqualsFold() throws {
        let events = builder.events
        var state = try CaseState(registration: events[0])
        for event in events.dropFirst() { try state.apply(event) }
        #expect(try CaseState.replay(events) == state)
        #expect(state.version == events.count)
        #expect(state.updatedAt == events.last?.at)
    }

    @Test("a follow-up visit is a new batch on the same case, not a new case")
    func followUpIsBatch() throws {
        let state = try builder.state()
        #expect(state.contacts.count == 2)
        #expect(state.contacts[0].isFollowUp == false)
        #expect(state.contacts[1].isFollowUp == true)
        #expect(state.personTimes == 6)
        #expect(state.details.money("amount_paid") == Money(yuan: 1000))
    }

    @Test("events must be numbered without gaps")
    func sequenceGap() throws {
        var events = builder.events
        events[2].sequence = 9
        let error = domainError { try CaseState.replay(events) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.hasPrefix("event 9:") == true)
    }

    @Test("the first event must be the registration")
    func firstEvent() {
        let events = Array(builder.events.dropFirst())
        #expect(domainError { try CaseState.replay(events) }?.code == .failedPrecondition)
        #expect(domainError { try CaseState.replay([]) }?.code == .invalidArgument)
    }

    @Test("a second registration is refused")
    func secondRegistration() {
        let b = builder.then(.registered(builder.registration), on: "2022-09-06")
        #expect(domainError { try b.state() }?.code == .alreadyExists)
    }

    @Test("an event before registration is refused")
    func eventBeforeRegistration() {
        let b = CaseBuilder(kind: "general", on: "2022-08-21").then(.accepted(noticeOn: nil), on: "2022-08-20")
        #expect(domainError { try b.state() }?.violations.first?.field == "at")
    }

    @Test("contact headcount may not exceed persons involved; ids are unique; headcount ≥ 1")
    func contactRules() {
        let tooMany = builder.then(
            .contactRecorded(
                Contact(
                    id: "c3", channel: .walkIn, at: Fixture.at("2022-09-06"),
                    headcount: 24)), on: "2022-09-06")
        #expect(domainError { try tooMany.state() }?.violations.first?.field == "contact.headcount")
        let duplicate = builder.then(
            .contactRecorded(
                Contact(
                    id: "c2", channel: .walkIn, at: Fixture.at("2022-09-06"),
                    headcount: 1)), on: "2022-09-06")
        #expect(domainError { try duplicate.state() }?.code == .alreadyExists)
        let empty = builder.then(
            .contactRecorded(
                Contact(
                    id: "c4", channel: .walkIn, at: Fixture.at("2022-09-06"),
                    headcount: 0)), on: "2022-09-06")
        #expect(domainError { try empty.state() }?.violations.first?.field == "contact.headcount")
    }

    @Test("registration checks shared fields, naming each")
    func registrationViolations() {
        var b = CaseBuilder(kind: "Housing Delivery", on: "2022-10-20")
        b.registration.representatives = Array(repeating: Fixture.petitioner, count: 6)
        b.registration.demandText = ""
        b.registration.petitioners = [PersonRef(name: "", idNumber: "340181198001011234", phone: "12345")]
        let fields = Set(domainError { try b.state() }?.violations.map(\.field) ?? [])
        #expect(
            fields == [
                "kind", "representatives", "demand_text", "petitioners[0].name", "petitioners[0].id_number",
                "petitioners[0].phone",
            ])
    }

    @Test("micro escalates to dispute, dispute converts to petition with a fresh notice clock")
    func trackChanges() throws {
        let state = try CaseBuilder(kind: "general", track: .micro, channel: .gridOnline, on: "2022-09-01")
            .then(.escalated, on: "2022-09-02")
            .then(.assigned(.judicialOffice), on: "2022-09-02")
            .then(.convertedToPetition, on: "2022-09-10")
            .state()
        #expect(state.track == .petition)
        #expect(state.status == .registered)
        #expect(state.previousTracks == [.micro, .dispute])
        #expect(state.noticeDueOn == Fixture.date("2022-09-25"))
    }

    @Test("a micro-matter resolved online closes with resolved_online")
    func microResolved() throws {
        let state = try CaseBuilder(kind: "general", track: .micro, channel: .gridOnline, on: "2022-09-01")
            .then(.resolvedOnline(summary: "explained the subsidy rules"), on: "2022-09-01", hour: 15).state()
        #expect(state.outcome == .resolvedOnline)
        #expect(state.closedAt == state.registeredAt.adding(seconds: 6 * 3600))
    }

    @Test("events round-trip through JSON")
    func codable() throws {
        let events = builder.events
        let data = try JSONEncoder().encode(events)
        let decoded = try JSONDecoder().decode([CaseEvent].self, from: data)
        #expect(decoded == events)
        #expect(try CaseState.replay(decoded) == CaseState.replay(events))
    }

    @Test("a village-reception session admits only its own day's VILLAGE_RECEPTION contacts")
    func receptionSession() throws {
        let session = ReceptionSession(id: "VR-04", villageCode: "340181-101", date: Fixture.date("2022-08-21"))
        let ok = Contact(id: "a", channel: .villageReception, at: Fixture.at("2022-08-21"), headcount: 5, sessionID: "VR-04")
        try session.admits(ok)
        let wrongDay = Contact(id: "b", channel: .villageReception, at: Fixture.at("2022-08-22"), headcount: 1)
        #expect(domainError { try session.admits(wrongDay) }?.violations.first?.field == "contact.at")
        let walkIn = Contact(id: "c", channel: .walkIn, at: Fixture.at("2022-08-21"), headcount: 1)
        #expect(domainError { try session.admits(walkIn) }?.violations.first?.field == "contact.channel")
        let notHeld = ReceptionSession(id: "VR-X", villageCode: "v", date: Fixture.date("2022-07-24"), held: false)
        #expect(domainError { try notHeld.admits(ok) }?.code == .failedPrecondition)
        let other = Contact(id: "d", channel: .villageReception, at: Fixture.at("2022-08-21"), headcount: 2, sessionID: "VR-05")
        #expect(session.tally(of: [ok, other]) == ContactTally([ok]))
    }
}
