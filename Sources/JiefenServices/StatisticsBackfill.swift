import JiefenDomain
import JiefenStore
public import Logging

/// Gives every case stored before the statistics projection existed its facts, from its snapshot, so that reports
/// count it. jiefend runs it at startup; it does nothing once every case has facts.
public enum StatisticsBackfill {
    /// Writes the missing facts and returns how many cases got them. A case whose snapshot cannot be read is
    /// logged (by id) and left out.
    public static func run(_ environment: CaseServiceEnvironment, logger: Logger) async throws -> Int {
        let repository = environment.repository
        var after: String?
        var filled = 0
        while true {
            let page = try await environment.store.casesWithoutFacts(after: after, limit: 200)
            guard let last = page.last else { return filled }
            after = last.id
            for record in page {
                let state: CaseState
                do {
                    state = try CaseRepository.state(of: record)
                } catch {
                    logger.error("case snapshot unreadable; left out of statistics", metadata: ["case.id": "\(record.id)"])
                    continue
                }
                if try await environment.store.putFacts(caseID: record.id, atVersion: record.version, repository.facts(state)) {
                    filled += 1
                }
            }
        }
    }
}
