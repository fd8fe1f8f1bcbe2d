public import JiefenAPI

/// The statistics report as one self-contained HTML5 page: inline CSS and SVG, no JavaScript, no external
/// fonts, scripts or images, so it renders offline; every text is escaped; the output is deterministic.
public enum ReportHTML {
    /// The page's style sheet (inline).
    private static let style = """
        body { font-family: system-ui, sans-serif; color: #222; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
        h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
        dl.meta { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
        dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; }
        .cards { display: flex; flex-wrap: wrap; gap: 1rem; }
        .card { border: 1px solid #ccc; border-radius: 6px; padding: .6rem 1rem; min-width: 12rem; }
        .card .value { font-size: 1.6rem; font-weight: bold; } .card .label, .card .cmp { font-size: .85rem; color: #555; }
        table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
        th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1rem 0; } figcaption { font-size: .85rem; color: #555; }
        svg { max-width: 100%; height: auto; }
        footer { margin-top: 2rem; font-size: .8rem; color: #666; }
        """

    /// The whole page.
    public static func render(_ report: StatsReport) -> String {
        let title = escape("Jiefen report \(report.from) – \(report.to)")
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>\(title)</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n<main>\n<h1>\(title)</h1>\n"
        page += header(report) + headline(report) + charts(report) + tables(report)
        page += "</main>\n<footer>Times are local time Asia/Shanghai (UTC+8). Village cells with fewer than "
        page += "\(report.suppressionThreshold) cases are suppressed and shown as \(escape("<\(report.suppressionThreshold)")). "
        page += "Aggregate figures only; no personal data.</footer>\n</body>\n</html>\n"
        return page
    }

    /// Text with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in elements and attributes.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The period, as-of date, filters, comparison and thresholds.
    private static func header(_ report: StatsReport) -> String {
        let items = [
            ("Period", "\(report.from) – \(report.to)"), ("As of", report.asOf), ("Filters", ReportFigures.filters(report)),
            ("Comparison", ReportFigures.comparison(report)),
            (
                "Thresholds",
                "collective visit ≥ \(report.collectiveThreshold) people, group case ≥ \(report.groupThreshold), "
                    + "village cells < \(report.suppressionThreshold) suppressed"
            ),
        ]
        return "<dl class=\"meta\">\n" + items.map { "<dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd>\n" }.joined() + "</dl>\n"
    }

    /// The headline figures as cards with comparison and year-on-year change.
    private static func headline(_ report: StatsReport) -> String {
        let cards = ReportFigures.headline(report).map { figure in
            "<div class=\"card\"><div class=\"value\">\(escape(figure.value))</div><div class=\"label\">\(escape(figure.label))</div>"
                + "<div class=\"cmp\">previous \(escape(figure.previous)) · YoY \(escape(figure.yoy))</div></div>\n"
        }
        return "<section>\n<h2>Headline figures</h2>\n<div class=\"cards\">\n" + cards.joined() + "</div>\n</section>\n"
    }

    /// The four charts, each in a captioned figure.
    private static func charts(_ report: StatsReport) -> String {
        let figures = [
            (SVGCharts.monthly(report), "Cases registered per month by channel, petition and dispute tracks (micro-matters excluded)."),
            (SVGCharts.funnel(report), "Petition and dispute cases registered in the period, by the furthest stage reached."),
            (SVGCharts.histograms(report), "Time from registration to closure of cases resolved in the period."),
            (SVGCharts.jointMeetings(report), "Joint meetings held, cases resolved through them and cases still under review."),
        ]
        return "<section>\n<h2>Charts</h2>\n"
            + figures.map { "<figure>\n\($0.0)\n<figcaption>\(escape($0.1))</figcaption>\n</figure>\n" }.joined() + "</section>\n"
    }

