public import JiefenWire

extension StatsReport: APIMessage {
    public static let messageType = "jiefen.v1.Report"

    public init(proto m: ProtoMessage) {
        self.init()
        from = m.string(1)
        to = m.string(2)
        asOf = m.string(3)
        channel = m.string(4)
        villageCode = m.string(5)
        comparison = m.string(6)
        previousFrom = m.string(7)
        previousTo = m.string(8)
        collectiveThreshold = Int(m.int(9))
        groupThreshold = Int(m.int(10))
        metrics = m.messages(11, as: Metric.self)
        months = m.messages(12, as: MonthRow.self)
        funnel = m.messages(13, as: FunnelStage.self)
        durations = m.messages(14, as: DurationRow.self)
        villages = m.messages(15, as: VillageRow.self)
        notable = m.messages(16, as: NotableCaseRow.self)
        suppressionThreshold = Int(m.int(17))
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, from)
        m.set(2, to)
        m.set(3, asOf)
        m.set(4, channel)
        m.set(5, villageCode)
        m.set(6, comparison)
        m.set(7, previousFrom)
        m.set(8, previousTo)
        m.set(9, collectiveThreshold)
        m.set(10, groupThreshold)
        m.set(11, metrics)
        m.set(12, months)
        m.set(13, funnel)
        m.set(14, durations)
        m.set(15, villages)
        m.set(16, notable)
        m.set(17, suppressionThreshold)
        return m
    }
}

extension StatsReport.Metric: APIMessage {
    public static let messageType = "jiefen.v1.Metric"

    public init(proto m: ProtoMessage) {
        self.init(
            name: m.string(1), track: m.string(2), channel: m.string(3), unit: m.string(4), value: m.double(5),
            numerator: m.int(6), denominator: m.int(7), previous: m.bool(8) ? m.double(9) : nil,
            yoy: m.bool(10) ? m.double(11) : nil
        )
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, name)
        m.set(2, track)
        m.set(3, channel)
        m.set(4, unit)
        if value != 0 { m[5] = .double(value) }
        m.set(6, numerator)
        m.set(7, denominator)
        if let previous {
            m.set(8, true)
            m[9] = .double(previous)
        }
        if let yoy {
            m.set(10, true)
            m[11] = .double(yoy)
        }
        return m
    }
}

extension StatsReport.MonthRow: APIMessage {
    public static let messageType = "jiefen.v1.MonthRow"

    public init(proto m: ProtoMessage) {
        self.init(month: m.string(1), track: m.string(2), channel: m.string(3), registered: Int(m.int(4)),
                  resolved: Int(m.int(5)))
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, month)
        m.set(2, track)
        m.set(3, channel)
        m.set(4, registered)
        m.set(5, resolved)
        return m
    }
}

extension StatsReport.FunnelStage: APIMessage {
    public static let messageType = "jiefen.v1.FunnelStage"

    public init(proto m: ProtoMessage) {
        self.init(stage: m.string(1), count: Int(m.int(2)))
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, stage)
        m.set(2, count)
        return m
    }
}

extension StatsReport.DurationRow: APIMessage {
    public static let messageType = "jiefen.v1.DurationRow"

    public init(proto m: ProtoMessage) {
        self.init(track: m.string(1), unit: m.string(2), count: Int(m.int(3)), mean: m.double(4), median: m.double(5),
                  p90: m.double(6), bucketLabels: m.strings(7), bucketCounts: m.ints(8).map { Int($0) })
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, track)
        m.set(2, unit)
        m.set(3, count)
        for (field, value) in [(UInt32(4), mean), (5, median), (6, p90)] where value != 0 { m[field] = .double(value) }
        m.set(7, bucketLabels)
        if !bucketCounts.isEmpty { m[8] = .list(bucketCounts.map { .int(Int64($0)) }) }
        return m
    }
}

extension StatsReport.VillageRow: APIMessage {
    public static let messageType = "jiefen.v1.VillageRow"

    public init(proto m: ProtoMessage) {
        self.init(villageCode: m.string(1), registered: Int(m.int(2)), registeredSuppressed: m.bool(3),
                  resolved: Int(m.int(4)), resolvedSuppressed: m.bool(5))
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, villageCode)
        m.set(2, registered)
        m.set(3, registeredSuppressed)
        m.set(4, resolved)
        m.set(5, resolvedSuppressed)
        return m
    }
}

extension StatsReport.NotableCaseRow: APIMessage {
    public static let messageType = "jiefen.v1.NotableCase"

    public init(proto m: ProtoMessage) {
        self.init(
            list: m.string(12), caseID: m.string(1), kind: m.string(2), track: m.string(3), channel: m.string(4),
            outcome: m.string(5), householdsInvolved: Int(m.int(6)), registeredAt: m.int(7), closedAt: m.int(8),
            jointMeetingDecisions: Int(m.int(9)), extended: m.bool(10), keyDates: m.strings(11)
        )
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, caseID)
        m.set(2, kind)
        m.set(3, track)
        m.set(4, channel)
        m.set(5, outcome)
        m.set(6, householdsInvolved)
        m.set(7, registeredAt)
        m.set(8, closedAt)
        m.set(9, jointMeetingDecisions)
        m.set(10, extended)
        m.set(11, keyDates)
        m.set(12, list)
        return m
    }
}
