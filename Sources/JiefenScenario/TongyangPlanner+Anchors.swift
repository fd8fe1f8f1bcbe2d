import JiefenAPI
package import JiefenDomain

extension TongyangPlanner {
    package static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    /// Anchor H (E.4): the stalled housing project, through four joint meetings, an extension and two follow-up
    /// visits, to completion acceptance on 2023-01-17 and delivery on 2023-01-18.
    package mutating func anchorH() {
        let d = Self.day
        let i = register(
            "anchor H", kind: Self.housing, track: "petition", channel: "WALK_IN",
            at: Self.at(d("2022-10-20"), 9, 30), headcount: 5, outcome: .resolvedJointMeeting, households: 118)
        event(i, d("2022-10-24"), "accepted", [JiefenV1.Field("notice_on", .date("2022-10-24"))])
        event(i, d("2022-10-24"), "assigned", [JiefenV1.Field("department", .text("planning-construction-office"))])
        event(i, d("2022-10-24"), "handling_started")
        let dates = ["2022-10-28", "2022-11-25", "2022-12-09", "2023-01-13"].map(d)
        for (n, date) in dates.enumerated() {
            let m = meetings.firstIndex(of: date)!
            step(i, date.adding(days: -1), .refer(meeting: m))
            step(i, date, .decide(meeting: m, resolution: n == 3 ? "resolved" : "continue", lead: "city-housing-centre"))
            if n == 1 {
                step(i, d("2022-11-15"), .contact(channel: "WALK_IN", headcount: 5, session: nil, keys: cases[i].personKeys))
            }
        }
        event(
            i, d("2022-12-19"), "extension_approved",
            [JiefenV1.Field("days", .integer(30)), JiefenV1.Field("reason", .text("completion acceptance is scheduled for mid-January"))])
        step(i, d("2022-12-20"), .contact(channel: "WALK_IN", headcount: 4, session: nil, keys: Array(cases[i].personKeys.prefix(4))))
        event(
            i, d("2023-01-17"), "details_updated",
            [
                JiefenV1.Field("construction_status", .choice("completion_accepted")),
                JiefenV1.Field("completion_acceptance_date", .date("2023-01-17")),
            ])
        event(
            i, d("2023-01-18"), "details_updated",
            [
                JiefenV1.Field("construction_status", .choice("delivering")), JiefenV1.Field("delivery_start_date", .date("2023-01-18")),
            ])
        reply(i, d("2023-01-18"), decision: "support")
        event(i, d("2023-01-18"), "closed", [JiefenV1.Field("outcome", .choice("resolved_jm"))])
        cases[i].closedOn = d("2023-01-18")
    }

    /// Anchor R (E.4): not supported, reviewed and re-reviewed (both upheld), then the same facts at walk-in on
    /// 2023-03-06 are not accepted again (Art. 36).
    package mutating func anchorR(headcount: Int) {
        let d = Self.day
        let i = register(
            "anchor R", kind: Self.general, track: "petition", channel: "WALK_IN",
            at: Self.at(d("2022-07-18"), 10, 0), headcount: headcount, outcome: .notSupported, category: "social_security")
        event(i, d("2022-07-20"), "accepted", [JiefenV1.Field("notice_on", .date("2022-07-20"))])
        event(i, d("2022-07-20"), "assigned", [JiefenV1.Field("department", .text(cases[i].department))])
        event(i, d("2022-07-20"), "handling_started")
        reply(i, d("2022-08-26"), decision: "not_support", receivedOn: d("2022-08-29"))
        event(i, d("2022-08-26"), "closed", [JiefenV1.Field("outcome", .choice("not_supported"))])
        cases[i].closedOn = d("2022-08-26")
        event(i, d("2022-09-15"), "review_requested", [JiefenV1.Field("requested_on", .date("2022-09-15"))])
        event(
            i, d("2022-10-12"), "review_decided",
            [
                JiefenV1.Field("result", .choice("upheld")), JiefenV1.Field("decided_on", .date("2022-10-12")),
                JiefenV1.Field("received_on", .date("2022-10-14")),
            ])
        event(i, d("2022-11-01"), "re_review_requested", [JiefenV1.Field("requested_on", .date("2022-11-01"))])
        event(
            i, d("2022-11-28"), "re_review_decided",
            [JiefenV1.Field("result", .choice("upheld")), JiefenV1.Field("decided_on", .date("2022-11-28"))])
        event(i, d("2022-11-28"), "finalized")
        let repeatCase = register(
            "anchor R repeat", kind: Self.general, track: "petition", channel: "WALK_IN",
            village: cases[i].village, at: Self.at(d("2023-03-06"), 10, 0), headcount: 0, outcome: .screenedOut,
            category: "social_security")
        event(
            repeatCase, d("2023-03-06"), "not_accepted",
            [
                JiefenV1.Field(
                    "reason",
                    .text(
                        "the same facts and reasons finished re-review on 2022-11-28 and are not accepted again (Art. 36)"))
            ])
    }

    /// Anchor A (E.4): herbicide drift from the WeChat group, settled at the farmer's home in 7 h 50 min.
    package mutating func anchorA() {
        let d = Self.day("2022-07-12")
        let i = register(
            "anchor A", kind: Self.agri, track: "dispute", channel: "WECHAT_GROUP", at: Self.at(d, 8, 40), headcount: 1,
            outcome: .resolvedDepartment)
        cases[i].details = .agricultural(applied: Self.day("2022-07-10"), observed: d)
        event(i, d, "assigned", [JiefenV1.Field("department", .text("agricultural-service-station"))], time: (9, 5))
        event(i, d, "mediation_started", time: (10, 30))
        event(
            i, d, "agreement_reached",
            [
                JiefenV1.Field("outcome", .choice("resolved_dept")), JiefenV1.Field("document_ref", .text("TY-MED-2022-0712")),
                JiefenV1.Field("effective_on", .date(d.description)),
            ], time: (16, 30))
        cases[i].closedOn = d
    }
}

extension TongyangPlanner {
    /// E.3 holds all 24 meetings. A meeting that no case was first discussed at takes up a joint-meeting case that is
    /// still under way: its earlier meeting decides "continue", this one decides "resolved".
    package mutating func fillEmptyMeetings() {
        for m in meetings.indices {
            let discussed = cases.contains { c in c.steps.contains { if case .refer(let r) = $0.action { r == m } else { false } } }
            if discussed { continue }
            for i in cases.indices where cases[i].label != "anchor H" {
                guard let closed = cases[i].closedOn, closed > meetings[m],
                    let d = cases[i].steps.firstIndex(where: {
                        if case .decide(let first, "resolved", _) = $0.action {
                            meetings[first] < meetings[m].adding(days: -1)
                        } else {
                            false
                        }
                    }), case .decide(let first, _, let lead) = cases[i].steps[d].action
                else { continue }
                cases[i].steps[d].action = .decide(meeting: first, resolution: "continue", lead: lead)
                step(i, meetings[m].adding(days: -1), .refer(meeting: m))
                step(i, meetings[m], .decide(meeting: m, resolution: "resolved", lead: lead))
                break
            }
        }
    }
}
