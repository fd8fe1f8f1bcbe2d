import Foundation
import JiefenAPI
import JiefenDomain
import JiefenSQLiteStore
import JiefenServices
import Logging
import SQLiteNIO
import TTRPCCore
import Testing

/// `jiefen.v1.Stats/Report` on small hand-made case sets: each metric of domain.md D and its edge cases.
@Suite("Stats service")
struct StatsServiceTests {
    @Test("sessions, batches, person-times, collective batches and repeats come from the contacts")
    func visits() async throws {
        try await CaseServer.with { server in
            let held = try await server.session("2023-03-05")
            _ = try await server.session("2023-03-12", held: false)
            _ = try await server.session("2023-03-19")
            let vr = try await server.general("VILLAGE_RECEPTION", on: "2023-03-05", headcount: 3, session: held)
            var contact = JiefenV1.RecordContactRequest()
            contact.caseID = vr
            contact.channel = "VILLAGE_RECEPTION"
            contact.at = Fixtures.seconds("2023-03-19")
            contact.headcount = 1
            contact.personKeys = ["VILLAGE_RECEPTION-2023-03-05-1"]
            _ = try await server.call(Contacts.record, contact)
            _ = try await server.general("WALK_IN", on: "2023-03-06", headcount: 5)
            _ = try await server.general("HOTLINE", on: "2023-03-07")
            _ = try await server.general("GRID_ONLINE", on: "2023-03-07", track: "micro")
            let r = try await server.report("2023-03-01", "2023-03-31", asOf: "2023-03-31")
            #expect(r.value("sessions_vr") == 2)
            #expect(r.value("batches", channel: "VILLAGE_RECEPTION") == 2)
            #expect(r.value("person_times", channel: "VILLAGE_RECEPTION") == 4)
            #expect(r.value("batches", channel: "WALK_IN") == 1)
            #expect(r.value("person_times") == 9)
            #expect(r.value("collective_batches") == 1)
            #expect(r.value("distinct_petitioners") == 4) // 2 keys at VR (the follow-up repeats one), 2 at walk-in
            #expect(r.value("cases_by_channel", track: "petition", channel: "HOTLINE") == 1)
            #expect(r.value("cases_registered", track: "micro") == 1)
            // Micro contacts are not petition contacts: 4 contacts (VR, VR follow-up, walk-in, hotline), 1 repeat.
            #expect(r.fraction("repeat_rate") == [1, 4])
        }
    }

    @Test("late notices, extensions and cases closed after the period")
    func rates() async throws {
        try await CaseServer.with { server in
            let late = try await server.general("HOTLINE", on: "2023-01-02")
            try await server.resolve(late, accepted: "2023-01-20", closed: "2023-02-10")
            let extended = try await server.general("HOTLINE", on: "2023-01-03")
            // Accepted 01-04: due 03-05, extended to 04-04, closed 03-20: on time only thanks to the extension.
            try await server.resolve(extended, accepted: "2023-01-04", extendOn: "2023-02-20", closed: "2023-03-20")
            let afterPeriod = try await server.general("HOTLINE", on: "2023-01-05")
            try await server.resolve(afterPeriod, accepted: "2023-01-05", closed: "2023-07-10")
            let overdue = try await server.general("WALK_IN", on: "2023-01-06")
            try await server.resolve(overdue, accepted: "2023-01-06", closed: "2023-03-20")

            let atEnd = try await server.report("2023-01-01", "2023-06-30", asOf: "2023-06-30")
            #expect(atEnd.fraction("timely_acceptance_rate", track: "petition") == [3, 4])
            #expect(atEnd.fraction("on_time_closure_rate", track: "petition") == [2, 3])
            #expect(atEnd.fraction("resolution_rate", track: "petition") == [3, 4])
            #expect(atEnd.value("resolved", track: "petition") == 3)
            let later = try await server.report("2023-01-01", "2023-06-30", asOf: "2023-07-31")
            #expect(later.fraction("resolution_rate", track: "petition") == [4, 4])
            #expect(later.value("resolved", track: "petition") == 3) // period-based: closed in the period only
            #expect(later.fraction("closure_rate") == [4, 4])
            #expect(later.funnel.map(\.count) == [4, 4, 4, 4])
            let times = try #require(later.durations.first { $0.track == "petition" })
            #expect(times.count == 3)
            #expect(times.median == 73) // 2023-01-06 → 03-20; nearest rank of 39, 73, 76
        }
    }

    @Test("ratings: participation among eligible closed petitions, strict and broad satisfaction")
    func ratings() async throws {
        try await CaseServer.with { server in
            for (n, rating) in ["satisfied", "basically_satisfied", nil].enumerated() {
                let id = try await server.general("HOTLINE", on: "2023-02-0\(n + 1)")
                try await server.resolve(id, accepted: "2023-02-0\(n + 1)", closed: "2023-03-01")
                if let rating { _ = try await server.apply(id, "evaluated", [JiefenV1.Field("rating", .choice(rating))], on: "2023-03-02") }
            }
            let guided = try await server.general("HOTLINE", on: "2023-02-05")
            _ = try await server.apply(guided, "guided_legal", [JiefenV1.Field("procedure", .text("court"))], on: "2023-02-06")
            let r = try await server.report("2023-01-01", "2023-06-30", asOf: "2023-06-30")
            #expect(r.fraction("participation_rate", track: "petition") == [2, 3])
            #expect(r.fraction("satisfaction_rate_strict", track: "petition") == [1, 2])
            #expect(r.fraction("satisfaction_rate_broad", track: "petition") == [2, 2])
        }
    }

