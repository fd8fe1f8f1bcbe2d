import JiefenAPI

/// Locale-independent formatting of report figures: the same input always gives the same text,
/// whatever the machine's locale or time zone.
enum ReportFormat {
    /// The text shown for a figure that is not available.
    static let missing = "–"

    /// `value` rounded half away from zero to `decimals` places (0...6), e.g. `number(2.25)` → "2.3".
    /// Non-finite values give `missing`.
    static func number(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return missing }
        let places = max(0, min(decimals, 6))
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return value.description }
        let units = Int64(scaled)
        var text = String(units / scale)
        if places > 0 {
            let fraction = String(units % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return (value < 0 && units != 0 ? "-" : "") + text
    }

    /// A fraction as a percentage with one decimal: 0.9512 → "95.1 %".
    static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return missing }
        return number(fraction * 100) + " %"
    }

    /// A year-on-year change (a fraction) with its sign: 0.25 → "+25.0 %", -0.04 → "-4.0 %", `nil` → "–".
    static func yoy(_ change: Double?) -> String {
        guard let change, change.isFinite else { return missing }
        let text = percent(change)
        return text.hasPrefix("-") || text.hasPrefix("0.0 ") ? text : "+" + text
    }

    /// A unix instant as local time in Asia/Shanghai (UTC+8, no DST): `YYYY-MM-DD HH:MM`.
    static func localTime(unixSeconds: Int64) -> String {
        let local = unixSeconds + 8 * 3600
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2))"
    }

    /// A duration: `N d` (whole days) from one day on, else `H h M min` (`M min` under an hour), e.g. 470 → "7 h 50 min".
    static func duration(minutes: Int64) -> String {
        let minutes = max(0, minutes)
        if minutes >= 1440 { return "\(minutes / 1440) d" }
        if minutes < 60 { return "\(minutes) min" }
        return "\(minutes / 60) h \(minutes % 60) min"
    }

    /// A metric's value in its unit: counts as integers, rates as percentages, durations with one decimal and unit.
    static func value(_ metric: StatsReport.Metric) -> String {
        inUnit(metric.value, unit: metric.unit)
    }

    /// A metric's comparison-period value in its unit, or "–".
    static func previous(_ metric: StatsReport.Metric) -> String {
        metric.previous.map { inUnit($0, unit: metric.unit) } ?? missing
    }

    /// A rate's `numerator/denominator`, or "–" when there is no denominator.
    static func ratio(_ metric: StatsReport.Metric) -> String {
        metric.denominator > 0 ? "\(metric.numerator)/\(metric.denominator)" : missing
    }

    /// `value` formatted for `unit` (`count`, `rate`, `days`, `hours`, anything else with one decimal).
    static func inUnit(_ value: Double, unit: String) -> String {
        switch unit {
        case "count": number(value, decimals: 0)
        case "rate": percent(value)
        case "days": number(value) + " d"
        case "hours": number(value) + " h"
        default: unit.isEmpty ? number(value) : number(value) + " " + unit
        }
    }

    /// A code word as a label: underscores to spaces, first letter upper-cased (`resolved_jm` → "Resolved jm").
    static func title(_ word: String) -> String {
        let spaced = String(word.map { $0 == "_" ? " " : $0 })
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// A village cell: the count, or `<threshold` when suppressed.
    static func villageCell(_ count: Int, suppressed: Bool, threshold: Int) -> String {
        suppressed ? "<\(threshold)" : String(count)
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `value` left-padded with zeros to `width` digits.
    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
