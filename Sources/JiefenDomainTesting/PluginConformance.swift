public import JiefenDomain

/// The checks every dispute plugin's tests run.
///
/// ```swift
/// @Test func conforms() async {
///     let issues = await PluginConformance.check(HousingDeliveryPlugin())
///     #expect(issues.isEmpty, "\(issues)")
/// }
/// ```
public enum PluginConformance {
    /// Runs every check on `plugin` at `clock`'s time and returns the problems found (empty when it conforms):
    /// well-formed kind, title and version; a well-formed schema (unique snake_case names, descriptions, non-empty
    /// enums); the sample details valid; each missing required attribute, an unknown attribute and each wrongly
    /// typed value rejected by name; assess and decide working on a sample case; every numeric attribute bounded
    /// (Int64.min and Int64.max refused by name) and assess and decide refusing, with invalidArgument, details that
    /// validate refuses — tried with every extreme of ``ExtremeValues``, so a trapping calculation stops the run.
    public static func check(
        _ plugin: some DisputePlugin,
        clock: FixedClock = FixedClock(date: "2023-01-18")
    ) async -> [String] {
        let context = clock.context()
        var issues: [String] = []
        if !plugin.kind.isWellFormed { issues.append("kind '\(plugin.kind)' is not lowercase-hyphenated") }
        if plugin.title.isEmpty { issues.append("title is empty") }
        if plugin.version.split(separator: ".").count != 3 { issues.append("version '\(plugin.version)' is not x.y.z") }
        issues += plugin.schema.wellFormednessProblems.map { "schema: \($0)" }
        issues += await validationIssues(plugin, context: context)
        issues += await behaviourIssues(plugin, context: context, clock: clock)
        issues += await extremeValueIssues(plugin, context: context, clock: clock)
        return issues
    }

    private static func extremeValueIssues(
        _ plugin: some DisputePlugin, context: PluginContext,
        clock: FixedClock
    ) async -> [String] {
        var issues: [String] = []
        var trials: [(label: String, details: Details, outermost: String?)] = [("empty details", [:], nil)]
        for variant in ExtremeValues.variants(of: plugin.schema) {
            trials.append(
                (
                    variant.description, plugin.sampleDetails.merging(variant.details),
                    variant.isOutermost ? variant.attribute : nil
                ))
        }
        for trial in trials {
            let violations: [FieldViolation]
            do { violations = try await plugin.validate(trial.details, context: context) } catch {
                issues.append("\(trial.label): validate threw \(error)")
                continue
            }
            if let attribute = trial.outermost, !violations.contains(where: { $0.field == attribute }) {
                issues.append("\(trial.label) is not refused: bound '\(attribute)' so calculations cannot overflow")
            }
            // The fold does not check details: a stored case can carry details its plugin now refuses.
            let builder = CaseBuilder(kind: plugin.kind, on: "2022-10-20", details: trial.details)
            guard let state = try? builder.state() else { continue }
            let contact = Contact(id: "conformance-c2", channel: .walkIn, at: clock.now, headcount: 1)
            let event = builder.event(.contactRecorded(contact), on: "2022-10-21")
            let assessError = await caught { () async throws(DomainError) in
                _ = try await plugin.assess(state, context: context)
            }
            let decideError = await caught { () async throws(DomainError) in
                _ = try await plugin.decide(event, on: state, context: context)
            }
            for (name, error) in [("assess", assessError), ("decide", decideError)] {
                if !violations.isEmpty && error?.code != .invalidArgument {
                    issues.append(
                        "\(trial.label): \(name) did not refuse details validate refuses "
                            + "(\(error.map { "\($0)" } ?? "it succeeded"))")
                } else if let error, error.code != .invalidArgument {
                    issues.append("\(trial.label): \(name) threw \(error)")
                }
            }
        }
        return issues
    }

    private static func caught(_ body: () async throws(DomainError) -> Void) async -> DomainError? {
        do { try await body() } catch { return error }
        return nil
    }

    private static func validationIssues(_ plugin: some DisputePlugin, context: PluginContext) async -> [String] {
        var issues: [String] = []
        let sample = plugin.sampleDetails
        func validate(_ details: Details) async -> [FieldViolation]? {
            do { return try await plugin.validate(details, context: context) } catch {
                issues.append("validate threw \(error)")
                return nil
            }
        }
        if let v = await validate(sample), !v.isEmpty { issues.append("sampleDetails rejected: \(v)") }
        if let empty = await validate([:]) {
            for name in plugin.schema.requiredNames where !empty.contains(where: { $0.field == name }) {
                issues.append("empty details: no violation names required attribute '\(name)'")
            }
        }
        for name in plugin.schema.requiredNames {
            var details = sample
            details[name] = nil
            if let v = await validate(details), !v.contains(where: { $0.field == name }) {
                issues.append("missing required '\(name)' is not reported")
            }
        }
        for spec in plugin.schema.attributes {
            var details = sample
            details[spec.name] = wrongValue(for: spec.type)
            if let v = await validate(details), !v.contains(where: { $0.field == spec.name }) {
                issues.append("wrongly typed '\(spec.name)' is not reported")
            }
        }
        var unknown = sample
        unknown["no_such_attribute_x"] = .text("x")
        if let v = await validate(unknown), !v.contains(where: { $0.field == "no_such_attribute_x" }) {
            issues.append("unknown attribute is not reported")
        }
        return issues
    }

    private static func behaviourIssues(
        _ plugin: some DisputePlugin, context: PluginContext,
        clock: FixedClock
    ) async -> [String] {
        var issues: [String] = []
        let builder = CaseBuilder(kind: plugin.kind, on: "2022-10-20", details: plugin.sampleDetails)
        let state: CaseState
        do { state = try builder.state() } catch { return ["sample case does not fold: \(error)"] }
        do {
            let assessment = try await plugin.assess(state, context: context)
            let keys = assessment.figures.map(\.key)
            if Set(keys).count != keys.count { issues.append("assessment figure keys repeat: \(keys)") }
            if assessment.figures.contains(where: { $0.label.isEmpty }) { issues.append("a figure has no label") }
            if assessment.suggestedDepartment.rawValue.isEmpty { issues.append("no suggested department") }
        } catch {
            issues.append("assess threw \(error)")
        }
        let contact = Contact(id: "conformance-c2", channel: .walkIn, at: clock.now, headcount: 1)
        let event = builder.event(.contactRecorded(contact), on: "2022-10-21")
        do {
            let decision = try await plugin.decide(event, on: state, context: context)
            if !decision.isAllowed { issues.append("decide denied recording a contact: \(decision.reason)") }
        } catch {
            issues.append("decide threw \(error)")
        }
        return issues
    }

    private static func wrongValue(for type: AttributeType) -> DetailValue {
        switch type {
        case .text, .enumeration: .bool(true)
        default: .text("wrong type")
        }
    }
}
