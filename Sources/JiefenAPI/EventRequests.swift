public import JiefenWire

/// `jiefen.v1.ApplyEventRequest`: one lifecycle event for a case.
public struct ApplyEventRequest: APIMessage {
    public static let messageType = "jiefen.v1.ApplyEventRequest"
    public var caseID = ""
    /// The event type, e.g. `accepted`, `assigned`, `closed`.
    public var type = ""
    public var arguments: [APIField] = []
    /// The version the client saw; 0 skips the check.
    public var expectedVersion: Int64 = 0
    /// Unix seconds; 0 means now.
    public var occurredAt: Int64 = 0
    public var actor = ""
    /// Client-chosen idempotency key; a retry applies nothing and answers the case as it is now. Empty: none.
    public var requestID = ""

    public init() {}

    public init(proto m: ProtoMessage) {
        caseID = m.string(1)
        type = m.string(2)
        arguments = m.messages(3, as: APIField.self)
        expectedVersion = m.int(4)
        occurredAt = m.int(5)
        actor = m.string(6)
        requestID = m.string(7)
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, caseID)
        m.set(2, type)
        m.set(3, arguments)
        m.set(4, expectedVersion)
        m.set(5, occurredAt)
        m.set(6, actor)
        m.set(7, requestID)
        return m
    }
}

/// A message holding one case: `jiefen.v1.ApplyEventResponse`.
public struct ApplyEventResponse: APIMessage {
    public static let messageType = "jiefen.v1.ApplyEventResponse"
    public var `case`: APICase

    public init(case: APICase) { self.case = `case` }
    public init(proto m: ProtoMessage) { self.init(case: m.message(1, as: APICase.self) ?? APICase()) }
    public var proto: ProtoMessage { ProtoMessage([1: .message(`case`.proto)]) }
}

/// A request naming one case: `jiefen.v1.CaseHistoryRequest` (also used for Assess, same shape).
public struct CaseIDRequest: APIMessage {
    public static let messageType = "jiefen.v1.CaseHistoryRequest"
    public var caseID: String

    public init(caseID: String) { self.caseID = caseID }
    public init(proto m: ProtoMessage) { self.init(caseID: m.string(1)) }
    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, caseID)
        return m
    }
}

/// `jiefen.v1.CaseEvent`: one entry of a case's history.
public struct APICaseEvent: APIMessage {
    public static let messageType = "jiefen.v1.CaseEvent"
    public var sequence: Int64
    public var type: String
    public var actor: String
    public var occurredAt: Int64
    public var arguments: [APIField]

    public init(sequence: Int64, type: String, actor: String, occurredAt: Int64, arguments: [APIField]) {
        self.sequence = sequence
        self.type = type
        self.actor = actor
        self.occurredAt = occurredAt
        self.arguments = arguments
    }

    public init(proto m: ProtoMessage) {
        self.init(
            sequence: m.int(1), type: m.string(2), actor: m.string(3), occurredAt: m.int(4),
            arguments: m.messages(5, as: APIField.self)
        )
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, sequence)
        m.set(2, type)
        m.set(3, actor)
        m.set(4, occurredAt)
        m.set(5, arguments)
        return m
    }
}

/// `jiefen.v1.CaseHistoryResponse`.
public struct CaseHistoryResponse: APIMessage {
    public static let messageType = "jiefen.v1.CaseHistoryResponse"
    public var events: [APICaseEvent]

    public init(events: [APICaseEvent]) { self.events = events }
    public init(proto m: ProtoMessage) { self.init(events: m.messages(1, as: APICaseEvent.self)) }
    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, events)
        return m
    }
}

/// `jiefen.v1.Figure`: one computed figure of an assessment.
public struct APIFigure: APIMessage {
    public static let messageType = "jiefen.v1.Figure"
    public var name: String
    public var label: String
    public var value: APIValue

    public init(name: String, label: String, value: APIValue) {
        self.name = name
        self.label = label
        self.value = value
    }

    public init(proto m: ProtoMessage) {
        self.init(name: m.string(1), label: m.string(2), value: m.message(3).map(APIValue.init(proto:)) ?? .unset)
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, name)
        m.set(2, label)
        m[3] = .message(value.proto)
        return m
    }
}

/// `jiefen.v1.AssessCaseResponse`.
public struct AssessCaseResponse: APIMessage {
    public static let messageType = "jiefen.v1.AssessCaseResponse"
    public var severity: String
    public var routing: String
    public var figures: [APIFigure]
    public var advice: [String]
    public var flags: [String]

    public init(severity: String, routing: String, figures: [APIFigure], advice: [String], flags: [String]) {
        self.severity = severity
        self.routing = routing
        self.figures = figures
        self.advice = advice
        self.flags = flags
    }

    public init(proto m: ProtoMessage) {
        self.init(
            severity: m.string(1), routing: m.string(2), figures: m.messages(3, as: APIFigure.self),
            advice: m.strings(4), flags: m.strings(5)
        )
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, severity)
        m.set(2, routing)
        m.set(3, figures)
        m.set(4, advice)
        m.set(5, flags)
        return m
    }
}
