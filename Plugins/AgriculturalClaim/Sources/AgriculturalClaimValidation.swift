public import JiefenDomain

/// The cross-field rules of `agricultural-claim` details (domain.md B.3), on top of the schema's type checks.
public enum AgriculturalClaimValidation {
    /// Every violation of `details`:
    ///
    /// - 0 < affected_area_mu ≤ plot_area_mu.
    /// - symptom_observed_date not before application_date.
    /// - product claims (pesticide_damage, seed_quality, fertilizer_quality) need product_name, batch_no and
    ///   dealer_license; pesticide_damage also pesticide_reg_no (Pesticide Regulations Art. 22).
    /// - herbicide_drift needs weather_at_application.
    /// - salvage_value not above the crop loss.
    /// - price_per_kg within ``AgriculturalClaimLimits`` (yield and households are bounded in the schema).
    public static func violations(_ details: Details) -> [FieldViolation] {
        var v = AgriculturalClaimSchema.schema.validate(details)
        v += AgriculturalClaimLimits.money.violations(details)
        if let affected = details.area("affected_area_mu") {
            if affected.hundredths <= 0 {
                v.append(.init(field: "affected_area_mu", message: "must be more than 0 mu"))
            }
            if let plot = details.area("plot_area_mu"), affected > plot {
                v.append(.init(field: "affected_area_mu", message: "must not exceed plot_area_mu (\(plot.formattedMu) mu)"))
            }
        }
        if let applied = details.date("application_date"), let observed = details.date("symptom_observed_date"),
            observed < applied
        {
            v.append(.init(field: "symptom_observed_date", message: "must not be before application_date (\(applied))"))
        }
        let subtype = details.enumeration("subtype") ?? ""
        if AgriculturalClaimSchema.productSubtypes.contains(subtype) {
            var needed = ["product_name", "batch_no", "dealer_license"]
            if subtype == "pesticide_damage" { needed.insert("pesticide_reg_no", at: 1) }
            for field in needed where details.text(field) == nil {
                v.append(.init(field: field, message: "is required for a \(subtype) claim (product label data)"))
            }
        }
        if subtype == "herbicide_drift" && details.text("weather_at_application") == nil {
            v.append(.init(field: "weather_at_application", message: "is required for a herbicide_drift claim"))
        }
        if v.isEmpty {
            // Only on values the checks above accept (the bounds keep the loss inside Int64).
            do {
                let calc = try AgriculturalClaimCalculation(validated: details)
                if let loss = calc.cropLoss, let salvage = details.money("salvage_value"),
                    try salvage > loss.adding(details.money("replanting_cost") ?? .zero, field: "replanting_cost")
                {
                    v.append(.init(field: "salvage_value", message: "must not exceed the crop loss plus replanting cost"))
                }
            } catch {
                v += error.violations
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
