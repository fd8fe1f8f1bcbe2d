/// A dispute type behind the one case interface (architecture.md section 4). A plugin owns one ``kind``,
/// declares the ``schema`` of its details, and decides: it does no I/O and no persistence.
///
/// ```swift
/// struct NeighbourPlugin: DisputePlugin {
///     let kind: DisputeKind = "neighbour"
///     let title = "Neighbour dispute"
///     let version = "1.0.0"
///     let schema = DetailSchema([AttributeSpec("subtype", .enumeration(["noise", "trees"]), required: true,
///                                              description: "What the quarrel is about.")])
///     let sampleDetails: Details = ["subtype": .enumeration("noise")]
///     func validate(_ details: Details, context: PluginContext) -> [FieldViolation] { schema.validate(details) }
///     func assess(_ state: CaseState, context: PluginContext) -> Assessment {
///         Assessment(severity: .p3, suggestedDepartment: .villageCommittee)
///     }
///     func decide(_ event: CaseEvent, on state: CaseState, context: PluginContext) -> Decision { .allow() }
/// }
/// ```
/// The requirements are `async throws(DomainError)` so an out-of-process plugin can satisfy them; built-in
/// plugins implement them as plain synchronous functions that throw only invalidArgument: ``assess(_:context:)``
/// and ``decide(_:on:context:)`` must not compute on details that ``validate(_:context:)`` refuses (they validate
/// first and throw its violations), and their arithmetic is checked (``ExactArithmetic``), naming the attribute
/// whose value would overflow.
public protocol DisputePlugin: Sendable {
    /// The kind this plugin owns, e.g. `housing-delivery`.
    var kind: DisputeKind { get }
    /// A human-readable title, e.g. "Housing delivery dispute (商品房逾期交付)".
    var title: String { get }
    /// The plugin's version (semantic versioning).
    var version: String { get }
    /// The typed attributes of this kind's details.
    var schema: DetailSchema { get }
    /// A valid example of details, used by the conformance check and shown to clients as an example form.
    var sampleDetails: Details { get }

    /// Field-level problems with `details` on create and update; empty when they are valid.
    func validate(_ details: Details, context: PluginContext) async throws(DomainError) -> [FieldViolation]

    /// The figures, severity, suggested routing and advice for a case of this kind.
    func assess(_ state: CaseState, context: PluginContext) async throws(DomainError) -> Assessment

    /// Whether `event` may be applied to `state` for this kind, and which details it changes.
    func decide(_ event: CaseEvent, on state: CaseState, context: PluginContext) async throws(DomainError) -> Decision
}

/// A summary of a plugin for `ListKinds` / `DescribeKind`.
public struct KindDescriptor: Sendable, Hashable, Codable {
    /// The kind.
    public var kind: DisputeKind
    /// The title.
    public var title: String
    /// The plugin version.
    public var version: String
    /// The details schema.
    public var schema: DetailSchema
    /// A valid example of details.
    public var sampleDetails: Details

    /// Describes `plugin`.
    public init(_ plugin: some DisputePlugin) {
        kind = plugin.kind
        title = plugin.title
        version = plugin.version
        schema = plugin.schema
        sampleDetails = plugin.sampleDetails
    }
}
