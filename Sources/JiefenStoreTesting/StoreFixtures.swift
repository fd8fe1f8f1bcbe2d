public import JiefenStore

/// Sample records for store tests: valid by default, each field overridable.
public enum StoreFixtures {
    /// A valid case draft.
    /// - Returns: A draft whose snapshot is a small JSON object naming the kind and state.
    public static func caseDraft(
        kind: String = "land_lease_arrears",
        track: StoredTrack = .dispute,
        state: String = "REGISTERED",
        intakeChannel: String = "VILLAGE_RECEPTION",
        villageCode: String = "V01",
        registeredOn: String = "2025-03-14",
        closedOn: String? = nil
    ) -> CaseDraft {
        CaseDraft(
            kind: kind,
            track: track,
            state: state,
            intakeChannel: intakeChannel,
            villageCode: villageCode,
            registeredOn: registeredOn,
            closedOn: closedOn,
            snapshot: self.json(#"{"kind":"\#(kind)","state":"\#(state)"}"#)
        )
    }

    /// A valid event draft.
    /// - Returns: An event whose payload is a small JSON object naming the type.
    public static func event(
        type: String = "REGISTERED",
        actor: String = "town-office",
        occurredAt: String = "2025-03-14T09:30:00+08:00",
        recordedAt: Int64 = 1_741_915_800
    ) -> EventDraft {
        EventDraft(
            type: type,
            actor: actor,
            occurredAt: occurredAt,
            recordedAt: recordedAt,
            payload: self.json(#"{"type":"\#(type)"}"#)
        )
    }

    /// UTF-8 bytes of a JSON text.
    public static func json(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Creates a case with a fresh request id and returns its record.
    /// - Parameters:
    ///   - store: The store.
    ///   - draft: The case.
    ///   - requestID: The request id; a unique one by default.
    /// - Returns: The created case.
    public static func createCase(
        in store: any CaseStore,
        _ draft: CaseDraft = caseDraft(),
        requestID: String? = nil
    ) async throws -> CaseRecord {
        let id = requestID ?? "fixture-\(draft.kind)-\(draft.villageCode)-\(UInt64.random(in: 0...UInt64.max))"
        return try await store.createCase(requestID: id, draft, firstEvent: event()).record
    }
}
