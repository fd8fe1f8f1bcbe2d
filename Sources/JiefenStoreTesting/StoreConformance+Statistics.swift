public import JiefenStore
import Testing

extension StoreConformance {
    /// The checks of the statistics projection, baselines and village lookup.
    static let statisticsChecks: [Check] = [
        Check("statistics count the facts written with each case", statisticsCountTheFacts),
        Check("contacts from facts are written once, appends add only new ones", factContactsAreWrittenOnce),
        Check("baselines round-trip and villages are known from cases and sessions", baselinesAndVillages),
        Check("cases without facts are listed and get them only at their version", missingFactsAreFilled),
    ]

    static func facts(
        track: StoredTrack = .petition, outcome: String? = nil, registered: Int64 = 1_741_915_800,
        closed: Int64? = nil, persons: Int = 1, contacts: [ContactFact] = [], rating: String? = nil
    ) -> CaseFacts {
        CaseFacts(
            track: track, outcome: outcome, registeredAt: registered, closedAt: closed, receivedOn: "2025-03-14",
            noticeDueOn: "2025-03-29", noticeOn: "2025-03-15", acceptedOn: "2025-03-15", dueOn: "2025-05-14",
            personsInvolved: persons, rating: rating, contacts: contacts)
    }

    /// Cases with facts are counted by registration, closure, channel and outcome; a case without facts is not; an
    /// append's new facts replace the old ones; the cohort outcome follows the `asOf` day.
    public static func statisticsCountTheFacts(_ store: any CaseStore) async throws {
        var open = StoreFixtures.caseDraft(track: .petition, intakeChannel: "WALK_IN", registeredOn: "2025-03-14")
        open.facts = facts(
            persons: 6,
            contacts: [
                ContactFact(
                    channel: "WALK_IN", occurredOn: "2025-03-14", headcount: 6,
                    personKeys: ["k1", "k2"])
            ])
        let walkIn = try await StoreFixtures.createCase(in: store, open)
        var hotline = StoreFixtures.caseDraft(track: .petition, intakeChannel: "HOTLINE", registeredOn: "2025-03-15")
        hotline.facts = facts(contacts: [ContactFact(channel: "HOTLINE", occurredOn: "2025-03-15", headcount: 1)])
        _ = try await StoreFixtures.createCase(in: store, hotline)
        _ = try await StoreFixtures.createCase(in: store, StoreFixtures.caseDraft(registeredOn: "2025-03-16")) // no facts

        var closing = facts(
            outcome: "resolved_town", closed: 1_742_000_000, persons: 6,
            contacts: [ContactFact(channel: "WALK_IN", occurredOn: "2025-03-14", headcount: 6, personKeys: ["k1", "k2"])],
            rating: "satisfied")
        closing.extended = true
        _ = try await store.appendEvents(
            caseID: walkIn.id, expectedVersion: 1, events: [StoreFixtures.event(type: "CLOSED")],
            newState: "CLOSED", newClosedOn: "2025-04-10", newSnapshot: StoreFixtures.json("{}"),
            newFacts: closing)
        let march = try await store.statistics(StatisticsQuery(from: "2025-03-01", through: "2025-03-31", asOf: "2025-03-31"))
        #expect(march.registered.reduce(0) { $0 + $1.count } == 2)
        #expect(march.registered.allSatisfy { $0.outcome == nil }) // closed after the cohort day
        #expect(march.closed.isEmpty)
        #expect(march.contacts.map(\.channel) == ["HOTLINE", "WALK_IN"])
        #expect(march.contacts.first { $0.channel == "WALK_IN" }?.collective == 1)
        #expect(march.distinctPetitioners == 2)
        #expect(march.groupCases == 1)
        #expect(march.noticesRequired == 2 && march.noticesTimely == 2)
        let april = try await store.statistics(StatisticsQuery(from: "2025-03-01", through: "2025-04-30", asOf: "2025-04-30"))
        #expect(april.closed == [CaseGroupCount(track: "petition", channel: "WALK_IN", outcome: "resolved_town", count: 1)])
        #expect(april.registered.contains { $0.outcome == "resolved_town" })
        #expect(april.closedWithDeadline == 1 && april.closedOnTime == 1)
        #expect(april.ratingEligible == 1 && april.ratings == ["satisfied": 1])
        #expect(april.durations.map(\.track) == ["petition"])
        #expect(april.durations.first?.median == 27) // 2025-03-14 → 2025-04-10
        let filtered = try await store.statistics(
            StatisticsQuery(
                from: "2025-03-01", through: "2025-04-30", asOf: "2025-04-30",
                channel: "HOTLINE"))
        #expect(filtered.registered.map(\.channel) == ["HOTLINE"])
        await expectStoreError(.invalidArgument) {
            try await store.statistics(StatisticsQuery(from: "2025-3-1", through: "2025-04-30", asOf: "2025-04-30"))
        }
    }

