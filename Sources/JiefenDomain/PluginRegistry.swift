/// The dispute plugins the server knows, by kind. Built at startup; refuses duplicate and malformed kinds.
///
/// ```swift
/// let registry = try PluginRegistry([HousingDeliveryPlugin(), LandLeaseArrearsPlugin()])
/// let plugin = try registry.plugin(for: "housing-delivery")
/// ```
public struct PluginRegistry: Sendable {
    private var byKind: [DisputeKind: any DisputePlugin] = [:]
    private var order: [DisputeKind] = []

    /// Creates an empty registry.
    public init() {}

    /// Creates a registry holding `plugins`.
    /// - Throws: ``DomainError/Code/alreadyExists`` if two plugins share a kind; invalidArgument for a malformed kind.
    public init(_ plugins: [any DisputePlugin]) throws(DomainError) {
        for plugin in plugins { try register(plugin) }
    }

    /// Adds `plugin`.
    /// - Throws: ``DomainError/Code/alreadyExists`` if its kind is registered; invalidArgument for a malformed kind.
    public mutating func register(_ plugin: any DisputePlugin) throws(DomainError) {
        let kind = plugin.kind
        guard kind.isWellFormed else {
            throw .invalidArgument(field: "kind", "'\(kind)' must be lowercase words joined by hyphens")
        }
        guard byKind[kind] == nil else {
            throw .alreadyExists("a plugin for kind '\(kind)' is already registered; each kind has exactly one plugin")
        }
        byKind[kind] = plugin
        order.append(kind)
    }

    /// The registered kinds, in registration order.
    public var kinds: [DisputeKind] { order }

    /// The plugin for `kind`, or `nil`.
    public func lookup(_ kind: DisputeKind) -> (any DisputePlugin)? { byKind[kind] }

    /// The plugin for `kind`.
    /// - Throws: ``DomainError/Code/notFound`` naming the registered kinds.
    public func plugin(for kind: DisputeKind) throws(DomainError) -> any DisputePlugin {
        guard let plugin = byKind[kind] else {
            throw .notFound(
                "no plugin for kind '\(kind)'; registered kinds: "
                    + order.map(\.rawValue).joined(separator: ", "))
        }
        return plugin
    }

    /// Descriptors of every plugin, in registration order (for `ListKinds`).
    public var descriptors: [KindDescriptor] {
        order.compactMap { byKind[$0] }.map { KindDescriptor($0) }
    }
}
