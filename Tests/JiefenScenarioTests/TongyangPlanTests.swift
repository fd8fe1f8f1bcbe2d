import JiefenDomain
import Testing

@testable import JiefenScenario

/// The Tongyang plan without a server: the counts of domain.md E.1–E.3 and its determinism.
@Suite("Tongyang scenario plan")
struct TongyangPlanTests {
    let plan = TongyangPlanner.plan()

    func count(_ track: String, _ channel: String? = nil, _ outcome: PlannedOutcome? = nil) -> Int {
        plan.cases.filter { $0.track == track && (channel == nil || $0.channel == channel) && (outcome == nil || $0.outcome == outcome) }
            .count
    }

    @Test("the calendar: 52 Sundays, 38 sessions from 2022-07-03 to 2023-06-25, 24 meetings with 2023-01-30")
    func calendar() {
        #expect(TongyangCalendar.sundays.count == 52)
        #expect(TongyangCalendar.sessions.count == 38)
        #expect(TongyangCalendar.sessions.first?.description == "2022-07-03")
        #expect(TongyangCalendar.sessions.last?.description == "2023-06-25")
        #expect(TongyangCalendar.sessions[4].description == "2022-08-21" && TongyangCalendar.sessions[12].description == "2022-10-30")
        #expect(TongyangCalendar.meetings.count == 24)
        #expect(TongyangCalendar.meetings.map(\.description).contains("2023-01-30"))
        #expect(!TongyangCalendar.meetings.map(\.description).contains("2023-01-27"))
    }

    @Test("the groups of E.2: 82 VR cases in 86 batches of 110 person-times, 612 micro-matters, 68 via joint meetings")
    func groups() {
        #expect(plan.cases.count == 1_021)
        #expect(count("petition", "VILLAGE_RECEPTION") == 82)
        let vrContacts =
            plan.cases.filter { $0.channel == "VILLAGE_RECEPTION" }.map(\.headcount)
            + plan.cases.flatMap(\.steps).compactMap { step -> Int? in
                if case .contact("VILLAGE_RECEPTION", let people, _, _) = step.action { return people } else { return nil }
            }
        #expect(vrContacts.count == 86 && vrContacts.reduce(0, +) == 110)
        #expect(count("micro") == 612)
        #expect(plan.cases.filter { $0.outcome == .resolvedJointMeeting }.count == 68)
        #expect(plan.cases.filter { $0.track == "petition" && [.resolvedTown, .resolvedJointMeeting].contains($0.outcome) }.count == 318)
        #expect(count("petition", nil, .notSupported) == 10)
        #expect(count("petition", nil, .screenedOut) == 9)
        #expect(plan.meetingCases.allSatisfy { !$0.isEmpty })
    }

    @Test("every case closes inside the window and its steps are in date order")
    func dates() {
        for c in plan.cases {
            let registered = c.registeredAt.civilDate()
            #expect(registered >= TongyangCalendar.start && registered <= TongyangCalendar.end, "\(c.label)")
            if let closed = c.closedOn { #expect(closed <= TongyangCalendar.end, "\(c.label)") }
            #expect(zip(c.steps, c.steps.dropFirst()).allSatisfy { $0.date <= $1.date }, "\(c.label)")
            #expect(c.steps.first.map { $0.date >= registered } ?? true, "\(c.label)")
        }
    }

    @Test("the same seed gives the same plan")
    func deterministic() {
        let again = TongyangPlanner.plan()
        #expect(again.cases.map(\.registeredAt) == plan.cases.map(\.registeredAt))
        #expect(again.cases.map(\.label) == plan.cases.map(\.label))
        #expect(again.cases.map { $0.steps.map(\.date) } == plan.cases.map { $0.steps.map(\.date) })
    }
}
