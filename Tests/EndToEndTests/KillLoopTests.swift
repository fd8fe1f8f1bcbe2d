import AgriculturalClaimPlugin
import Foundation
import HousingDeliveryPlugin
import JiefenAPI
import JiefenDomain
import LandLeaseArrearsPlugin
import SQLiteNIO
import Synchronization
import TTRPCCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The kill loop: the real jiefend takes mixed writes from concurrent callers (creates, lifecycle events, contacts,
/// joint meetings), is killed with SIGKILL at a random moment, and is restarted on the same data directory, cycle
/// after cycle. After every kill the database must pass `PRAGMA integrity_check` and hold every acknowledged write
/// exactly once, and a write that was in flight either whole or not at all.
///
/// 10 cycles by default; `JIEFEN_KILL_LOOP_CYCLES=N` (or `scripts/kill-loop.sh N`) runs more.
@Suite("end to end: the kill loop", .serialized)
struct KillLoopTests {
    static let callers = 6

    static var cycles: Int {
        ProcessInfo.processInfo.environment["JIEFEN_KILL_LOOP_CYCLES"].flatMap(Int.init) ?? 10
    }

    @Test func everyAcknowledgedWriteSurvivesRepeatedSIGKILL() async throws {
        let directory = try EndToEndDirectory("kill-loop")
        defer { directory.remove() }
        let ledger = KillLoopLedger()
        let started = ContinuousClock.now
        var generator = SystemRandomNumberGenerator()
        for cycle in 1...Self.cycles {
            let cycleStarted = ContinuousClock.now
            let server = try ServerProcess(dataDirectory: directory.path)
            let client = try await server.waitUntilServing()
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
            let checked = try await KillLoopCheck.run(database: directory.path + "/jiefen.sqlite", ledger: ledger)
            print("kill loop cycle \(cycle)/\(Self.cycles): killed \(delay) after the 10th write, "
                + "\(ledger.acknowledgedWrites - before) writes acknowledged this cycle, \(checked.inFlight) in flight "
                + "(\(checked.inFlightStored) of them stored), \(checked.cases) cases, "
                + "\(checked.events) events, \(checked.meetings) meetings checked, "
                + "\(ContinuousClock.now - cycleStarted)")
        }

        // Finally, through the API: an acknowledged create retried answers the same case, and a create the killed
        // server never answered is stored exactly once (retrying it answers the stored case, or creates it now).
        let server = try ServerProcess(dataDirectory: directory.path)
        let client = try await server.waitUntilServing()
        let state = ledger.state.withLock { $0 }
        for (requestID, caseID) in state.created.shuffled().prefix(50) {
            let again = try CreateCaseResponse(decoding: try await client.call(
                service: CasesAPI.service, method: CasesAPI.create, payload: try KillLoopCaller.createRequest(requestID).encoded()
            ))
            #expect(!again.created && again.case.id == caseID, "\(requestID)")
        }
        for (requestID, stored) in state.settledCreates {
            let again = try CreateCaseResponse(decoding: try await client.call(
                service: CasesAPI.service, method: CasesAPI.create, payload: try KillLoopCaller.createRequest(requestID).encoded()
            ))
            #expect(again.created == (stored == nil), "\(requestID)")
            if let stored { #expect(again.case.id == stored) }
        }
        await client.close()
        #expect(server.terminate() == 0)
        print("kill loop: \(Self.cycles) cycles, \(state.acknowledged) acknowledged writes, \(state.created.count) cases, "
            + "\(state.settledCreates.count) unanswered creates retried, in \(ContinuousClock.now - started)")
    }
}

