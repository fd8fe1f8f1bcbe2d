public import JiefenWire

/// The `jiefen.v1.Stats` service.
public enum StatsAPI {
    public static let service = "jiefen.v1.Stats"
    public static let report = "Report"
    public static let putBaseline = "PutBaseline"
}

/// `jiefen.v1.ReportRequest`: the period and the optional filters of a report.
public struct ReportRequest: APIMessage {
    public static let messageType = "jiefen.v1.ReportRequest"
    /// The first day, `YYYY-MM-DD`.
    public var from = ""
    /// The last day, included.
    public var to = ""
    /// The day cohort rates are judged at; empty means today.
    public var asOf = ""
    /// Only this intake channel; empty for all.
    public var channel = ""
    /// Only this village; empty for all.
    public var villageCode = ""

    /// Creates a request.
    public init(from: String = "", to: String = "", asOf: String = "", channel: String = "", villageCode: String = "") {
        self.from = from
        self.to = to
        self.asOf = asOf
        self.channel = channel
        self.villageCode = villageCode
    }

    public init(proto m: ProtoMessage) {
        self.init(from: m.string(1), to: m.string(2), asOf: m.string(3), channel: m.string(4), villageCode: m.string(5))
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, from)
        m.set(2, to)
        m.set(3, asOf)
        m.set(4, channel)
        m.set(5, villageCode)
        return m
    }
}

/// `jiefen.v1.PutBaselineRequest`: figures of a period without case data, for year-on-year comparisons.
public struct PutBaselineRequest: APIMessage {
    public static let messageType = "jiefen.v1.PutBaselineRequest"
    /// The first day of the baseline period.
    public var from = ""
    /// The last day.
    public var to = ""
    /// Figures by metric key (`name/track/channel`).
    public var figures: [String: Double] = [:]

    /// Creates a request.
    public init(from: String = "", to: String = "", figures: [String: Double] = [:]) {
        self.from = from
        self.to = to
        self.figures = figures
    }

    public init(proto m: ProtoMessage) {
        let keys = m.strings(3), values = m.doubles(4)
        var figures: [String: Double] = [:]
        for (key, value) in zip(keys, values) { figures[key] = value }
        self.init(from: m.string(1), to: m.string(2), figures: figures)
        // Unpaired keys or values are kept visible to validation as NaN entries.
        for key in keys.dropFirst(values.count) { self.figures[key] = .nan }
    }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, from)
        m.set(2, to)
        let sorted = figures.keys.sorted()
        m.set(3, sorted)
        if !sorted.isEmpty { m[4] = .list(sorted.map { .double(figures[$0] ?? 0) }) }
        return m
    }
}

/// `jiefen.v1.PutBaselineResponse`.
public struct PutBaselineResponse: APIMessage {
    public static let messageType = "jiefen.v1.PutBaselineResponse"
    /// How many figures were stored.
    public var stored: Int

    /// Creates a response.
    public init(stored: Int) { self.stored = stored }

    public init(proto m: ProtoMessage) { self.init(stored: Int(m.int(1))) }

    public var proto: ProtoMessage {
        var m = ProtoMessage()
        m.set(1, stored)
        return m
    }
}
