import JiefenDomain
import JiefenDomainTesting
import Testing

/// A minimal plugin for registry and workflow tests.
struct StubPlugin: DisputePlugin {
    var kind: DisputeKind = "neighbour"
    var title = "Neighbour dispute"
    var version = "1.0.0"
    var denyClosing = false
    let schema = DetailSchema([
        AttributeSpec("subtype", .enumeration(["noise", "trees"]), required: true, description: "What it is about."),
        AttributeSpec("stage", .text(), description: "Set by decide."),
    ])
    let sampleDetails: Details = ["subtype": .enumeration("noise")]

    func validate(_ details: Details, context: PluginContext) -> [FieldViolation] { schema.validate(details) }

    func assess(_ state: CaseState, context: PluginContext) throws(DomainError) -> Assessment {
        let violations = schema.validate(state.details)
        guard violations.isEmpty else { throw .invalidArgument(violations) }
        return Assessment(severity: .p3, suggestedDepartment: .villageCommittee)
    }

    func decide(_ event: CaseEvent, on state: CaseState, context: PluginContext) throws(DomainError) -> Decision {
        let violations = schema.validate(event.detailsAfter(on: state))
        guard violations.isEmpty else { throw .invalidArgument(violations) }
        return switch event.payload {
        case .closed where denyClosing: .deny("needs a signed agreement")
        case .assigned: .allow(detailChanges: ["stage": .text("assigned")])
        default: .allow()
        }
    }
}

@Suite("Plugin registry and workflow")
struct PluginRegistryTests {
    let context = FixedClock(date: "2022-10-20").context()

    @Test("duplicate kinds are refused")
    func duplicate() {
        let error = domainError { try PluginRegistry([StubPlugin(), StubPlugin(title: "Another")]) }
        #expect(error?.code == .alreadyExists)
        #expect(error?.message.contains("neighbour") == true)
    }

    @Test("malformed kinds are refused", arguments: ["", "Neighbour", "neigh bour", "-x", "x-", "a--b"])
    func malformed(kind: String) {
        #expect(domainError { try PluginRegistry([StubPlugin(kind: DisputeKind(kind))]) }?.code == .invalidArgument)
    }

    @Test("lookup by kind; unknown kinds are not found, naming the registered ones")
    func lookup() throws {
        let registry = try PluginRegistry([StubPlugin(), StubPlugin(kind: "wage-arrears")])
        #expect(registry.kinds == ["neighbour", "wage-arrears"])
        #expect(try registry.plugin(for: "wage-arrears").kind == "wage-arrears")
        #expect(registry.lookup("nothing") == nil)
        let error = domainError { try registry.plugin(for: "nothing") }
        #expect(error?.code == .notFound)
        #expect(error?.message.contains("neighbour, wage-arrears") == true)
        #expect(registry.descriptors.map(\.title) == ["Neighbour dispute", "Neighbour dispute"])
    }

    @Test("the stub plugin passes the conformance check")
    func conformance() async {
        let issues = await PluginConformance.check(StubPlugin())
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test("registration validates shared fields and details together")
    func register() async {
        var builder = CaseBuilder(kind: "neighbour", on: "2022-10-20", details: ["subtype": .enumeration("cats")])
        builder.registration.demandText = ""
        let event = builder.registrationEvent
        let error = await domainError { try await CaseWorkflow.register(event, plugin: StubPlugin(), context: context) }
        #expect(Set(error?.violations.map(\.field) ?? []) == ["demand_text", "subtype"])
    }

    @Test("plugin changes become a details_updated event; denials are failed preconditions")
    func applyWithPlugin() async throws {
        let builder = CaseBuilder(kind: "neighbour", track: .dispute, on: "2022-10-20", details: ["subtype": .enumeration("noise")])
        let state = try await CaseWorkflow.register(builder.registrationEvent, plugin: StubPlugin(), context: context)
        let result = try await CaseWorkflow.apply(
            builder.event(.assigned(.judicialOffice), on: "2022-10-21"), to: state,
            plugin: StubPlugin(), context: context)
        #expect(result.events.map(\.kind) == [.assigned, .detailsUpdated])
        #expect(result.events.map(\.sequence) == [2, 3])
        #expect(result.state.details.text("stage") == "assigned")
        #expect(try CaseState.replay([builder.registrationEvent] + result.events) == result.state)

        let petition = CaseBuilder(kind: "neighbour", on: "2022-10-20", details: ["subtype": .enumeration("noise")])
            .inProgress(acceptedOn: "2022-10-20").then(.replied(Reply(decision: .support)), on: "2022-10-25")
        let closing = petition.event(.closed(.resolvedTown), on: "2022-10-25")
        let error = await domainError {
            try await CaseWorkflow.apply(closing, to: try petition.state(), plugin: StubPlugin(denyClosing: true), context: context)
        }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message == "neighbour: needs a signed agreement")
    }

    @Test("details updates are validated by the plugin")
    func detailsUpdate() async throws {
        let builder = CaseBuilder(kind: "neighbour", on: "2022-10-20", details: ["subtype": .enumeration("noise")])
        let event = builder.event(.detailsUpdated(["subtype": .enumeration("dogs")]), on: "2022-10-21")
        let error = await domainError {
            try await CaseWorkflow.apply(event, to: try builder.state(), plugin: StubPlugin(), context: context)
        }
        #expect(error?.violations.map(\.field) == ["subtype"])
    }

    @Test("a plugin refuses cases of another kind")
    func wrongKind() async throws {
        let builder = CaseBuilder(kind: "housing-delivery", on: "2022-10-20")
        let error = await domainError {
            try await CaseWorkflow.register(builder.registrationEvent, plugin: StubPlugin(), context: context)
        }
        #expect(error?.violations.first?.field == "kind")
    }
}
