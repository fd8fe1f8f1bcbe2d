public import JiefenAPI
public import JiefenDomain
import JiefenServices
import JiefenWire
import JiefenBuiltInPlugins

/// Valid requests of every method of the case services, built from the built-in plugins' own sample details.
///
/// Used as the fuzzers' seed corpus and as the base that the extreme-value tests change one field at a time.
public enum RequestSamples {
    /// The built-in dispute plugins, as `jiefend` registers them (``JiefenBuiltInPlugins/BuiltInPlugins``).
    public static var plugins: [any DisputePlugin] { BuiltInPlugins.all }

    /// A date well in the past (cases received then may have events applied now).
    public static let receivedOn = "2023-02-12"

    /// A valid create for `plugin`, carrying every attribute of the plugin's sample details.
    public static func create(_ plugin: any DisputePlugin, requestID: String) -> CreateCaseRequest {
        var request = CreateCaseRequest()
        request.requestID = requestID
        request.kind = plugin.kind.rawValue
        request.track = "petition"
        request.channel = "VILLAGE_RECEPTION"
        request.villageCode = "340181-TY-01"
        request.petitioners = [APIPerson(name: "张三", idNumber: "11010519491231002X", phone: "13800138000")]
        request.representatives = [APIPerson(name: "李四", phone: "13900139000")]
        request.personsInvolved = 6
        request.householdsInvolved = 3
        request.vulnerableFlags = ["elderly_alone"]
        request.demandText = "要求依法处理"
        request.details = plugin.sampleDetails.names.map { APIField($0, APIValue(plugin.sampleDetails[$0]!)) }
        request.receivedAt = Timestamp(date: CivilDate(iso: receivedOn)!, hour: 9).secondsSinceEpoch
        request.headcount = 5
        request.actor = "sample"
        request.personKeys = ["p1", "p2"]
        return request
    }

    /// The events of a case's lifecycle, in an order the rules accept, with their arguments.
    public static let events: [ApplyEventRequest] = [
        event("accepted", [APIField("notice_on", .date("2023-02-14"))]),
        event("assigned", [APIField("department", .text("rural-economy-office"))]),
        event("handling_started"),
        event("extension_approved", [APIField("days", .integer(30)), APIField("reason", .text("joint meeting needed"))]),
        event("replied", [APIField("decision", .choice("support")), APIField("document_ref", .text("TY-2023-031"))]),
        event("closed", [APIField("outcome", .choice("resolved_town"))]),
        event("evaluated", [APIField("rating", .choice("satisfied"))]),
    ]

    private static func event(_ type: String, _ arguments: [APIField] = []) -> ApplyEventRequest {
        var request = ApplyEventRequest()
        request.type = type
        request.arguments = arguments
        request.actor = "sample"
        return request
    }

    /// Valid requests of every method in ``ServiceMethod/all``, at least one each.
    ///
    /// - Parameters:
    ///   - caseID: An existing case for the methods that name one.
    ///   - sessionID: An existing reception session, or "" for none.
    public static func all(caseID: String = "JF-000001", sessionID: String = "") -> [RequestSample] {
        var samples: [RequestSample] = []
        func add(_ name: String, _ index: Int, _ message: some APIMessage) {
            let method = ServiceMethod.all[index]
            samples.append(RequestSample(name: "\(method.service.split(separator: ".").last!).\(method.method).\(name)", method: method, message: message.proto))
        }
        for plugin in plugins { add(plugin.kind.rawValue, 0, create(plugin, requestID: "seed-\(plugin.kind.rawValue)")) }
        add("masked", 1, GetCaseRequest(id: caseID))
        add("revealed", 1, GetCaseRequest(id: caseID, reveal: true))
        var list = ListCasesRequest()
        list.kind = "housing-delivery"
        list.track = "petition"
        list.status = "REGISTERED"
        list.villageCode = "340181-TY-01"
        list.registeredFrom = "2023-01-01"
        list.registeredTo = "2023-12-31"
        list.pageSize = 10
        add("filtered", 2, list)
        add("all", 2, ListCasesRequest())
        for event in events {
            var request = event
            request.caseID = caseID  // expected_version 0: applied whatever the case's version
            add(event.type, 3, request)
        }
        add("case", 4, CaseIDRequest(caseID: caseID))
        add("case", 5, CaseIDRequest(caseID: caseID))
        samples.append(RequestSample(name: "Kinds.ListKinds.empty", method: ServiceMethod.all[6], message: ProtoMessage()))
        for plugin in plugins { add(plugin.kind.rawValue, 7, DescribeKindRequest(kind: plugin.kind.rawValue)) }
        var contact = RecordContactRequest()
        contact.caseID = caseID
        contact.channel = "WALK_IN"
        contact.at = Timestamp(date: CivilDate(iso: "2023-03-01")!, hour: 10).secondsSinceEpoch
        contact.headcount = 3
        contact.sessionID = sessionID
        contact.personKeys = ["p1", "p3"]
        contact.actor = "sample"
        add("walk-in", 8, contact)
        add("held", 9, APISession(villageCode: "340181-TY-02", date: "2023-03-06", leadDepartment: "town-office"))
        add("range", 10, ListSessionsRequest(from: "2023-01-01", to: "2023-12-31"))
        var meeting = RecordMeetingRequest()
        meeting.caseIDs = [caseID]
        meeting.date = "2023-03-10"
        meeting.departments = ["town-office", "city-housing-centre"]
        meeting.decision = "先行垫付"
        meeting.resolved = true
        meeting.actor = "sample"
        add("resolved", 11, meeting)
        add("year", 12, ReportRequest(from: "2023-01-01", to: "2023-12-31", asOf: "2024-01-31"))
        add("village", 12, ReportRequest(from: "2023-01-01", to: "2023-06-30", channel: "VILLAGE_RECEPTION", villageCode: "340181-TY-01"))
        add("year", 13, PutBaselineRequest(from: "2022-01-01", to: "2022-12-31", figures: ["cases/petition/WALK_IN": 12, "visits": 30]))
        return samples
    }
}
