import JiefenAPI
import JiefenDomain

extension TongyangPlanner {
    /// One row of E.2 for a non-VR petition channel: counts per outcome.
    package struct Row {
        package var kind: String
        package var rt = 0, rj = 0, gl = 0, ns = 0, open = 0
        /// Joint-meeting cases that need an extension (E.3).
        package var extended = 0
        /// Open cases still under joint-meeting review (E.2 note 2).
        package var awaiting = 0
    }

    /// The walk-in rows of E.2 with anchor H and anchor R, and the walk-in batches (71 / 108 person-times).
    package mutating func walkIns() {
        anchorH()
        // Two more housing cases through the joint meeting, each with one batch of five.
        let rows = [
            Row(kind: Self.housing, rt: 1, rj: 2), Row(kind: Self.land, rt: 4, rj: 3, gl: 1), Row(kind: Self.agri, rt: 3, rj: 1),
            Row(kind: Self.general, rt: 26, rj: 15, gl: 3, ns: 1, open: 2, extended: 3, awaiting: 1),
        ]
        var heads = rng.shuffled(Array(repeating: 1, count: 47) + Array(repeating: 2, count: 10) + Array(repeating: 3, count: 4))
        anchorR(headcount: heads.removeFirst())
        let made = petitions(channel: "WALK_IN", rows) { planner, row, outcome in
            row.kind == Self.housing && outcome == .resolvedJointMeeting ? 5 : heads.removeFirst()
        }
        // Five single-person follow-ups on walk-in joint-meeting cases, while they are being handled.
        let handled = made.filter { cases[$0].outcome == .resolvedJointMeeting && cases[$0].kind == Self.general }
        for i in rng.shuffled(handled).prefix(5) {
            let registered = cases[i].registeredAt.civilDate()
            let day = registered.adding(days: rng.int(2...min(12, registered.days(until: cases[i].closedOn!) - 1)))
            step(i, day, .contact(channel: "WALK_IN", headcount: 1, session: nil, keys: [cases[i].personKeys[0]]))
        }
    }

    /// Hotline, online petition and referral rows of E.2.
    package mutating func otherPetitions() {
        let hotline = petitions(
            channel: "HOTLINE",
            [
                Row(kind: Self.land, rt: 8, rj: 2), Row(kind: Self.agri, rt: 11, gl: 1), Row(kind: Self.housing, rt: 3, rj: 3, extended: 1),
                Row(kind: Self.general, rt: 76, rj: 7, gl: 3, ns: 3, open: 3),
            ]
        ) { _, _, _ in 1 }
        // E.2 note 3: two general cases closed 63 and 65 days after acceptance without extension, one notice at 17 days.
        let generalRT = hotline.filter { cases[$0].kind == Self.general && cases[$0].outcome == .resolvedTown }
        for (n, i) in generalRT.prefix(3).enumerated() {
            cases[i].steps.removeAll()
            let lag = n == 2 ? 17 : rng.int(1...7)
            let handling = n == 0 ? 63 : n == 1 ? 65 : rng.int(2...45)
            cases[i].registeredAt = randomTime(registrationDay(lag: lag, handling: handling))
            cases[i].label += n < 2 ? " overdue" : " late notice"
            petition(i, lag: lag, handling: handling)
        }
        reviewAfterNotSupported(hotline)
        let online = petitions(
            channel: "ONLINE_PETITION",
            [
                Row(kind: Self.land, rt: 3, rj: 2), Row(kind: Self.agri, rt: 3), Row(kind: Self.housing, rt: 1, rj: 3, extended: 1),
                Row(kind: Self.general, rt: 26, rj: 4, gl: 2, ns: 2, open: 2),
            ]
        ) { _, _, _ in 1 }
        reviewAfterNotSupported(online)
        _ = petitions(
            channel: "REFERRAL",
            [
                Row(kind: Self.land, rt: 2, rj: 4), Row(kind: Self.agri, rt: 2), Row(kind: Self.housing, rj: 5, extended: 2),
                Row(kind: Self.general, rt: 12, rj: 9, gl: 2, ns: 2, open: 2, awaiting: 2),
            ]
        ) { _, _, _ in 1 }
    }

    /// Registers and plans the cases of `rows`; `headcount` gives each first contact's people. Returns the indexes.
    package mutating func petitions(
        channel: String, _ rows: [Row],
        headcount: (inout TongyangPlanner, Row, PlannedOutcome) -> Int
    ) -> [Int] {
        var made: [Int] = []
        for row in rows {
            var outcomes: [PlannedOutcome] = []
            for (outcome, n) in [
                (PlannedOutcome.resolvedTown, row.rt), (.resolvedJointMeeting, row.rj), (.guidedLegal, row.gl),
                (.notSupported, row.ns), (.open, row.open),
            ] {
                outcomes += Array(repeating: outcome, count: n)
            }
            var extensions = row.extended
            var awaiting = row.awaiting
            for outcome in outcomes {
                let lag = rng.int(1...7)
                let extended = outcome == .resolvedJointMeeting && extensions > 0
                if extended { extensions -= 1 }
                let waits = outcome == .open && awaiting > 0
                if waits { awaiting -= 1 }
                let handling: Int
                let day: CivilDate
                switch outcome {
                case .resolvedTown:
                    handling = rng.int(2...45)
                    day = registrationDay(lag: lag, handling: handling)
                case .resolvedJointMeeting:
                    handling = extended ? rng.int(61...88) : 0
                    day = registrationDay(lag: lag, handling: extended ? handling : 58)
                case .guidedLegal:
                    handling = rng.int(1...10)
                    day = registrationDay(lag: lag, handling: handling)
                case .notSupported:
                    handling = rng.int(20...55)
                    day = registrationDay(lag: lag, handling: handling)
                default:
                    handling = 0
                    day = openRegistrationDay(awaitingMeeting: waits)
                }
                let people = headcount(&self, row, outcome)
                let category =
                    row.kind == Self.general
                    ? ["neighbour_family", "roads_water_lighting", "social_security", "sanitation", "other"][rng.int(0...4)] : nil
                let i = register(
                    "\(channel) \(row.kind) \(outcome.rawValue)\(extended ? " extended" : "")", kind: row.kind,
                    track: "petition", channel: channel, at: randomTime(day), headcount: people, outcome: outcome,
                    category: category)
                petition(
                    i, lag: outcome == .open ? min(lag, day.days(until: TongyangCalendar.end)) : lag, handling: handling,
                    extended: extended, awaitingMeeting: waits)
                made.append(i)
            }
        }
        return made
    }

    /// E.4: the first not-supported case of a channel asks for review, which upholds the reply.
    package mutating func reviewAfterNotSupported(_ made: [Int]) {
        guard let i = made.first(where: { cases[$0].outcome == .notSupported }), let closed = cases[i].closedOn else { return }
        let requested = closed.adding(days: rng.int(5...20))
        let decided = requested.adding(days: rng.int(10...25))
        event(i, requested, "review_requested", [JiefenV1.Field("requested_on", .date(requested.description))])
        event(
            i, decided, "review_decided",
            [
                JiefenV1.Field("result", .choice("upheld")), JiefenV1.Field("decided_on", .date(decided.description)),
                JiefenV1.Field("received_on", .date(decided.adding(days: 2).description)),
            ])
        cases[i].label += " reviewed"
    }
}
