/// What the service layer supplies to record a village-reception session (驻村接访).
public struct ReceptionSessionDraft: Hashable, Sendable {
    /// A client-chosen id, or `nil` to let the store assign `VR-` and a zero-padded sequence number.
    public var id: String?
    /// The village where the session takes place.
    public var villageCode: String
    /// The session date, ISO `YYYY-MM-DD`.
    public var heldOn: String
    /// The leading cadre receiving visitors (a role or staff identifier).
    public var leader: String
    /// Whether the session took place (`sessions_vr` counts only held sessions).
    public var held: Bool

    /// Creates a draft. See the properties for the meaning of each parameter.
    public init(id: String? = nil, villageCode: String, heldOn: String, leader: String, held: Bool) {
        self.id = id
        self.villageCode = villageCode
        self.heldOn = heldOn
        self.leader = leader
        self.held = held
    }
}

/// A stored village-reception session.
public struct StoredReceptionSession: Hashable, Sendable {
    /// The session id: client-chosen, or `VR-000001` style when the store assigned it.
    public var id: String
    /// The village where the session takes place.
    public var villageCode: String
    /// The session date, ISO `YYYY-MM-DD`.
    public var heldOn: String
    /// The leading cadre.
    public var leader: String
    /// Whether the session took place.
    public var held: Bool

    /// Creates a session record; stores build these, tests compare them.
    public init(id: String, villageCode: String, heldOn: String, leader: String, held: Bool) {
        self.id = id
        self.villageCode = villageCode
        self.heldOn = heldOn
        self.leader = leader
        self.held = held
    }
}
