/// A calendar date without a time of day or time zone (proleptic Gregorian calendar).
///
/// Statutory periods (domain.md A.4) are counted in civil dates. Create one with
/// ``init(year:month:day:)`` (which refuses impossible dates) or parse ISO 8601 text with ``init(iso:)``:
///
/// ```swift
/// guard let received = CivilDate(iso: "2022-10-20") else { return }
/// let noticeDue = received.adding(days: 15)   // 2022-11-04
/// ```
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, e.g. 2023.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...31.
    public let day: Int

    /// Creates a date, or returns `nil` when the combination does not exist (e.g. 2023-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date for constants, clamping an out-of-range month to 1...12 and day to the month's length
    /// (`CivilDate(clampingYear: 2023, month: 2, day: 30)` is 2023-02-28). Use ``init(year:month:day:)`` for input.
    public init(clampingYear year: Int, month: Int, day: Int) {
        let y = min(max(year, 1), 9999)
        let m = min(max(month, 1), 12)
        self.year = y
        self.month = m
        self.day = min(max(day, 1), CivilDate.daysInMonth(year: y, month: m))
    }

    /// Creates the date that lies `daysSinceEpoch` days after 1970-01-01 (negative values lie before it).
    public init(daysSinceEpoch: Int) {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Parses `YYYY-MM-DD`; returns `nil` for any other shape or an impossible date.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (or earlier, when negative).
    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The date `months` months later, clamped to the last day of the target month (2023-01-31 + 1 → 2023-02-28).
    public func adding(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        let d = min(day, CivilDate.daysInMonth(year: y, month: m))
        return CivilDate.unchecked(y, m, d)
    }

    /// The number of days from `self` to `other` (positive when `other` is later). The start day is not counted:
    /// from 2020-12-31 to 2023-01-18 is 748 days.
    public func days(until other: CivilDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (daysSinceEpoch + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// `true` for Saturday and Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The ISO 8601 form, `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let s = String(value)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Orders dates chronologically.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The number of days in a month of a year (Gregorian leap rules).
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    private static func unchecked(_ y: Int, _ m: Int, _ d: Int) -> CivilDate {
        CivilDate(uncheckedYear: y, month: m, day: d)
    }
}
