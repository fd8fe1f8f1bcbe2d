import SQLiteNIO
import Synchronization
import Testing

/// Checks a killed server's database file against the kill loop's ledger, straight from disk (the server is dead;
/// opening the file replays its write-ahead log as the next server would).
enum KillLoopCheck {
    struct Counts {
        var cases = 0
        var events = 0
        var meetings = 0
        /// Writes unanswered at the kill, and how many of them the database holds.
        var inFlight = 0
        var inFlightStored = 0
    }

    /// Runs `PRAGMA integrity_check` and compares every table the writes touch with the ledger; records an issue for
    /// each difference, then settles the writes that were in flight.
    static func run(database: String, ledger: KillLoopLedger) async throws -> Counts {
        let db = try await SQLiteConnection.open(storage: .file(path: database))
        do {
            let counts = try await self.check(db, ledger: ledger)
            try await db.close()
            return counts
        } catch {
            try? await db.close()
            throw error
        }
    }

    private static func check(_ db: SQLiteConnection, ledger: KillLoopLedger) async throws -> Counts {
        let integrity = try await db.query("PRAGMA integrity_check").compactMap { $0.columns.first?.data.string }
        #expect(integrity == ["ok"], "integrity_check after SIGKILL: \(integrity)")

        var createdByRequest: [String: String] = [:]
        for row in try await db.query("SELECT request_id, target_id FROM requests WHERE kind = 'case'") {
            createdByRequest[row.column("request_id")?.string ?? ""] = row.column("target_id")?.string
        }
        var versions: [String: Int] = [:]
        for row in try await db.query("SELECT id, version FROM cases") {
            versions[row.column("id")?.string ?? ""] = row.column("version")?.integer
        }
        var events: [String: [String]] = [:]
        var eventCount = 0
        for row in try await db.query("SELECT case_id, type FROM case_events ORDER BY case_id, sequence") {
            events[row.column("case_id")?.string ?? "", default: []].append(row.column("type")?.string ?? "")
            eventCount += 1
        }
        var contacts: [String: Int] = [:]
        for row in try await db.query("SELECT case_id, count(*) AS n FROM contacts GROUP BY case_id") {
            contacts[row.column("case_id")?.string ?? ""] = row.column("n")?.integer
        }
        var meetings: [String: [String]] = [:]
        for row in try await db.query(
            "SELECT m.id, j.case_id FROM joint_meetings m LEFT JOIN joint_meeting_cases j ON j.meeting_id = m.id"
        ) {
            meetings[row.column("id")?.string ?? "", default: []].append(row.column("case_id")?.string ?? "")
        }

        let state = ledger.state.withLock { $0 }
        // Cases: one per create request, every acknowledged one under the id it was answered with.
        #expect(versions.count == createdByRequest.count, "cases without exactly one create request")
        #expect(Set(createdByRequest.values).count == createdByRequest.count)
        for (requestID, caseID) in state.created {
            #expect(createdByRequest[requestID] == caseID, "acknowledged create \(requestID) (\(caseID)) is not stored as answered")
        }
        for requestID in createdByRequest.keys {
            let sent = state.created[requestID] != nil || state.unansweredCreates.contains(requestID)
                || state.settledCreates[requestID] != nil
            #expect(sent, "stored create \(requestID) was never sent")
        }
        // Events and contacts: what was acknowledged, exactly once, plus the write in flight whole or not at all.
        for (caseID, entry) in state.cases {
            let stored = events[caseID] ?? []
            let whole = entry.events + entry.pending
            #expect(stored == entry.events || (!entry.pending.isEmpty && stored == whole),
                    "\(caseID): history \(stored), acknowledged \(entry.events), in flight \(entry.pending)")
            #expect(versions[caseID] == stored.count, "\(caseID): version \(versions[caseID] ?? -1), \(stored.count) events")
            let storedContacts = contacts[caseID] ?? 0
            #expect(storedContacts == entry.contacts || (entry.pendingContacts > 0 && storedContacts == entry.contacts + entry.pendingContacts),
                    "\(caseID): \(storedContacts) contacts, acknowledged \(entry.contacts)")
            #expect(storedContacts == 1 + stored.count { $0 == "contact_recorded" }, "\(caseID): contacts and history disagree")
        }
        for caseID in versions.keys where state.cases[caseID] == nil {
            #expect(events[caseID] == ["registered"], "\(caseID), created by an unanswered request, has \(events[caseID] ?? [])")
        }
        // Joint meetings: every acknowledged one with its case; at most the unanswered ones besides.
        for (meetingID, caseID) in state.meetings {
            #expect(meetings[meetingID] == [caseID], "acknowledged meeting \(meetingID) is \(meetings[meetingID] ?? [])")
        }
        let known = state.meetings.count + state.storedUnanswered
        #expect((known...(known + state.unansweredMeetings)).contains(meetings.count),
                "\(meetings.count) meetings stored, \(state.meetings.count) acknowledged, \(state.unansweredMeetings) unanswered")

        var counts = Counts(cases: versions.count, events: eventCount, meetings: meetings.count)
        let pending = state.cases.filter { !$0.value.pending.isEmpty }
        counts.inFlight = state.unansweredCreates.count + pending.count + state.unansweredMeetings
        counts.inFlightStored = state.unansweredCreates.count { createdByRequest[$0] != nil }
            + pending.count { (events[$0.key] ?? []).count > $0.value.events.count }
            + (meetings.count - known)
        ledger.settle(events: events, contacts: contacts, createdByRequest: createdByRequest, meetings: meetings.count)
        return counts
    }
}
