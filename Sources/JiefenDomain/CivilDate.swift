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
            (1...CivilDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
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

    /// The first supported date, 0001-01-01.
    public static let earliest = CivilDate(uncheckedYear: 1, month: 1, day: 1)
    /// The last supported date, 9999-12-31.
    public static let latest = CivilDate(uncheckedYear: 9999, month: 12, day: 31)
    /// ``daysSinceEpoch`` of ``earliest`` through ``latest``: every date has a value in this range.
    public static let supportedDaysSinceEpoch: ClosedRange<Int> = -719_162...2_932_896

    /// Creates the date that lies `daysSinceEpoch` days after 1970-01-01 (negative values lie before it), for
    /// in-range values (``supportedDaysSinceEpoch``): values outside it are clamped to ``earliest`` or
    /// ``latest`` instead of trapping. Use ``init(daysSinceEpoch:field:)`` for input.
    public init(daysSinceEpoch: Int) {
        let days = min(
            max(daysSinceEpoch, Self.supportedDaysSinceEpoch.lowerBound),
            Self.supportedDaysSinceEpoch.upperBound)
        self.init(inRangeDaysSinceEpoch: days)
    }

    /// Creates the date that lies `daysSinceEpoch` days after 1970-01-01.
    /// - Throws: invalidArgument naming `field` unless the value is in ``supportedDaysSinceEpoch``
    ///   (years 0001 to 9999).
    public init(daysSinceEpoch: Int, field: String) throws(DomainError) {
        guard Self.supportedDaysSinceEpoch.contains(daysSinceEpoch) else {
            throw ExactArithmetic.outOfRange(
                field: field,
                "day \(daysSinceEpoch) since 1970-01-01 is out of range: "
                    + "dates from \(Self.earliest) to \(Self.latest) are supported")
        }
        self.init(inRangeDaysSinceEpoch: daysSinceEpoch)
    }

    private init(inRangeDaysSinceEpoch daysSinceEpoch: Int) {
        // Howard Hinnant's civil_from_days; every intermediate is small for days in supportedDaysSinceEpoch.
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

    /// Decodes `year`, `month` and `day`, refusing a date that does not exist or lies outside years 0001...9999
    /// (stored or sent data is not trusted: every date's arithmetic relies on that range).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let y = try container.decode(Int.self, forKey: .year)
        let m = try container.decode(Int.self, forKey: .month)
        let d = try container.decode(Int.self, forKey: .day)
        guard let date = CivilDate(year: y, month: m, day: d) else {
            throw DecodingError.dataCorruptedError(
                forKey: .year, in: container,
                debugDescription: "\(y)-\(m)-\(d) is not a date in years 1...9999")
        }
        self = date
    }

    private enum CodingKeys: String, CodingKey {
        case year, month, day
    }

    /// Parses `YYYY-MM-DD`; returns `nil` for any other shape or an impossible date.
    public init?(iso text: String) {
        // Exactly ten ASCII bytes, YYYY-MM-DD, read straight from the UTF-8 (this runs for every date of every
        // request, so it avoids splitting into substrings).
        guard text.utf8.count == 10,
            let fields = text.utf8.withContiguousStorageIfAvailable(Self.parseISO)
                ?? Array(text.utf8).withUnsafeBufferPointer(Self.parseISO)
        else { return nil }
        self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    /// The year, month and day of `YYYY-MM-DD` in ten bytes, or `nil`.
    private static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    /// Days since 1970-01-01, always within ``supportedDaysSinceEpoch`` (every initializer keeps the year in
    /// 1...9999, so the arithmetic below cannot overflow).
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

    /// The date `days` days later (or earlier, when negative), for in-range results: a result before ``earliest``
    /// or after ``latest`` is clamped to it instead of trapping. Use ``adding(days:field:)`` for input.
    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: ExactArithmetic.saturatingSum(daysSinceEpoch, days))
    }

    /// The date `days` days later (or earlier, when negative).
    /// - Throws: invalidArgument naming `field` when the result lies outside ``earliest``...``latest``.
    public func adding(days: Int, field: String) throws(DomainError) -> CivilDate {
        let (target, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        guard !overflow, Self.supportedDaysSinceEpoch.contains(target) else {
            throw ExactArithmetic.outOfRange(
                field: field,
                "\(self) + \(days) days is out of range: "
                    + "dates from \(Self.earliest) to \(Self.latest) are supported")
        }
        return CivilDate(inRangeDaysSinceEpoch: target)
    }

    /// The date `months` months later, clamped to the last day of the target month (2023-01-31 + 1 → 2023-02-28),
    /// for in-range results: a result before ``earliest`` or after ``latest`` is clamped to it instead of trapping.
    /// Use ``adding(months:field:)`` for input.
    public func adding(months: Int) -> CivilDate {
        let index = ExactArithmetic.saturatingSum(monthIndex, months)
        guard Self.supportedMonthIndices.contains(index) else {
            return index < Self.supportedMonthIndices.lowerBound ? Self.earliest : Self.latest
        }
        return date(atMonthIndex: index)
    }

    /// The date `months` months later, clamped to the last day of the target month (2023-01-31 + 1 → 2023-02-28).
    /// - Throws: invalidArgument naming `field` when the result lies outside ``earliest``...``latest``.
    public func adding(months: Int, field: String) throws(DomainError) -> CivilDate {
        let (index, overflow) = monthIndex.addingReportingOverflow(months)
        guard !overflow, Self.supportedMonthIndices.contains(index) else {
            throw ExactArithmetic.outOfRange(
                field: field,
                "\(self) + \(months) months is out of range: "
                    + "dates from \(Self.earliest) to \(Self.latest) are supported")
        }
        return date(atMonthIndex: index)
    }

    /// `year × 12 + month − 1`: small, since the year is in 1...9999.
    private var monthIndex: Int { year * 12 + (month - 1) }
    private static let supportedMonthIndices: ClosedRange<Int> = (1 * 12)...(9999 * 12 + 11)

    private func date(atMonthIndex index: Int) -> CivilDate {
        let y = index / 12
        let m = index % 12 + 1
        return CivilDate.unchecked(y, m, min(day, CivilDate.daysInMonth(year: y, month: m)))
    }

    /// The number of days from `self` to `other` (positive when `other` is later). The start day is not counted:
    /// from 2020-12-31 to 2023-01-18 is 748 days. Never overflows: both dates lie in years 1...9999, so the result
    /// is within ±3,652,058.
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
