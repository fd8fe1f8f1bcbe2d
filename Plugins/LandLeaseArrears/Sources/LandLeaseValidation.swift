public import JiefenDomain

/// The cross-field rules of `land-lease-arrears` details (domain.md B.2), on top of the schema's type checks.
public enum LandLeaseValidation {
    /// Every violation of `details`:
    ///
    /// - transferee_id: a valid unified social credit code or resident ID number.
    /// - written_contract true → contract_no and signed_date required.
    /// - area_mu > 0 and ≤ contracted_area_mu.
    /// - term_end after term_start, and ≤ contract_term_end.
    /// - rent_per_mu_per_year or rent_in_kind_kg_per_mu required; rent in kind needs grain_price_per_kg and
    ///   grain_price_source.
    /// - payment_schedule: no repeats, every date within the term.
    /// - amount_paid ≤ the rent of the whole term.
    /// - late_fee_terms daily_rate → late_fee_daily_rate; fixed → late_fee_fixed.
    /// - land_status abandoned → abandoned_since.
    /// - rent_per_mu_per_year, grain_price_per_kg and the number of instalments within ``LandLeaseLimits``.
    public static func violations(_ details: Details) -> [FieldViolation] {
        var v = LandLeaseSchema.schema.validate(details)
        v += LandLeaseLimits.money.violations(details)
        if let id = details.text("transferee_id"), !UnifiedSocialCreditCode.isValid(id), !ResidentIDNumber.isValid(id) {
            v.append(
                .init(
                    field: "transferee_id",
                    message: "must be a valid unified social credit code or resident ID number (check character)"))
        }
        if details.bool("written_contract") == true {
            for field in ["contract_no", "signed_date"] where details[field] == nil {
                v.append(.init(field: field, message: "is required when written_contract is true"))
            }
        }
        if let area = details.area("area_mu") {
            if area.hundredths <= 0 { v.append(.init(field: "area_mu", message: "must be more than 0 mu")) }
            if let contracted = details.area("contracted_area_mu"), area > contracted {
                v.append(.init(field: "area_mu", message: "must not exceed contracted_area_mu (\(contracted.formattedMu) mu)"))
            }
        }
        let start = details.date("term_start")
        let end = details.date("term_end")
        if let start, let end, end <= start {
            v.append(.init(field: "term_end", message: "must be after term_start (\(start))"))
        }
        if let end, let limit = details.date("contract_term_end"), end > limit {
            v.append(.init(field: "term_end", message: "must not exceed the remaining contract term ending \(limit) (Art. 38)"))
        }
        v += rentViolations(details)
        if let schedule = details.list("payment_schedule") {
            if Set(schedule).count != schedule.count {
                v.append(.init(field: "payment_schedule", message: "must not repeat a due date"))
            }
            if schedule.count > LandLeaseLimits.maximumInstalments {
                v.append(
                    .init(
                        field: "payment_schedule",
                        message: "must have at most "
                            + "\(LandLeaseLimits.maximumInstalments) instalments, got \(schedule.count)"))
            }
            for (i, value) in schedule.enumerated() {
                if case .date(let d) = value, let start, let end, start < end, d < start || d > end {
                    v.append(.init(field: "payment_schedule[\(i)]", message: "\(d) is outside the term \(start) to \(end)"))
                }
            }
        }
        if v.isEmpty {
            // Only on values the checks above accept (the bounds keep the rent of the term inside Int64).
            do {
                let calc = try LandLeaseCalculation(validated: details, today: end ?? CivilDate(daysSinceEpoch: 0))
                if let paid = details.money("amount_paid"), calc.totalForTerm.fen > 0, paid > calc.totalForTerm {
                    v.append(
                        .init(
                            field: "amount_paid",
                            message: "must not exceed the rent of the whole term (\(calc.totalForTerm.formattedYuan) yuan)"))
                }
            } catch {
                v += error.violations
            }
        }
        switch details.enumeration("late_fee_terms") {
        case "daily_rate" where details["late_fee_daily_rate"] == nil:
            v.append(.init(field: "late_fee_daily_rate", message: "is required when late_fee_terms is daily_rate"))
        case "fixed" where details["late_fee_fixed"] == nil:
            v.append(.init(field: "late_fee_fixed", message: "is required when late_fee_terms is fixed"))
        default:
            break
        }
        if details.enumeration("land_status") == "abandoned" && details["abandoned_since"] == nil {
            v.append(.init(field: "abandoned_since", message: "is required when land_status is abandoned"))
        }
        return v
    }

    private static func rentViolations(_ details: Details) -> [FieldViolation] {
        var v: [FieldViolation] = []
        let inKind = details["rent_in_kind_kg_per_mu"] != nil
        if details["rent_per_mu_per_year"] == nil && !inKind {
            v.append(.init(field: "rent_per_mu_per_year", message: "either rent_per_mu_per_year or rent_in_kind_kg_per_mu is required"))
        }
        if inKind {
            if details["grain_price_per_kg"] == nil {
                v.append(.init(field: "grain_price_per_kg", message: "is required when rent is paid in kind"))
            }
            if details.text("grain_price_source") == nil {
                v.append(.init(field: "grain_price_source", message: "is required when rent is paid in kind"))
            }
        }
        return v
    }

    /// Throws unless `details` are valid.
    /// - Throws: invalidArgument listing every violation of ``violations(_:)``.
    public static func requireValid(_ details: Details) throws(DomainError) {
        let v = violations(details)
        guard v.isEmpty else { throw .invalidArgument(v) }
    }
}
