import JiefenDomain
import JiefenDomainTesting
import Testing

@Suite("Dates, money, decimals")
struct ValueTypeTests {
    @Test("civil dates: parsing, arithmetic, weekdays")
    func dates() {
        #expect(CivilDate(iso: "2023-02-29") == nil)
        #expect(CivilDate(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(CivilDate(iso: "2023-1-01") == nil)
        #expect(CivilDate(iso: "２０２３-01-01") == nil)
        #expect(Fixture.date("2020-12-31").days(until: Fixture.date("2023-01-18")) == 748)
        #expect(Fixture.date("1970-01-01").daysSinceEpoch == 0)
        #expect(CivilDate(daysSinceEpoch: -1) == Fixture.date("1969-12-31"))
        #expect(Fixture.date("2023-01-22").isoWeekday == 7)
        #expect(Fixture.date("2023-01-31").adding(months: 1) == Fixture.date("2023-02-28"))
        #expect(Fixture.date("2022-11-15").adding(months: -12) == Fixture.date("2021-11-15"))
        #expect(CivilDate(clampingYear: 2023, month: 13, day: 40) == Fixture.date("2023-12-31"))
    }

    @Test("timestamps map to Asia/Shanghai dates")
    func timestamps() {
        let late = Fixture.at("2022-07-12", 23, 30)
        #expect(late.civilDate() == Fixture.date("2022-07-12"))
        #expect(late.civilDate(offset: .utc) == Fixture.date("2022-07-12"))
        #expect(Fixture.at("2022-07-12", 7).civilDate(offset: .utc) == Fixture.date("2022-07-11"))
        #expect(Fixture.at("2022-07-12", 8, 40).seconds(until: Fixture.at("2022-07-12", 16, 30)) == 28_200)
    }

    @Test("money and area formatting")
    func formatting() {
        #expect(Money(fen: 3_590_400).formattedYuan == "35904.00")
        #expect(Money(fen: -50).formattedYuan == "-0.50")
        #expect(Money(yuan: 2).description == "2.00 yuan")
        #expect(AreaMu(hundredths: 18_650).formattedMu == "186.50")
    }

    @Test("decimals parse exactly and compare across scales")
    func decimals() {
        #expect(FixedDecimal("0.0001") == FixedDecimal(units: 1, scale: 4))
        #expect(FixedDecimal("-2.50")?.description == "-2.50")
        #expect(FixedDecimal("1.") == nil)
        #expect(FixedDecimal("abc") == nil)
        #expect(FixedDecimal(units: 5, scale: 4) < FixedDecimal(units: 6, scale: 4))
        #expect(FixedDecimal(units: 1, scale: 1) > FixedDecimal(units: 99, scale: 3))
        #expect(FixedDecimal(units: 20, scale: 2).units(atScale: 4) == 2000)
    }

    @Test("exact arithmetic rounds half away from zero, once")
    func arithmetic() {
        #expect(ExactArithmetic.product([48_000_000, 1, 748], decimals: 4) == 3_590_400)
        #expect(ExactArithmetic.product([5], dividedBy: 2) == 3)
        #expect(ExactArithmetic.product([-5], dividedBy: 2) == -3)
        #expect(ExactArithmetic.product([1], dividedBy: 0) == nil)
        #expect(ExactArithmetic.product([Int64.max, Int64.max, Int64.max]) == nil)
    }
}
