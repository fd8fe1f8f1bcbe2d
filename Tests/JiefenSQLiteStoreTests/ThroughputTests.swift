import Foundation
import JiefenSQLiteStore
import JiefenStore
import Testing

/// Creates per second with the production durability settings (WAL, synchronous=FULL), one caller versus 64.
/// Set `JIEFEN_STORE_BENCH_CREATES` to measure with more creates than the default.
@Suite("SQLite create throughput")
struct ThroughputTests {
    static var total: Int {
        ProcessInfo.processInfo.environment["JIEFEN_STORE_BENCH_CREATES"].flatMap(Int.init) ?? 256
    }

    @Test("group commit serves 64 callers with far fewer commits than creates")
    func throughput() async throws {
        var lines: [String] = []
        for concurrency in [1, 64] {
            try await withTemporaryStore { store, _ in
                let result = try await CreateThroughput.measure(store: store, total: Self.total, concurrency: concurrency)
                let statistics = store.statistics
                lines.append("\(result); \(statistics.commits) commits, largest batch \(statistics.largestBatch)")
                if concurrency == 64 {
                    #expect(statistics.commits < result.creates)
                } else {
                    #expect(statistics.commits == result.creates)
                }
            }
        }
        print("store throughput (WAL, synchronous=FULL):\n  " + lines.joined(separator: "\n  "))
    }
}
