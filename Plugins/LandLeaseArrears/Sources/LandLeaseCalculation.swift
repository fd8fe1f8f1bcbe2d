public import JiefenDomain

/// Rent, arrears and late fees of a land-lease case (domain.md B.2), in integer fen.
///
/// `arrears = Σ over instalments due by today (rent/mu/year × mu × months/12) − amount_paid`. Payments are set
/// against the oldest instalments first; the late fee (if agreed) is `Σ unpaid instalment × daily rate × days
/// overdue` (start day not counted), or the fixed fee once when anything is overdue.
///
/// Computed only from details that pass ``LandLeaseValidation``; with ``LandLeaseLimits`` rent, instalments and
/// arrears cannot overflow. The late fee grows with the days overdue and can in principle exceed `Int64` for
/// decades-old arrears at a high rate: the calculation then throws naming `late_fee_daily_rate`.
public struct LandLeaseCalculation: Sendable, Hashable {
    /// Yearly rent per mu (cash, or grain × price).
    public var rentPerMuPerYear: Money?
    /// The rent of one instalment for the whole area.
    public var instalment: Money
    /// Rent of every scheduled instalment over the term.
    public var totalForTerm: Money
    /// Rent of the instalments due by today.
    public var dueToDate: Money
    /// Unpaid rent due by today, never negative.
    public var arrears: Money
    /// The agreed late fee as of today.
    public var lateFee: Money
    /// Due date of the oldest unpaid instalment.
    public var oldestUnpaidDueDate: CivilDate?

    /// Computes the figures from `details` as of `today`.
    /// - Throws: invalidArgument listing every violation of ``LandLeaseValidation`` when `details` are not valid,
    ///   or naming the attribute whose value makes a figure overflow.
    public init(details: Details, today: CivilDate) throws(DomainError) {
        try LandLeaseValidation.requireValid(details)
        try self.init(validated: details, today: today)
    }

    /// Computes the figures from details that passed the schema and ``LandLeaseLimits`` (the cross-field rules
    /// need not hold: ``LandLeaseValidation`` uses it to check `amount_paid`).
    init(validated details: Details, today: CivilDate) throws(DomainError) {
        let perMu = try Self.rentPerMuPerYear(details)
        rentPerMuPerYear = perMu
        let area = details.area("area_mu")?.hundredths ?? 0
        let months = details.integer("payment_period_months") ?? 12
        let rentField = details.money("rent_per_mu_per_year") != nil ? "rent_per_mu_per_year" : "rent_in_kind_kg_per_mu"
        instalment = Money(
            fen: try ExactArithmetic.product(
                [perMu?.fen ?? 0, area, months], dividedBy: 1200,
                field: rentField))
        let schedule = (details.list("payment_schedule") ?? []).compactMap { value -> CivilDate? in
            if case .date(let d) = value { return d }
            return nil
        }.sorted()
        totalForTerm = Money(fen: try ExactArithmetic.product(instalment.fen, Int64(schedule.count), field: "payment_schedule"))
        let due = schedule.filter { $0 <= today }
        dueToDate = Money(fen: try ExactArithmetic.product(instalment.fen, Int64(due.count), field: "payment_schedule"))
        let paid = details.money("amount_paid")?.fen ?? 0
        arrears = Money(fen: max(0, try ExactArithmetic.difference(dueToDate.fen, paid, field: "amount_paid")))

        var remainingPaid = paid
        var unpaidTimesDays: Int128 = 0
        var oldest: CivilDate?
        for date in due {
            let covered = min(remainingPaid, instalment.fen)
            remainingPaid -= covered // 0 ≤ covered ≤ remainingPaid
            let unpaid = instalment.fen - covered // 0 ≤ covered ≤ instalment
            guard unpaid > 0 else { continue }
            oldest = oldest ?? date
            // unpaid ≤ 10^15 fen, days ≤ 3,652,058, at most 1,200 instalments: far inside Int128.
            let (sum, overflow) = unpaidTimesDays.addingReportingOverflow(Int128(unpaid) * Int128(date.days(until: today)))
            guard !overflow else {
                throw ExactArithmetic.outOfRange(field: "payment_schedule", "unpaid rent × days overdue is out of range")
            }
            unpaidTimesDays = sum
        }
        oldestUnpaidDueDate = oldest
        switch details.enumeration("late_fee_terms") {
        case "daily_rate":
            let rate = details.decimal("late_fee_daily_rate") ?? FixedDecimal(units: 0, scale: 0)
            let scale = Int128(FixedDecimal(units: 1, scale: 0).units(atScale: rate.validScale) ?? 1)
            let (fee, overflow) = unpaidTimesDays.multipliedReportingOverflow(by: Int128(rate.units))
            guard !overflow, let fen = ExactArithmetic.divideRounded(fee, by: scale) else {
                throw ExactArithmetic.outOfRange(
                    field: "late_fee_daily_rate",
                    "the late fee at \(rate) a day on the "
                        + "overdue rent is out of range; check the rate and payment_schedule")
            }
            lateFee = Money(fen: fen)
        case "fixed":
            lateFee = oldest == nil ? .zero : details.money("late_fee_fixed") ?? .zero
        default:
            lateFee = .zero
        }
    }

    /// Whole months from the oldest unpaid due date to `today` (0 when nothing is overdue): the largest `n` with
    /// `oldest + n months ≤ today`, months added as in ``CivilDate/adding(months:)``.
    public func monthsOverdue(today: CivilDate) -> Int {
        guard let oldest = oldestUnpaidDueDate, oldest <= today else { return 0 }
        // Both dates lie in years 1...9999, so this difference is small; the candidate is exact or one too many.
        let candidate = (today.year - oldest.year) * 12 + (today.month - oldest.month)
        return oldest.adding(months: candidate) <= today ? candidate : candidate - 1
    }

    /// Cash rent per mu, or grain kg × conversion price.
    /// - Throws: invalidArgument naming `rent_in_kind_kg_per_mu` if the product overflows (it cannot within
    ///   ``LandLeaseLimits``).
    public static func rentPerMuPerYear(_ details: Details) throws(DomainError) -> Money? {
        if let cash = details.money("rent_per_mu_per_year") { return cash }
        guard let kg = details.integer("rent_in_kind_kg_per_mu"), let price = details.money("grain_price_per_kg") else {
            return nil
        }
        return Money(fen: try ExactArithmetic.product(kg, price.fen, field: "rent_in_kind_kg_per_mu"))
    }
}
