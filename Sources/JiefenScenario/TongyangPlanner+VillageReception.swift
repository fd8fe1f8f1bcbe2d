import JiefenAPI
import JiefenDomain

extension TongyangPlanner {
    /// E.1 and the VR rows of E.2: 38 sessions, 86 batches of 110 person-times, 82 cases, 4 follow-ups.
    package mutating func villageReception() {
        var slots: [(session: Int, slot: Int)] = []
        for s in sessions.indices { for k in 0..<(s % 4 == 0 ? 3 : 2) { slots.append((s, k)) } }
        let lastSlot = { (s: Int) in s % 4 == 0 ? 2 : 1 }
        let followUps: [Int: Int] = [30: 2, 32: 6, 34: 10, 36: 14] // follow-up session → session of the case
        // Fixed first slots: the joint-meeting land-rent batches of 5, the four cases followed up later (the ones
        // whose petitioners had reason to come back), and the two cases still open at the end.
        let fixed: [Int: (String, PlannedOutcome, String?)] = [
            4: (Self.land, .resolvedJointMeeting, nil), 12: (Self.land, .resolvedJointMeeting, nil),
            2: (Self.land, .guidedLegal, nil), 6: (Self.agri, .guidedLegal, nil),
            10: (Self.general, .guidedLegal, "other"), 14: (Self.general, .notSupported, "social_security"),
            36: (Self.land, .open, nil), 37: (Self.general, .open, "neighbour_family"),
        ]
        var pool: [(String, PlannedOutcome)] = []
        pool += Array(repeating: (Self.land, .resolvedTown), count: 12)
        pool += Array(repeating: (Self.agri, .resolvedTown), count: 8)
        pool += [(Self.housing, .resolvedTown), (Self.housing, .resolvedJointMeeting), (Self.general, .resolvedJointMeeting)]
        pool += Array(repeating: (Self.general, .resolvedTown), count: 51)
        pool = rng.shuffled(pool)
        var categories = rng.shuffled(
            Array(repeating: "neighbour_family", count: 19) + Array(repeating: "roads_water_lighting", count: 14)
                + Array(repeating: "social_security", count: 11) + Array(repeating: "sanitation", count: 5)
                + Array(repeating: "other", count: 3)) // 53 general cases besides the two fixed ones
        var free = slots.filter { fixed[$0.session] == nil || $0.slot != 0 }
            .filter { !(followUps[$0.session] != nil && $0.slot == lastSlot($0.session)) }
        // Joint-meeting cases need a meeting at least 3 days after acceptance and 15 days to close in the window.
        for (i, item) in pool.enumerated() where item.1 == .resolvedJointMeeting && free[i].session > 33 {
            if let j = pool.indices.first(where: { pool[$0].1 == .resolvedTown && free[$0].session <= 33 }) { pool.swapAt(i, j) }
        }
        var heads = rng.shuffled(Array(repeating: 1, count: 66) + Array(repeating: 2, count: 12) + Array(repeating: 3, count: 2))
        let sameDay = Set(rng.shuffled(Array(0..<72)).prefix(30))
        var rtSeen = 0
        var bySession: [Int: Int] = [:]
        for (session, slot) in slots {
            let date = sessions[session]
            let at = Self.at(date, 9, slot * 40)
            let village = TongyangCalendar.villages[session % TongyangCalendar.villages.count]
            if let target = followUps[session], slot == lastSlot(session) {
                let i = bySession[target]!
                step(
                    i, date, .contact(channel: "VILLAGE_RECEPTION", headcount: 1, session: session, keys: [cases[i].personKeys[0]]),
                    time: (9, slot * 40))
                continue
            }
            let kind: String
            let outcome: PlannedOutcome
            let category: String?
            if slot == 0, let f = fixed[session] {
                (kind, outcome, category) = f
            } else {
                let next = pool.removeFirst()
                free.removeFirst()
                (kind, outcome) = next
                category = kind == Self.general ? categories.removeFirst() : nil
            }
            let headcount = (slot == 0 && (session == 4 || session == 12)) ? 5 : heads.removeFirst()
            let i = register(
                "VR \(kind) \(outcome.rawValue)", kind: kind, track: "petition", channel: "VILLAGE_RECEPTION",
                village: village, at: at, headcount: headcount, session: session, outcome: outcome,
                category: category)
            if slot == 0 { bySession[session] = i }
            let left = date.days(until: TongyangCalendar.end)
            switch outcome {
            case .resolvedTown:
                let h = sameDay.contains(rtSeen) ? 0 : rng.int(1...min(40, left))
                rtSeen += 1
                petition(i, lag: 0, handling: h)
            case .resolvedJointMeeting: petition(i, lag: 0, handling: 0)
            case .guidedLegal: petition(i, lag: 0, handling: rng.int(1...10))
            case .notSupported: petition(i, lag: 0, handling: rng.int(20...55))
            default: petition(i, lag: 0, handling: 0)
            }
        }
    }
}
