import JiefenAPI
import JiefenDomain

extension TongyangPlanner {
    /// The GE rows of E.2: disputes escalated from the grid and the WeChat groups, anchor A among them.
    package mutating func gridDisputes() {
        anchorA()
        let rows: [(String, String, PlannedOutcome, Int)] = [
            (Self.agri, "WECHAT_GROUP", .resolvedDepartment, 7), (Self.agri, "GRID_ONLINE", .resolvedDepartment, 5),
            (Self.agri, "GRID_ONLINE", .guidedLegal, 1),
            (Self.land, "GRID_ONLINE", .resolvedJointMeeting, 2), (Self.land, "GRID_ONLINE", .resolvedDepartment, 6),
            (Self.land, "WECHAT_GROUP", .resolvedDepartment, 2),
            (Self.general, "GRID_ONLINE", .resolvedJointMeeting, 1), (Self.general, "GRID_ONLINE", .resolvedDepartment, 14),
            (Self.general, "WECHAT_GROUP", .resolvedDepartment, 4), (Self.general, "WECHAT_GROUP", .open, 1),
            (Self.housing, "WECHAT_GROUP", .resolvedDepartment, 1), (Self.housing, "GRID_ONLINE", .guidedLegal, 1),
        ]
        for (kind, channel, outcome, count) in rows {
            for _ in 0..<count { dispute(kind: kind, channel: channel, outcome: outcome) }
        }
    }

    package mutating func dispute(kind: String, channel: String, outcome: PlannedOutcome) {
        let category = kind == Self.general ? ["neighbour_family", "roads_water_lighting", "other"][rng.int(0...2)] : nil
        var days = 0
        var day: CivilDate
        switch outcome {
        case .resolvedDepartment:
            days = rng.int(0...20)
            day = registrationDay(lag: 0, handling: days)
        case .resolvedJointMeeting: day = registrationDay(lag: 0, handling: 58)
        case .guidedLegal:
            days = rng.int(1...10)
            day = registrationDay(lag: 0, handling: days)
        default: day = openRegistrationDay(awaitingMeeting: false)
        }
        // A same-day settlement takes a working day (registered in the morning, settled in the evening).
        let at = days == 0 && outcome == .resolvedDepartment ? randomTime(day, from: 8 * 60, to: 10 * 60) : randomTime(day)
        let i = register(
            "GE \(channel) \(kind) \(outcome.rawValue)", kind: kind, track: "dispute", channel: channel, at: at,
            headcount: 1, outcome: outcome, category: category)
        event(i, day, "assigned", [JiefenV1.Field("department", .text(cases[i].department))])
        if outcome == .guidedLegal {
            event(i, day.adding(days: days), "guided_legal", [JiefenV1.Field("procedure", .text("rural land arbitration or the court"))])
            cases[i].closedOn = day.adding(days: days)
            return
        }
        event(i, day, "mediation_started")
        var close = day.adding(days: days)
        var result = "resolved_dept"
        switch outcome {
        case .resolvedJointMeeting:
            let m = meeting(onOrAfter: day.adding(days: 3))!
            step(i, meetings[m].adding(days: -1), .refer(meeting: m))
            step(i, meetings[m], .decide(meeting: m, resolution: "resolved", lead: cases[i].department))
            close = day.adding(days: rng.int(max(15, day.days(until: meetings[m]) + 1)...58))
            result = "resolved_jm"
        case .resolvedDepartment: break
        default: return
        }
        let minute = rng.int(18 * 60...20 * 60)
        event(
            i, close, "agreement_reached",
            [
                JiefenV1.Field("outcome", .choice(result)), JiefenV1.Field("document_ref", .text("TY-MED-\(i + 1)")),
                JiefenV1.Field("effective_on", .date(close.description)),
            ],
            time: days == 0 && outcome == .resolvedDepartment ? (minute / 60, minute % 60) : nil)
        cases[i].closedOn = close
    }

