import Foundation
import JiefenDomain
import JiefenDomainTesting
import Testing

private func d(_ iso: String) -> CivilDate { Fixture.date(iso) }

/// Civil dates and timestamps at the extremes: the checked variants throw an invalidArgument naming the field, the
/// convenience variants clamp, nothing traps.
@Suite("Calendar arithmetic at extreme values")
struct CalendarArithmeticTests {
    @Test("the supported range is 0001-01-01 to 9999-12-31")
    func supportedRange() {
        #expect(CivilDate.earliest.daysSinceEpoch == CivilDate.supportedDaysSinceEpoch.lowerBound)
        #expect(CivilDate.latest.daysSinceEpoch == CivilDate.supportedDaysSinceEpoch.upperBound)
        #expect(CivilDate.earliest.days(until: CivilDate.latest) == 3_652_058)
        #expect(CivilDate(daysSinceEpoch: CivilDate.supportedDaysSinceEpoch.lowerBound) == CivilDate.earliest)
        #expect(CivilDate(daysSinceEpoch: CivilDate.supportedDaysSinceEpoch.upperBound) == CivilDate.latest)
        #expect(CivilDate.earliest.isoWeekday == 1) // 0001-01-01 was a Monday (proleptic Gregorian)
        #expect(CivilDate.latest.isoWeekday == 5)
    }

    @Test("CivilDate(daysSinceEpoch:field:) accepts days in range and names the field otherwise", arguments: ExtremeValues.int)
    func daysSinceEpoch(days: Int) throws {
        let inRange = CivilDate.supportedDaysSinceEpoch.contains(days)
        let error = domainError { try CivilDate(daysSinceEpoch: days, field: "date") }
        #expect(error == nil || (error?.code == .invalidArgument && error?.violations.first?.field == "date"))
        #expect((error == nil) == inRange)
        let clamped = CivilDate(daysSinceEpoch: days)
        if inRange {
            #expect(clamped.daysSinceEpoch == days)
            #expect(try CivilDate(daysSinceEpoch: days, field: "date") == clamped)
        } else {
            #expect(clamped == (days < 0 ? CivilDate.earliest : CivilDate.latest))
        }
    }

    @Test(
        "adding days or months: a named error past the supported range, clamping without a field",
        arguments: ExtremeValues.int)
    func addingDaysAndMonths(amount: Int) throws {
        let start = d("2022-10-20")
        let dayError = domainError { try start.adding(days: amount, field: "grace_days") }
        let monthError = domainError { try start.adding(months: amount, field: "stalled_since") }
        if amount == 0 || amount == -1 {
            #expect(dayError == nil)
            #expect(monthError == nil)
            #expect(try start.adding(days: amount, field: "grace_days") == start.adding(days: amount))
            #expect(try start.adding(months: amount, field: "stalled_since") == start.adding(months: amount))
        } else {
            // Int32 bounds of days are ±5.9 million years, of months ±179 million years: all out of range.
            #expect(dayError?.code == .invalidArgument)
            #expect(dayError?.violations.first?.field == "grace_days")
            #expect(monthError?.code == .invalidArgument)
            #expect(monthError?.violations.first?.field == "stalled_since")
            #expect(start.adding(days: amount) == (amount < 0 ? CivilDate.earliest : CivilDate.latest))
            #expect(start.adding(months: amount) == (amount < 0 ? CivilDate.earliest : CivilDate.latest))
        }
        #expect(CivilDate.latest.adding(days: 1) == CivilDate.latest)
        #expect(CivilDate.earliest.adding(months: -1) == CivilDate.earliest)
        #expect(domainError { try CivilDate.latest.adding(days: 1, field: "f") }?.violations.first?.field == "f")
        #expect(domainError { try CivilDate.earliest.adding(months: -1, field: "f") }?.violations.first?.field == "f")
        #expect(try d("2023-01-31").adding(months: 1, field: "f") == d("2023-02-28"))
    }

    @Test("impossible and out-of-range dates are refused, never trapped on", arguments: ExtremeValues.int)
    func impossibleDates(value: Int) {
        #expect(CivilDate(year: value, month: value, day: value) == nil)
        let clamped = CivilDate(clampingYear: value, month: value, day: value)
        #expect(clamped >= CivilDate.earliest && clamped <= CivilDate.latest)
        #expect(CivilDate.daysInMonth(year: value, month: 2) >= 28)
    }

