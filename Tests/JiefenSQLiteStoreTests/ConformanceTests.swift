import JiefenSQLiteStore
import JiefenStore
import JiefenStoreTesting
import Testing

/// The backend-independent store properties, each on its own temporary SQLite file.
@Suite("SQLite store conformance")
struct ConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func conformance(_ check: StoreConformance.Check) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await StoreConformance.run(check) {
            try await SQLiteCaseStore.open(path: directory.databasePath, logger: quietLogger)
        }
    }
}
