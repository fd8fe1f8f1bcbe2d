#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    public import Musl
#elseif canImport(Darwin)
    public import Darwin
#endif

/// Scratch memory for building a borrowed protobuf-c struct graph before packing it.
///
/// One arena serves one encode: C strings, message structs and pointer arrays are bump-allocated from a single
/// block sized up front (a second block is taken only when the estimate was short), and everything is freed at
/// once when ``withArena(capacity:_:)`` returns. Nothing allocated here outlives the call.
package struct EncodeArena: ~Copyable {
    private var block: UnsafeMutableRawPointer
    private var capacity: Int
    private var used = 0
    private var overflow: [UnsafeMutableRawPointer] = []

    private init(capacity: Int) {
        self.capacity = max(capacity, 64)
        self.block = malloc(self.capacity)!
    }

    deinit {
        free(block)
        for pointer in overflow { free(pointer) }
    }

    /// Runs `body` with an arena of at least `capacity` bytes.
    package static func withArena<R, E: Error>(
        capacity: Int,
        _ body: (inout EncodeArena) throws(E) -> R
    ) throws(E) -> R {
        var arena = EncodeArena(capacity: capacity)
        return try body(&arena)
    }

    /// Allocates `count` bytes aligned to `alignment`.
    package mutating func allocate(byteCount count: Int, alignment: Int) -> UnsafeMutableRawPointer {
        let start = (used + alignment - 1) & ~(alignment - 1)
        if start + count <= capacity {
            used = start + count
            return block + start
        }
        let pointer = malloc(max(count, 1))!
        overflow.append(pointer)
        return pointer
    }

    /// Allocates uninitialised storage for `count` values of `T`.
    package mutating func allocate<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        allocate(byteCount: MemoryLayout<T>.stride * max(count, 1), alignment: MemoryLayout<T>.alignment)
            .bindMemory(to: T.self, capacity: max(count, 1))
    }

    /// Copies `string` as a NUL-terminated C string.
    ///
    /// - Throws: ``WireError`` `embeddedNUL` when the string holds a NUL, which protobuf-c would cut off on decode.
    package mutating func cString(_ string: String, field: String) throws(WireError) -> UnsafeMutablePointer<CChar> {
        var string = string
        let pointer: UnsafeMutablePointer<CChar>? = string.withUTF8 { utf8 in
            if utf8.contains(0) { return nil }
            let raw = allocate(byteCount: utf8.count + 1, alignment: 1)
            if let base = utf8.baseAddress { raw.copyMemory(from: base, byteCount: utf8.count) }
            raw.storeBytes(of: 0, toByteOffset: utf8.count, as: UInt8.self)
            return raw.assumingMemoryBound(to: CChar.self)
        }
        guard let pointer else { throw WireError(.embeddedNUL, "field \(field) contains a NUL character") }
        return pointer
    }

    /// Bytes an estimate should reserve for `string` as a C string.
    static func cStringSize(_ string: String) -> Int { string.utf8.count + 1 }
}
