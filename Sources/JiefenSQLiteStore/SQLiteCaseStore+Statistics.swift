import Foundation
public import JiefenStore
import SQLiteNIO

extension SQLiteCaseStore {
    /// See ``CaseStore/statistics(_:)``. Every figure is one SQL aggregate over `case_facts`, `cases`, `contacts`,
    /// `reception_sessions` and `joint_meetings`, read in one read transaction so the figures agree with each other.
    public func statistics(_ query: StatisticsQuery) async throws -> PeriodStatistics {
        for (name, value) in [("from", query.from), ("through", query.through), ("as of", query.asOf)] {
            guard Self.isISODate(value) else {
                throw StoreError(code: .invalidArgument, message: "the \(name) date '\(value)' is not YYYY-MM-DD")
            }
        }
        let sql = StatisticsSQL(query)
        return try await self.readers.read { db in
            try await db.query("BEGIN")
            do {
                let result = try await sql.run(db)
                try await db.query("COMMIT")
                return result
            } catch {
                _ = try? await db.query("ROLLBACK")
                throw error
            }
        }
    }

    /// See ``CaseStore/casesWithoutFacts(after:limit:)``.
    public func casesWithoutFacts(after: String?, limit: Int) async throws -> [CaseRecord] {
        try await self.readers.read { db in
            try await db.query(
                """
                SELECT \(CaseRows.columns) FROM cases c
                WHERE c.id > ? AND NOT EXISTS (SELECT 1 FROM case_facts f WHERE f.case_id = c.id)
                ORDER BY c.seq LIMIT ?
                """,
                [.text(after ?? ""), .integer(max(1, limit))]
            ).map(CaseRows.record)
        }
    }

    /// See ``CaseStore/putFacts(caseID:atVersion:_:)``.
    public func putFacts(caseID: String, atVersion version: Int64, _ facts: CaseFacts) async throws -> Bool {
        try await self.writer.submit { db in
            guard let row = try await db.first("SELECT version, updated_at FROM cases WHERE id = ?", [.text(caseID)]) else {
                throw StoreError.caseNotFound(caseID)
            }
            let reader = RowReader(row: row, table: "cases")
            guard try reader.int64("version") == version else { return false }
            try await FactsWriter.write(facts, caseID: caseID, recordedAt: try reader.int64("updated_at"), db: db)
            return true
        }
    }

    /// See ``CaseStore/knownVillages()``.
    public func knownVillages() async throws -> [String] {
        try await self.readers.read { db in
            try await db.query(
                "SELECT village_code FROM cases UNION SELECT village_code FROM reception_sessions ORDER BY 1"
            ).map { try RowReader(row: $0, table: "cases").text("village_code") }
        }
    }

    /// See ``CaseStore/putBaseline(from:through:figures:)``.
    public func putBaseline(from: String, through: String, figures: [String: Double]) async throws {
        guard Self.isISODate(from), Self.isISODate(through), from <= through else {
            throw StoreError(
                code: .invalidArgument, message: "a baseline needs a period YYYY-MM-DD to YYYY-MM-DD, got \(from) to \(through)")
        }
        let json = String(decoding: try JSONEncoder.sorted.encode(figures), as: UTF8.self)
        try await self.writer.submit { db -> Void in
            _ = try await db.query(
                "INSERT OR REPLACE INTO baselines (period_from, period_to, figures, recorded_at) VALUES (?, ?, ?, ?)",
                [.text(from), .text(through), .text(json), .int64(UnixTime.now())]
            )
        }
    }

    /// See ``CaseStore/baseline(from:through:)``.
    public func baseline(from: String, through: String) async throws -> [String: Double]? {
        let text: String? = try await self.readers.read { db in
            try await db.first("SELECT figures FROM baselines WHERE period_from = ? AND period_to = ?", [.text(from), .text(through)])
                .map { try RowReader(row: $0, table: "baselines").text("figures") }
        }
        guard let text else { return nil }
        do {
            return try JSONDecoder().decode([String: Double].self, from: Data(text.utf8))
        } catch {
            throw StoreError(code: .internalError, message: "the stored baseline for \(from) to \(through) is not a figure map")
        }
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
