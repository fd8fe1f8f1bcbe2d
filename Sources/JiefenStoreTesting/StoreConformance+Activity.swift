public import JiefenStore
import Testing

extension StoreConformance {
    /// Sessions get `VR-000001` style ids unless the client chose one; a chosen id cannot be reused; a request id
    /// makes the call idempotent; listing is by inclusive date range, ordered by date then id.
    public static func sessionsAreCreatedAndListed(_ store: any CaseStore) async throws {
        let a = try await store.createSession(
            requestID: nil, ReceptionSessionDraft(villageCode: "V01", heldOn: "2025-03-05", leader: "deputy", held: true))
        #expect(a.created && a.record.id == "VR-000001")
        let b = try await store.createSession(
            requestID: "vr-b",
            ReceptionSessionDraft(villageCode: "V02", heldOn: "2025-03-01", leader: "secretary", held: false))
        #expect(b.record.id == "VR-000002" && !b.record.held)
        let retry = try await store.createSession(
            requestID: "vr-b",
            ReceptionSessionDraft(villageCode: "V02", heldOn: "2025-03-01", leader: "secretary", held: false))
        #expect(!retry.created && retry.record == b.record)
        let chosen = ReceptionSessionDraft(
            id: "VR-2025-W10", villageCode: "V03", heldOn: "2025-03-05", leader: "head",
            held: true)
        let c = try await store.createSession(requestID: nil, chosen)
        #expect(c.record.id == "VR-2025-W10")
        await expectStoreError(.alreadyExists) { try await store.createSession(requestID: nil, chosen) }

        #expect(try await store.session(id: "VR-000001") == a.record)
        #expect(try await store.session(id: "VR-404") == nil)
        #expect(try await store.sessions(heldOn: .all).map(\.id) == ["VR-000002", "VR-000001", "VR-2025-W10"])
        #expect(
            try await store.sessions(heldOn: DateRange(from: "2025-03-02")).map(\.id)
                == ["VR-000001", "VR-2025-W10"])
        #expect(try await store.sessions(heldOn: DateRange(from: "2025-03-01", through: "2025-03-01")) == [b.record])
        await expectStoreError(.constraintViolation) {
            try await store.createSession(
                requestID: nil, ReceptionSessionDraft(villageCode: "V01", heldOn: "2025-3-5", leader: "x", held: true))
        }
    }

    /// Contacts keep every field (person keys in order), are listed per case in recording order and by date, and a
    /// retried record with the same request id does not count twice.
    public static func contactsAreRecorded(_ store: any CaseStore) async throws {
        let first = try await StoreFixtures.createCase(in: store)
        let second = try await StoreFixtures.createCase(in: store)
        let session = try await store.createSession(
            requestID: nil, ReceptionSessionDraft(villageCode: "V01", heldOn: "2025-03-05", leader: "L", held: true))
        let batch = ContactDraft(
            caseID: first.id, channel: "VILLAGE_RECEPTION", occurredOn: "2025-03-05", headcount: 6,
            sessionID: session.record.id, personKeys: ["k:9f2c", "k:11ab", "k:9f2c\"quoted\""], isFollowUp: false,
            recordedAt: 500)
        let recorded = try await store.recordContact(requestID: "visit-1", batch)
        #expect(recorded.created && recorded.record.id == "CT-000001")
        #expect(recorded.record.headcount == 6 && recorded.record.sessionID == session.record.id)
        #expect(recorded.record.personKeys == batch.personKeys && recorded.record.recordedAt == 500)
        let retry = try await store.recordContact(requestID: "visit-1", batch)
        #expect(!retry.created && retry.record == recorded.record)

        let call = ContactDraft(
            caseID: second.id, channel: "HOTLINE", occurredOn: "2025-02-20", headcount: 1, isFollowUp: false,
            recordedAt: 400)
        let followUp = ContactDraft(
            caseID: first.id, channel: "WALK_IN", occurredOn: "2025-03-20", headcount: 2, personKeys: ["k:9f2c"],
            isFollowUp: true, recordedAt: 600)
        let callRecord = try await store.recordContact(requestID: nil, call).record
        let followUpRecord = try await store.recordContact(requestID: nil, followUp).record
        #expect(followUpRecord.isFollowUp && followUpRecord.sessionID == nil)

        #expect(try await store.contacts(caseID: first.id) == [recorded.record, followUpRecord])
        #expect(try await store.contacts(caseID: second.id) == [callRecord])
        #expect(try await store.contacts(caseID: "JF-999999").isEmpty)
        #expect(
            try await store.contacts(occurredOn: .all).map(\.id) == [
                callRecord.id, recorded.record.id,
                followUpRecord.id,
            ])
        #expect(
            try await store.contacts(occurredOn: DateRange(from: "2025-03-01", through: "2025-03-19"))
                == [recorded.record])
    }

    /// A headcount below 1, more person keys than people or a malformed date is a `constraintViolation`; an
    /// unknown case or session is `notFound`; nothing is written in either case.
    public static func contactsEnforceInvariants(_ store: any CaseStore) async throws {
        let record = try await StoreFixtures.createCase(in: store)
        func draft(
            caseID: String? = nil, headcount: Int = 1, keys: [String] = [], date: String = "2025-03-05",
            session: String? = nil
        ) -> ContactDraft {
            ContactDraft(
                caseID: caseID ?? record.id, channel: "WALK_IN", occurredOn: date, headcount: headcount,
                sessionID: session, personKeys: keys, isFollowUp: false, recordedAt: 1)
        }
        await expectStoreError(.constraintViolation) { try await store.recordContact(requestID: "c0", draft(headcount: 0)) }
        await expectStoreError(.constraintViolation) {
            try await store.recordContact(requestID: nil, draft(headcount: 1, keys: ["a", "b"]))
        }
        await expectStoreError(.constraintViolation) { try await store.recordContact(requestID: nil, draft(date: "2025-03")) }
        let unknownCase = await expectStoreError(.notFound) {
            try await store.recordContact(requestID: nil, draft(caseID: "JF-424242"))
        }
        #expect(unknownCase?.message.contains("JF-424242") == true)
        await expectStoreError(.notFound) { try await store.recordContact(requestID: nil, draft(session: "VR-404")) }
        #expect(try await store.contacts(caseID: record.id).isEmpty)
        // The request id of the refused write is still free.
        #expect(try await store.recordContact(requestID: "c0", draft(headcount: 3)).created)
    }

    /// A joint meeting links several cases (duplicates ignored) and is listed for each of them and by date;
    /// unknown cases, no cases or no departments are refused.
    public static func meetingsLinkManyCases(_ store: any CaseStore) async throws {
        let a = try await StoreFixtures.createCase(in: store)
        let b = try await StoreFixtures.createCase(in: store)
        let c = try await StoreFixtures.createCase(in: store)
        let draft = JointMeetingDraft(
            heldOn: "2025-04-02", departments: ["rural-economy", "housing-centre"], decision: "developer pays by May",
            caseIDs: [b.id, a.id, b.id], resolved: true, recordedAt: 700)
        let meeting = try await store.recordMeeting(requestID: "jm-1", draft)
        #expect(meeting.created && meeting.record.id == "JM-000001")
        #expect(meeting.record.caseIDs == [a.id, b.id])
        #expect(meeting.record.departments == draft.departments && meeting.record.decision == draft.decision)
        #expect(meeting.record.resolved && meeting.record.heldOn == "2025-04-02" && meeting.record.recordedAt == 700)
        let retry = try await store.recordMeeting(requestID: "jm-1", draft)
        #expect(!retry.created && retry.record == meeting.record)

        let later = try await store.recordMeeting(
            requestID: nil,
            JointMeetingDraft(
                id: "JM-special", heldOn: "2025-05-01", departments: ["grid"], decision: "continue mediation",
                caseIDs: [b.id], resolved: false, recordedAt: 800)
        ).record
        #expect(try await store.meetings(caseID: a.id) == [meeting.record])
        #expect(try await store.meetings(caseID: b.id) == [meeting.record, later])
        #expect(try await store.meetings(caseID: c.id).isEmpty)
        #expect(try await store.meetings(heldOn: DateRange(from: "2025-04-15")) == [later])

        let missing = await expectStoreError(.notFound) {
            try await store.recordMeeting(
                requestID: nil,
                JointMeetingDraft(
                    heldOn: "2025-04-03", departments: ["x"], decision: "", caseIDs: [c.id, "JF-777777"], resolved: false,
                    recordedAt: 1))
        }
        #expect(missing?.message.contains("JF-777777") == true)
        await expectStoreError(.invalidArgument) {
            try await store.recordMeeting(
                requestID: nil,
                JointMeetingDraft(
                    heldOn: "2025-04-03", departments: ["x"], decision: "", caseIDs: [], resolved: false, recordedAt: 1))
        }
        await expectStoreError(.invalidArgument) {
            try await store.recordMeeting(
                requestID: nil,
                JointMeetingDraft(
                    heldOn: "2025-04-03", departments: [], decision: "", caseIDs: [c.id], resolved: false, recordedAt: 1))
        }
        await expectStoreError(.alreadyExists) {
            try await store.recordMeeting(
                requestID: nil,
                JointMeetingDraft(
                    id: "JM-special", heldOn: "2025-04-03", departments: ["x"], decision: "", caseIDs: [c.id],
                    resolved: false, recordedAt: 1))
        }
        #expect(try await store.meetings(caseID: c.id).isEmpty)
    }
}
