import JiefenAPI

/// The report's four charts as inline SVG for an HTML5 page: no `xmlns`, no scripts, no external resources,
/// whole-pixel coordinates, every text escaped. Each chart carries a `<title>` and an `aria-label`; a chart
/// without data still renders (saying so), so the page always holds the same four `<svg>` elements.
enum SVGCharts {
    /// Fill colours: the i-th known channel takes the i-th colour; other channels follow in sorted order.
    static let palette = [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ]

    /// (a) Cases registered per month, petition and dispute tracks, one bar per month stacked by channel, with a legend.
    static func monthly(_ report: StatsReport) -> String {
        let id = "chart-months"
        let title = "Cases registered per month by channel (petition and dispute tracks)"
        let rows = report.months.filter { $0.track == "petition" || $0.track == "dispute" }
        let months = Set(rows.map(\.month)).sorted()
        let allChannels = ReportFigures.channels(in: report)
        let channels = allChannels.filter { channel in rows.contains { $0.channel == channel && $0.registered > 0 } }
        guard !months.isEmpty, !channels.isEmpty else { return empty(id, title) }
        let counts = months.map { month in
            channels.map { channel in
                rows.filter { $0.month == month && $0.channel == channel }.reduce(0) { $0 + $1.registered }
            }
        }
        let top = niceCeiling(counts.map { $0.reduce(0, +) }.max() ?? 1)
        let left = 44
        let plotTop = 16
        let plotHeight = 200
        let step = 34
        let barWidth = 24
        let legendX = left + months.count * step + 24
        var body = axis(x: left, y: plotTop, width: months.count * step, height: plotHeight, top: top)
        for (i, month) in months.enumerated() {
            let x = left + i * step + (step - barWidth) / 2
            var cumulative = 0
            for (j, channel) in channels.enumerated() where counts[i][j] > 0 {
                let bottom = scaled(cumulative, top, plotHeight)
                cumulative += counts[i][j]
                let height = scaled(cumulative, top, plotHeight) - bottom
                body += rect(
                    x, plotTop + plotHeight - bottom - height, barWidth, height, color(channel, allChannels),
                    tip: "\(month) \(ReportFigures.channelLabel(channel)): \(counts[i][j])")
            }
            let labelX = x + barWidth / 2
            let labelY = plotTop + plotHeight + 12
            body +=
                "<text x=\"\(labelX)\" y=\"\(labelY)\" text-anchor=\"end\" transform=\"rotate(-45 \(labelX) \(labelY))\">"
                + "\(ReportHTML.escape(month))</text>\n"
        }
        for (j, channel) in channels.enumerated() {
            let y = plotTop + j * 18
            body += rect(legendX, y, 12, 12, color(channel, allChannels), tip: nil)
            body += text(legendX + 18, y + 10, ReportFigures.channelLabel(channel))
        }
        let height = max(plotTop + plotHeight + 64, plotTop + channels.count * 18 + 8)
        return svg(id, title, width: legendX + 150, height: height, body)
    }

    /// (b) The funnel from registered to resolved, one horizontal bar per stage with its share of the first stage.
    static func funnel(_ report: StatsReport) -> String {
        let first = report.funnel.first?.count ?? 0
        let items = report.funnel.map { stage in
            (
                label: ReportFormat.title(stage.stage), value: stage.count,
                note: first > 0 ? " (\(ReportFormat.percent(Double(stage.count) / Double(first))))" : ""
            )
        }
        return horizontalBars(id: "chart-funnel", title: "From registered to resolved (petition and dispute cases)", items: items)
    }

    /// (c) Time to resolution: one histogram panel per track, stacked vertically.
    static func histograms(_ report: StatsReport) -> String {
        let id = "chart-durations"
        let title = "Time to resolution per track (histogram of resolved cases)"
        let rows = report.durations.filter { !$0.bucketLabels.isEmpty }
        guard !rows.isEmpty else { return empty(id, title) }
        let left = 44
        let step = 44
        let barWidth = 30
        let panelHeight = 210
        let plotHeight = 110
        let buckets = rows.map { min($0.bucketLabels.count, $0.bucketCounts.count) }
        var body = ""
        for (p, row) in rows.enumerated() {
            let panelTop = p * panelHeight
            let plotTop = panelTop + 34
            let top = niceCeiling(row.bucketCounts.max() ?? 1)
            body += text(left, panelTop + 16, "\(row.track): \(row.count) resolved, in \(row.unit)", bold: true)
            body += axis(x: left, y: plotTop, width: buckets[p] * step, height: plotHeight, top: top)
            for i in 0..<buckets[p] {
                let count = row.bucketCounts[i]
                let height = scaled(count, top, plotHeight)
                let x = left + i * step + (step - barWidth) / 2
                let labelX = x + barWidth / 2
                let labelY = plotTop + plotHeight + 12
                body += rect(
                    x, plotTop + plotHeight - height, barWidth, height, palette[p % palette.count],
                    tip: "\(row.track) \(row.bucketLabels[i]): \(count)")
                body += text(labelX, plotTop + plotHeight - height - 3, String(count), anchor: "middle")
                body +=
                    "<text x=\"\(labelX)\" y=\"\(labelY)\" text-anchor=\"end\" transform=\"rotate(-45 \(labelX) \(labelY))\">"
                    + "\(ReportHTML.escape(row.bucketLabels[i]))</text>\n"
            }
        }
        let width = left + (buckets.max() ?? 1) * step + 20
        return svg(id, title, width: max(width, 320), height: rows.count * panelHeight, body)
    }

