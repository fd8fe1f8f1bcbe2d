import Foundation
import JiefenAPI
import JiefenSQLiteStore
import SQLiteNIO
import TTRPCCore
import Testing

/// A database with no room left answers writes Unavailable (14) with a message a person can act on, stores nothing of
/// a refused write, keeps serving reads, stays intact, and takes writes again once there is room.
///
/// The full disk is SQLite's own limit on the database's size (`PRAGMA max_page_count`), which fails a write with
/// SQLITE_FULL exactly as a full file system does, and runs on every machine. `EndToEndTests/FullDiskProcessTests`
/// fills a real file system under the real server where mounting one is allowed.
@Suite("cases over RPC: a full disk")
struct FullDiskTests {
    @Test func aFullDiskAnswersUnavailableAndKeepsServingReads() async throws {
        try await CaseServer.with { server in
            var acknowledged: [String: String] = [:] // request id → case id
            for index in 0..<3 {
                let created = try await server.create(Fixtures.housingCase(requestID: "before-\(index)"))
                acknowledged["before-\(index)"] = created.case.id
            }
            let pages = try await Self.pragma(server.store, "page_count")
            #expect(try await Self.pragma(server.store, "max_page_count = \(pages + 3)") == pages + 3)

            // Creates until the disk is full; each case takes more than a page, so a few fit at most.
            var refused: (requestID: String, error: RPCError)?
            for index in 0..<200 where refused == nil {
                let requestID = "filling-\(index)"
                do {
                    acknowledged[requestID] = try await server.create(Fixtures.housingCase(requestID: requestID)).case.id
                } catch let error as RPCError {
                    refused = (requestID, error)
                }
            }
            let (refusedID, error) = try #require(refused, "the database never filled up")
            #expect(error.code == .unavailable)
            #expect(error.code.rawValue == 14)
            #expect(error.message.hasPrefix("the database disk is full: free space"), "\(error.message)")

            // Several writes at once meet the full disk in one group commit: each is refused on its own.
            let concurrent = await withTaskGroup(of: RPCError?.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await server.create(Fixtures.housingCase(requestID: "together-\(index)"))
                            return nil
                        } catch let error as RPCError { return error } catch { return RPCError(code: .unknown, message: "\(error)") }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(concurrent.allSatisfy { $0?.code == .unavailable && $0?.message.hasPrefix("the database disk is full") == true })

            // Reads go on: every acknowledged case is there, nothing of the refused writes is.
            for (requestID, caseID) in acknowledged {
                let fetched = try await server.call(Cases.get, JiefenV1.GetCaseRequest(id: caseID))
                #expect(fetched.case.id == caseID, "\(requestID)")
            }
            let listed = try await server.call(Cases.list, JiefenV1.ListCasesRequest())
            #expect(listed.cases.count == acknowledged.count)
            try await server.store.checkIntegrity()

            // Space is freed: the refused request is created now, for the first time, and so are new ones.
            _ = try await Self.pragma(server.store, "max_page_count = 1073741823")
            let retried = try await server.create(Fixtures.housingCase(requestID: refusedID))
            #expect(retried.created)
            #expect(try await server.create(Fixtures.housingCase(requestID: "after")).created)
            #expect(
                try await server.call(Cases.list, JiefenV1.ListCasesRequest()).cases.count
                    == acknowledged.count + 2)
            try await server.store.checkIntegrity()
        }
    }

    /// Runs a pragma on the writer connection (the one that writes) and returns its integer value.
    static func pragma(_ store: SQLiteCaseStore, _ pragma: String) async throws -> Int {
        try await store.withWriter { connection in
            try await connection.query("PRAGMA \(pragma)").first?.columns.first?.data.integer ?? -1
        }
    }
}
