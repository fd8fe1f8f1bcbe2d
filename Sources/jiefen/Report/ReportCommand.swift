import ArgumentParser
import Foundation
import JiefenAPI
import JiefenReportRendering

/// `jiefen report`: the office's figures for a period (`jiefen.v1.Stats/Report`) as a table, JSON, CSV or an HTML
/// page with charts that opens offline.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Statistics of a period: cases per channel and track, rates with denominators, year-on-year.",
        discussion: """
            Example: jiefen report --from 2022-07-01 --to 2023-06-30 --format html --output tongyang.html
            Rates are judged at --as-of (default: today on the server). Village cells below 3 are suppressed.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, html
    }

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "First day of the period, YYYY-MM-DD.") var from: String
    @Option(help: "Last day of the period, YYYY-MM-DD (included).") var to: String
    @Option(help: "Judge cohort rates as of this day, YYYY-MM-DD (default: today).") var asOf: String?
    @Option(help: "Only this intake channel, e.g. VILLAGE_RECEPTION.") var channel: String?
    @Option(help: "Only this village code.") var village: String?
    @Option(help: "Output: table, json, csv or html.") var format: Format = .table
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let session = try await RPCSession.open(connection)
        let request = JiefenV1.ReportRequest(from: from, to: to, asOf: asOf ?? "", channel: channel ?? "", villageCode: village ?? "")
        let report: StatsReport
        do {
            report = StatsReport(try await session.call(Stats.report, request))
        } catch {
            await session.close()
            throw error
        }
        await session.close()
        let text = try Self.render(report, format)
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                printError("cannot write \(output): \(error.localizedDescription)")
                throw ExitCode.failure
            }
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }

    /// The report in `format`.
    static func render(_ report: StatsReport, _ format: Format) throws -> String {
        switch format {
        case .table: return ReportTable.render(report)
        case .csv: return ReportCSV.render(report)
        case .html: return ReportHTML.render(report)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        }
    }
}
