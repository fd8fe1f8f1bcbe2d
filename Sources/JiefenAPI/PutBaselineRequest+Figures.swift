extension JiefenV1.PutBaselineRequest {
    /// A request carrying `figures` by metric key (`name/track/channel`), keys sorted.
    public init(from: String = "", to: String = "", figures: [String: Double]) {
        let keys = figures.keys.sorted()
        self.init(from: from, to: to, keys: keys, values: keys.map { figures[$0] ?? 0 })
    }

    /// The figures by key: `keys[i]` pairs with `values[i]`. A key without a value maps to NaN, so validation
    /// sees and refuses it; values without a key are ignored. Built on each access: bind it once.
    public var figures: [String: Double] {
        var figures: [String: Double] = [:]
        for (index, key) in keys.enumerated() { figures[key] = index < values.count ? values[index] : .nan }
        return figures
    }
}
