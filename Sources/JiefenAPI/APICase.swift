public import JiefenWire

/// `jiefen.v1.Case`: a case as the server reports it.
public struct APICase: APIMessage {
    public static let messageType = "jiefen.v1.Case"
    public var id = ""
    public var kind = ""
    public var track = ""
    public var status = ""
    public var channel = ""
    public var villageCode = ""
    public var petitioners: [APIPerson] = []
    public var representatives: [APIPerson] = []
    public var personsInvolved = 0
    public var householdsInvolved = 0
    public var vulnerableFlags: [String] = []
    public var demandText = ""
    public var details: [APIField] = []
    public var registeredOn = ""
    public var acceptedOn = ""
    public var acceptanceNoticeOn = ""
    public var assignedDepartment = ""
    public var dueOn = ""
    public var extensionDays = 0
    public var outcome = ""
    public var closedOn = ""
    public var rating = ""
    public var jointMeetings = 0
    public var contacts = 0
    public var personTimes = 0
    public var version: Int64 = 0
    /// Whether personal data is masked.
    public var masked = false
    public var overdue = false

    /// Creates an empty case message.
    public init() {}

    public init(proto m: ProtoMessage) {
        id = m.string(1)
        kind = m.string(2)
        track = m.string(3)
        status = m.string(4)
        channel = m.string(5)
        villageCode = m.string(6)
        petitioners = m.messages(7, as: APIPerson.self)
        representatives = m.messages(8, as: APIPerson.self)
        personsInvolved = Int(m.int(9))
        householdsInvolved = Int(m.int(10))
        vulnerableFlags = m.strings(11)
        demandText = m.string(12)
        details = m.messages(13, as: APIField.self)
        registeredOn = m.string(14)
        acceptedOn = m.string(15)
        acceptanceNoticeOn = m.string(16)
        assignedDepartment = m.string(17)
        dueOn = m.string(18)
        extensionDays = Int(m.int(19))
        outcome = m.string(20)
        closedOn = m.string(21)
        rating = m.string(22)
        jointMeetings = Int(m.int(23))
        contacts = Int(m.int(24))
        personTimes = Int(m.int(25))
        version = m.int(26)
        masked = m.bool(27)
        overdue = m.bool(28)
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, id)
        m.set(2, kind)
        m.set(3, track)
        m.set(4, status)
        m.set(5, channel)
        m.set(6, villageCode)
        m.set(7, petitioners)
        m.set(8, representatives)
        m.set(9, personsInvolved)
        m.set(10, householdsInvolved)
        m.set(11, vulnerableFlags)
        m.set(12, demandText)
        m.set(13, details)
        m.set(14, registeredOn)
        m.set(15, acceptedOn)
        m.set(16, acceptanceNoticeOn)
        m.set(17, assignedDepartment)
        m.set(18, dueOn)
        m.set(19, extensionDays)
        m.set(20, outcome)
        m.set(21, closedOn)
        m.set(22, rating)
        m.set(23, jointMeetings)
        m.set(24, contacts)
        m.set(25, personTimes)
        m.set(26, version)
        m.set(27, masked)
        m.set(28, overdue)
        return m
    }
}
