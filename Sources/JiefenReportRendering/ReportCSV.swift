public import JiefenAPI

/// The statistics report as CSV (RFC 4180 quoting, `\n` line ends, UTF-8), one header line and then rows
/// keyed by `section`. The columns are `section,name,track,channel,unit,value,numerator,denominator,previous,yoy`.
///
/// Row encoding per section:
/// - `metric`: one row per metric, columns as in the model (a count's `denominator` is 0); `previous` and `yoy`
///   are empty when not available. Rates and `yoy` are fractions (0.95), not percentages.
/// - `month`: one row per month, track and channel; `name` = `YYYY-MM`, `unit` = `count`,
///   `value` = `numerator` = cases **registered** in the month, `denominator` = cases **resolved** in the month
///   (two counts side by side, not a ratio).
/// - `funnel`: `name` = stage, `unit` = `count`, `value` = cases at or past the stage.
/// - `duration`: one row per histogram bucket; `name` = bucket label, `track`, `unit` = `count`,
///   `value` = cases in the bucket, `numerator` = bucket index (0-based), `denominator` = cases resolved on the track.
///   (Mean, median and P90 are the `time_to_resolution_*` metric rows.)
/// - `village_registered` / `village_resolved`: `name` = village code, `unit` = `count` and `value` = the count, or
///   `unit` = `suppressed` and `value` empty for a suppressed cell (fewer than the suppression threshold, more than 0).
/// - `notable_largest` / `notable_fastest` (`notable_<list>`): one row per field of a notable case; `name` = case id,
///   `track`, `channel`, `unit` = the field (`kind`, `outcome`, `households`, `registered`, `closed` as local time
///   Asia/Shanghai `YYYY-MM-DD HH:MM`, `duration_minutes`, `jm_decisions`, `extended` `true`/`false`, `key_dates`
///   space-separated `name=YYYY-MM-DD`), `value` = the field's value.
public enum ReportCSV {
    /// The header line's columns.
    static let columns = ["section", "name", "track", "channel", "unit", "value", "numerator", "denominator", "previous", "yoy"]

    /// The whole report as CSV text ending in a newline.
    public static func render(_ report: StatsReport) -> String {
        var rows: [[String]] = [columns]
        for m in report.metrics {
            rows.append([
                "metric", m.name, m.track, m.channel, m.unit, raw(m.value), String(m.numerator),
                String(m.denominator), m.previous.map(raw) ?? "", m.yoy.map(raw) ?? "",
            ])
        }
        for m in report.months {
            rows.append(
                row(
                    "month", m.month, track: m.track, channel: m.channel, unit: "count", value: String(m.registered),
                    numerator: String(m.registered), denominator: String(m.resolved)))
        }
        for stage in report.funnel {
            rows.append(row("funnel", stage.stage, unit: "count", value: String(stage.count)))
        }
        for d in report.durations {
            for (index, (label, count)) in zip(d.bucketLabels, d.bucketCounts).enumerated() {
                rows.append(
                    row(
                        "duration", label, track: d.track, unit: "count", value: String(count),
                        numerator: String(index), denominator: String(d.count)))
            }
        }
        for v in report.villages {
            rows.append(villageRow("village_registered", v.villageCode, v.registered, v.registeredSuppressed))
            rows.append(villageRow("village_resolved", v.villageCode, v.resolved, v.resolvedSuppressed))
        }
        for c in report.notable {
            let fields: [(String, String)] = [
                ("kind", c.kind), ("outcome", c.outcome), ("households", String(c.householdsInvolved)),
                ("registered", ReportFormat.localTime(unixSeconds: c.registeredAt)),
                ("closed", ReportFormat.localTime(unixSeconds: c.closedAt)), ("duration_minutes", String(c.durationMinutes)),
                ("jm_decisions", String(c.jointMeetingDecisions)), ("extended", String(c.extended)),
                ("key_dates", c.keyDates.joined(separator: " ")),
            ]
            for (field, value) in fields {
                rows.append(row("notable_\(c.list)", c.caseID, track: c.track, channel: c.channel, unit: field, value: value))
            }
        }
        return rows.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A field quoted per RFC 4180 when it holds a comma, a double quote, CR or LF (quotes doubled).
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        var quoted = "\""
        for character in field {
            quoted += character == "\"" ? "\"\"" : String(character)
        }
        return quoted + "\""
    }

    /// A machine-readable number: integral values without a fraction ("38"), others in Swift's shortest
    /// round-trip form ("0.9512"); both independent of the locale.
    static func raw(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), value.magnitude < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// One row with the columns after `unit` defaulting to empty.
    private static func row(
        _ section: String, _ name: String, track: String = "", channel: String = "", unit: String,
        value: String, numerator: String = "", denominator: String = ""
    ) -> [String] {
        [section, name, track, channel, unit, value, numerator, denominator, "", ""]
    }

    /// One village cell: the count, or unit `suppressed` with an empty value.
    private static func villageRow(_ section: String, _ code: String, _ count: Int, _ suppressed: Bool) -> [String] {
        suppressed ? row(section, code, unit: "suppressed", value: "") : row(section, code, unit: "count", value: String(count))
    }
}
