import Foundation
import TTRPCCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The kill loop: the real jiefend takes mixed writes from concurrent callers (creates, lifecycle events,
/// village-reception sessions, contacts, joint meetings), each with its own request id, is killed with SIGKILL at a
/// random moment, and is restarted on the same data directory, cycle after cycle.
///
/// After every kill the database must pass `PRAGMA integrity_check` and hold every acknowledged write exactly once,
/// and each write in flight whole (its request id logged) or not at all. After every restart each write whose
/// answer was lost is retried with the same request id, as a department system would, and a sample of the answered
/// writes is sent again; each must answer what it made the first time, and the database must then hold every write
/// exactly once: cases by create request id, events by each case's history, contacts, sessions and meetings by id
/// and count.
///
/// 10 cycles by default; `JIEFEN_KILL_LOOP_CYCLES=N` (or `scripts/kill-loop.sh N`) runs more.
@Suite("end to end: the kill loop", .serialized)
struct KillLoopTests {
    static let callers = 6
    /// Answered writes of each kind sent again after each restart.
    static let resentPerKind = 2

    static var cycles: Int {
        ProcessInfo.processInfo.environment["JIEFEN_KILL_LOOP_CYCLES"].flatMap(Int.init) ?? 10
    }

    @Test func everyWriteIsStoredExactlyOnceAcrossRepeatedSIGKILL() async throws {
        let directory = try EndToEndDirectory("kill-loop")
        defer { directory.remove() }
        let database = directory.path + "/jiefen.sqlite"
        let ledger = KillLoopLedger()
        let started = ContinuousClock.now
        var totals = KillLoopRetry.Counts()
        var generator = SystemRandomNumberGenerator()
        for cycle in 1...Self.cycles {
            let cycleStarted = ContinuousClock.now
            let server = try ServerProcess(dataDirectory: directory.path)
            let client = try await server.waitUntilServing()
            let retried = try await Self.recover(client: client, ledger: ledger, cycle: cycle, database: database)
            let writesStarted = ContinuousClock.now
            totals.lost += retried.lost
            totals.lostStored += retried.lostStored
            totals.answered += retried.answered

            let before = ledger.acknowledgedWrites
            // Kill once a few writes are in, after a random further delay: a commit, an fsync or an answer may be
            // in progress at that moment.
            let delay = Duration.milliseconds(Int.random(in: 0...1500, using: &generator))
            let killed = KillSignal()
            let pid = server.process.processIdentifier
            await withTaskGroup(of: Void.self) { group in
                for caller in 0..<Self.callers {
                    group.addTask {
                        await KillLoopCaller(client: client, ledger: ledger, killed: killed, cycle: cycle, caller: caller).run()
                    }
                }
                group.addTask {
                    let deadline = ContinuousClock.now + .seconds(20)
                    while ledger.acknowledgedWrites < before + 10 && ContinuousClock.now < deadline {
                        try? await Task.sleep(for: .milliseconds(2))
                    }
                    try? await Task.sleep(for: delay)
                    killed.set()
                    kill(pid, SIGKILL)
                }
            }
            server.process.waitUntilExit()
            await client.close()
            #expect(server.process.terminationReason == .uncaughtSignal && server.process.terminationStatus == SIGKILL)

            let checkStarted = ContinuousClock.now
            let afterKill = try await KillLoopDatabase.read(database)
            let lost = ledger.lose(stored: afterKill.requests.mapValues(\.target))
            let checked = KillLoopCheck.run(afterKill, writes: ledger.writes, moment: "after kill \(cycle)", settled: false)
            print(
                "kill loop cycle \(cycle)/\(Self.cycles): \(retried.lost) lost writes retried "
                    + "(\(retried.lostStored) stored by the killed server), \(retried.answered) answered writes sent again; "
                    + "killed \(delay) after the 10th write, \(ledger.acknowledgedWrites - before) writes acknowledged, "
                    + "\(lost.count) in flight (\(lost.count { $0.storedWhenLost != nil }) of them stored); "
                    + "\(checked.cases) cases, \(checked.events) events, \(checked.contacts) contacts, \(checked.sessions) sessions, "
                    + "\(checked.meetings) meetings checked; \(ContinuousClock.now - cycleStarted) (restart, retries and check "
                    + "\(writesStarted - cycleStarted), check after the kill \(ContinuousClock.now - checkStarted))")
        }

        // The last kill's lost writes, retried on a server that then stops normally.
        let server = try ServerProcess(dataDirectory: directory.path)
        let client = try await server.waitUntilServing()
        let retried = try await Self.recover(client: client, ledger: ledger, cycle: Self.cycles + 1, database: database)
        totals.lost += retried.lost
        totals.lostStored += retried.lostStored
        totals.answered += retried.answered
        await client.close()
        #expect(server.terminate() == 0)

        let writes = ledger.writes
        let kinds = KillLoopWrite.Kind.allCases.map { kind in "\(writes.count { $0.kind == kind }) \(kind)" }
        print(
            "kill loop: \(Self.cycles) cycles, \(writes.count) writes (\(kinds.joined(separator: ", "))), "
                + "\(ledger.acknowledgedWrites) acknowledged at once, \(totals.lost) lost at a kill and retried "
                + "(\(totals.lostStored) of them stored by the killed server), \(totals.answered) answered writes sent again, "
                + "in \(ContinuousClock.now - started)")
    }

    /// After a restart: retries the writes lost at the kill and sends a sample of answered ones again, then checks
    /// that the database holds every write exactly once.
    private static func recover(
        client: TTRPCClient, ledger: KillLoopLedger, cycle: Int, database: String
    ) async throws -> KillLoopRetry.Counts {
        let retried = await KillLoopRetry.run(client: client, ledger: ledger, cycle: cycle, sample: Self.resentPerKind)
        _ = KillLoopCheck.run(
            try await KillLoopDatabase.read(database), writes: ledger.writes, moment: "after restart \(cycle)", settled: true
        )
        return retried
    }
}
