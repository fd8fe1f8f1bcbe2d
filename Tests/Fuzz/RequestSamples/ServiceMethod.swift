import JiefenAPI

/// One method of the case server's API and the protobuf type of its request.
public struct ServiceMethod: Sendable, Hashable, CustomStringConvertible {
    /// The fully qualified service name, e.g. `jiefen.v1.Cases`.
    public var service: String
    /// The method name, e.g. `Create`.
    public var method: String
    /// The request message's full protobuf name, e.g. `jiefen.v1.CreateCaseRequest`.
    public var requestType: String

    /// Creates a method entry.
    public init(_ service: String, _ method: String, request requestType: String) {
        self.service = service
        self.method = method
        self.requestType = requestType
    }

    /// `service/method`.
    public var description: String { "\(service)/\(method)" }

    /// Every method the case services register (as `CaseServer` and `jiefend` compose them), in a fixed order:
    /// fuzz inputs pick a method by index, so entries are only ever appended.
    public static let all: [ServiceMethod] = [
        ServiceMethod(CasesAPI.service, CasesAPI.create, request: CreateCaseRequest.messageType),
        ServiceMethod(CasesAPI.service, CasesAPI.get, request: GetCaseRequest.messageType),
        ServiceMethod(CasesAPI.service, CasesAPI.list, request: ListCasesRequest.messageType),
        ServiceMethod(CasesAPI.service, CasesAPI.apply, request: ApplyEventRequest.messageType),
        ServiceMethod(CasesAPI.service, CasesAPI.history, request: "jiefen.v1.CaseHistoryRequest"),
        ServiceMethod(CasesAPI.service, CasesAPI.assess, request: "jiefen.v1.AssessCaseRequest"),
        ServiceMethod(KindsAPI.service, KindsAPI.list, request: "jiefen.v1.ListKindsRequest"),
        ServiceMethod(KindsAPI.service, KindsAPI.describe, request: DescribeKindRequest.messageType),
        ServiceMethod(ContactsAPI.contactsService, ContactsAPI.record, request: RecordContactRequest.messageType),
        ServiceMethod(ContactsAPI.sessionsService, ContactsAPI.createSession, request: APISession.messageType),
        ServiceMethod(ContactsAPI.sessionsService, ContactsAPI.listSessions, request: ListSessionsRequest.messageType),
        ServiceMethod(ContactsAPI.meetingsService, ContactsAPI.recordMeeting, request: RecordMeetingRequest.messageType),
        ServiceMethod(StatsAPI.service, StatsAPI.report, request: ReportRequest.messageType),
        ServiceMethod(StatsAPI.service, StatsAPI.putBaseline, request: PutBaselineRequest.messageType),
    ]

    /// The position of this method in ``all`` (what a fuzz input's first byte selects).
    public var index: Int { Self.all.firstIndex(of: self)! }
}
