import JiefenDomain

/// Builds the assessment of one land-lease case whose details passed ``LandLeaseValidation``.
struct LandLeaseAssessor {
    let configuration: LandLeaseArrearsPlugin.Configuration
    let state: CaseState
    let context: PluginContext

    private var details: Details { state.details }
    private var today: CivilDate { context.today }

    func assessment() throws(DomainError) -> Assessment {
        let calc = try LandLeaseCalculation(validated: details, today: today)
        let figures = [
            Figure(key: "rent_due_to_date", label: "Rent due to date", value: .money(calc.dueToDate), unit: "yuan"),
            Figure(key: "arrears", label: "Arrears", value: .money(calc.arrears), unit: "yuan"),
            Figure(key: "late_fee", label: "Agreed late fee", value: .money(calc.lateFee), unit: "yuan"),
            Figure(
                key: "months_overdue", label: "Overdue (months)",
                value: .integer(Int64(calc.monthsOverdue(today: today))), unit: "months"),
        ]
        return Assessment(
            figures: figures, severity: severity(calc), suggestedDepartment: .ruralEconomyOffice,
            supportingDepartments: [.villageCommittee, .landArbitrationCommission], advice: try advice(calc))
    }

    func severity(_ calc: LandLeaseCalculation) -> Severity {
        let households = max(details.list("transferors")?.count ?? 0, state.householdsInvolved)
        var level: Severity
        if households >= configuration.p1Households || details.bool("transferee_absconded") == true
            || state.hadCollectiveVisit(context.rules.collective)
        {
            level = .p1
        } else if households >= configuration.p2Households || calc.arrears >= configuration.p2Arrears
            || calc.monthsOverdue(today: today) >= configuration.p2MonthsOverdue
        {
            level = .p2
        } else {
            level = .p3
        }
        return !state.vulnerableFlags.isEmpty || beforeSpringFestival() ? level.raised : level
    }

    private func beforeSpringFestival() -> Bool {
        configuration.springFestivals.contains { festival in
            let days = today.days(until: festival)
            return days >= 0 && days <= configuration.daysBeforeSpringFestival
        }
    }

    private func advice(_ calc: LandLeaseCalculation) throws(DomainError) -> [Advice] {
        var a: [Advice] = []
        if details.bool("written_contract") == false {
            a.append(
                Advice(
                    code: "written_contract_missing",
                    message: "Transfers need a written contract (Land Contract "
                        + "Law Art. 40); record the terms both sides confirm."))
        }
        if details.bool("filed_with_collective") == false {
            a.append(
                Advice(
                    code: "filing_missing",
                    message: "The transfer was not filed with the collective (Art. 36); "
                        + "check the township ledger."))
        }
        if let rent = details.money("rent_per_mu_per_year"), !configuration.rentBand.contains(rent.fen) {
            a.append(
                Advice(
                    code: "rent_outside_band",
                    message: "Rent \(rent.formattedYuan) yuan/mu/year is outside the "
                        + "local band; verify the contract."))
        }
        if calc.arrears.fen > 0, let deposit = details.money("risk_deposit"), deposit.fen > 0 {
            a.append(
                Advice(
                    code: "risk_deposit_available",
                    message: "A risk deposit of \(deposit.formattedYuan) yuan can "
                        + "cover arrears."))
        }
        let status = details.enumeration("land_status")
        let abandonedLong =
            try details.date("abandoned_since").map { (since) throws(DomainError) in
                try since.adding(months: 24, field: "abandoned_since") <= today
            } ?? false
        if status == "non_agricultural" || (status == "abandoned" && abandonedLong) {
            a.append(
                Advice(
                    code: "rescission_right",
                    message: "Abandonment for 2 years or non-agricultural use gives the "
                        + "landholder a right to rescind (Art. 42)."))
        }
        if let known = details.date("known_infringement_date") {
            let expiry = try known.adding(months: configuration.limitationMonths, field: "known_infringement_date")
            if today > expiry {
                a.append(
                    Advice(
                        code: "arbitration_limitation_passed",
                        message: "The 2-year arbitration limitation "
                            + "expired on \(expiry) (Art. 18)."))
            } else if today.days(until: expiry) <= configuration.limitationWarningDays {
                a.append(
                    Advice(
                        code: "arbitration_limitation_near",
                        message: "The 2-year arbitration limitation "
                            + "expires on \(expiry) (Art. 18); apply before then."))
            }
        }
        if calc.arrears.fen > 0 {
            a.append(
                Advice(
                    code: "repayment_plan",
                    message: "Mediate a repayment plan; closing as resolved needs a "
                        + "repayment plan or payment record."))
        }
        return a
    }
}
