import JiefenDomain

/// Builds the assessment of one housing-delivery case whose details passed ``HousingDeliveryValidation``.
struct HousingDeliveryAssessor {
    let configuration: HousingDeliveryPlugin.Configuration
    let state: CaseState
    let context: PluginContext

    private var details: Details { state.details }

    func assessment() throws(DomainError) -> Assessment {
        let calc = try HousingDeliveryCalculation(validated: details, today: context.today)
        var figures = [
            Figure(
                key: "delay_days", label: "Delay (days)", value: .integer(Int64(calc.delayDays)),
                unit: "days")
        ]
        if let penalty = calc.agreedPenalty {
            figures.append(
                Figure(
                    key: "agreed_penalty", label: "Agreed penalty per household", value: .money(penalty),
                    unit: "yuan"))
        }
        if let rent = calc.rentBasedDamages {
            figures.append(
                Figure(
                    key: "rent_based_damages", label: "Comparable-rent damages per household",
                    value: .money(rent), unit: "yuan"))
        }
        let litigation = details.bool("litigation_pending") == true
        var supporting: [DepartmentCode] = [.jointMeeting, .marketRegulation]
        if details.bool("suspected_fraud") == true { supporting.append(.policeStation) }
        return Assessment(
            figures: figures, severity: try severity(),
            suggestedDepartment: litigation ? .court : .cityHousingCentre,
            supportingDepartments: supporting, advice: try advice(calc))
    }

    func severity() throws(DomainError) -> Severity {
        let households = max(details.integer("households_affected") ?? 0, Int64(state.householdsInvolved))
        var level: Severity
        if households >= configuration.p1Households || state.hadCollectiveVisit(context.rules.collective)
            || details.bool("public_opinion_risk") == true
        {
            level = .p1
        } else if households >= configuration.p2Households
            || (details.bool("mortgage_in_repayment") == true && details.date("delivery_start_date") == nil)
        {
            level = .p2
        } else if try stalledLong() {
            level = .p2
        } else {
            level = .p3
        }
        return state.vulnerableFlags.isEmpty ? level : level.raised
    }

    private func stalledLong() throws(DomainError) -> Bool {
        guard details.enumeration("construction_status") == "stalled", let since = details.date("stalled_since") else {
            return false
        }
        return try since.adding(months: configuration.stalledMonthsForP2, field: "stalled_since") <= context.today
    }

    private func advice(_ calc: HousingDeliveryCalculation) throws(DomainError) -> [Advice] {
        var a: [Advice] = []
        if details.bool("litigation_pending") == true {
            a.append(Advice(code: "guided_legal", message: "A lawsuit is pending: explain the law and close as guided_legal (A.5)."))
        }
        if let rate = details.decimal("penalty_rate_per_day") {
            if configuration.penaltyRateReviewAbove < rate {
                a.append(
                    Advice(
                        code: "penalty_rate_review",
                        message: "Agreed daily rate \(rate) is above "
                            + "\(configuration.penaltyRateReviewAbove); review the contract clause."))
            }
        } else {
            a.append(
                Advice(
                    code: "penalty_rate_review",
                    message: "No agreed penalty rate: damages follow comparable "
                        + "local rent for the delay period (SPC Interpretation Art. 13)."))
        }
        if let penalty = calc.agreedPenalty, let rent = calc.rentBasedDamages {
            if Int128(penalty.fen) * 10 > Int128(rent.fen) * 13 {
                a.append(
                    Advice(
                        code: "penalty_may_be_reduced",
                        message: "The agreed penalty exceeds the rent-based loss "
                            + "by more than 30 %; a court may reduce it (Art. 12). Flag only."))
            } else if penalty < rent {
                a.append(
                    Advice(
                        code: "penalty_may_be_raised",
                        message: "The agreed penalty is below the rent-based loss; "
                            + "a court may raise it (Art. 12). Flag only."))
            }
        }
        if details.text("presale_permit_no") == nil {
            a.append(
                Advice(
                    code: "presale_permit_missing",
                    message: "Verify the pre-sale permit: a pre-sale contract "
                        + "without one is invalid (SPC Interpretation Art. 2)."))
        }
        if let limit = details.integer("rescission_after_days") {
            if calc.delayDays > Int(clamping: limit) {
                a.append(Advice(code: "rescission_right", message: "Delay exceeds the agreed \(limit) days: buyers may rescind."))
            }
        } else if calc.delayDays > 0 {
            a.append(
                Advice(
                    code: "rescission_after_demand",
                    message: "Contract silent on rescission: buyers may rescind "
                        + "if the developer does not deliver within 3 months of a demand (SPC Interpretation Art. 11)."))
        }
        if let delivered = details.date("delivery_start_date"),
            details.list("demands")?.contains(.enumeration("title_certificate")) == true
        {
            let days = Int(clamping: details.integer("title_certificate_days") ?? Int64(configuration.titleCertificateDays))
            let due = try delivered.adding(days: days, field: "title_certificate_days")
            if due < context.today {
                a.append(
                    Advice(
                        code: "title_certificate_late",
                        message: "The title certificate is late: due \(days) days "
                            + "after delivery (\(due), SPC Interpretation Art. 14)."))
            }
        }
        return a
    }
}