    @Test("year-on-year: no comparison, a baseline (an empty base gives no change), then the previous period")
    func yearOnYear() async throws {
        try await CaseServer.with { server in
            for day in ["2023-02-01", "2023-02-02", "2023-02-03"] { _ = try await server.general("WALK_IN", on: day) }
            let none = try await server.report("2023-01-01", "2023-12-31", asOf: "2023-12-31")
            #expect(none.comparison == "none")
            #expect(none.metric("cases_registered", track: "petition")?.yoy == nil)
            _ = try await server.call(
                Stats.putBaseline,
                JiefenV1.PutBaselineRequest(
                    from: "2022-01-01", to: "2022-12-31", figures: ["cases_registered/petition/": 2, "batches//WALK_IN": 0]))
            let baseline = try await server.report("2023-01-01", "2023-12-31", asOf: "2023-12-31")
            #expect(baseline.comparison == "baseline")
            #expect(baseline.metric("cases_registered", track: "petition")?.yoy == 0.5)
            #expect(baseline.metric("batches", channel: "WALK_IN")?.previous == 0)
            #expect(baseline.metric("batches", channel: "WALK_IN")?.yoy == nil)
            _ = try await server.general("WALK_IN", on: "2024-02-01")
            let next = try await server.report("2024-01-01", "2024-12-31", asOf: "2024-12-31")
            #expect(next.comparison == "previous_period")
            #expect(next.metric("cases_registered", track: "petition")?.previous == 3)
            #expect(next.metric("cases_registered", track: "petition")?.yoy == -2.0 / 3.0)
        }
    }

    @Test("joint meetings, micro-matters resolved online in hours, and group cases")
    func meetingsAndMicro() async throws {
        try await CaseServer.with { server in
            let dispute = try await server.general("GRID_ONLINE", on: "2023-05-02", track: "dispute", persons: 8)
            let waiting = try await server.general("REFERRAL", on: "2023-05-03", persons: 2)
            var meeting = JiefenV1.RecordMeetingRequest()
            meeting.caseIDs = [dispute, waiting]
            meeting.date = "2023-05-12"
            meeting.departments = ["town-petition-office"]
            meeting.decision = "two matters discussed"
            let jm = try await server.call(Meetings.record, meeting).meetingID
            _ = try await server.apply(dispute, "assigned", [JiefenV1.Field("department", .text("judicial-office"))], on: "2023-05-02")
            _ = try await server.apply(dispute, "mediation_started", on: "2023-05-02")
            _ = try await server.apply(dispute, "referred_to_joint_meeting", [JiefenV1.Field("meeting_id", .text(jm))], on: "2023-05-11")
            _ = try await server.apply(
                dispute, "joint_meeting_decided",
                [
                    JiefenV1.Field("meeting_id", .text(jm)), JiefenV1.Field("date", .date("2023-05-12")),
                    JiefenV1.Field("resolution", .choice("resolved")),
                ], on: "2023-05-12")
            _ = try await server.apply(
                dispute, "agreement_reached",
                [
                    JiefenV1.Field("outcome", .choice("resolved_jm")),
                    JiefenV1.Field("document_ref", .text("MED-1")),
                ], on: "2023-05-20")
            _ = try await server.apply(waiting, "accepted", [JiefenV1.Field("notice_on", .date("2023-05-04"))], on: "2023-05-04")
            _ = try await server.apply(waiting, "assigned", [JiefenV1.Field("department", .text("village-committee"))], on: "2023-05-04")
            _ = try await server.apply(waiting, "handling_started", on: "2023-05-04")
            _ = try await server.apply(waiting, "referred_to_joint_meeting", [JiefenV1.Field("meeting_id", .text(jm))], on: "2023-05-11")
            for (channel, hours) in [("GRID_ONLINE", 2), ("WECHAT_GROUP", 5), ("HOTLINE", 1)] {
                let micro = try await server.general(channel, on: "2023-05-06", track: "micro", hour: 10)
                var request = JiefenV1.ApplyEventRequest()
                request.caseID = micro
                request.type = "resolved_online"
                request.arguments = [JiefenV1.Field("summary", .text("answered"))]
                request.occurredAt = Fixtures.seconds("2023-05-06", hour: 10 + hours)
                _ = try await server.call(Cases.apply, request)
            }
            let r = try await server.report("2023-05-01", "2023-05-31", asOf: "2023-05-31")
            #expect(r.value("jm_resolved") == 1)
            #expect(r.value("jm_resolved", channel: "GRID_ONLINE") == 1)
            #expect(r.value("jm_meetings") == 1)
            #expect(r.value("jm_in_progress") == 1)
            #expect(r.value("micro_online") == 2) // the hotline micro-matter is not an online one
            #expect(r.value("resolved", track: "micro") == 3)
            #expect(r.value("resolved") == 1) // micro-matters are never mixed into the petition and dispute total
            let micro = try #require(r.durations.first { $0.track == "micro" })
            #expect(micro.unit == "hours" && micro.median == 2 && micro.count == 3)
            #expect(r.value("group_cases") == 1) // 8 people involved; the 2-person case and micro-matters are not
            let fastest = try #require(r.notable.first { $0.list == "fastest" && $0.track == "dispute" })
            #expect(fastest.caseID == dispute && fastest.durationMinutes == 18 * 24 * 60)
        }
    }