    /// The MG and MW rows of E.2: 612 micro-matters answered or mediated online in 0.5 to 72 hours.
    package mutating func microMatters() {
        let rows: [(String, String, Int)] = [
            (Self.general, "GRID_ONLINE", 424), (Self.agri, "GRID_ONLINE", 70), (Self.land, "GRID_ONLINE", 42),
            (Self.housing, "GRID_ONLINE", 12), (Self.general, "WECHAT_GROUP", 46), (Self.agri, "WECHAT_GROUP", 12),
            (Self.land, "WECHAT_GROUP", 6),
        ]
        for (kind, channel, count) in rows {
            for _ in 0..<count {
                let day = registrationDay(lag: 0, handling: 3)
                let at = randomTime(day, from: 7 * 60, to: 21 * 60)
                let category =
                    kind == Self.general
                    ? ["neighbour_family", "roads_water_lighting", "social_security", "sanitation", "other"][rng.int(0...4)] : nil
                let i = register(
                    "MG \(channel) \(kind) RO", kind: kind, track: "micro", channel: channel, at: at, headcount: 1,
                    outcome: .resolvedOnline, category: category)
                let done = at.adding(seconds: Int64(rng.int(30...4_320)) * 60)
                let minuteOfDay = Int(Timestamp(date: done.civilDate(), hour: 0).seconds(until: done) / 60)
                event(
                    i, done.civilDate(), "resolved_online", [JiefenV1.Field("summary", .text("answered in the grid group"))],
                    time: (minuteOfDay / 60, minuteOfDay % 60))
                cases[i].closedOn = done.civilDate()
            }
        }
    }

    /// The NA row of E.2 (besides anchor R's repeat): 5 litigation-related not accepted, 3 outside competence
    /// transferred out. Intake only: no visit batch is counted.
    package mutating func screenedOut() {
        let rows: [(String, Bool)] = [
            ("WALK_IN", true), ("WALK_IN", true), ("HOTLINE", true), ("HOTLINE", true), ("HOTLINE", false),
            ("HOTLINE", false), ("ONLINE_PETITION", true), ("ONLINE_PETITION", false),
        ]
        for (channel, litigation) in rows {
            let lag = rng.int(1...7)
            let day = registrationDay(lag: lag, handling: 0)
            let i = register(
                "NA \(channel)", kind: Self.general, track: "petition", channel: channel, at: randomTime(day), headcount: 0,
                outcome: .screenedOut, category: "other")
            if litigation {
                event(
                    i, day.adding(days: lag), "not_accepted",
                    [JiefenV1.Field("reason", .text("litigation-related (涉法涉诉): a court case is pending"))])
            } else {
                event(
                    i, day.adding(days: lag), "transferred_out",
                    [
                        JiefenV1.Field("to", .text("city human-resources bureau")),
                        JiefenV1.Field("reason", .text("outside the town's competence")),
                    ])
            }
            cases[i].closedOn = day.adding(days: lag)
        }
    }

    /// E.3 evaluations: 282 of the 318 resolved petitions rated (274 / 7 / 1, the dissatisfied one overdue), 8 of
    /// the 10 not supported (2 / 1 / 5).
    package mutating func ratings() {
        let resolved = cases.indices.filter {
            cases[$0].track == "petition" && [.resolvedTown, .resolvedJointMeeting].contains(cases[$0].outcome)
        }
        let overdue = resolved.first { cases[$0].label.hasSuffix("overdue") }!
        let others = rng.shuffled(resolved.filter { $0 != overdue }).prefix(281)
        var levels = [(overdue, "dissatisfied")]
        for (n, i) in others.enumerated() { levels.append((i, n < 7 ? "basically_satisfied" : "satisfied")) }
        let unsupported = rng.shuffled(cases.indices.filter { cases[$0].outcome == .notSupported && cases[$0].track == "petition" })
        let nsLevels = [
            "satisfied", "satisfied", "basically_satisfied", "dissatisfied", "dissatisfied", "dissatisfied", "dissatisfied", "dissatisfied",
        ]
        for (i, level) in zip(unsupported.prefix(8), nsLevels) { levels.append((i, level)) }
        for (i, level) in levels {
            let closed = cases[i].closedOn!
            let day = min(closed.adding(days: rng.int(0...3)), max(closed, TongyangCalendar.end))
            event(i, day, "evaluated", [JiefenV1.Field("rating", .choice(level))])
        }
    }
}
