import JiefenDomain
import Testing

@Suite("The report's metric catalogue")
struct ReportMetricTests {
    @Test("every metric has its own name and a label, and is found by its name")
    func namesAreUniqueAndFound() {
        let names = ReportMetric.all.map(\.name)
        #expect(Set(names).count == names.count)
        for metric in ReportMetric.all {
            #expect(!metric.label.isEmpty)
            #expect(ReportMetric.named(metric.name) == metric)
        }
        #expect(ReportMetric.named("no_such_metric") == nil)
    }

    @Test("the names of domain.md D are in the catalogue")
    func domainNames() {
        for name in [
            "cases_registered", "resolved", "sessions_vr", "jm_resolved", "micro_online", "resolution_rate",
            "timely_acceptance_rate", "repeat_rate", "time_to_resolution_p90",
        ] {
            #expect(ReportMetric.named(name) != nil, "\(name)")
        }
    }

    @Test("the unit a report carries: times to resolution in hours for micro-matters, days otherwise")
    func unitNames() {
        #expect(ReportMetric.resolved.unitName(on: .petition) == "count")
        #expect(ReportMetric.resolutionRate.unitName(on: nil) == "rate")
        #expect(ReportMetric.timeToResolutionMean.unitName(on: .micro) == "hours")
        #expect(ReportMetric.timeToResolutionMean.unitName(on: .dispute) == "days")
    }

    @Test("the subsets renderers show are in the catalogue")
    func subsets() {
        for metric in ReportMetric.visitFigures + ReportMetric.timeToResolution {
            #expect(ReportMetric.all.contains(metric))
        }
    }
}