    @Test("village cells of 1 and 2 are suppressed; filters narrow the counts")
    func villages() async throws {
        try await CaseServer.with { server in
            for day in ["2023-04-01", "2023-04-02", "2023-04-03"] { _ = try await server.general("HOTLINE", on: day, village: "TY-V01") }
            _ = try await server.general("WALK_IN", on: "2023-04-04", village: "TY-V02")
            let r = try await server.report("2023-04-01", "2023-04-30", asOf: "2023-04-30")
            #expect(r.villages.map(\.villageCode) == ["TY-V01", "TY-V02"])
            #expect(r.villages[0].registered == 3 && !r.villages[0].registeredSuppressed)
            #expect(r.villages[1].registered == 0 && r.villages[1].registeredSuppressed)
            let walkIns = try await server.report("2023-04-01", "2023-04-30", asOf: "2023-04-30", channel: "WALK_IN")
            #expect(walkIns.value("cases_registered", track: "petition") == 1)
            let v1 = try await server.report("2023-04-01", "2023-04-30", asOf: "2023-04-30", village: "TY-V01")
            #expect(v1.value("cases_registered", track: "petition") == 3)
        }
    }

    @Test("bad periods, channels, villages and baselines are InvalidArgument with the field named")
    func badInput() async throws {
        try await CaseServer.with { server in
            _ = try await server.general("HOTLINE", on: "2023-04-01")
            let cases: [(JiefenV1.ReportRequest, String)] = [
                (JiefenV1.ReportRequest(from: "2023-06-30", to: "2023-01-01"), "before it starts"),
                (JiefenV1.ReportRequest(from: "2023-02-30", to: "2023-03-01"), "is not a date"),
                (JiefenV1.ReportRequest(to: "2023-03-01"), "from"),
                (JiefenV1.ReportRequest(from: "2023-01-01", to: "2023-03-01", channel: "FAX"), "VILLAGE_RECEPTION"),
                (JiefenV1.ReportRequest(from: "2023-01-01", to: "2023-03-01", villageCode: "TY-V99"), "known villages: TY-V01"),
                (JiefenV1.ReportRequest(from: "2023-01-01", to: "2023-03-01", asOf: "yesterday"), "as_of"),
            ]
            for (request, fragment) in cases {
                let error = await #expect(throws: RPCError.self) {
                    StatsReport(try await server.call(Stats.report, request))
                }
                #expect(error?.code == .invalidArgument)
                #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
            }
            let baseline = await #expect(throws: RPCError.self) {
                try await server.call(
                    Stats.putBaseline, JiefenV1.PutBaselineRequest(from: "2022-01-01", to: "2022-12-31", figures: ["happiness//": 3]))
            }
            #expect(baseline?.code == .invalidArgument)
        }
    }

    @Test("cases stored before the statistics projection get their facts at startup and are counted again")
    func backfill() async throws {
        try await CaseServer.with { server in
            let id = try await server.general("HOTLINE", on: "2023-04-01")
            try await server.resolve(id, accepted: "2023-04-02", closed: "2023-04-20")
            try await server.store.withWriter { db in
                _ = try await db.query("DELETE FROM case_facts")
            }
            #expect(try await server.report("2023-04-01", "2023-04-30", asOf: "2023-04-30").value("resolved") == 0)
            let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
            #expect(try await StatisticsBackfill.run(server.environment, logger: logger) == 1)
            #expect(try await StatisticsBackfill.run(server.environment, logger: logger) == 0)
            let report = try await server.report("2023-04-01", "2023-04-30", asOf: "2023-04-30")
            #expect(report.value("resolved") == 1)
            #expect(report.value("cases_by_channel", track: "petition", channel: "HOTLINE") == 1)
        }
    }

    @Test("an event dated before the case's latest event is refused and the history is unchanged")
    func backdatedEvents() async throws {
        try await CaseServer.with { server in
            let id = try await server.general("HOTLINE", on: "2023-04-01")
            _ = try await server.apply(id, "accepted", [JiefenV1.Field("notice_on", .date("2023-04-05"))], on: "2023-04-05")
            let error = await #expect(throws: RPCError.self) {
                try await server.apply(id, "assigned", [JiefenV1.Field("department", .text("village-committee"))], on: "2023-04-03")
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("break its order") == true)
            let history = try await server.call(Cases.history, JiefenV1.CaseHistoryRequest(caseID: id))
            #expect(history.events.map(\.type) == ["registered", "accepted"])
        }
    }
}
