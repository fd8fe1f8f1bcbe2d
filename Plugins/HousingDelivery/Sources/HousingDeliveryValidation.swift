public import JiefenDomain

/// The cross-field rules of `housing-delivery` details (domain.md B.1), on top of the schema's type checks.
public enum HousingDeliveryValidation {
    /// Every violation of `details`: schema checks first, then the rules below.
    ///
    /// - developer_uscc: GB 32100 format and check character.
    /// - households_represented ≤ households_affected.
    /// - construction_status stalled → stalled_since required.
    /// - completion_accepted or delivering → completion_acceptance_date required; delivering → delivery_start_date.
    /// - delivery_start_date needs completion_acceptance_date and is not before it.
    /// - paid_amount ≤ total_price.
    /// - demands has no repeats.
    /// - paid_amount, total_price and comparable_rent_per_month within ``HousingDeliveryLimits`` (counts and day
    ///   counts are bounded in the schema).
    public static func violations(_ details: Details) -> [FieldViolation] {
        var v = HousingDeliverySchema.schema.validate(details)
        v += HousingDeliveryLimits.money.violations(details)
        if let uscc = details.text("developer_uscc"), let problem = UnifiedSocialCreditCode.problem(with: uscc) {
            v.append(.init(field: "developer_uscc", message: problem))
        }
        if let represented = details.integer("households_represented"),
            let affected = details.integer("households_affected"), represented > affected
        {
            v.append(
                .init(
                    field: "households_represented",
                    message: "must not exceed households_affected (\(affected)), got \(represented)"))
        }
        let status = details.enumeration("construction_status")
        if status == "stalled" && details.date("stalled_since") == nil {
            v.append(.init(field: "stalled_since", message: "is required when construction_status is stalled"))
        }
        let acceptance = details.date("completion_acceptance_date")
        let delivery = details.date("delivery_start_date")
        if (status == "completion_accepted" || status == "delivering") && acceptance == nil {
            v.append(.init(field: "completion_acceptance_date", message: "is required when construction_status is \(status ?? "")"))
        }
        if status == "delivering" && delivery == nil {
            v.append(.init(field: "delivery_start_date", message: "is required when construction_status is delivering"))
        }
        if let delivery {
            if let acceptance {
                if delivery < acceptance {
                    v.append(
                        .init(
                            field: "delivery_start_date",
                            message: "must not be before completion_acceptance_date "
                                + "(\(acceptance)): delivery needs completion acceptance (Construction Law Art. 61)"))
                }
            } else {
                v.append(
                    .init(
                        field: "completion_acceptance_date",
                        message: "is required once delivery_start_date is set: delivery needs completion acceptance"))
            }
        }
        if let paid = details.money("paid_amount"), let total = details.money("total_price"), paid > total {
            v.append(
                .init(
                    field: "paid_amount",
                    message: "must not exceed total_price (\(total.formattedYuan) yuan), got \(paid.formattedYuan)"))
        }
        if let demands = details.list("demands"), Set(demands).count != demands.count {
            v.append(.init(field: "demands", message: "must not repeat a demand"))
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
