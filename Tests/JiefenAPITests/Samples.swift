import JiefenAPI
import JiefenWireTesting
import NIOCore
import TTRPCWire
import Testing

/// Messages with every field set (and every `Value` member), for the round-trip and hostile-input tests.
enum Samples {
    static let person = JiefenV1.Person(name: "王秀英", idNumber: "11010519491231002X", phone: "13800138000")

    /// One `Value` per oneof member, including the edge values a proto3 encoder must not drop: a set member
    /// holding zero, an empty string, and a list of lists.
    static let values: [JiefenV1.Value] = [
        .init(kind: .text("烂尾楼，逾期交房 18 个月")),
        .init(kind: .text("")),
        .init(kind: .integer(Int64.min)),
        .init(kind: .integer(0)),
        .init(kind: .moneyFen(48_000_000)),
        .init(kind: .areaCentimu(-1)),
        .init(kind: .decimal("0.0001")),
        .init(kind: .date("2023-01-18")),
        .init(kind: .timestamp(1_700_000_000)),
        .init(kind: .flag(false)),
        .init(kind: .flag(true)),
        .init(kind: .choice("collective")),
        .init(kind: .list(JiefenV1.ValueList())),
        .init(kind: .list(nestedList)),
        .init(),
    ]

    /// A list holding every scalar member and a list of lists.
    static let nestedList = JiefenV1.ValueList(items: [
        .init(kind: .date("2023-01-18")),
        .init(kind: .areaCentimu(18_650)),
        .init(
            kind: .list(
                JiefenV1.ValueList(items: [
                    .init(kind: .text("内层")), .init(kind: .flag(true)), .init(kind: .list(JiefenV1.ValueList(items: [.init()]))),
                ]))),
        .init(),
    ])

    static let details: [JiefenV1.Field] =
        values.enumerated().map { index, value in
            JiefenV1.Field(name: "attribute_\(index)", value: value)
        } + [JiefenV1.Field(name: "absent"), JiefenV1.Field(name: "", value: JiefenV1.Value())]

    static let createRequest = JiefenV1.CreateCaseRequest(
        requestID: "req-000001",
        kind: "housing_delivery",
        track: "dispute",
        channel: "walk_in",
        villageCode: "330110001",
        petitioners: [person, JiefenV1.Person(name: "李四")],
        representatives: [JiefenV1.Person(name: "张三", phone: "13900000000")],
        personsInvolved: 148,
        householdsInvolved: Int32.max,
        vulnerableFlags: ["elderly", "", "disabled"],
        demandText: "开发商逾期交房，要求按合同支付违约金。\n第二行 ✓ 𝄞",
        details: details,
        receivedAt: -62_135_596_800,
        headcount: Int32.min,
        sessionID: "session-7",
        actor: "clerk:liu",
        personKeys: ["k1", "k2"]
    )

    static let caseMessage = JiefenV1.Case(
        id: "JF-000001",
        kind: "housing_delivery",
        track: "dispute",
        status: "accepted",
        channel: "walk_in",
        villageCode: "330110001",
        petitioners: [person],
        representatives: [JiefenV1.Person(name: "张三")],
        personsInvolved: 148,
        householdsInvolved: 52,
        vulnerableFlags: ["elderly"],
        demandText: "要求交房",
        details: details,
        registeredOn: "2023-01-18",
        acceptedOn: "2023-01-19",
        acceptanceNoticeOn: "2023-01-20",
        assignedDepartment: "housing_bureau",
        dueOn: "2023-03-20",
        extensionDays: -30,
        outcome: "resolved",
        closedOn: "2023-03-01",
        rating: "satisfied",
        jointMeetings: 2,
        contacts: 5,
        personTimes: 300,
        version: Int64.max,
        masked: true,
        overdue: true
    )

    static let report = JiefenV1.Report(
        from: "2023-01-01", to: "2023-12-31", asOf: "2024-01-05", channel: "walk_in", villageCode: "330110001",
        comparison: "previous_year", previousFrom: "2022-01-01", previousTo: "2022-12-31",
        collectiveThreshold: 5, groupThreshold: 20,
        metrics: [
            JiefenV1.Metric(
                name: "resolution_rate", track: "dispute", channel: "", unit: "ratio", value: 0.875,
                numerator: 7, denominator: 8, hasPrevious: true, previous: -1.5e-300, hasYoy: true, yoy: Double.infinity),
            JiefenV1.Metric(name: "zero"),
        ],
        months: [JiefenV1.MonthRow(month: "2023-01", track: "dispute", channel: "hotline", registered: 12, resolved: -1)],
        funnel: [JiefenV1.FunnelStage(stage: "registered", count: 40), JiefenV1.FunnelStage(stage: "closed", count: 0)],
        durations: [
            JiefenV1.DurationRow(
                track: "dispute", unit: "days", count: 3, mean: 12.5, median: 10, p90: 30.25,
                bucketLabels: ["0-7", "8-30", ">30"], bucketCounts: [1, 0, -2, Int32.max, Int32.min])
        ],
        villages: [
            JiefenV1.VillageRow(villageCode: "330110001", registered: 3, registeredSuppressed: true, resolved: 1, resolvedSuppressed: false)
        ],
        notable: [
            JiefenV1.NotableCase(
                caseID: "JF-000001", kind: "housing_delivery", track: "dispute", channel: "walk_in",
                outcome: "resolved", householdsInvolved: 52, registeredAt: 1_674_000_000, closedAt: 1_677_600_000,
                jointMeetingDecisions: 1, extended: true, keyDates: ["2023-01-18", "2023-03-01"], list: "red")
        ],
        suppressionThreshold: 3
    )
}

/// Encodes then decodes with the generated code.
func roundTrip<M: GeneratedMessage>(_ message: M) throws -> M {
    try M(decoding: try message.encoded())
}

/// Decodes raw bytes with the generated code.
func decode<M: GeneratedMessage>(_ type: M.Type, _ bytes: [UInt8]) throws(WireError) -> M {
    try M(decoding: ByteBuffer(bytes: bytes))
}

/// The encoded bytes of a generated message.
func bytes(of message: some GeneratedMessage) throws -> [UInt8] {
    Array(try message.encoded().readableBytesView)
}

/// A length-delimited field: tag (field number, wire type 2), length, payload.
func lengthDelimited(_ field: Int, _ payload: [UInt8]) -> [UInt8] {
    HostileBytes.varint(field << 3 | 2) + HostileBytes.varint(payload.count) + payload
}
