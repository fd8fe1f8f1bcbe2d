import JiefenAPI
import Testing

@testable import JiefenReportRendering

/// The report renderers (table, CSV, HTML) on a small hand-built report.
@Suite("jiefen report: rendering")
struct ReportRenderingTests {
    /// A small report with the article's headline figures, a suppressed village with markup in its code,
    /// and a notable case whose kind holds a comma and a quote.
    static func sample() -> StatsReport {
        var report = StatsReport()
        report.from = "2022-07-01"
        report.to = "2023-06-30"
        report.asOf = "2023-06-30"
        report.comparison = "baseline"
        report.previousFrom = "2021-07-01"
        report.previousTo = "2022-06-30"
        report.collectiveThreshold = 5
        report.groupThreshold = 10
        report.suppressionThreshold = 3
        report.metrics = [
            .init(name: "sessions_vr", unit: "count", value: 38, numerator: 38),
            .init(name: "batches", channel: "VILLAGE_RECEPTION", unit: "count", value: 86, numerator: 86, previous: 64, yoy: 0.34375),
            .init(name: "person_times", channel: "VILLAGE_RECEPTION", unit: "count", value: 110, numerator: 110, previous: 88, yoy: 0.25),
            .init(name: "resolved", track: "petition", channel: "VILLAGE_RECEPTION", unit: "count", value: 76, numerator: 76),
            .init(name: "cases_by_channel", track: "petition", channel: "VILLAGE_RECEPTION", unit: "count", value: 82, numerator: 82),
            .init(name: "jm_resolved", unit: "count", value: 68, numerator: 68, previous: 51, yoy: 68.0 / 51.0 - 1),
            .init(name: "jm_meetings", unit: "count", value: 24, numerator: 24),
            .init(name: "jm_in_progress", unit: "count", value: 3, numerator: 3),
            .init(name: "micro_online", unit: "count", value: 612, numerator: 612, previous: 455),
            .init(name: "resolution_rate", unit: "rate", value: 0.9512, numerator: 390, denominator: 410),
        ]
        report.months = [
            .init(month: "2022-07", track: "petition", channel: "VILLAGE_RECEPTION", registered: 7, resolved: 5),
            .init(month: "2022-08", track: "dispute", channel: "WECHAT_GROUP", registered: 3, resolved: 3),
        ]
        report.funnel = [.init(stage: "registered", count: 410), .init(stage: "resolved", count: 390)]
        report.durations = [
            .init(
                track: "petition", unit: "days", count: 318, mean: 18.2, median: 12, p90: 49,
                bucketLabels: ["0", "1-7", ">60"], bucketCounts: [30, 280, 8])
        ]
        report.villages = [
            .init(villageCode: "V01", registered: 40, registeredSuppressed: false, resolved: 38, resolvedSuppressed: false),
            .init(villageCode: "<script>V02", registered: 0, registeredSuppressed: true, resolved: 0, resolvedSuppressed: true),
        ]
        report.notable = [
            .init(
                list: "fastest", caseID: "C-0002", kind: "agri, \"drift\"", track: "dispute", channel: "WECHAT_GROUP",
                outcome: "resolved_dept", householdsInvolved: 1, registeredAt: 1_657_586_400, closedAt: 1_657_614_600,
                jointMeetingDecisions: 0, extended: false, keyDates: ["spray=2022-07-10"])
        ]
        return report
    }

    /// The table shows the headline figures, rates and times, and `<3` for suppressed village cells.
    @Test func tableShowsHeadlineFiguresAndSuppressesSmallCells() {
        let table = ReportTable.render(Self.sample())
        #expect(table.contains("Jiefen report 2022-07-01 – 2023-06-30"))
        #expect(table.contains("baseline 2021-07-01 – 2022-06-30"))
        for figure in ["38", "86 / 110", "76", "68", "612", "95.1 %", "390/410", "+25.0 %"] {
            #expect(table.contains(figure), "missing \(figure)")
        }
        #expect(table.contains("<3"))
        #expect(table.contains("2022-07-12 08:40"))
        #expect(table.contains("7 h 50 min"))
        #expect(!table.contains("\u{1B}["))
    }

    /// The CSV starts with the header, writes rows as documented and quotes per RFC 4180.
    @Test func csvHasTheHeaderAndQuotesFields() {
        let csv = ReportCSV.render(Self.sample())
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == "section,name,track,channel,unit,value,numerator,denominator,previous,yoy")
        #expect(lines.contains("metric,resolution_rate,,,rate,0.9512,390,410,,"))
        #expect(lines.contains("notable_fastest,C-0002,dispute,WECHAT_GROUP,kind,\"agri, \"\"drift\"\"\",,,,"))
        #expect(lines.contains("village_registered,<script>V02,,,suppressed,,,,,"))
        #expect(lines.contains("month,2022-07,petition,VILLAGE_RECEPTION,count,7,7,5,,"))
        #expect(ReportCSV.quote("plain") == "plain")
        #expect(ReportCSV.quote("a\nb") == "\"a\nb\"")
    }

    /// The page references nothing outside itself, escapes markup and holds the four charts.
    @Test func htmlIsSelfContainedEscapedAndHasFourCharts() {
        let html = ReportHTML.render(Self.sample())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>Jiefen report 2022-07-01 – 2023-06-30</title>"))
        #expect(!html.contains("http"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;V02"))
        #expect(html.contains("<td class=\"num\">&lt;3</td>"))
        #expect(html.ranges(of: "<svg").count == 4)
        #expect(html.ranges(of: "<title id=\"chart-").count == 4)
    }

    /// An empty report renders without failing, still with four charts.
    @Test func emptyReportStillRendersFourCharts() {
        let html = ReportHTML.render(StatsReport())
        #expect(html.ranges(of: "<svg").count == 4)
        #expect(ReportCSV.render(StatsReport()) == ReportCSV.columns.joined(separator: ",") + "\n")
        #expect(!ReportTable.render(StatsReport()).isEmpty)
    }

    /// The same report renders to the same bytes.
    @Test func renderingIsDeterministic() {
        let report = Self.sample()
        #expect(ReportTable.render(report) == ReportTable.render(report))
        #expect(ReportCSV.render(report) == ReportCSV.render(report))
        #expect(ReportHTML.render(report) == ReportHTML.render(report))
    }

    /// The locale-independent formatting helpers.
    @Test func formatting() {
        #expect(ReportFormat.duration(minutes: 470) == "7 h 50 min")
        #expect(ReportFormat.duration(minutes: 3 * 1440 + 5) == "3 d")
        #expect(ReportFormat.duration(minutes: 45) == "45 min")
        #expect(ReportFormat.percent(0.9512) == "95.1 %")
        #expect(ReportFormat.number(2.25) == "2.3")
        #expect(ReportFormat.number(-0.04) == "0.0")
        #expect(ReportFormat.yoy(0.25) == "+25.0 %")
        #expect(ReportFormat.yoy(-0.04) == "-4.0 %")
        #expect(ReportFormat.yoy(nil) == "–")
        #expect(ReportFormat.localTime(unixSeconds: 1_657_586_400) == "2022-07-12 08:40")
        #expect(ReportFormat.localTime(unixSeconds: 0) == "1970-01-01 08:00")
        #expect(ReportFormat.localTime(unixSeconds: 1_709_136_000) == "2024-02-29 00:00")
    }
}
