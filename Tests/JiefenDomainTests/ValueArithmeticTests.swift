import Foundation
import JiefenDomain
import JiefenDomainTesting
import Testing

/// Money, areas, decimals and exact arithmetic at the extremes: checked variants throw an invalidArgument naming the
/// field, convenience variants saturate or clamp, nothing traps.
@Suite("Value arithmetic at extreme values")
struct ValueArithmeticTests {
    @Test("Money(yuan:field:) converts small values and refuses ones beyond Int64 fen", arguments: ExtremeValues.int64)
    func moneyFromYuan(yuan: Int64) {
        let (fen, overflow) = yuan.multipliedReportingOverflow(by: 100)
        let error = domainError { try Money(yuan: yuan, field: "paid_amount") }
        if overflow {
            #expect(error?.code == .invalidArgument)
            #expect(error?.violations.first?.field == "paid_amount")
            #expect(error?.violations.first?.message == "\(yuan) yuan is out of range")
            #expect(Money(yuan: yuan).fen == (yuan < 0 ? .min : .max))
        } else {
            #expect(error == nil)
            #expect(Money(yuan: yuan).fen == fen)
        }
    }

    @Test("AreaMu(mu:field:) refuses values beyond Int64 hundredths", arguments: ExtremeValues.int64)
    func areaFromMu(mu: Int64) {
        let overflow = mu.multipliedReportingOverflow(by: 100).overflow
        let error = domainError { try AreaMu(mu: mu, field: "area_mu") }
        #expect((error?.violations.first?.field == "area_mu") == overflow)
        #expect(AreaMu(mu: mu).hundredths == (overflow ? (mu < 0 ? .min : .max) : mu * 100))
    }

    @Test("money sums and differences throw on overflow; the operators saturate", arguments: ExtremeValues.int64)
    func moneySums(fen: Int64) {
        let value = Money(fen: fen)
        for other in ExtremeValues.int64.map(Money.init(fen:)) {
            let sum = fen.addingReportingOverflow(other.fen)
            let sumError = domainError { try value.adding(other, field: "replanting_cost") }
            #expect((sumError?.violations.first?.field == "replanting_cost") == sum.overflow)
            if !sum.overflow { #expect((value + other).fen == sum.partialValue) }
            let difference = fen.subtractingReportingOverflow(other.fen)
            let differenceError = domainError { try value.subtracting(other, field: "salvage_value") }
            #expect((differenceError?.violations.first?.field == "salvage_value") == difference.overflow)
            if !difference.overflow { #expect((value - other).fen == difference.partialValue) }
        }
        #expect((Money(fen: .max) + Money(fen: 1)).fen == .max)
        #expect((Money(fen: .min) - Money(fen: 1)).fen == .min)
        #expect(Money(fen: .min).formattedYuan == "-92233720368547758.08")
        #expect(AreaMu(hundredths: .min).formattedMu == "-92233720368547758.08")
    }

    @Test("ExactArithmetic: checked operations throw naming the field, saturating ones clamp", arguments: ExtremeValues.int)
    func exactArithmetic(a: Int) {
        for b in ExtremeValues.int {
            let sum = a.addingReportingOverflow(b)
            let difference = a.subtractingReportingOverflow(b)
            let product = a.multipliedReportingOverflow(by: b)
            #expect((domainError { try ExactArithmetic.sum(a, b, field: "f") }?.violations.first?.field == "f") == sum.overflow)
            #expect((domainError { try ExactArithmetic.difference(a, b, field: "f") } != nil) == difference.overflow)
            #expect((domainError { try ExactArithmetic.product(a, b, field: "f") } != nil) == product.overflow)
            #expect(ExactArithmetic.saturatingSum(a, b) == (sum.overflow ? (b > 0 ? .max : .min) : sum.partialValue))
            #expect(
                ExactArithmetic.saturatingDifference(a, b)
                    == (difference.overflow ? (b < 0 ? .max : .min) : difference.partialValue))
            #expect(
                ExactArithmetic.saturatingProduct(a, b)
                    == (product.overflow ? ((a < 0) != (b < 0) ? .min : .max) : product.partialValue))
        }
    }

    @Test("ExactArithmetic.product: nil or a named error beyond Int64, a zero divisor or absurd decimals")
    func exactProducts() {
        #expect(ExactArithmetic.product([.max, .max]) == nil)
        #expect(ExactArithmetic.product([.max, .max, .max]) == nil)
        #expect(ExactArithmetic.product([.min, -1]) == nil)
        #expect(ExactArithmetic.product([.max, .max], dividedBy: .max) == .max)
        #expect(ExactArithmetic.product([1], dividedBy: 0) == nil)
        #expect(ExactArithmetic.product([1], decimals: .max) == nil)
        #expect(ExactArithmetic.product([1], decimals: .min) == nil)
        #expect(ExactArithmetic.product([1], decimals: -1) == nil)
        #expect(ExactArithmetic.product([.min], dividedBy: -1) == nil)
        let error = domainError { try ExactArithmetic.product([.max, 2], field: "penalty_rate_per_day") }
        #expect(error?.code == .invalidArgument)
        #expect(error?.violations.first?.field == "penalty_rate_per_day")
        #expect(ExactArithmetic.divideRounded(Int128.min, by: -1) == nil)
        #expect(ExactArithmetic.divideRounded(Int128.max, by: Int128.max) == 1)
        #expect(ExactArithmetic.divideRounded(-5, by: 2) == -3)
    }

    @Test("FixedDecimal never traps on any scale or target", arguments: ExtremeValues.int)
    func decimalScales(scale: Int) {
        var d = FixedDecimal(units: .max, scale: 4)
        if !(0...18).contains(scale) { #expect(d.units(atScale: scale) == nil) }
        #expect(FixedDecimal(units: 1, scale: 0).units(atScale: scale) == (scale == 0 ? 1 : nil))
        d.scale = scale // the stored property is settable: everything clamps
        _ = d.description
        _ = d < FixedDecimal(units: .min, scale: 18)
        #expect(d.validScale == min(max(scale, 0), 18))
        #expect(FixedDecimal(units: .min, scale: scale).description.hasPrefix("-"))
    }

    @Test("FixedDecimal parses, rescales and decodes only in-range values")
    func decimalInput() throws {
        #expect(FixedDecimal("9223372036854775807") == FixedDecimal(units: .max, scale: 0))
        #expect(FixedDecimal("9223372036854775808") == nil)
        #expect(FixedDecimal("-9223372036854775808") == nil)
        #expect(FixedDecimal("0.0000000000000000001") == nil) // 19 decimals
        #expect(FixedDecimal(units: .max, scale: 0).units(atScale: 18) == nil)
        #expect(FixedDecimal(units: .min, scale: 0).units(atScale: 1) == nil)
        let json = Data(#"{"units": 1, "scale": 9223372036854775807}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FixedDecimal.self, from: json) }
        let ok = try JSONDecoder().decode(FixedDecimal.self, from: Data(#"{"units": 5, "scale": 4}"#.utf8))
        #expect(ok == FixedDecimal(units: 5, scale: 4))
    }
}