    /// The first contact is written with the case; appending facts that repeat it adds nothing, a new one is added.
    public static func factContactsAreWrittenOnce(_ store: any CaseStore) async throws {
        let first = ContactFact(channel: "WALK_IN", occurredOn: "2025-03-14", headcount: 2)
        var draft = StoreFixtures.caseDraft(track: .petition, intakeChannel: "WALK_IN")
        draft.facts = facts(persons: 2, contacts: [first])
        let created = try await StoreFixtures.createCase(in: store, draft)
        #expect(try await store.contacts(caseID: created.id).count == 1)
        _ = try await store.appendEvents(
            caseID: created.id, expectedVersion: 1, events: [StoreFixtures.event(type: "ACCEPTED")],
            newState: "ACCEPTED", newClosedOn: nil, newSnapshot: StoreFixtures.json("{}"),
            newFacts: facts(persons: 2, contacts: [first]))
        #expect(try await store.contacts(caseID: created.id).count == 1)
        let followUp = ContactFact(channel: "WALK_IN", occurredOn: "2025-03-20", headcount: 1, isFollowUp: true)
        _ = try await store.appendEvents(
            caseID: created.id, expectedVersion: 2, events: [StoreFixtures.event(type: "CONTACT")],
            newState: "ACCEPTED", newClosedOn: nil, newSnapshot: StoreFixtures.json("{}"),
            newFacts: facts(persons: 2, contacts: [first, followUp]))
        let contacts = try await store.contacts(caseID: created.id)
        #expect(contacts.map(\.isFollowUp) == [false, true])
        #expect(contacts.map(\.occurredOn) == ["2025-03-14", "2025-03-20"])
    }

    /// A baseline is stored per period and replaced by a later put; known villages are the union of case and
    /// session villages.
    public static func baselinesAndVillages(_ store: any CaseStore) async throws {
        #expect(try await store.baseline(from: "2024-01-01", through: "2024-12-31") == nil)
        try await store.putBaseline(from: "2024-01-01", through: "2024-12-31", figures: ["jm_resolved//": 51])
        try await store.putBaseline(from: "2024-01-01", through: "2024-12-31", figures: ["jm_resolved//": 52, "micro_online//": 455])
        #expect(try await store.baseline(from: "2024-01-01", through: "2024-12-31") == ["jm_resolved//": 52, "micro_online//": 455])
        await expectStoreError(.invalidArgument) {
            try await store.putBaseline(from: "2024-12-31", through: "2024-01-01", figures: [:])
        }
        _ = try await StoreFixtures.createCase(in: store, StoreFixtures.caseDraft(villageCode: "V07"))
        _ = try await store.createSession(
            requestID: nil, ReceptionSessionDraft(villageCode: "V03", heldOn: "2025-03-02", leader: "x", held: true))
        #expect(try await store.knownVillages() == ["V03", "V07"])
    }
}

extension StoreConformance {
    /// Cases stored without facts are listed in id order and paged by id; facts are written only if the case is
    /// still at the version the caller read; an unknown case is reported.
    public static func missingFactsAreFilled(_ store: any CaseStore) async throws {
        let a = try await StoreFixtures.createCase(in: store, StoreFixtures.caseDraft(registeredOn: "2025-03-14"))
        var withFacts = StoreFixtures.caseDraft(registeredOn: "2025-03-14")
        withFacts.facts = facts(track: .dispute)
        _ = try await StoreFixtures.createCase(in: store, withFacts)
        let c = try await StoreFixtures.createCase(in: store, StoreFixtures.caseDraft(registeredOn: "2025-03-15"))
        #expect(try await store.casesWithoutFacts(after: nil, limit: 10).map(\.id) == [a.id, c.id])
        #expect(try await store.casesWithoutFacts(after: a.id, limit: 10).map(\.id) == [c.id])
        #expect(try await store.casesWithoutFacts(after: nil, limit: 1).map(\.id) == [a.id])
        #expect(try await store.putFacts(caseID: a.id, atVersion: 2, facts(track: .dispute)) == false)
        #expect(try await store.putFacts(caseID: a.id, atVersion: 1, facts(track: .dispute)) == true)
        #expect(try await store.casesWithoutFacts(after: nil, limit: 10).map(\.id) == [c.id])
        let march = try await store.statistics(StatisticsQuery(from: "2025-03-01", through: "2025-03-31", asOf: "2025-03-31"))
        #expect(march.registered.reduce(0) { $0 + $1.count } == 2)
        await expectStoreError(.notFound) { try await store.putFacts(caseID: "JF-999999", atVersion: 1, facts()) }
    }
}
