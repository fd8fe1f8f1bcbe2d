/// What the service layer supplies to create a case. The store assigns the id and the version.
///
/// `snapshot` is opaque to the store: JSON bytes the service layer produced from its domain value. It need not
/// contain the case id, which the store assigns; ``CaseRecord/id`` is authoritative.
public struct CaseDraft: Hashable, Sendable {
    /// The dispute kind (plugin name), for example `housing_delivery`.
    public var kind: String
    /// The procedure the case follows.
    public var track: StoredTrack
    /// The initial state, for example `REGISTERED`.
    public var state: String
    /// How the matter arrived, for example `VILLAGE_RECEPTION` (domain.md D).
    public var intakeChannel: String
    /// The village (or community) the matter belongs to.
    public var villageCode: String
    /// The registration date, ISO `YYYY-MM-DD` in local time.
    public var registeredOn: String
    /// The closing date, ISO `YYYY-MM-DD`, for a case closed at registration (guided to legal channels, say).
    public var closedOn: String?
    /// Opaque JSON of the whole case, produced by the service layer.
    public var snapshot: [UInt8]
    /// The statistics projection of the case, or `nil` for a case that statistics should not count yet.
    public var facts: CaseFacts?

    /// Creates a draft. See the properties for the meaning of each parameter.
    public init(
        kind: String,
        track: StoredTrack,
        state: String,
        intakeChannel: String,
        villageCode: String,
        registeredOn: String,
        closedOn: String? = nil,
        snapshot: [UInt8],
        facts: CaseFacts? = nil
    ) {
        self.facts = facts
        self.kind = kind
        self.track = track
        self.state = state
        self.intakeChannel = intakeChannel
        self.villageCode = villageCode
        self.registeredOn = registeredOn
        self.closedOn = closedOn
        self.snapshot = snapshot
    }
}

/// A stored case: the row derived from its append-only history.
public struct CaseRecord: Hashable, Sendable {
    /// The store-assigned id: `JF-` and a zero-padded sequence number, such as `JF-000001`.
    public var id: String
    /// The dispute kind (plugin name).
    public var kind: String
    /// The procedure the case follows.
    public var track: StoredTrack
    /// The current state.
    public var state: String
    /// How the matter arrived.
    public var intakeChannel: String
    /// The village the matter belongs to.
    public var villageCode: String
    /// The registration date, ISO `YYYY-MM-DD`.
    public var registeredOn: String
    /// The closing date, ISO `YYYY-MM-DD`, once the case is closed.
    public var closedOn: String?
    /// The number of events in the history: 1 after create, one more per appended event.
    public var version: Int64
    /// Opaque JSON of the whole case as of ``version``.
    public var snapshot: [UInt8]
    /// When the case was created: the first event's ``EventDraft/recordedAt`` (unix seconds).
    public var createdAt: Int64
    /// When the case last changed: the latest event's ``EventDraft/recordedAt`` (unix seconds).
    public var updatedAt: Int64

    /// Creates a record; stores build these, tests compare them.
    public init(
        id: String,
        kind: String,
        track: StoredTrack,
        state: String,
        intakeChannel: String,
        villageCode: String,
        registeredOn: String,
        closedOn: String?,
        version: Int64,
        snapshot: [UInt8],
        createdAt: Int64,
        updatedAt: Int64
    ) {
        self.id = id
        self.kind = kind
        self.track = track
        self.state = state
        self.intakeChannel = intakeChannel
        self.villageCode = villageCode
        self.registeredOn = registeredOn
        self.closedOn = closedOn
        self.version = version
        self.snapshot = snapshot
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The outcome of an idempotent create: the record, and whether this call created it.
public struct CreateResult<Record: Hashable & Sendable>: Hashable, Sendable {
    /// The stored record: the new one, or the one an earlier call with the same request id created.
    public var record: Record
    /// `true` if this call wrote the record; `false` if a request with the same id had already done so and
    /// nothing was written.
    public var created: Bool

    /// Creates a result.
    /// - Parameters:
    ///   - record: The stored record.
    ///   - created: Whether this call wrote it.
    public init(record: Record, created: Bool) {
        self.record = record
        self.created = created
    }
}
