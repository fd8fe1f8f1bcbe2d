/// Measures how many cases per second a store creates, with whatever durability settings the store was opened
/// with. The server's benchmark command and the store tests use it; it writes synthetic cases.
///
/// ```swift
/// let result = try await CreateThroughput.measure(store: store, total: 2_000, concurrency: 64)
/// print(result.createsPerSecond)
/// ```
public enum CreateThroughput {
    /// The result of one measurement.
    public struct Result: Hashable, Sendable, CustomStringConvertible {
        /// Cases created.
        public var creates: Int
        /// Callers creating cases at the same time.
        public var concurrency: Int
        /// Wall-clock time from the first create to the last acknowledgement.
        public var elapsed: Duration

        /// Creates a result.
        /// - Parameters:
        ///   - creates: Cases created.
        ///   - concurrency: Callers creating cases at the same time.
        ///   - elapsed: Wall-clock time taken.
        public init(creates: Int, concurrency: Int, elapsed: Duration) {
            self.creates = creates
            self.concurrency = concurrency
            self.elapsed = elapsed
        }

        /// Creates per second of wall-clock time.
        public var createsPerSecond: Double {
            let seconds =
                Double(self.elapsed.components.seconds)
                + Double(self.elapsed.components.attoseconds) / 1e18
            return seconds > 0 ? Double(self.creates) / seconds : 0
        }

        /// For example `2000 creates, 64 callers, 0.81 s: 2469 creates/s`.
        public var description: String {
            let perSecond = Int(self.createsPerSecond.rounded())
            return "\(self.creates) creates, \(self.concurrency) callers, \(self.elapsed): \(perSecond) creates/s"
        }
    }

    /// Creates `total` synthetic cases with `concurrency` callers in parallel, each create acknowledged only once
    /// durable, and times it.
    /// - Parameters:
    ///   - store: The store to write to (it keeps the cases).
    ///   - total: How many cases to create; rounded up to a multiple of `concurrency`.
    ///   - concurrency: How many callers create at the same time (at least 1).
    ///   - requestPrefix: Prefix of the generated request ids; use a new one for each run on the same store.
    /// - Returns: The number of creates and the time taken.
    /// - Throws: The first ``StoreError`` any create threw.
    public static func measure(
        store: any CaseStore,
        total: Int,
        concurrency: Int,
        requestPrefix: String = "bench"
    ) async throws -> Result {
        let callers = max(1, concurrency)
        let perCaller = max(1, (total + callers - 1) / callers)
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingDiscardingTaskGroup { group in
            for caller in 0..<callers {
                group.addTask {
                    for index in 0..<perCaller {
                        let requestID = "\(requestPrefix)-\(callers)-\(caller)-\(index)"
                        _ = try await store.createCase(requestID: requestID, Self.draft, firstEvent: Self.event)
                    }
                }
            }
        }
        return Result(creates: perCaller * callers, concurrency: callers, elapsed: clock.now - start)
    }

    private static let draft = CaseDraft(
        kind: "benchmark",
        track: .dispute,
        state: "REGISTERED",
        intakeChannel: "WALK_IN",
        villageCode: "V00",
        registeredOn: "2025-01-02",
        snapshot: Array(#"{"kind":"benchmark","state":"REGISTERED","parties":[{"role":"applicant"}]}"#.utf8)
    )

    private static let event = EventDraft(
        type: "REGISTERED",
        actor: "benchmark",
        occurredAt: "2025-01-02T09:00:00+08:00",
        recordedAt: 1_735_779_600,
        payload: Array(#"{"channel":"WALK_IN"}"#.utf8)
    )
}
