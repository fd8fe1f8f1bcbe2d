public import JiefenDomain

/// Rent, arrears and late fees of a land-lease case (domain.md B.2), in integer fen.
///
/// `arrears = Σ over instalments due by today (rent/mu/year × mu × months/12) − amount_paid`. Payments are set
/// against the oldest instalments first; the late fee (if agreed) is `Σ unpaid instalment × daily rate × days
/// overdue` (start day not counted), or the fixed fee once when anything is overdue.
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
    public init(details: Details, today: CivilDate) {
        let perMu = Self.rentPerMuPerYear(details)
        rentPerMuPerYear = perMu
        let area = details.area("area_mu")?.hundredths ?? 0
        let months = details.integer("payment_period_months") ?? 12
        instalment = Money(fen: ExactArithmetic.product([perMu?.fen ?? 0, area, months], dividedBy: 1200) ?? 0)
        let schedule = (details.list("payment_schedule") ?? []).compactMap { value -> CivilDate? in
            if case .date(let d) = value { return d }
            return nil
        }.sorted()
        totalForTerm = Money(fen: instalment.fen * Int64(schedule.count))
        let due = schedule.filter { $0 <= today }
        dueToDate = Money(fen: instalment.fen * Int64(due.count))
        let paid = details.money("amount_paid")?.fen ?? 0
        arrears = Money(fen: max(0, dueToDate.fen - paid))

        var remainingPaid = paid
        var unpaidTimesDays: Int128 = 0
        var oldest: CivilDate?
        for date in due {
            let covered = min(remainingPaid, instalment.fen)
            remainingPaid -= covered
            let unpaid = instalment.fen - covered
            guard unpaid > 0 else { continue }
            oldest = oldest ?? date
            unpaidTimesDays += Int128(unpaid) * Int128(date.days(until: today))
        }
        oldestUnpaidDueDate = oldest
        switch details.enumeration("late_fee_terms") {
        case "daily_rate":
            let rate = details.decimal("late_fee_daily_rate") ?? FixedDecimal(units: 0, scale: 0)
            let scale = Int128(FixedDecimal(units: 1, scale: 0).units(atScale: rate.scale) ?? 1)
            lateFee = Money(fen: ExactArithmetic.divideRounded(unpaidTimesDays * Int128(rate.units), by: scale) ?? 0)
        case "fixed":
            lateFee = oldest == nil ? .zero : details.money("late_fee_fixed") ?? .zero
        default:
            lateFee = .zero
        }
    }

    /// Months from the oldest unpaid due date to `today` (whole months).
    public func monthsOverdue(today: CivilDate) -> Int {
        guard let oldest = oldestUnpaidDueDate else { return 0 }
        var months = 0
        while oldest.adding(months: months + 1) <= today { months += 1 }
        return months
    }

    /// Cash rent per mu, or grain kg × conversion price.
    public static func rentPerMuPerYear(_ details: Details) -> Money? {
        if let cash = details.money("rent_per_mu_per_year") { return cash }
        guard let kg = details.integer("rent_in_kind_kg_per_mu"), let price = details.money("grain_price_per_kg") else {
            return nil
        }
        return ExactArithmetic.product([kg, price.fen]).map(Money.init(fen:))
    }
}
