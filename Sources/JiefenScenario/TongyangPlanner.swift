package import JiefenAPI
package import JiefenDomain

/// Builds the Tongyang year of domain.md E from its seed: every group of E.2 with the dates and durations of E.3
/// and the anchors of E.4. Pure and deterministic; ``ScenarioDriver`` sends the result through the RPC API.
package struct TongyangPlanner {
    package var rng = SeededRandom(seed: TongyangCalendar.seed)
    package let sessions = TongyangCalendar.sessions
    package let meetings = TongyangCalendar.meetings
    package var cases: [PlannedCase] = []

    package static let housing = "housing-delivery", land = "land-lease-arrears", agri = "agricultural-claim", general = "general-matter"

    /// The plan.
    package static func plan() -> TongyangPlan {
        var planner = TongyangPlanner()
        planner.villageReception()
        planner.walkIns()
        planner.otherPetitions()
        planner.gridDisputes()
        planner.microMatters()
        planner.screenedOut()
        planner.fillEmptyMeetings()
        planner.ratings()
        return planner.finish()
    }

    // MARK: Building blocks

    package static func at(_ date: CivilDate, _ hour: Int, _ minute: Int) -> Timestamp {
        Timestamp(date: date, hour: hour, minute: minute)
    }

    package mutating func randomTime(_ date: CivilDate, from: Int = 8 * 60 + 30, to: Int = 16 * 60 + 30) -> Timestamp {
        let minute = rng.int(from...to)
        return Self.at(date, minute / 60, minute % 60)
    }

    /// The first joint meeting on or after `day`.
    package func meeting(onOrAfter day: CivilDate) -> Int? { meetings.firstIndex { $0 >= day } }

    package static func department(kind: String, category: String?) -> String {
        switch kind {
        case land: "rural-economy-office"
        case agri: "agricultural-service-station"
        case housing: "planning-construction-office"
        default:
            switch category {
            case "neighbour_family": "judicial-office"
            case "roads_water_lighting": "planning-construction-office"
            default: "village-committee"
            }
        }
    }

    package mutating func variant(kind: String, registered: CivilDate, households: Int, category: String?) -> DetailVariant {
        switch kind {
        case Self.housing: .housing(households: households)
        case Self.land: .landRent(households: households)
        case Self.agri: .agricultural(applied: registered.adding(days: -rng.int(1...3)), observed: registered)
        default: .general(category: category ?? "other")
        }
    }

    /// A new case registered at `at` with its first contact; returns its index.
    @discardableResult
    package mutating func register(
        _ label: String, kind: String, track: String, channel: String, village: String? = nil,
        at: Timestamp, headcount: Int, session: Int? = nil, outcome: PlannedOutcome,
        category: String? = nil, households: Int? = nil
    ) -> Int {
        let index = cases.count
        let homes: Int
        switch kind {
        case Self.housing: homes = households ?? rng.int(8...60)
        case Self.land: homes = max(households ?? rng.int(3...30), headcount)
        default: homes = households ?? 1
        }
        let persons = max(kind == Self.housing || kind == Self.land ? homes : rng.int(1...3), headcount, 1)
        let keys = (0..<min(headcount, 5)).map { "pk-\(index + 1)-\($0 + 1)" }
        cases.append(
            PlannedCase(
                label: label, kind: kind, track: track, channel: channel,
                village: village ?? TongyangCalendar.villages[rng.int(0...TongyangCalendar.villages.count - 1)],
                registeredAt: at, headcount: headcount, session: session, personKeys: keys, persons: persons, households: homes,
                details: variant(kind: kind, registered: at.civilDate(), households: homes, category: category),
                outcome: outcome, department: Self.department(kind: kind, category: category)
            ))
        return index
    }

    package mutating func step(_ index: Int, _ date: CivilDate, _ action: PlannedStep.Action, time: (Int, Int)? = nil) {
        cases[index].steps.append(PlannedStep(date: date, time: time, action: action))
    }

    package mutating func event(_ index: Int, _ date: CivilDate, _ type: String, _ args: [JiefenV1.Field] = [], time: (Int, Int)? = nil) {
        step(index, date, .event(type, args), time: time)
    }

    // MARK: Petition timelines (E.3)

    /// Accepts a petition `lag` days after registration and runs it to `outcome`; `handling` is the days from
    /// acceptance to closure (drawn by the caller), `extended` approves a 30-day extension before day 60.
    package mutating func petition(_ i: Int, lag: Int, handling: Int, extended: Bool = false, awaitingMeeting: Bool = false) {
        let accepted = cases[i].registeredAt.civilDate().adding(days: lag)
        event(i, accepted, "accepted", [JiefenV1.Field("notice_on", .date(accepted.description))])
        event(i, accepted, "assigned", [JiefenV1.Field("department", .text(cases[i].department))])
        event(i, accepted, "handling_started")
        let closed = accepted.adding(days: handling)
        switch cases[i].outcome {
        case .resolvedTown:
            reply(i, closed, decision: rng.int(0...3) == 0 ? "mediation_agreement" : "support")
            event(i, closed, "closed", [JiefenV1.Field("outcome", .choice("resolved_town"))])
        case .resolvedJointMeeting:
            let m = meeting(onOrAfter: accepted.adding(days: 3))!
            step(i, meetings[m].adding(days: -1), .refer(meeting: m))
            step(
                i, meetings[m],
                .decide(
                    meeting: m, resolution: "resolved", lead: cases[i].kind == Self.housing ? "city-housing-centre" : cases[i].department))
            let close = extended ? closed : accepted.adding(days: rng.int(max(15, accepted.days(until: meetings[m]) + 1)...58))
            if extended {
                event(
                    i, accepted.adding(days: rng.int(40...58)), "extension_approved",
                    [
                        JiefenV1.Field("days", .integer(30)),
                        JiefenV1.Field("reason", .text("the joint meeting's plan needs the city departments")),
                    ])
            }
            reply(i, close, decision: "support")
            event(i, close, "closed", [JiefenV1.Field("outcome", .choice("resolved_jm"))])
            cases[i].closedOn = close
            return
        case .guidedLegal:
            event(
                i, closed, "guided_legal",
                [JiefenV1.Field("procedure", .text("litigation: explained the law (释法明理) and referred to the court"))])
        case .notSupported:
            reply(i, closed, decision: "not_support")
            event(i, closed, "closed", [JiefenV1.Field("outcome", .choice("not_supported"))])
        case .open:
            if awaitingMeeting, let m = meeting(onOrAfter: accepted.adding(days: 3)), meetings[m] <= TongyangCalendar.end {
                step(i, meetings[m].adding(days: -1), .refer(meeting: m))
            }
            return
        default:
            return
        }
        cases[i].closedOn = closed
    }

    package mutating func reply(_ i: Int, _ date: CivilDate, decision: String, receivedOn: CivilDate? = nil) {
        var args = [JiefenV1.Field("decision", .choice(decision)), JiefenV1.Field("document_ref", .text("TY-REPLY-\(i + 1)"))]
        if let receivedOn { args.append(JiefenV1.Field("received_on", .date(receivedOn.description))) }
        event(i, date, "replied", args)
    }

    /// A registration date so that a case accepted `lag` days later and closed `handling` days after that closes
    /// inside the window.
    package mutating func registrationDay(lag: Int, handling: Int) -> CivilDate {
        let latest = TongyangCalendar.end.adding(days: -(lag + handling))
        return TongyangCalendar.start.adding(days: rng.int(0...TongyangCalendar.start.days(until: latest)))
    }

    /// A registration day for an open case (E.3: 2023-05-22 … 2023-06-25; before 06-14 if it must reach a meeting).
    package mutating func openRegistrationDay(awaitingMeeting: Bool) -> CivilDate {
        CivilDate(clampingYear: 2023, month: 5, day: 22).adding(days: rng.int(0...(awaitingMeeting ? 22 : 34)))
    }

    /// A land-lease case resolves only with a repayment plan on file (the plugin's rule): the plan is recorded
    /// just before the step that resolves the case.
    package mutating func recordRepaymentPlans() {
        for i in cases.indices where cases[i].kind == Self.land {
            guard
                let n = cases[i].steps.firstIndex(where: { step in
                    guard case .event(let type, let args) = step.action else { return false }
                    if type == "agreement_reached" || type == "resolved_online" { return true }
                    return type == "closed" && args.contains { $0.name == "outcome" && $0.value.kind != .choice("not_supported") }
                })
            else { continue }
            let resolving = cases[i].steps[n]
            cases[i].steps.insert(
                PlannedStep(
                    date: resolving.date, time: resolving.time,
                    action: .event("details_updated", [JiefenV1.Field("repayment_plan_ref", .text("TY-PLAN-\(i + 1)"))])), at: n)
        }
    }

    package mutating func finish() -> TongyangPlan {
        recordRepaymentPlans()
        let order = cases.indices.sorted { (cases[$0].registeredAt, $0) < (cases[$1].registeredAt, $1) }
        let sorted = order.map { index in
            var c = cases[index]
            c.steps = c.steps.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
            return c
        }
        var meetingCases = [[Int]](repeating: [], count: meetings.count)
        for (index, c) in sorted.enumerated() {
            for s in c.steps { if case .refer(let m) = s.action { meetingCases[m].append(index) } }
        }
        return TongyangPlan(cases: sorted, meetingCases: meetingCases)
    }
}