    /// The tables: cases by channel, rates, all figures, time to resolution, villages and notable cases.
    private static func tables(_ report: StatsReport) -> String {
        let grid = ReportFigures.caseGrid(report)
        var html = section("Cases by channel and track", table(grid.header, grid.rows, numeric: Set(1..<grid.header.count)))
        html += section("Rates", metricTable(ReportFigures.rates(report), ratio: true))
        html += section("All figures", metricTable(ReportFigures.ordered(report.metrics), ratio: true))
        let durations = report.durations.map { row in
            [
                row.track, row.unit, String(row.count), ReportFormat.inUnit(row.mean, unit: row.unit),
                ReportFormat.inUnit(row.median, unit: row.unit), ReportFormat.inUnit(row.p90, unit: row.unit),
            ]
        }
        html += section(
            "Time to resolution",
            table(["Track", "Unit", "Resolved", "Mean", "Median", "P90"], durations, numeric: [2, 3, 4, 5]))
        let threshold = report.suppressionThreshold
        let villages = report.villages.map { v in
            [
                v.villageCode, ReportFormat.villageCell(v.registered, suppressed: v.registeredSuppressed, threshold: threshold),
                ReportFormat.villageCell(v.resolved, suppressed: v.resolvedSuppressed, threshold: threshold),
            ]
        }
        html += section("Villages", table(["Village", "Registered", "Resolved"], villages, numeric: [1, 2]))
        let notable = report.notable.map { c in
            [
                ReportFormat.title(c.list), c.caseID, c.kind, c.track, c.channel, c.outcome, String(c.householdsInvolved),
                ReportFormat.localTime(unixSeconds: c.registeredAt), ReportFormat.localTime(unixSeconds: c.closedAt),
                ReportFormat.duration(minutes: c.durationMinutes), String(c.jointMeetingDecisions), c.extended ? "yes" : "no",
                c.keyDates.isEmpty ? ReportFormat.missing : c.keyDates.joined(separator: ", "),
            ]
        }
        let notableHeader = [
            "List", "Case", "Kind", "Track", "Channel", "Outcome", "Households", "Registered", "Closed",
            "Duration", "JM decisions", "Extended", "Key dates",
        ]
        html += section("Notable cases", table(notableHeader, notable, numeric: [6, 9, 10]))
        return html
    }

    /// A table of metrics with track, channel, value, numerator/denominator, previous and YoY.
    private static func metricTable(_ metrics: [StatsReport.Metric], ratio: Bool) -> String {
        let header =
            ["Figure", "Metric", "Track", "Channel", "Value"] + (ratio ? ["Numerator/denominator"] : [])
            + ["Previous", "YoY"]
        let rows = metrics.map { m in
            [
                ReportFigures.label(m.name), m.name, m.track.isEmpty ? "all" : m.track, m.channel.isEmpty ? "all" : m.channel,
                ReportFormat.value(m),
            ] + (ratio ? [ReportFormat.ratio(m)] : []) + [ReportFormat.previous(m), ReportFormat.yoy(m.yoy)]
        }
        return table(header, rows, numeric: Set(4..<header.count))
    }

    /// A titled section.
    private static func section(_ title: String, _ body: String) -> String {
        "<section>\n<h2>\(escape(title))</h2>\n\(body)</section>\n"
    }

    /// An HTML table, columns in `numeric` right-aligned; "None." when there are no rows.
    private static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>) -> String {
        guard !rows.isEmpty else { return "<p>None.</p>\n" }
        /// One row of `th` or `td` cells, escaped, numeric columns classed `num`.
        func cells(_ row: [String], _ tag: String) -> String {
            row.enumerated().map { column, cell in
                "<\(tag)\(numeric.contains(column) ? " class=\"num\"" : "")>\(escape(cell))</\(tag)>"
            }.joined()
        }
        return "<table>\n<thead><tr>\(cells(header, "th"))</tr></thead>\n<tbody>\n"
            + rows.map { "<tr>\(cells($0, "td"))</tr>\n" }.joined() + "</tbody>\n</table>\n"
    }
}
