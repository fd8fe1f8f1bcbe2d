public import JiefenStore
public import Testing

/// The properties every ``CaseStore`` backend must have, as plain async functions using Swift Testing's
/// `#expect` and `#require`. A backend's test target runs them against fresh stores:
///
/// ```swift
/// @Test(arguments: StoreConformance.checks)
/// func conformance(_ check: StoreConformance.Check) async throws {
///     try await StoreConformance.run(check) { try await openFreshStore() }
/// }
/// ```
///
/// Each check expects an empty store and leaves it open; ``run(_:makeStore:)`` closes it.
public enum StoreConformance {
    /// Opens a new, empty store.
    public typealias MakeStore = @Sendable () async throws -> any CaseStore

    /// One named property of a store.
    public struct Check: Sendable, CustomStringConvertible, CustomTestStringConvertible {
        /// What the check shows, such as `create is idempotent per request id`.
        public let name: String
        /// The check itself, run against an empty store.
        public let body: @Sendable (any CaseStore) async throws -> Void

        /// Creates a check.
        /// - Parameters:
        ///   - name: What the check shows.
        ///   - body: The check, run against an empty store.
        public init(_ name: String, _ body: @escaping @Sendable (any CaseStore) async throws -> Void) {
            self.name = name
            self.body = body
        }

        /// The check's name.
        public var description: String { self.name }
        /// The check's name, as Swift Testing shows the argument.
        public var testDescription: String { self.name }
    }

    /// Every check, in a sensible reading order.
    public static let checks: [Check] =
        [
            Check("create assigns sequential ids and writes the first event", createAssignsSequentialIDs),
            Check("create is idempotent per request id", createIsIdempotent),
            Check("concurrent retries of one create make one case", concurrentRetriesCreateOneCase),
            Check("request ids are validated and share one namespace", requestIDsShareOneNamespace),
            Check("append advances the version and the history", appendAdvancesVersionAndHistory),
            Check("append of several events moves the version by their number", appendManyEventsAtOnce),
            Check("append with a stale version conflicts and writes nothing", staleAppendConflicts),
            Check("concurrent appends never lose an update", concurrentAppendsNeverLoseUpdates),
            Check("an append with a request id writes once", appendWithRequestIDWritesOnce),
            Check("concurrent appends with one request id write once", concurrentRetriedAppendsWriteOnce),
            Check("unknown cases are reported", unknownCasesAreReported),
            Check("invalid fields are refused and write nothing", invalidFieldsAreRefused),
            Check("empty snapshots and payloads round-trip", emptyBytesRoundTrip),
            Check("list filters cases", listFiltersCases),
            Check("list pages by cursor in id order", listPagesInIDOrder),
            Check("list pages stay stable while cases are created", listPagingIsStableUnderInserts),
            Check("list refuses bad page sizes and cursors", listRefusesBadPageRequests),
            Check("sessions are created and listed by date", sessionsAreCreatedAndListed),
            Check("contacts are recorded per case and by date", contactsAreRecorded),
            Check("contacts enforce headcount, case and session", contactsEnforceInvariants),
            Check("joint meetings link many cases", meetingsLinkManyCases),
            Check("a closed store refuses calls", closedStoreRefusesCalls),
        ] + statisticsChecks

    /// Runs one check against a fresh store and closes the store afterwards.
    /// - Parameters:
    ///   - check: The check.
    ///   - makeStore: Opens a new, empty store.
    public static func run(_ check: Check, makeStore: MakeStore) async throws {
        let store = try await makeStore()
        do {
            try await check.body(store)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    /// Runs every check, each against its own fresh store.
    /// - Parameter makeStore: Opens a new, empty store.
    public static func runAll(makeStore: MakeStore) async throws {
        for check in self.checks {
            try await self.run(check, makeStore: makeStore)
        }
    }
}

/// Runs `body` and returns the ``StoreError`` it threw, recording an issue if it threw nothing, another error, or
/// a store error with another code.
/// - Parameters:
///   - code: The expected code.
///   - sourceLocation: Where the expectation is, for the issue.
///   - body: The store call.
/// - Returns: The error, if one with the expected code was thrown.
@discardableResult
func expectStoreError<T>(
    _ code: StoreError.Code,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> T
) async -> StoreError? {
    do {
        _ = try await body()
        Issue.record("expected a StoreError with code \(code), but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        return error.code == code ? error : nil
    } catch {
        Issue.record("expected a StoreError with code \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
