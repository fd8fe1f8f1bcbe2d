import ArgumentParser
import Foundation
import Histogram
import Logging
import NIOCore
import TTRPCCore
import Testing

@testable import jiefen

@Suite("jiefen load: flags")
struct LoadCommandParsingTests {
    @Test(arguments: [
        (["--duration", "1s"], "give SERVICE METHOD"),
        (["a.B", "C"], "give --duration or --count"),
        (["a.B", "C", "--duration", "1s", "--rate", "10", "--concurrency-steps", "1,2"], "exclude each other"),
        (["a.B", "C", "--duration", "1s", "--ramp-to", "10"], "--ramp-to needs --rate"),
        (["a.B", "C", "--duration", "ten"], "--duration"),
        (["a.B", "C", "--count", "5", "--payload-size", "4", "--data-hex", "00"], "at most one"),
        (["--workload", "cases", "a.B", "C", "--count", "1"], "takes no SERVICE METHOD"),
        (["--workload", "chaos", "--count", "1"], "not a workload"),
        (["a.B", "C", "--count", "1", "--json", "--csv"], "exclude each other"),
        (["a.B", "C", "--count", "1", "--connections", "0"], "--connections"),
    ])
    func invalidCombinationsFailBeforeAnyTraffic(arguments: [String], message: String) {
        #expect {
            _ = try LoadCommand.parse(arguments)
        } throws: { error in
            LoadCommand.message(for: error).contains(message)
        }
    }

    @Test func durationsParse() {
        #expect(LoadCommand.parseDuration("10s") == .seconds(10))
        #expect(LoadCommand.parseDuration("500ms") == .milliseconds(500))
        #expect(LoadCommand.parseDuration("2m") == .seconds(120))
        #expect(LoadCommand.parseDuration("1.5s") == .milliseconds(1500))
        #expect(LoadCommand.parseDuration("soon") == nil)
    }
}
