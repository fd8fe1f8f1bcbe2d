import AgriculturalClaimPlugin
import GeneralMatterPlugin
import HousingDeliveryPlugin
public import JiefenDomain
import LandLeaseArrearsPlugin

/// The dispute kinds compiled into jiefend, its tests and the fuzzers' samples. Adding a built-in kind is one line
/// here (see Plugins/README.md).
public enum BuiltInPlugins {
    /// The built-in dispute plugins, in registration order.
    public static let all: [any DisputePlugin] = [
        HousingDeliveryPlugin(),
        LandLeaseArrearsPlugin(),
        AgriculturalClaimPlugin(),
        GeneralMatterPlugin(),
    ]

    /// A registry of the built-in plugins.
    /// - Throws: `DomainError` when two plugins claim one kind (a programming error).
    public static func registry() throws -> PluginRegistry {
        try PluginRegistry(all)
    }
}
