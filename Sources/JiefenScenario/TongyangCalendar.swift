package import JiefenDomain

/// The dates of the Tongyang year (domain.md E.1, E.3): the window, the village-reception Sundays and the
/// joint-meeting Fridays.
package enum TongyangCalendar {
    /// The first day of the window.
    package static let start = CivilDate(clampingYear: 2022, month: 7, day: 1)
    /// The last day of the window.
    package static let end = CivilDate(clampingYear: 2023, month: 6, day: 30)
    /// The seed of domain.md E.
    package static let seed: UInt64 = 20_230_118

    /// Sundays without a village-reception session (E.1).
    package static let skippedSundays: Set<String> = [
        "2022-07-24", "2022-07-31", "2022-08-07", "2022-09-11", "2022-10-02", "2022-12-11", "2022-12-18", "2022-12-25",
        "2023-01-01", "2023-01-22", "2023-01-29", "2023-04-30", "2023-06-04", "2023-06-11",
    ]

    /// Every Sunday of the window, with whether a session was held.
    package static var sundays: [(date: CivilDate, held: Bool)] {
        var out: [(CivilDate, Bool)] = []
        var day = start
        while day.isoWeekday != 7 { day = day.adding(days: 1) }
        while day <= end {
            out.append((day, !skippedSundays.contains(day.description)))
            day = day.adding(days: 7)
        }
        return out
    }

    /// The 38 session dates, in order (index 0 is 2022-07-03).
    package static var sessions: [CivilDate] { sundays.filter(\.held).map(\.date) }

    /// The 24 joint-meeting dates: the 2nd and 4th Friday of each month, 2023-01-27 moved to 2023-01-30.
    package static var meetings: [CivilDate] {
        var out: [CivilDate] = []
        var month = start
        while month <= end {
            var day = month
            while day.isoWeekday != 5 { day = day.adding(days: 1) }
            for friday in [day.adding(days: 7), day.adding(days: 21)] {
                out.append(friday.description == "2023-01-27" ? CivilDate(clampingYear: 2023, month: 1, day: 30) : friday)
            }
            month = month.adding(months: 1)
        }
        return out
    }

    /// The villages and communities of the town (synthetic codes; the real count is not verified, domain.md G).
    package static let villages = (1...12).map { "TY-V\($0 < 10 ? "0" : "")\($0)" }
}
