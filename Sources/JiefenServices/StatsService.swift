import JiefenAPI
import JiefenDomain
import JiefenStore
import Logging
public import TTRPCCore

/// `jiefen.v1.Stats`: `Report` computes every figure of domain.md D for a period with SQL aggregates in the store;
/// `PutBaseline` records the figures of a period the store has no cases for, for year-on-year comparisons.
public struct StatsService: TTRPCService {
    let environment: CaseServiceEnvironment

    /// Creates the service.
    public init(environment: CaseServiceEnvironment) {
        self.environment = environment
    }

    public func registerMethods(with router: inout TTRPCRouter) {
        let env = environment
        router.register(Stats.report) { request, _ in
            try await StoreErrorMapping.mapping { try await Self.report(request, env: env).wire }
        }
        router.register(Stats.putBaseline, maxRequestBytes: InputLimits.writeRequestBytes) { request, context in
            try await StoreErrorMapping.mapping {
                let response = try await Self.putBaseline(request, env: env)
                context.logger.notice("baseline recorded", metadata: ["period": .client("\(request.from)..\(request.to)")])
                return response
            }
        }
    }

    /// The report of one period.
    static func report(_ request: JiefenV1.ReportRequest, env: CaseServiceEnvironment) async throws -> StatsReport {
        try request.checkBounds(now: env.clock.now)
        let (from, to) = try period(request.from, request.to)
        var violations: [FieldViolation] = []
        var asOf = env.clock.today(offset: env.rules.offset)
        if !request.asOf.isEmpty {
            if let given = CivilDate(iso: request.asOf) {
                asOf = given
            } else {
                violations.append(FieldViolation(field: "as_of", message: "\"\(request.asOf)\" is not a date YYYY-MM-DD"))
            }
        }
        if !request.channel.isEmpty, IntakeChannel.parse(request.channel) == nil {
            violations.append(FieldViolation(field: "channel", message: IntakeChannel.problem(request.channel)))
        }
        guard violations.isEmpty else { throw DomainError.invalidArgument(violations) }
        if !request.villageCode.isEmpty {
            let known = try await env.store.knownVillages()
            guard known.contains(request.villageCode) else {
                let listed = known.prefix(20).joined(separator: ", ") + (known.count > 20 ? ", …" : "")
                throw DomainError.invalidArgument(
                    field: "village_code",
                    "no case or reception session has village \"\(request.villageCode)\"; known villages: \(known.isEmpty ? "none yet" : listed)"
                )
            }
        }
        let threshold = env.rules.collective.threshold
        func query(_ from: CivilDate, _ to: CivilDate, asOf: CivilDate) -> StatisticsQuery {
            StatisticsQuery(
                from: from.description, through: to.description, asOf: asOf.description,
                collectiveThreshold: threshold, groupThreshold: threshold,
                channel: request.channel.isEmpty ? nil : request.channel,
                villageCode: request.villageCode.isEmpty ? nil : request.villageCode)
        }
        let current = ReportBuilder(statistics: try await env.store.statistics(query(from, to, asOf: asOf)))
        let previousFrom = from.adding(months: -12)
        let previousTo = to.adding(months: -12)
        // The previous period is judged as far after its end as this one is (a year earlier).
        let previous = ReportBuilder(
            statistics: try await env.store.statistics(query(previousFrom, previousTo, asOf: asOf.adding(months: -12))))

        var report = StatsReport()
        report.from = from.description
        report.to = to.description
        report.asOf = asOf.description
        report.channel = request.channel
        report.villageCode = request.villageCode
        report.previousFrom = previousFrom.description
        report.previousTo = previousTo.description
        report.collectiveThreshold = threshold
        report.groupThreshold = threshold
        report.suppressionThreshold = ReportBuilder.suppressionThreshold
        let metrics = current.metrics()
        if previous.hasData {
            report.comparison = "previous_period"
            report.metrics = ReportBuilder.compare(metrics, with: Dictionary(previous.metrics().map { ($0.key, $0.value) }) { a, _ in a })
        } else if request.channel.isEmpty, request.villageCode.isEmpty,
            let baseline = try await env.store.baseline(from: previousFrom.description, through: previousTo.description)
        {
            report.comparison = "baseline"
            report.metrics = ReportBuilder.compare(metrics, with: baseline)
        } else {
            report.comparison = "none"
            report.metrics = metrics
        }
        report.months = current.months()
        report.funnel = current.funnel()
        report.durations = current.durations()
        report.villages = current.villages()
        report.notable = current.notable()
        return report
    }

    static func putBaseline(_ request: JiefenV1.PutBaselineRequest, env: CaseServiceEnvironment) async throws
        -> JiefenV1.PutBaselineResponse
    {
        try request.checkBounds(now: env.clock.now)
        let (from, to) = try period(request.from, request.to)
        let figures = request.figures // built from keys and values on each access: once here
        var violations: [FieldViolation] = []
        if figures.isEmpty { violations.append(FieldViolation(field: "keys", message: "at least one figure is required")) }
        for key in figures.keys.sorted() {
            let parts = key.split(separator: "/", omittingEmptySubsequences: false)
            let value = figures[key] ?? .nan
            if parts.count != 3 || !Self.baselineMetrics.contains(String(parts[0])) {
                violations.append(
                    FieldViolation(
                        field: "keys",
                        message: "\"\(key)\" is not name/track/channel with a name of "
                            + Self.baselineMetrics.sorted().joined(separator: ", ")))
            } else if !value.isFinite || value < 0 {
                violations.append(FieldViolation(field: "values", message: "\(key) needs a finite value ≥ 0 (one value per key)"))
            }
        }
        guard violations.isEmpty else { throw DomainError.invalidArgument(violations) }
        try await env.store.putBaseline(from: from.description, through: to.description, figures: figures)
        return JiefenV1.PutBaselineResponse(stored: Int32(clamping: figures.count))
    }

    /// The metric names a baseline may carry: every metric of the catalogue.
    static let baselineMetrics = Set(ReportMetric.all.map(\.name))

    /// A valid period, or InvalidArgument naming the wrong field.
    static func period(_ from: String, _ to: String) throws(DomainError) -> (CivilDate, CivilDate) {
        var violations: [FieldViolation] = []
        let start = CivilDate(iso: from)
        let end = CivilDate(iso: to)
        if start == nil {
            violations.append(
                FieldViolation(
                    field: "from", message: from.isEmpty ? "required, a date YYYY-MM-DD" : "\"\(from)\" is not a date YYYY-MM-DD"))
        }
        if end == nil {
            violations.append(
                FieldViolation(field: "to", message: to.isEmpty ? "required, a date YYYY-MM-DD" : "\"\(to)\" is not a date YYYY-MM-DD"))
        }
        guard violations.isEmpty, let start, let end else { throw .invalidArgument(violations) }
        guard start <= end else {
            throw .invalidArgument(field: "to", "the period ends on \(end), before it starts on \(start); swap the dates")
        }
        return (start, end)
    }
}
