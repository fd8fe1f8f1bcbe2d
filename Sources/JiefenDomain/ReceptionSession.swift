/// A village-reception session (驻村接访): town cadres receive villagers in a village on a set day,
/// by appointment and walk-in.
public struct ReceptionSession: Sendable, Hashable, Codable {
    /// The session's identifier.
    public var id: MeetingID
    /// The village where it is held.
    public var villageCode: VillageCode
    /// The day of the session.
    public var date: CivilDate
    /// `false` when it was planned but not held (counted in `sessions_vr` only when held).
    public var held: Bool
    /// The receiving leader's role or department (no personal name needed).
    public var leadDepartment: DepartmentCode?

    /// Creates a session.
    public init(
        id: MeetingID, villageCode: VillageCode, date: CivilDate, held: Bool = true,
        leadDepartment: DepartmentCode? = nil
    ) {
        self.id = id
        self.villageCode = villageCode
        self.date = date
        self.held = held
        self.leadDepartment = leadDepartment
    }

    /// Checks that `contact` can be recorded at this session: VILLAGE_RECEPTION channel, same local day,
    /// session held.
    public func admits(_ contact: Contact, offset: UTCOffset = .chinaStandardTime) throws(DomainError) {
        guard held else {
            throw .failedPrecondition("session \(id) on \(date) was not held; record the contact as a walk-in instead")
        }
        guard contact.channel == .villageReception else {
            throw .invalidArgument(field: "contact.channel", "a session contact must use VILLAGE_RECEPTION")
        }
        let day = contact.at.civilDate(offset: offset)
        guard day == date else {
            throw .invalidArgument(field: "contact.at", "session \(id) is on \(date), the contact is on \(day)")
        }
    }

    /// The batch and person-time tally of the contacts recorded at this session.
    public func tally(of contacts: [Contact], policy: CollectivePolicy = .standard) -> ContactTally {
        ContactTally(contacts.filter { $0.sessionID == id }, policy: policy)
    }
}
