/// The report's wire form: `StatsReport` is the model the server builds and the renderers and `--format json` read
/// (counts as `Int`, comparisons as optionals); `JiefenV1.Report` is what `Stats/Report` carries. Counts beyond
/// `Int32` are clamped on the way out (a town's counts are far below that).
extension StatsReport {
    /// The report a `Stats/Report` answer carries.
    public init(_ wire: JiefenV1.Report) {
        self.init()
        from = wire.from
        to = wire.to
        asOf = wire.asOf
        channel = wire.channel
        villageCode = wire.villageCode
        comparison = wire.comparison
        previousFrom = wire.previousFrom
        previousTo = wire.previousTo
        collectiveThreshold = Int(wire.collectiveThreshold)
        groupThreshold = Int(wire.groupThreshold)
        suppressionThreshold = Int(wire.suppressionThreshold)
        metrics = wire.metrics.map {
            Metric(
                name: $0.name, track: $0.track, channel: $0.channel, unit: $0.unit, value: $0.value,
                numerator: $0.numerator, denominator: $0.denominator, previous: $0.hasPrevious ? $0.previous : nil,
                yoy: $0.hasYoy ? $0.yoy : nil
            )
        }
        months = wire.months.map {
            MonthRow(month: $0.month, track: $0.track, channel: $0.channel, registered: Int($0.registered), resolved: Int($0.resolved))
        }
        funnel = wire.funnel.map { FunnelStage(stage: $0.stage, count: Int($0.count)) }
        durations = wire.durations.map {
            DurationRow(
                track: $0.track, unit: $0.unit, count: Int($0.count), mean: $0.mean, median: $0.median, p90: $0.p90,
                bucketLabels: $0.bucketLabels, bucketCounts: $0.bucketCounts.map { Int($0) }
            )
        }
        villages = wire.villages.map {
            VillageRow(
                villageCode: $0.villageCode, registered: Int($0.registered), registeredSuppressed: $0.registeredSuppressed,
                resolved: Int($0.resolved), resolvedSuppressed: $0.resolvedSuppressed
            )
        }
        notable = wire.notable.map {
            NotableCaseRow(
                list: $0.list, caseID: $0.caseID, kind: $0.kind, track: $0.track, channel: $0.channel, outcome: $0.outcome,
                householdsInvolved: Int($0.householdsInvolved), registeredAt: $0.registeredAt, closedAt: $0.closedAt,
                jointMeetingDecisions: Int($0.jointMeetingDecisions), extended: $0.extended, keyDates: $0.keyDates
            )
        }
    }

    /// The report as `Stats/Report` answers it.
    public var wire: JiefenV1.Report {
        JiefenV1.Report(
            from: from, to: to, asOf: asOf, channel: channel, villageCode: villageCode, comparison: comparison,
            previousFrom: previousFrom, previousTo: previousTo, collectiveThreshold: Int32(clamping: collectiveThreshold),
            groupThreshold: Int32(clamping: groupThreshold),
            metrics: metrics.map {
                JiefenV1.Metric(
                    name: $0.name, track: $0.track, channel: $0.channel, unit: $0.unit, value: $0.value,
                    numerator: $0.numerator, denominator: $0.denominator, hasPrevious: $0.previous != nil,
                    previous: $0.previous ?? 0, hasYoy: $0.yoy != nil, yoy: $0.yoy ?? 0
                )
            },
            months: months.map {
                JiefenV1.MonthRow(
                    month: $0.month, track: $0.track, channel: $0.channel, registered: Int32(clamping: $0.registered),
                    resolved: Int32(clamping: $0.resolved)
                )
            },
            funnel: funnel.map { JiefenV1.FunnelStage(stage: $0.stage, count: Int32(clamping: $0.count)) },
            durations: durations.map {
                JiefenV1.DurationRow(
                    track: $0.track, unit: $0.unit, count: Int32(clamping: $0.count), mean: $0.mean, median: $0.median,
                    p90: $0.p90, bucketLabels: $0.bucketLabels, bucketCounts: $0.bucketCounts.map { Int32(clamping: $0) }
                )
            },
            villages: villages.map {
                JiefenV1.VillageRow(
                    villageCode: $0.villageCode, registered: Int32(clamping: $0.registered),
                    registeredSuppressed: $0.registeredSuppressed, resolved: Int32(clamping: $0.resolved),
                    resolvedSuppressed: $0.resolvedSuppressed
                )
            },
            notable: notable.map {
                JiefenV1.NotableCase(
                    caseID: $0.caseID, kind: $0.kind, track: $0.track, channel: $0.channel, outcome: $0.outcome,
                    householdsInvolved: Int32(clamping: $0.householdsInvolved), registeredAt: $0.registeredAt,
                    closedAt: $0.closedAt, jointMeetingDecisions: Int32(clamping: $0.jointMeetingDecisions),
                    extended: $0.extended, keyDates: $0.keyDates, list: $0.list
                )
            },
            suppressionThreshold: Int32(clamping: suppressionThreshold)
        )
    }
}
