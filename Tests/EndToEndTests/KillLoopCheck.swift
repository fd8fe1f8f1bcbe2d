import JiefenAPI
import Testing

/// Checks the database against the kill loop's ledger, exactly: every table the writes touch must hold what the
/// writes made, each write once, and nothing else.
///
/// What a write made is its answer; for a write whose answer a kill cut off, it is what the request log holds for
/// its request id (the server logs the request id in the write's own transaction), or nothing. So right after a
/// kill an unanswered write must be stored whole or not at all, and once the lost writes are retried every write
/// must be stored exactly once.
enum KillLoopCheck {
    /// What the database held.
    struct Counts {
        var cases = 0
        var events = 0
        var contacts = 0
        var sessions = 0
        var meetings = 0
    }

    /// Records an issue listing the differences, if any.
    /// - Parameters:
    ///   - database: The database as read.
    ///   - writes: The ledger's writes.
    ///   - moment: Names the check in its issue, e.g. `after kill 3`.
    ///   - settled: `true` once the lost writes were retried: then every write must have an answer.
    static func run(_ database: KillLoopDatabase, writes: [KillLoopWrite], moment: String, settled: Bool) -> Counts {
        var problems: [String] = []
        #expect(database.integrity == ["ok"], "\(moment): integrity_check: \(database.integrity)")

        // What each write made.
        var made: [String: String] = [:]
        for write in writes {
            let logged = database.requests[write.requestID]
            if let logged, logged.kind != write.kind.requestKind {
                problems.append("\(write.requestID) is logged as a \(logged.kind)")
            }
            if let answer = write.answer {
                if logged?.target != answer.id {
                    problems.append("\(write.requestID), answered \(answer.id), is logged as \(logged?.target ?? "nothing")")
                }
                made[write.requestID] = answer.id
            } else {
                if settled { problems.append("\(write.requestID) has no answer") }
                made[write.requestID] = logged?.target
            }
        }
        let sent = Set(writes.map(\.requestID))
        for requestID in database.requests.keys where !sent.contains(requestID) {
            problems.append("request \(requestID) is logged but was never sent")
        }

        let sections = [
            ("request log", problems),
            ("cases", Self.cases(database, writes: writes, made: made)),
            ("meetings", Self.meetings(database, writes: writes, made: made)),
            ("sessions", Self.sessions(database, writes: writes, made: made)),
        ].filter { !$0.1.isEmpty }
        if !sections.isEmpty {
            let listed = sections.map { name, problems in
                "\(name) (\(problems.count)): " + problems.prefix(5).joined(separator: "; ") + (problems.count > 5 ? "; …" : "")
            }
            Issue.record("\(moment): the database differs from the writes: \(listed.joined(separator: " | "))")
        }
        return Counts(
            cases: database.versions.count, events: database.eventCount, contacts: database.contactCount,
            sessions: database.sessions.count, meetings: database.meetings.count
        )
    }

    /// Cases one per create, each with its history (no event twice, none missing), version and contacts.
    private static func cases(_ database: KillLoopDatabase, writes: [KillLoopWrite], made: [String: String]) -> [String] {
        var problems: [String] = []
        var histories: [String: [String]] = [:]
        var contacts: [String: [String?]] = [:]
        for write in writes where write.kind == .create {
            guard let caseID = made[write.requestID] else { continue }
            if histories[caseID] != nil { problems.append("\(write.requestID) made \(caseID) again") }
            histories[caseID] = ["registered"]
            contacts[caseID] = [nil]
        }
        for write in writes {
            guard let caseID = write.caseID, let type = write.eventType, let record = made[write.requestID] else { continue }
            guard histories[caseID] != nil else {
                problems.append("\(write.requestID) wrote on \(caseID), which no create made")
                continue
            }
            histories[caseID]?.append(type)
            if write.kind == .contact {
                contacts[caseID]?.append(write.sessionID)
                let expected = "\(caseID)-\(contacts[caseID]?.count ?? 0)"
                if record != expected { problems.append("\(write.requestID) made contact \(record), not \(expected)") }
            } else if record != caseID {
                problems.append("\(write.requestID) on \(caseID) names \(record)")
            }
        }
        for caseID in Set(database.versions.keys).subtracting(histories.keys).sorted() {
            problems.append("\(caseID) is stored but no write made it")
        }
        for (caseID, history) in histories.sorted(by: { $0.key < $1.key }) {
            guard let version = database.versions[caseID] else {
                problems.append("\(caseID) is missing")
                continue
            }
            let stored = database.histories[caseID] ?? []
            if stored != history { problems.append("\(caseID): history \(stored), writes \(history)") }
            if version != stored.count { problems.append("\(caseID): version \(version), \(stored.count) events") }
            let storedContacts = database.contacts[caseID] ?? []
            if storedContacts != contacts[caseID] {
                let (stored, written) = (storedContacts.map { $0 ?? "-" }, (contacts[caseID] ?? []).map { $0 ?? "-" })
                problems.append("\(caseID): contacts at sessions \(stored), writes \(written)")
            }
        }
        let strayContacts = Set(database.contacts.keys).subtracting(histories.keys)
        if !strayContacts.isEmpty { problems.append("contacts on cases no write made: \(strayContacts.sorted())") }
        return problems
    }

    /// Joint meetings one per meeting write, each on its case.
    private static func meetings(_ database: KillLoopDatabase, writes: [KillLoopWrite], made: [String: String]) -> [String] {
        var problems: [String] = []
        var expected: [String: [String]] = [:]
        for write in writes where write.kind == .meeting {
            guard let meetingID = made[write.requestID], let caseID = write.caseID else { continue }
            if expected[meetingID] != nil { problems.append("\(write.requestID) made meeting \(meetingID) again") }
            expected[meetingID] = [caseID]
        }
        for meetingID in Set(database.meetings.keys).union(expected.keys).sorted()
        where database.meetings[meetingID] != expected[meetingID] {
            let stored = database.meetings[meetingID] ?? []
            problems.append("meeting \(meetingID): stored on \(stored), written on \(expected[meetingID] ?? [])")
        }
        return problems
    }

    /// Village-reception sessions one per session write, as requested.
    private static func sessions(_ database: KillLoopDatabase, writes: [KillLoopWrite], made: [String: String]) -> [String] {
        var problems: [String] = []
        var expected: [String: KillLoopDatabase.Session] = [:]
        for write in writes where write.kind == .session {
            guard let sessionID = made[write.requestID] else { continue }
            if expected[sessionID] != nil { problems.append("\(write.requestID) made session \(sessionID) again") }
            guard let request = try? JiefenV1.Session(decoding: write.payload) else {
                problems.append("\(write.requestID) does not decode")
                continue
            }
            expected[sessionID] = KillLoopDatabase.Session(
                villageCode: request.villageCode, heldOn: request.date, leader: request.leadDepartment, held: request.held
            )
        }
        for sessionID in Set(database.sessions.keys).union(expected.keys).sorted()
        where database.sessions[sessionID] != expected[sessionID] {
            let (stored, written) = (database.sessions[sessionID], expected[sessionID])
            problems.append("session \(sessionID): stored \(String(describing: stored)), written \(String(describing: written))")
        }
        return problems
    }
}
