import Synchronization

/// What the kill loop's callers sent and what the server acknowledged, across every cycle: the truth the database is
/// checked against after each SIGKILL.
final class KillLoopLedger: Sendable {
    /// One case and the writes on it. A case belongs to one caller, which sends one write at a time.
    struct CaseEntry: Sendable {
        /// The event types the server acknowledged, in order, starting with `registered`.
        var events: [String]
        /// The event types of the write in flight when the server died (at most one write per case).
        var pending: [String] = []
        /// Contacts acknowledged (the first contact at registration included).
        var contacts: Int
        /// Contacts of the write in flight.
        var pendingContacts = 0
    }

    struct State: Sendable {
        /// Acknowledged creates: request id → case id.
        var created: [String: String] = [:]
        /// Creates sent and not answered before the kill.
        var unansweredCreates: Set<String> = []
        var cases: [String: CaseEntry] = [:]
        /// Acknowledged joint meetings: meeting id → case id.
        var meetings: [String: String] = [:]
        /// Meetings sent and not answered before the kill.
        var unansweredMeetings = 0
        /// Meetings a killed server stored without answering, found by earlier checks.
        var storedUnanswered = 0
        /// Creates a killed server never answered, with the case the database holds for each (nil: not stored).
        var settledCreates: [String: String?] = [:]
        /// Acknowledged writes of every kind.
        var acknowledged = 0
    }

    let state = Mutex(State())

    var acknowledgedWrites: Int { state.withLock { $0.acknowledged } }

    func sendingCreate(_ requestID: String) { state.withLock { _ = $0.unansweredCreates.insert(requestID) } }

    func created(_ requestID: String, caseID: String, contacts: Int) {
        state.withLock {
            $0.unansweredCreates.remove(requestID)
            $0.created[requestID] = caseID
            $0.cases[caseID] = CaseEntry(events: ["registered"], contacts: contacts)
            $0.acknowledged += 1
        }
    }

    /// A write on an existing case: `events` its event types, `contacts` the contacts it adds.
    func sending(on caseID: String, events: [String], contacts: Int = 0) {
        state.withLock {
            $0.cases[caseID]?.pending = events
            $0.cases[caseID]?.pendingContacts = contacts
        }
    }

    func acknowledged(on caseID: String) {
        state.withLock {
            guard var entry = $0.cases[caseID] else { return }
            entry.events += entry.pending
            entry.contacts += entry.pendingContacts
            entry.pending = []
            entry.pendingContacts = 0
            $0.cases[caseID] = entry
            $0.acknowledged += 1
        }
    }

    func sendingMeeting() { state.withLock { $0.unansweredMeetings += 1 } }

    func recordedMeeting(_ meetingID: String, caseID: String) {
        state.withLock {
            $0.unansweredMeetings -= 1
            $0.meetings[meetingID] = caseID
            $0.acknowledged += 1
        }
    }

    /// After a check: what was in flight is settled by what the database holds, so later checks expect exactly it.
    /// - Parameters:
    ///   - events: Each case's event types, in order, as stored.
    ///   - contacts: Each case's stored contacts.
    ///   - createdByRequest: The case each stored create request made.
    ///   - meetings: The number of stored meetings.
    func settle(events: [String: [String]], contacts: [String: Int], createdByRequest: [String: String], meetings: Int) {
        state.withLock { state in
            for requestID in state.unansweredCreates {
                let caseID = createdByRequest[requestID]
                state.settledCreates[requestID] = caseID
                if let caseID {
                    state.cases[caseID] = CaseEntry(events: events[caseID] ?? [], contacts: contacts[caseID] ?? 0)
                }
            }
            state.unansweredCreates = []
            for (caseID, entry) in state.cases where !entry.pending.isEmpty {
                state.cases[caseID]?.events = events[caseID] ?? entry.events
                state.cases[caseID]?.contacts = contacts[caseID] ?? entry.contacts
                state.cases[caseID]?.pending = []
                state.cases[caseID]?.pendingContacts = 0
            }
            state.storedUnanswered = meetings - state.meetings.count
            state.unansweredMeetings = 0
        }
    }
}
