public import JiefenWire

/// The `jiefen.v1.Cases` service and its methods.
public enum CasesAPI {
    public static let service = "jiefen.v1.Cases"
    public static let create = "Create"
    public static let get = "Get"
    public static let list = "List"
    public static let apply = "Apply"
    public static let history = "History"
    public static let assess = "Assess"
}

/// `jiefen.v1.CreateCaseRequest`.
public struct CreateCaseRequest: APIMessage {
    public static let messageType = "jiefen.v1.CreateCaseRequest"
    /// Client-chosen idempotency key.
    public var requestID = ""
    public var kind = ""
    public var track = ""
    public var channel = ""
    public var villageCode = ""
    public var petitioners: [APIPerson] = []
    public var representatives: [APIPerson] = []
    public var personsInvolved = 0
    public var householdsInvolved = 0
    public var vulnerableFlags: [String] = []
    public var demandText = ""
    public var details: [APIField] = []
    /// Unix seconds; 0 means now.
    public var receivedAt: Int64 = 0
    /// People present at the first contact; 0 records none.
    public var headcount = 0
    public var sessionID = ""
    public var actor = ""
    /// Distinct-person keys of the people at the first contact.
    public var personKeys: [String] = []

    /// Creates an empty request.
    public init() {}

    public init(proto m: ProtoMessage) {
        requestID = m.string(1)
        kind = m.string(2)
        track = m.string(3)
        channel = m.string(4)
        villageCode = m.string(5)
        petitioners = m.messages(6, as: APIPerson.self)
        representatives = m.messages(7, as: APIPerson.self)
        personsInvolved = Int(m.int(8))
        householdsInvolved = Int(m.int(9))
        vulnerableFlags = m.strings(10)
        demandText = m.string(11)
        details = m.messages(12, as: APIField.self)
        receivedAt = m.int(13)
        headcount = Int(m.int(14))
        sessionID = m.string(15)
        actor = m.string(16)
        personKeys = m.strings(17)
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, requestID)
        m.set(2, kind)
        m.set(3, track)
        m.set(4, channel)
        m.set(5, villageCode)
        m.set(6, petitioners)
        m.set(7, representatives)
        m.set(8, personsInvolved)
        m.set(9, householdsInvolved)
        m.set(10, vulnerableFlags)
        m.set(11, demandText)
        m.set(12, details)
        m.set(13, receivedAt)
        m.set(14, headcount)
        m.set(15, sessionID)
        m.set(16, actor)
        m.set(17, personKeys)
        return m
    }
}

/// `jiefen.v1.CreateCaseResponse`.
public struct CreateCaseResponse: APIMessage {
    public static let messageType = "jiefen.v1.CreateCaseResponse"
    public var `case`: APICase
    /// False when the request id had already created this case.
    public var created: Bool

    public init(case: APICase, created: Bool) {
        self.case = `case`
        self.created = created
    }

    public init(proto m: ProtoMessage) {
        self.init(case: m.message(1, as: APICase.self) ?? APICase(), created: m.bool(2))
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m[1] = .message(`case`.proto)
        m.set(2, created)
        return m
    }
}

/// `jiefen.v1.GetCaseRequest`.
public struct GetCaseRequest: APIMessage {
    public static let messageType = "jiefen.v1.GetCaseRequest"
    public var id: String
    /// Ask for personal data unmasked.
    public var reveal: Bool

    public init(id: String, reveal: Bool = false) {
        self.id = id
        self.reveal = reveal
    }

    public init(proto m: ProtoMessage) { self.init(id: m.string(1), reveal: m.bool(2)) }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, id)
        m.set(2, reveal)
        return m
    }
}

/// `jiefen.v1.ListCasesRequest`.
public struct ListCasesRequest: APIMessage {
    public static let messageType = "jiefen.v1.ListCasesRequest"
    public var kind = ""
    public var track = ""
    public var status = ""
    public var villageCode = ""
    public var registeredFrom = ""
    public var registeredTo = ""
    public var pageSize = 0
    public var pageToken = ""

    public init() {}

    public init(proto m: ProtoMessage) {
        kind = m.string(1)
        track = m.string(2)
        status = m.string(3)
        villageCode = m.string(4)
        registeredFrom = m.string(5)
        registeredTo = m.string(6)
        pageSize = Int(m.int(7))
        pageToken = m.string(8)
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, kind)
        m.set(2, track)
        m.set(3, status)
        m.set(4, villageCode)
        m.set(5, registeredFrom)
        m.set(6, registeredTo)
        m.set(7, pageSize)
        m.set(8, pageToken)
        return m
    }
}

/// `jiefen.v1.ListCasesResponse`.
public struct ListCasesResponse: APIMessage {
    public static let messageType = "jiefen.v1.ListCasesResponse"
    public var cases: [APICase]
    /// Empty on the last page.
    public var nextPageToken: String

    public init(cases: [APICase], nextPageToken: String) {
        self.cases = cases
        self.nextPageToken = nextPageToken
    }

    public init(proto m: ProtoMessage) {
        self.init(cases: m.messages(1, as: APICase.self), nextPageToken: m.string(2))
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, cases)
        m.set(2, nextPageToken)
        return m
    }
}