    /// (d) Joint-meeting results: meetings held, cases resolved via the joint meeting, cases under review.
    static func jointMeetings(_ report: StatsReport) -> String {
        let items = ReportFigures.jointMeetings(report).compactMap { item in
            item.metric.map { (label: item.label, value: Int($0.value.rounded()), note: "") }
        }
        return horizontalBars(id: "chart-jm", title: "Joint-meeting results", items: items)
    }

    /// Horizontal bars, one per item, labelled on the left and valued on the right.
    private static func horizontalBars(id: String, title: String, items: [(label: String, value: Int, note: String)]) -> String {
        guard !items.isEmpty else { return empty(id, title) }
        let labelWidth = 220
        let barMax = 360
        let rowHeight = 28
        let top = max(1, items.map(\.value).max() ?? 1)
        var body = ""
        for (i, item) in items.enumerated() {
            let y = 10 + i * rowHeight
            let width = item.value > 0 ? max(1, scaled(item.value, top, barMax)) : 0
            body += text(labelWidth - 8, y + 14, item.label, anchor: "end")
            body += rect(labelWidth, y, width, 20, palette[i % palette.count], tip: "\(item.label): \(item.value)")
            body += text(labelWidth + width + 6, y + 14, "\(item.value)\(item.note)")
        }
        return svg(id, title, width: labelWidth + barMax + 150, height: 20 + items.count * rowHeight, body)
    }

    /// The value axis: a baseline and gridlines with labels at 0, half (when whole) and `top`.
    private static func axis(x: Int, y: Int, width: Int, height: Int, top: Int) -> String {
        let ticks = top % 2 == 0 ? [0, top / 2, top] : [0, top]
        return ticks.map { tick in
            let lineY = y + height - scaled(tick, top, height)
            return "<line x1=\"\(x)\" y1=\"\(lineY)\" x2=\"\(x + width)\" y2=\"\(lineY)\" stroke=\"\(tick == 0 ? "#555" : "#ddd")\"/>\n"
                + text(x - 4, lineY + 4, String(tick), anchor: "end")
        }.joined()
    }

    /// The whole `<svg>` element with its accessible title.
    private static func svg(_ id: String, _ title: String, width: Int, height: Int, _ body: String) -> String {
        let label = ReportHTML.escape(title)
        return "<svg role=\"img\" aria-labelledby=\"\(id)-title\" aria-label=\"\(label)\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" font-family=\"sans-serif\" font-size=\"11\">\n"
            + "<title id=\"\(id)-title\">\(label)</title>\n" + body + "</svg>"
    }

    /// A chart that has no data to show.
    private static func empty(_ id: String, _ title: String) -> String {
        svg(id, title, width: 320, height: 40, text(10, 24, "No data for this chart."))
    }

    /// A filled rectangle, optionally with a tooltip.
    private static func rect(_ x: Int, _ y: Int, _ width: Int, _ height: Int, _ fill: String, tip: String?) -> String {
        let shape = "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" fill=\"\(fill)\""
        guard let tip else { return shape + "/>\n" }
        return shape + "><title>\(ReportHTML.escape(tip))</title></rect>\n"
    }

    /// A text label.
    private static func text(_ x: Int, _ y: Int, _ content: String, anchor: String = "start", bold: Bool = false) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\"\(bold ? " font-weight=\"bold\"" : "")>"
            + "\(ReportHTML.escape(content))</text>\n"
    }

    /// `value` of `top` as whole pixels of `length`.
    private static func scaled(_ value: Int, _ top: Int, _ length: Int) -> Int {
        top > 0 ? (value * length * 2 + top) / (top * 2) : 0
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at least `value` (and at least 1).
    private static func niceCeiling(_ value: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where factor * magnitude >= value { return factor * magnitude }
            magnitude *= 10
        }
    }

    /// The colour of `channel`: by its index among the report's channels.
    private static func color(_ channel: String, _ channels: [String]) -> String {
        palette[(channels.firstIndex(of: channel) ?? 0) % palette.count]
    }
}
