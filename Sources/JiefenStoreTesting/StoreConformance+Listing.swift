public import JiefenStore
import Testing

extension StoreConformance {
    /// Each filter (kind, track, state, village, registration dates, inclusive) and their combination selects
    /// exactly the matching cases, in id order.
    public static func listFiltersCases(_ store: any CaseStore) async throws {
        let drafts = [
            StoreFixtures.caseDraft(kind: "housing", track: .petition, villageCode: "V01", registeredOn: "2025-01-10"),
            StoreFixtures.caseDraft(kind: "land", track: .dispute, villageCode: "V02", registeredOn: "2025-02-10"),
            StoreFixtures.caseDraft(kind: "land", track: .dispute, villageCode: "V01", registeredOn: "2025-03-10"),
            StoreFixtures.caseDraft(
                kind: "crop", track: .micro, state: "RESOLVED_ONLINE", villageCode: "V02",
                registeredOn: "2025-03-31"),
        ]
        var ids: [String] = []
        for (index, draft) in drafts.enumerated() {
            ids.append(
                try await store.createCase(requestID: "f\(index)", draft, firstEvent: StoreFixtures.event())
                    .record.id)
        }
        func list(_ query: CaseQuery) async throws -> [String] { try await store.listCases(query).cases.map(\.id) }
        #expect(try await list(CaseQuery()) == ids)
        #expect(try await list(CaseQuery(kind: "land")) == [ids[1], ids[2]])
        #expect(try await list(CaseQuery(track: .micro)) == [ids[3]])
        #expect(try await list(CaseQuery(state: "RESOLVED_ONLINE")) == [ids[3]])
        #expect(try await list(CaseQuery(villageCode: "V01")) == [ids[0], ids[2]])
        #expect(
            try await list(CaseQuery(registered: DateRange(from: "2025-02-10", through: "2025-03-10")))
                == [ids[1], ids[2]])
        #expect(try await list(CaseQuery(registered: DateRange(from: "2025-03-01"))) == [ids[2], ids[3]])
        #expect(try await list(CaseQuery(registered: DateRange(through: "2025-01-31"))) == [ids[0]])
        #expect(try await list(CaseQuery(kind: "land", villageCode: "V02")) == [ids[1]])
        #expect(try await list(CaseQuery(kind: "none")).isEmpty)
    }

    /// Walking the pages with the returned cursors yields every matching case once, in id order, and the last
    /// page has no cursor.
    public static func listPagesInIDOrder(_ store: any CaseStore) async throws {
        for index in 0..<23 {
            let village = index % 2 == 0 ? "V01" : "V02"
            _ = try await store.createCase(
                requestID: "p\(index)", StoreFixtures.caseDraft(villageCode: village), firstEvent: StoreFixtures.event())
        }
        for (filter, expectedCount) in [(nil, 23), ("V01", 12)] as [(String?, Int)] {
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let page = try await store.listCases(CaseQuery(villageCode: filter, pageSize: 5, cursor: cursor))
                #expect(page.cases.count <= 5)
                seen += page.cases.map(\.id)
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil && pages < 100
            #expect(seen.count == expectedCount)
            #expect(seen == seen.sorted() && Set(seen).count == seen.count)
        }
        let exact = try await store.listCases(CaseQuery(pageSize: 23))
        #expect(exact.cases.count == 23 && exact.nextCursor == nil)
    }

    /// Cases created between two page requests never make an earlier case repeat or disappear; they show up at
    /// the end.
    public static func listPagingIsStableUnderInserts(_ store: any CaseStore) async throws {
        for index in 0..<10 {
            _ = try await store.createCase(
                requestID: "s\(index)", StoreFixtures.caseDraft(), firstEvent: StoreFixtures.event())
        }
        let first = try await store.listCases(CaseQuery(pageSize: 4))
        for index in 10..<13 {
            _ = try await store.createCase(
                requestID: "s\(index)", StoreFixtures.caseDraft(), firstEvent: StoreFixtures.event())
        }
        var seen = first.cases.map(\.id)
        var cursor = first.nextCursor
        while let next = cursor {
            let page = try await store.listCases(CaseQuery(pageSize: 4, cursor: next))
            seen += page.cases.map(\.id)
            cursor = page.nextCursor
        }
        #expect(seen == (1...13).map { "JF-" + String(repeating: "0", count: 6 - String($0).count) + String($0) })
    }

    /// Page sizes outside 1...500 and cursors the store did not issue throw `invalidArgument`.
    public static func listRefusesBadPageRequests(_ store: any CaseStore) async throws {
        _ = try await StoreFixtures.createCase(in: store)
        for size in [0, -1, CaseQuery.maximumPageSize + 1] {
            await expectStoreError(.invalidArgument) { try await store.listCases(CaseQuery(pageSize: size)) }
        }
        #expect(try await store.listCases(CaseQuery(pageSize: CaseQuery.maximumPageSize)).cases.count == 1)
        await expectStoreError(.invalidArgument) {
            try await store.listCases(CaseQuery(cursor: "not a cursor"))
        }
    }
}
