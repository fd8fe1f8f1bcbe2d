public import JiefenWire

/// The `jiefen.v1.Contacts`, `jiefen.v1.Sessions` and `jiefen.v1.Meetings` services.
public enum ContactsAPI {
    public static let contactsService = "jiefen.v1.Contacts"
    public static let record = "Record"
    public static let sessionsService = "jiefen.v1.Sessions"
    public static let createSession = "Create"
    public static let listSessions = "List"
    public static let meetingsService = "jiefen.v1.Meetings"
    public static let recordMeeting = "Record"
}

/// `jiefen.v1.RecordContactRequest`: a visit batch or call on an existing case.
public struct RecordContactRequest: APIMessage {
    public static let messageType = "jiefen.v1.RecordContactRequest"
    public var caseID = ""
    public var channel = ""
    /// Unix seconds; 0 means now.
    public var at: Int64 = 0
    public var headcount = 0
    public var sessionID = ""
    public var personKeys: [String] = []
    public var actor = ""
    /// Client-chosen idempotency key; a retry records nothing and answers the first contact. Empty: none.
    public var requestID = ""

    public init() {}

    public init(proto m: ProtoMessage) {
        caseID = m.string(1)
        channel = m.string(2)
        at = m.int(3)
        headcount = Int(m.int(4))
        sessionID = m.string(5)
        personKeys = m.strings(6)
        actor = m.string(7)
        requestID = m.string(8)
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, caseID)
        m.set(2, channel)
        m.set(3, at)
        m.set(4, headcount)
        m.set(5, sessionID)
        m.set(6, personKeys)
        m.set(7, actor)
        m.set(8, requestID)
        return m
    }
}

/// `jiefen.v1.RecordContactResponse`.
public struct RecordContactResponse: APIMessage {
    public static let messageType = "jiefen.v1.RecordContactResponse"
    public var contactID: String
    public var batches: Int
    public var personTimes: Int
    public var followUp: Bool

    public init(contactID: String, batches: Int, personTimes: Int, followUp: Bool) {
        self.contactID = contactID
        self.batches = batches
        self.personTimes = personTimes
        self.followUp = followUp
    }

    public init(proto m: ProtoMessage) {
        self.init(contactID: m.string(1), batches: Int(m.int(2)), personTimes: Int(m.int(3)), followUp: m.bool(4))
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, contactID)
        m.set(2, batches)
        m.set(3, personTimes)
        m.set(4, followUp)
        return m
    }
}

/// `jiefen.v1.Session`: a village-reception session; `Sessions/Create` takes one without id and answers it with the id.
public struct APISession: APIMessage {
    public static let messageType = "jiefen.v1.Session"
    public var id = ""
    public var villageCode = ""
    public var date = ""
    public var leadDepartment = ""
    public var held = true
    /// `Sessions/Create` only: a client-chosen idempotency key; a retry creates nothing and answers the first
    /// session. Empty: none.
    public var requestID = ""

    public init(
        id: String = "", villageCode: String, date: String, leadDepartment: String = "", held: Bool = true, requestID: String = ""
    ) {
        self.id = id
        self.villageCode = villageCode
        self.date = date
        self.leadDepartment = leadDepartment
        self.held = held
        self.requestID = requestID
    }

    public init(proto m: ProtoMessage) {
        self.init(
            id: m.string(1), villageCode: m.string(2), date: m.string(3), leadDepartment: m.string(4), held: m.bool(5),
            requestID: m.string(6)
        )
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, id)
        m.set(2, villageCode)
        m.set(3, date)
        m.set(4, leadDepartment)
        m.set(5, held)
        m.set(6, requestID)
        return m
    }
}

/// `jiefen.v1.ListSessionsResponse`.
public struct ListSessionsResponse: APIMessage {
    public static let messageType = "jiefen.v1.ListSessionsResponse"
    public var sessions: [APISession]

    public init(sessions: [APISession]) { self.sessions = sessions }
    public init(proto m: ProtoMessage) { self.init(sessions: m.messages(1, as: APISession.self)) }
    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, sessions)
        return m
    }
}

/// `jiefen.v1.RecordMeetingRequest`: a joint meeting and its decision on one or more cases.
public struct RecordMeetingRequest: APIMessage {
    public static let messageType = "jiefen.v1.RecordMeetingRequest"
    public var caseIDs: [String] = []
    public var date = ""
    public var departments: [String] = []
    public var decision = ""
    public var resolved = false
    public var actor = ""
    /// Client-chosen idempotency key; a retry records nothing and answers the first meeting. Empty: none.
    public var requestID = ""

    public init() {}

    public init(proto m: ProtoMessage) {
        caseIDs = m.strings(1)
        date = m.string(2)
        departments = m.strings(3)
        decision = m.string(4)
        resolved = m.bool(5)
        actor = m.string(6)
        requestID = m.string(7)
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, caseIDs)
        m.set(2, date)
        m.set(3, departments)
        m.set(4, decision)
        m.set(5, resolved)
        m.set(6, actor)
        m.set(7, requestID)
        return m
    }
}

/// `jiefen.v1.ListSessionsRequest`: sessions held within a date range (either end may be empty).
public struct ListSessionsRequest: APIMessage {
    public static let messageType = "jiefen.v1.ListSessionsRequest"
    public var from: String
    public var to: String

    public init(from: String = "", to: String = "") {
        self.from = from
        self.to = to
    }

    public init(proto m: ProtoMessage) { self.init(from: m.string(1), to: m.string(2)) }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, from)
        m.set(2, to)
        return m
    }
}

/// `jiefen.v1.RecordMeetingResponse`.
public struct RecordMeetingResponse: APIMessage {
    public static let messageType = "jiefen.v1.RecordMeetingResponse"
    public var meetingID: String

    public init(meetingID: String) { self.meetingID = meetingID }
    public init(proto m: ProtoMessage) { self.init(meetingID: m.string(1)) }
    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, meetingID)
        return m
    }
}
