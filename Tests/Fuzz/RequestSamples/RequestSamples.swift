public import JiefenAPI
import JiefenBuiltInPlugins
public import JiefenDomain
import JiefenServices
import TTRPCWire

/// Valid requests of every method of the case services, built from the built-in plugins' own sample details.
///
/// Used as the fuzzers' seed corpus and as the base that the extreme-value tests change one field at a time.
public enum RequestSamples {
    /// The built-in dispute plugins, as `jiefend` registers them (``JiefenBuiltInPlugins/BuiltInPlugins``).
    public static var plugins: [any DisputePlugin] { BuiltInPlugins.all }

    /// A date well in the past (cases received then may have events applied now).
    public static let receivedOn = "2023-02-12"

    /// A valid create for `plugin`, carrying every attribute of the plugin's sample details.
    public static func create(_ plugin: any DisputePlugin, requestID: String) -> JiefenV1.CreateCaseRequest {
        var request = JiefenV1.CreateCaseRequest()
        request.requestID = requestID
        request.kind = plugin.kind.rawValue
        request.track = "petition"
        request.channel = "VILLAGE_RECEPTION"
        request.villageCode = "340181-TY-01"
        request.petitioners = [JiefenV1.Person(name: "张三", idNumber: "11010519491231002X", phone: "13800138000")]
        request.representatives = [JiefenV1.Person(name: "李四", phone: "13900139000")]
        request.personsInvolved = 6
        request.householdsInvolved = 3
        request.vulnerableFlags = ["elderly_alone"]
        request.demandText = "要求依法处理"
        request.details = plugin.sampleDetails.names.map { JiefenV1.Field(name: $0, value: JiefenV1.Value(plugin.sampleDetails[$0]!)) }
        request.receivedAt = Timestamp(date: CivilDate(iso: receivedOn)!, hour: 9).secondsSinceEpoch
        request.headcount = 5
        request.actor = "sample"
        request.personKeys = ["p1", "p2"]
        return request
    }

    /// The events of a case's lifecycle, in an order the rules accept, with their arguments.
    public static let events: [JiefenV1.ApplyEventRequest] = [
        event("accepted", [JiefenV1.Field("notice_on", .date("2023-02-14"))]),
        event("assigned", [JiefenV1.Field("department", .text("rural-economy-office"))]),
        event("handling_started"),
        event("extension_approved", [JiefenV1.Field("days", .integer(30)), JiefenV1.Field("reason", .text("joint meeting needed"))]),
        event("replied", [JiefenV1.Field("decision", .choice("support")), JiefenV1.Field("document_ref", .text("TY-2023-031"))]),
        event("closed", [JiefenV1.Field("outcome", .choice("resolved_town"))]),
        event("evaluated", [JiefenV1.Field("rating", .choice("satisfied"))]),
    ]

    private static func event(_ type: String, _ arguments: [JiefenV1.Field] = []) -> JiefenV1.ApplyEventRequest {
        var request = JiefenV1.ApplyEventRequest()
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
        func add(_ name: String, _ index: Int, _ message: some GeneratedMessage) {
            let method = ServiceMethod.all[index]
            samples.append(
                RequestSample(
                    name: "\(method.service.split(separator: ".").last!).\(method.method).\(name)", method: method, request: message))
        }
        for plugin in plugins { add(plugin.kind.rawValue, 0, create(plugin, requestID: "seed-\(plugin.kind.rawValue)")) }
        add("masked", 1, JiefenV1.GetCaseRequest(id: caseID))
        add("revealed", 1, JiefenV1.GetCaseRequest(id: caseID, reveal: true))
        var list = JiefenV1.ListCasesRequest()
        list.kind = "housing-delivery"
        list.track = "petition"
        list.status = "REGISTERED"
        list.villageCode = "340181-TY-01"
        list.registeredFrom = "2023-01-01"
        list.registeredTo = "2023-12-31"
        list.pageSize = 10
        add("filtered", 2, list)
        add("all", 2, JiefenV1.ListCasesRequest())
        for event in events {
            var request = event
            request.caseID = caseID // expected_version 0: applied whatever the case's version
            add(event.type, 3, request)
        }
        add("case", 4, JiefenV1.CaseHistoryRequest(caseID: caseID))
        add("case", 5, JiefenV1.AssessCaseRequest(caseID: caseID))
        add("empty", 6, JiefenV1.ListKindsRequest())
        for plugin in plugins { add(plugin.kind.rawValue, 7, JiefenV1.DescribeKindRequest(kind: plugin.kind.rawValue)) }
        var contact = JiefenV1.RecordContactRequest()
        contact.caseID = caseID
        contact.channel = "WALK_IN"
        contact.at = Timestamp(date: CivilDate(iso: "2023-03-01")!, hour: 10).secondsSinceEpoch
        contact.headcount = 3
        contact.sessionID = sessionID
        contact.personKeys = ["p1", "p3"]
        contact.actor = "sample"
        add("walk-in", 8, contact)
        add("held", 9, JiefenV1.Session(villageCode: "340181-TY-02", date: "2023-03-06", leadDepartment: "town-office"))
        add("range", 10, JiefenV1.ListSessionsRequest(from: "2023-01-01", to: "2023-12-31"))
        var meeting = JiefenV1.RecordMeetingRequest()
        meeting.caseIDs = [caseID]
        meeting.date = "2023-03-10"
        meeting.departments = ["town-office", "city-housing-centre"]
        meeting.decision = "先行垫付"
        meeting.resolved = true
        meeting.actor = "sample"
        add("resolved", 11, meeting)
        add("year", 12, JiefenV1.ReportRequest(from: "2023-01-01", to: "2023-12-31", asOf: "2024-01-31"))
        add(
            "village", 12,
            JiefenV1.ReportRequest(from: "2023-01-01", to: "2023-06-30", channel: "VILLAGE_RECEPTION", villageCode: "340181-TY-01"))
        add(
            "year", 13,
            JiefenV1.PutBaselineRequest(from: "2022-01-01", to: "2022-12-31", figures: ["cases/petition/WALK_IN": 12, "visits": 30]))
        return samples
    }
}
