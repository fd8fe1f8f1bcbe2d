import Foundation
import JiefenAPI
import JiefenDomain
import TTRPCCore

/// Small hand-made case sets for the statistics tests: general matters on given dates and channels.
extension CaseServer {
    /// Registers a general matter received on `date` (09:00) through `channel`.
    func general(
        _ channel: String, on date: String, track: String = "petition", headcount: Int = 1, session: String = "",
        village: String = "TY-V01", persons: Int = 5, hour: Int = 9
    ) async throws -> String {
        var request = JiefenV1.CreateCaseRequest()
        request.requestID = UUID().uuidString
        request.kind = "general-matter"
        request.track = track
        request.channel = channel
        request.villageCode = village
        if track != "micro" { request.petitioners = [JiefenV1.Person(name: "王五")] }
        request.personsInvolved = Int32(persons)
        request.demandText = "路灯不亮"
        request.details = [JiefenV1.Field("category", .choice("roads_water_lighting"))]
        request.receivedAt = Fixtures.seconds(date, hour: hour)
        request.headcount = Int32(headcount)
        request.sessionID = session
        if headcount > 0 { request.personKeys = (1...min(headcount, 2)).map { "\(channel)-\(date)-\($0)" } }
        return try await create(request).case.id
    }

    /// Accepts on `accepted` (notice the same day unless `notice` says otherwise), optionally extends, and closes
    /// resolved_town on `closed`.
    func resolve(_ id: String, accepted: String, notice: String? = nil, extendOn: String? = nil, closed: String) async throws {
        _ = try await apply(id, "accepted", [JiefenV1.Field("notice_on", .date(notice ?? accepted))], on: accepted)
        _ = try await apply(id, "assigned", [JiefenV1.Field("department", .text("village-committee"))], on: accepted)
        _ = try await apply(id, "handling_started", on: accepted)
        if let extendOn {
            _ = try await apply(
                id, "extension_approved",
                [JiefenV1.Field("days", .integer(30)), JiefenV1.Field("reason", .text("waiting for the water company"))], on: extendOn)
        }
        _ = try await apply(id, "replied", [JiefenV1.Field("decision", .choice("support"))], on: closed)
        _ = try await apply(id, "closed", [JiefenV1.Field("outcome", .choice("resolved_town"))], on: closed)
    }

    func report(_ from: String, _ to: String, asOf: String, channel: String = "", village: String = "") async throws -> StatsReport {
        StatsReport(
            try await call(Stats.report, JiefenV1.ReportRequest(from: from, to: to, asOf: asOf, channel: channel, villageCode: village)))
    }

    func session(_ date: String, village: String = "TY-V01", held: Bool = true) async throws -> String {
        try await call(Sessions.create, JiefenV1.Session(villageCode: village, date: date, held: held)).id
    }
}

extension StatsReport {
    /// The value of a metric, or -1 when the report lacks it (so a missing metric fails an equality check).
    func value(_ name: String, track: String = "", channel: String = "") -> Double {
        metric(name, track: track, channel: channel)?.value ?? -1
    }

    /// A rate's numerator and denominator.
    func fraction(_ name: String, track: String = "") -> [Int64] {
        metric(name, track: track).map { [$0.numerator, $0.denominator] } ?? []
    }
}
