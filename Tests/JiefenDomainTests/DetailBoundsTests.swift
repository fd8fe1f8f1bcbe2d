import JiefenDomain
import JiefenDomainTesting
import Testing

/// The bounds every kind's details keep whatever the schema says: money ≤ 10^15 fen, area ≤ 1,000,000 mu,
/// timestamps within the supported range, decimals with a scale of 0...18.
@Suite("Detail value bounds")
struct DetailBoundsTests {
    let schema = DetailSchema([
        AttributeSpec("amount", .money, description: "An amount."),
        AttributeSpec("area", .area, description: "An area."),
        AttributeSpec("at", .timestamp, description: "An instant."),
        AttributeSpec("rate", .decimal(scale: 6), description: "A rate."),
        AttributeSpec("count", .integer(min: 0, max: 1_000), description: "A count."),
    ])

    @Test("extreme values name their attribute; in-range ones pass", arguments: ExtremeValues.int64)
    func extremes(value: Int64) {
        let details: Details = [
            "amount": .money(Money(fen: value)), "area": .area(AreaMu(hundredths: value)),
            "at": .timestamp(Timestamp(secondsSinceEpoch: value)), "rate": .decimal(FixedDecimal(units: value, scale: 6)),
            "count": .integer(value),
        ]
        let fields = Set(schema.validate(details).map(\.field))
        #expect(fields.contains("amount") == !(0...Money.detailLimit.fen).contains(value))
        #expect(fields.contains("area") == !(0...AreaMu.detailLimit.hundredths).contains(value))
        #expect(fields.contains("at") == !Timestamp.supportedRange.contains(Timestamp(secondsSinceEpoch: value)))
        #expect(fields.contains("count") == !(0...1_000).contains(value))
        #expect(!fields.contains("rate"))
    }

    @Test("the limits themselves are accepted, one more is not")
    func limits() {
        #expect(schema.validate(["amount": .money(Money.detailLimit), "area": .area(AreaMu.detailLimit)]).isEmpty)
        let over = schema.validate([
            "amount": .money(Money(fen: Money.detailLimit.fen + 1)),
            "area": .area(AreaMu(hundredths: AreaMu.detailLimit.hundredths + 1)),
        ])
        #expect(over.map(\.field) == ["amount", "area"])
        #expect(over.first?.message == "must be at most 10000000000000.00 yuan, got 10000000000000.01")
    }

    @Test("a decimal whose settable scale was set out of range is refused", arguments: [-1, 19, Int.min, Int.max])
    func decimalScale(scale: Int) {
        var rate = FixedDecimal(units: 1, scale: 2)
        rate.scale = scale
        #expect(schema.validate(["rate": .decimal(rate)]).map(\.field) == ["rate"])
    }

    @Test("DetailUpperBounds names each attribute above its bound")
    func upperBounds() {
        let bounds = DetailUpperBounds(money: ["price": Money(yuan: 100), "rent": Money(yuan: 10)])
        let v = bounds.violations([
            "price": .money(Money(yuan: 101)), "rent": .money(Money(yuan: 10)),
            "other": .money(Money(fen: .max)),
        ])
        #expect(v == [FieldViolation(field: "price", message: "must be at most 100.00 yuan, got 101.00")])
    }
}
