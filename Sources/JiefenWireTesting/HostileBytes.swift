/// Hand-built protobuf bytes that no encoder would produce, for tests and fuzz seeds: built iteratively, since a
/// recursive encoder (and protobuf-c's decoder) would crash on the deep ones.
public enum HostileBytes {
    /// A varint's bytes.
    public static func varint(_ value: Int) -> [UInt8] {
        var out: [UInt8] = []
        var v = UInt64(clamping: value)
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
        return out
    }

    /// A `jiefen.v1.Value` whose `list` (field 10) holds a `ValueList` whose `values` (field 1) holds a `Value` …,
    /// `depth` `Value` levels in all (so `2 × depth − 1` messages deep); the innermost is empty.
    public static func nestedValue(depth: Int) -> [UInt8] {
        // sizes[k]: the encoded size of the Value k levels from the inside (level 0 is the empty innermost one).
        var sizes = [0]
        var listSizes = [0]
        for _ in 1..<max(depth, 1) {
            let inner = sizes[sizes.count - 1]
            let list = 1 + varint(inner).count + inner
            listSizes.append(list)
            sizes.append(1 + varint(list).count + list)
        }
        var out: [UInt8] = []
        out.reserveCapacity(sizes[sizes.count - 1])
        for level in stride(from: sizes.count - 1, to: 0, by: -1) {
            out += [0x52] + varint(listSizes[level]) // Value.list = 10, length-delimited
            out += [0x0A] + varint(sizes[level - 1]) // ValueList.values = 1, length-delimited
        }
        return out
    }

    /// A `jiefen.v1.CreateCaseRequest` with request id `r1` and one detail (`Field{name: "x", value}`).
    public static func createRequest(detailValue value: [UInt8]) -> [UInt8] {
        let field: [UInt8] = [0x0A, 1, UInt8(ascii: "x"), 0x12] + varint(value.count) + value
        return [0x0A, 2, UInt8(ascii: "r"), UInt8(ascii: "1"), 0x62] + varint(field.count) + field // details = 12
    }
}
