import JiefenDomain
import JiefenDomainTesting
import Testing

@Suite("Detail schema")
struct DetailSchemaTests {
    let schema = DetailSchema([
        AttributeSpec("name", .text(maxLength: 5), required: true, description: "A name."),
        AttributeSpec("count", .integer(min: 1, max: 10), description: "A count."),
        AttributeSpec("paid", .money, unit: "yuan", description: "Money."),
        AttributeSpec("area", .area, unit: "mu", description: "Area."),
        AttributeSpec("rate", .decimal(scale: 4, min: FixedDecimal(units: 0, scale: 0)), description: "Rate."),
        AttributeSpec("colour", .enumeration(["red", "blue"]), description: "Colour."),
        AttributeSpec("dates", .list(of: .date, minCount: 1), description: "Dates."),
        AttributeSpec("when", .timestamp, description: "When."),
        AttributeSpec("flag", .bool, description: "Flag."),
    ])

    @Test("a well-formed schema has no problems")
    func wellFormed() {
        #expect(schema.wellFormednessProblems.isEmpty)
        #expect(schema.requiredNames == ["name"])
    }

    @Test("schema problems are found")
    func problems() {
        let bad = DetailSchema([
            AttributeSpec("a", .enumeration([]), description: ""),
            AttributeSpec("a", .integer(min: 5, max: 1), description: "x"),
            AttributeSpec("Bad Name", .list(of: .enumeration(["x", "x"])), description: "x"),
        ])
        let p = bad.wellFormednessProblems
        #expect(p.count == 6, "\(p)")
    }

    @Test(
        "values are checked by type, bounds, enum and list",
        arguments: [
            ("name", DetailValue.text("toolong"), "at most 5"),
            ("name", .text("  "), "blank"),
            ("count", .integer(0), "at least 1"),
            ("count", .integer(11), "at most 10"),
            ("paid", .money(Money(fen: -1)), "negative"),
            ("area", .area(AreaMu(hundredths: -5)), "negative"),
            ("rate", .decimal(FixedDecimal(units: 1, scale: 5)), "4 decimal places"),
            ("rate", .decimal(FixedDecimal(units: -1, scale: 2)), "at least 0"),
            ("colour", .enumeration("green"), "one of red, blue"),
            ("dates", .list([]), "at least 1"),
            ("flag", .text("yes"), "must be a bool value"),
        ])
    func valueChecks(name: String, value: DetailValue, message: String) {
        var details: Details = ["name": .text("ok")]
        details[name] = value
        let v = schema.validate(details)
        #expect(v.count == 1)
        #expect(v.first?.field == name)
        #expect(v.first?.message.contains(message) == true, "\(v)")
    }

    @Test("list elements are named by index")
    func listElements() {
        let v = schema.validate(["name": .text("ok"), "dates": .list([.date(Fixture.date("2022-01-01")), .integer(3)])])
        #expect(v.map(\.field) == ["dates[1]"])
    }

    @Test("missing required and unknown attributes are named")
    func requiredAndUnknown() {
        let v = schema.validate(["extra": .bool(true)])
        #expect(Set(v.map(\.field)) == ["name", "extra"])
    }
}
