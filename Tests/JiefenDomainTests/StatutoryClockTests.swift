import JiefenDomain
import JiefenDomainTesting
import Testing

private func d(_ iso: String) -> CivilDate { Fixture.date(iso) }

@Suite("Statutory clocks and day counting")
struct StatutoryClockTests {
    let clock = StatutoryClock()

    @Test("15-day notice, 60-day handling, 30-day extension (anchor H dates)")
    func basicLimits() throws {
        #expect(try clock.noticeDue(receivedOn: d("2022-10-20")) == d("2022-11-04"))
        #expect(try clock.handlingDue(acceptedOn: d("2022-10-24")) == d("2022-12-23"))
        #expect(try clock.extendedDue(previousDue: d("2022-12-23"), days: 30) == d("2023-01-22"))
        #expect(try clock.reviewRequestDeadline(replyReceivedOn: d("2022-08-29")) == d("2022-09-28"))
        #expect(try clock.reviewOpinionDue(requestReceivedOn: d("2022-09-15")) == d("2022-10-15"))
        #expect(try clock.reReviewRequestDeadline(reviewOpinionReceivedOn: d("2022-10-14")) == d("2022-11-13"))
        #expect(try clock.reReviewOpinionDue(requestReceivedOn: d("2022-11-01")) == d("2022-12-01"))
        #expect(try clock.reReviewOpinionDue(requestReceivedOn: d("2022-11-01"), hearingDays: 5) == d("2022-12-06"))
        #expect(try clock.judicialConfirmationDeadline(agreementEffectiveOn: d("2022-07-12")) == d("2022-08-11"))
    }

    @Test("an extension must be 1 to 30 days", arguments: [0, -1, 31, 45])
    func extensionBounds(days: Int) {
        let error = domainError { try clock.extendedDue(previousDue: d("2022-12-23"), days: days) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.violations.first?.field == "extension.days")
    }

    @Test("counting the start day shortens every period by one day")
    func startDayCounted() throws {
        let counting = StatutoryClock(rule: DayCountingRule(countsStartDay: true))
        #expect(try counting.noticeDue(receivedOn: d("2022-10-20")) == d("2022-11-03"))
        #expect(try counting.handlingDue(acceptedOn: d("2022-10-24")) == d("2022-12-22"))
    }

    @Test("a last day on a listed holiday rolls to the first day after the holiday")
    func holidayRollForward() throws {
        let festival = Set((21...27).map { CivilDate(clampingYear: 2023, month: 1, day: $0) })
        let calendar = HolidayCalendar(holidays: festival, makeUpWorkdays: [d("2023-01-28"), d("2023-01-29")])
        let rolled = StatutoryClock(rule: DayCountingRule(calendar: calendar))
        #expect(try rolled.extendedDue(previousDue: d("2022-12-23"), days: 30) == d("2023-01-28"))
        let never = StatutoryClock(rule: DayCountingRule(rollForward: .never, calendar: calendar))
        #expect(try never.extendedDue(previousDue: d("2022-12-23"), days: 30) == d("2023-01-22"))
        let workdays = StatutoryClock(rule: DayCountingRule(rollForward: .pastNonWorkingDays, calendar: calendar))
        #expect(try workdays.extendedDue(previousDue: d("2022-12-23"), days: 30) == d("2023-01-28"))
    }

    @Test("rolling past non-working days moves a Sunday deadline to Monday")
    func weekendRollForward() throws {
        let rule = DayCountingRule(rollForward: .pastNonWorkingDays)
        #expect(try rule.lastDay(from: d("2022-12-23"), days: 30, field: "start") == d("2023-01-23"))
        #expect(try DayCountingRule.civilCode.lastDay(from: d("2022-12-23"), days: 30, field: "start") == d("2023-01-22"))
    }

    @Test("the 5-working-day objection skips weekends and holidays and counts make-up days")
    func workingDays() throws {
        let national = Set((1...7).map { CivilDate(clampingYear: 2022, month: 10, day: $0) })
        let calendar = HolidayCalendar(holidays: national, makeUpWorkdays: [d("2022-10-08"), d("2022-10-09")])
        let rules = StatutoryClock(rule: DayCountingRule(calendar: calendar))
        #expect(try rules.transferObjectionDue(receivedOn: d("2022-09-29")) == d("2022-10-11"))
        #expect(try clock.transferObjectionDue(receivedOn: d("2022-09-29")) == d("2022-10-06"))
    }

    @Test("limits are configuration")
    func configurableLimits() throws {
        var limits = StatutoryLimits()
        limits.noticeDays = 5
        #expect(try StatutoryClock(limits: limits).noticeDue(receivedOn: d("2022-10-20")) == d("2022-10-25"))
    }
}
