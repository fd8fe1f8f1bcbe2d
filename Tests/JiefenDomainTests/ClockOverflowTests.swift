import JiefenDomain
import JiefenDomainTesting
import Testing

private func d(_ iso: String) -> CivilDate { Fixture.date(iso) }

/// Statutory periods that would end after 9999-12-31, and day counts at the extremes, throw an invalidArgument
/// naming the field instead of trapping.
@Suite("Statutory clocks at extreme values")
struct ClockOverflowTests {
    let clock = StatutoryClock()

    @Test("every period from the last supported date names its field")
    func periodsFromLatest() {
        let last = CivilDate.latest
        let cases: [(String, () throws(DomainError) -> CivilDate)] = [
            ("received_at", { () throws(DomainError) in try clock.noticeDue(receivedOn: last) }),
            ("received_at", { () throws(DomainError) in try clock.transferObjectionDue(receivedOn: last) }),
            ("occurred_at", { () throws(DomainError) in try clock.handlingDue(acceptedOn: last) }),
            ("extension.days", { () throws(DomainError) in try clock.extendedDue(previousDue: last, days: 30) }),
            ("received_on", { () throws(DomainError) in try clock.reviewRequestDeadline(replyReceivedOn: last) }),
            ("received_on", { () throws(DomainError) in try clock.reviewOpinionDue(requestReceivedOn: last) }),
            ("received_on", { () throws(DomainError) in try clock.reReviewRequestDeadline(reviewOpinionReceivedOn: last) }),
            ("received_on", { () throws(DomainError) in try clock.reReviewOpinionDue(requestReceivedOn: last) }),
            ("effective_on", { () throws(DomainError) in try clock.judicialConfirmationDeadline(agreementEffectiveOn: last) }),
            ("decided_on", { () throws(DomainError) in try clock.reviewOpinionDue(requestReceivedOn: last, field: "decided_on") }),
        ]
        for (field, period) in cases {
            let error = domainError { try period() }
            #expect(error?.code == .invalidArgument, "\(field)")
            #expect(error?.violations.first?.field == field)
            #expect(error?.message.contains("out of range") == true)
        }
    }

    @Test("hearing days: negative counts as none, huge ones name hearing_days", arguments: ExtremeValues.int)
    func hearingDays(days: Int) throws {
        let start = d("2022-11-01")
        let error = domainError { try clock.reReviewOpinionDue(requestReceivedOn: start, hearingDays: days) }
        if days <= 0 {
            #expect(try clock.reReviewOpinionDue(requestReceivedOn: start, hearingDays: days) == d("2022-12-01"))
        } else {
            #expect(error?.code == .invalidArgument)
            #expect(error?.violations.first?.field == "hearing_days")
        }
    }

    @Test("extension days outside 1...30 are refused, whatever their size", arguments: ExtremeValues.int)
    func extensionDays(days: Int) {
        let error = domainError { try clock.extendedDue(previousDue: d("2022-12-23"), days: days) }
        #expect(error?.violations.first?.field == "extension.days")
    }

    @Test("day counting with extreme period lengths", arguments: ExtremeValues.int)
    func dayCounting(days: Int) throws {
        let start = d("2022-12-23")
        for rule in [
            DayCountingRule.civilCode, DayCountingRule(countsStartDay: true),
            DayCountingRule(rollForward: .pastNonWorkingDays),
        ] {
            let error = domainError { try rule.lastDay(from: start, days: days, field: "limits") }
            let span = rule.countsStartDay ? days.subtractingReportingOverflow(1) : (partialValue: days, overflow: false)
            let fits = !span.overflow && (try? start.adding(days: span.partialValue, field: "x")) != nil
            if fits {
                #expect(error == nil)
            } else {
                #expect(error?.violations.first?.field == "limits")
            }
        }
        // Working days: none or fewer end on the start day; Int32.max or more run past 9999-12-31.
        let working = domainError { try DayCountingRule.civilCode.lastWorkingDay(from: start, workingDays: days, field: "limits") }
        if days <= 0 {
            #expect(try DayCountingRule.civilCode.lastWorkingDay(from: start, workingDays: days, field: "limits") == start)
        } else {
            #expect(working?.violations.first?.field == "limits")
        }
    }

    @Test("configured limits at Int.max throw instead of trapping")
    func configuredLimits() {
        var limits = StatutoryLimits()
        limits.handlingDays = .max
        limits.noticeDays = .min
        limits.reReviewOpinionDays = .max
        let clock = StatutoryClock(rule: DayCountingRule(countsStartDay: true), limits: limits)
        #expect(domainError { try clock.handlingDue(acceptedOn: d("2022-10-24")) }?.violations.first?.field == "occurred_at")
        #expect(domainError { try clock.noticeDue(receivedOn: d("2022-10-20")) }?.violations.first?.field == "received_at")
        #expect(
            domainError { try clock.reReviewOpinionDue(requestReceivedOn: d("2022-11-01"), hearingDays: 1) }?
                .violations.first?.field == "hearing_days")
    }
}