    @Test("decoding refuses a date outside years 1...9999")
    func decoding() throws {
        for text in [
            #"{"year":10000,"month":1,"day":1}"#, #"{"year":9223372036854775807,"month":12,"day":31}"#,
            #"{"year":2023,"month":2,"day":29}"#, #"{"year":0,"month":1,"day":1}"#,
        ] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(CivilDate.self, from: Data(text.utf8)) }
        }
        let date = d("2022-10-20")
        #expect(try JSONDecoder().decode(CivilDate.self, from: JSONEncoder().encode(date)) == date)
    }

    @Test("Timestamp: supported instants convert; others name the field", arguments: ExtremeValues.int64)
    func timestamps(seconds: Int64) throws {
        let t = Timestamp(secondsSinceEpoch: seconds)
        let supported = Timestamp.supportedRange.contains(t)
        let check = domainError { try t.checkSupported(field: "received_at") }
        #expect((check == nil) == supported)
        let dateError = domainError { try t.civilDate(offset: .chinaStandardTime, field: "received_at") }
        #expect((dateError == nil) == supported)
        if supported {
            #expect(try t.civilDate(offset: .chinaStandardTime, field: "received_at") == t.civilDate())
        } else {
            #expect(check?.code == .invalidArgument)
            #expect(check?.violations.first?.field == "received_at")
            #expect(check?.message.contains("received_at: \(seconds) is out of range") == true)
            #expect(dateError?.violations.first?.field == "received_at")
            #expect(t.civilDate() == (seconds < 0 ? CivilDate.earliest : CivilDate.latest))
        }
        _ = t.localMinute()
        _ = t.localMinute(offset: UTCOffset(seconds: .max))
        _ = t.civilDate(offset: UTCOffset(seconds: .min))
        if seconds >= 0 { // Int64.min + Int.max seconds is 1969-12-31: only the others overflow the calendar
            #expect(domainError { try t.civilDate(offset: UTCOffset(seconds: .max), field: "at") }?.violations.first?.field == "at")
        }
    }

    @Test("Timestamp arithmetic: checked variants throw, convenience variants saturate", arguments: ExtremeValues.int64)
    func timestampArithmetic(seconds: Int64) {
        let t = Timestamp(secondsSinceEpoch: seconds)
        for other in ExtremeValues.int64 {
            let sum = seconds.addingReportingOverflow(other)
            #expect((domainError { try t.adding(seconds: other, field: "at") } != nil) == sum.overflow)
            #expect(
                t.adding(seconds: other).secondsSinceEpoch
                    == (sum.overflow ? (other > 0 ? .max : .min) : sum.partialValue))
            let difference = other.subtractingReportingOverflow(seconds)
            let target = Timestamp(secondsSinceEpoch: other)
            #expect(
                (domainError { try t.seconds(until: target, field: "at") }?.violations.first?.field == "at")
                    == difference.overflow)
            #expect(t.seconds(until: target) == (difference.overflow ? (seconds < 0 ? .max : .min) : difference.partialValue))
        }
    }

    @Test(
        "Timestamp(date:hour:minute:…): the checked initializer refuses impossible times; the other never traps",
        arguments: ExtremeValues.int)
    func wallClock(value: Int) throws {
        let date = d("2022-07-12")
        _ = Timestamp(date: date, hour: value, minute: value, second: value)
        _ = Timestamp(date: CivilDate.latest, hour: value, offset: UTCOffset(seconds: value))
        let error = domainError { try Timestamp(date: date, hour: value, minute: 0, field: "at") }
        #expect((error == nil) == (value == 0))
        if value != 0 { #expect(error?.violations.first?.field == "at") }
        #expect(try Timestamp(date: date, hour: 8, minute: 40, field: "at") == Fixture.at("2022-07-12", 8, 40))
        let late = domainError { try Timestamp(date: CivilDate.latest, hour: 23, minute: 59, offset: .utc, field: "at") }
        #expect(late?.violations.first?.field == "at")
    }
}
