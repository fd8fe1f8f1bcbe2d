/// Statutory holidays and make-up working days (调休), supplied by configuration each year.
///
/// The domain ships no holiday data: the State Council publishes the schedule yearly. An empty calendar
/// treats every weekday as a working day and no day as a holiday.
public struct HolidayCalendar: Sendable, Hashable, Codable {
    /// Statutory rest days (法定休假日) that are not ordinary weekends, e.g. the Spring Festival days.
    public var holidays: Set<CivilDate>
    /// Weekend days that are working days because of a holiday swap.
    public var makeUpWorkdays: Set<CivilDate>

    /// Creates a calendar.
    public init(holidays: Set<CivilDate> = [], makeUpWorkdays: Set<CivilDate> = []) {
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
    }

    /// No holidays, no make-up days.
    public static let empty = HolidayCalendar()

    /// `true` when `date` is listed as a statutory holiday.
    public func isHoliday(_ date: CivilDate) -> Bool { holidays.contains(date) }

    /// `true` on weekdays that are not holidays, and on make-up working days.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if makeUpWorkdays.contains(date) { return true }
        return !date.isWeekend && !holidays.contains(date)
    }
}

/// How periods in days are counted (domain.md A.4). The default follows the Civil Code (Arts. 200–204): the start
/// day is not counted, and a period ending on a listed statutory holiday ends on the next day that is not one.
public struct DayCountingRule: Sendable, Hashable, Codable {
    /// `true` to count the start day itself as day 1 (so a 15-day period ends one day earlier).
    public var countsStartDay: Bool
    /// Which last days move forward.
    public var rollForward: RollForward
    /// The holiday calendar used for roll-forward and working-day periods.
    public var calendar: HolidayCalendar

    /// Creates a rule.
    public init(
        countsStartDay: Bool = false, rollForward: RollForward = .pastHolidays,
        calendar: HolidayCalendar = .empty
    ) {
        self.countsStartDay = countsStartDay
        self.rollForward = rollForward
        self.calendar = calendar
    }

    /// The Civil Code rule with an empty holiday calendar.
    public static let civilCode = DayCountingRule()

    /// Which last days of a period move to the following day.
    public enum RollForward: String, Sendable, Hashable, Codable, CaseIterable {
        /// The last day never moves.
        case never
        /// A last day on a listed statutory holiday moves to the first day after it that is not a holiday.
        case pastHolidays = "past_holidays"
        /// A last day on any non-working day (holiday or weekend, unless a make-up day) moves to the next working day.
        case pastNonWorkingDays = "past_non_working_days"
    }

    /// The last day of a period of `days` calendar days that starts on `start`.
    /// - Throws: invalidArgument naming `field` (the input `start` came from) when the last day, or a day it rolls
    ///   forward to, would lie outside ``CivilDate/earliest``...``CivilDate/latest``.
    public func lastDay(from start: CivilDate, days: Int, field: String) throws(DomainError) -> CivilDate {
        let span = try countsStartDay ? ExactArithmetic.difference(days, 1, field: field) : days
        var end = try start.adding(days: span, field: field)
        var guardCount = 0
        while shouldRoll(end), guardCount < 366 {
            end = try end.adding(days: 1, field: field)
            guardCount += 1
        }
        return end
    }

    /// The last day of a period of `workingDays` working days that starts on `start` (start day not counted
    /// unless ``countsStartDay``). A period of 0 or fewer working days ends on the start day (or the day before it
    /// when the start day counts).
    /// - Throws: invalidArgument naming `field` when the period would run past ``CivilDate/latest``.
    public func lastWorkingDay(from start: CivilDate, workingDays: Int, field: String) throws(DomainError) -> CivilDate {
        // Each working day takes at least one calendar day: refuse at once what cannot end by CivilDate.latest.
        guard workingDays <= start.days(until: .latest) else {
            throw ExactArithmetic.outOfRange(
                field: field,
                "\(start) + \(workingDays) working days is out of range: "
                    + "dates up to \(CivilDate.latest) are supported")
        }
        var day = try countsStartDay ? start.adding(days: -1, field: field) : start
        var counted = 0
        while counted < workingDays {
            day = try day.adding(days: 1, field: field)
            if calendar.isWorkingDay(day) { counted += 1 }
        }
        return day
    }

    private func shouldRoll(_ date: CivilDate) -> Bool {
        switch rollForward {
        case .never: false
        case .pastHolidays: calendar.isHoliday(date)
        case .pastNonWorkingDays: !calendar.isWorkingDay(date)
        }
    }
}
