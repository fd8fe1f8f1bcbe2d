import AgriculturalClaimPlugin
import GeneralMatterPlugin
import HousingDeliveryPlugin
import JiefenDomain
import LandLeaseArrearsPlugin

/// The dispute kinds compiled into this server. Adding a built-in kind is one line here (see Plugins/README.md).
enum BuiltInPlugins {
    static func registry() throws -> PluginRegistry {
        try PluginRegistry([
            HousingDeliveryPlugin(),
            LandLeaseArrearsPlugin(),
            AgriculturalClaimPlugin(),
            GeneralMatterPlugin(),
        ])
    }
}
