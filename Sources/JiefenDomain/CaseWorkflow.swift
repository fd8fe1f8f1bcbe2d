/// Runs the core and a kind's plugin together: validation on registration, plugin decision before each
/// lifecycle event, and the plugin's detail changes as a follow-up `details_updated` event, so the case stays
/// a fold of its events. Pure: the caller persists the returned events.
public enum CaseWorkflow {
    /// Validates a registration event (shared fields and the plugin's details) and folds it.
    /// - Throws: invalidArgument naming `received_at` when the event time lies outside ``Timestamp/supportedRange``;
    ///   invalidArgument listing every violation; invalidArgument if the plugin's kind differs.
    public static func register(
        _ event: CaseEvent, plugin: some DisputePlugin,
        context: PluginContext
    ) async throws(DomainError) -> CaseState {
        guard case .registered(let registration) = event.payload else {
            throw .failedPrecondition("the first event of a case must be 'registered', got '\(event.kind)'")
        }
        guard registration.kind == plugin.kind else {
            throw .invalidArgument(field: "kind", "plugin '\(plugin.kind)' cannot register a '\(registration.kind)' case")
        }
        try event.at.checkSupported(field: event.timeField)
        var violations = registration.violations(policy: context.rules.collective)
        violations += try await plugin.validate(registration.details, context: context)
        guard violations.isEmpty else { throw .invalidArgument(violations) }
        return try CaseState(registration: event, rules: context.rules)
    }

    /// Asks the plugin about `event`, applies it, and applies the plugin's detail changes.
    /// - Returns: the new case and the events to append (the event, and a `details_updated` event when the plugin
    ///   changed details).
    /// - Throws: invalidArgument naming ``CaseEvent/timeField`` when the event time lies outside
    ///   ``Timestamp/supportedRange`` (checked before the plugin sees the event);
    ///   failedPrecondition with the plugin's reason when it denies; the fold's errors otherwise;
    ///   invalidArgument when updated details fail the plugin's validation.
    public static func apply(
        _ event: CaseEvent, to state: CaseState, plugin: some DisputePlugin,
        context: PluginContext
    ) async throws(DomainError) -> (state: CaseState, events: [CaseEvent]) {
        guard state.kind == plugin.kind else {
            throw .invalidArgument(field: "kind", "plugin '\(plugin.kind)' cannot decide a '\(state.kind)' case")
        }
        try event.at.checkSupported(field: event.timeField)
        if case .detailsUpdated(let changes) = event.payload {
            let violations = try await plugin.validate(state.details.merging(changes), context: context)
            guard violations.isEmpty else { throw .invalidArgument(violations) }
        }
        let decision = try await plugin.decide(event, on: state, context: context)
        guard decision.isAllowed else {
            throw .failedPrecondition("\(plugin.kind): \(decision.reason)")
        }
        var next = try state.applying(event, rules: context.rules)
        var events = [event]
        if !decision.detailChanges.values.isEmpty {
            let follow = CaseEvent(
                sequence: try ExactArithmetic.sum(next.version, 1, field: "sequence"), actor: .system, at: event.at,
                payload: .detailsUpdated(decision.detailChanges))
            try next.apply(follow, rules: context.rules)
            events.append(follow)
        }
        return (next, events)
    }
}
