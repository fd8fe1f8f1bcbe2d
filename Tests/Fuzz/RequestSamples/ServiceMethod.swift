public import JiefenAPI
public import TTRPCCore

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

    /// The entry of a generated method descriptor.
    public init<Request: GeneratedMessage, Response>(_ method: TTRPCMethod<Request, Response>) {
        self.init(method.service, method.method, request: Request.protoName)
    }

    /// `service/method`.
    public var description: String { "\(service)/\(method)" }

    /// Every method the case services register (as `CaseServer` and `jiefend` compose them), in a fixed order:
    /// fuzz inputs pick a method by index, so entries are only ever appended.
    public static let all: [ServiceMethod] = [
        ServiceMethod(Cases.create),
        ServiceMethod(Cases.get),
        ServiceMethod(Cases.list),
        ServiceMethod(Cases.apply),
        ServiceMethod(Cases.history),
        ServiceMethod(Cases.assess),
        ServiceMethod(Kinds.listKinds),
        ServiceMethod(Kinds.describeKind),
        ServiceMethod(Contacts.record),
        ServiceMethod(Sessions.create),
        ServiceMethod(Sessions.list),
        ServiceMethod(Meetings.record),
        ServiceMethod(Stats.report),
        ServiceMethod(Stats.putBaseline),
    ]

    /// The position of this method in ``all`` (what a fuzz input's first byte selects).
    public var index: Int { Self.all.firstIndex(of: self)! }
}
