package import CProtobufC

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    public import Musl
#elseif canImport(Darwin)
    public import Darwin
#endif

/// Limits the memory protobuf-c may allocate while unpacking one message.
///
/// protobuf-c allocates without bound (4 MiB of empty repeated entries cost about 180 MiB), so every unpack in
/// this module goes through ``withAllocator(_:)``, whose allocator refuses once the budget is spent. protobuf-c
/// then frees what it had allocated and returns NULL, which the caller maps to `resourceExhausted`.
struct DecodeBudget {
    /// Default budget per decoded message: 4 MiB of input may expand to at most this much C memory.
    static let defaultBytes = 16 << 20

    private struct State {
        var remaining: Int
        var exhausted: Bool
    }

    private var state: State

    /// Creates a budget of `bytes` bytes.
    init(bytes: Int = DecodeBudget.defaultBytes) {
        state = State(remaining: bytes, exhausted: false)
    }

    /// Whether an allocation was refused.
    var exhausted: Bool { state.exhausted }

    /// Runs `body` with a `ProtobufCAllocator` that draws on this budget.
    mutating func withAllocator<R, E: Error>(
        _ body: (UnsafeMutablePointer<ProtobufCAllocator>) throws(E) -> R
    ) throws(E) -> R {
        try withUnsafeMutablePointer(to: &state) { (statePointer) throws(E) -> R in
            var allocator = ProtobufCAllocator(
                alloc: { data, size in
                    guard let state = data?.assumingMemoryBound(to: State.self) else { return nil }
                    guard size <= state.pointee.remaining else {
                        state.pointee.exhausted = true
                        return nil
                    }
                    state.pointee.remaining -= size
                    return malloc(max(size, 1))
                },
                free: { _, pointer in free(pointer) },
                allocator_data: UnsafeMutableRawPointer(statePointer)
            )
            return try withUnsafeMutablePointer(to: &allocator) { (allocatorPointer) throws(E) -> R in
                try body(allocatorPointer)
            }
        }
    }
}

/// Unpacks one message with a budget, copies it into Swift values, and frees the C graph.
///
/// - Parameters:
///   - bytes: The encoded message.
///   - name: The message name, for error messages.
///   - descriptor: The message's descriptor, for the ``WireScan`` that runs before protobuf-c sees the bytes;
///     `nil` looks it up by `name` in the generated table.
///   - unpack: Calls the generated `…__unpack`.
///   - free: Calls the generated `…__free_unpacked`.
///   - convert: Copies the C message into a Swift value; must not keep any pointer.
/// - Throws: ``WireError``: `malformed` when the nesting is too deep or protobuf-c refuses the bytes, `embeddedNUL`
///   for a NUL inside a string field, `resourceExhausted` when the budget ran out,
///   or whatever `convert` throws.
package func unpackMessage<C, R>(
    _ bytes: UnsafeRawBufferPointer,
    name: String,
    descriptor: UnsafePointer<ProtobufCMessageDescriptor>? = nil,
    unpack: (UnsafeMutablePointer<ProtobufCAllocator>, Int, UnsafePointer<UInt8>?) -> UnsafeMutablePointer<C>?,
    free: (UnsafeMutablePointer<C>, UnsafeMutablePointer<ProtobufCAllocator>) -> Void,
    convert: (UnsafeMutablePointer<C>) throws(WireError) -> R
) throws(WireError) -> R {
    guard let scanned = descriptor ?? MessageDescriptor.ttrpc[name]?.pointer else {
        throw WireError(.malformed, "no message type \(name) in proto/")
    }
    try WireScan.check(bytes, descriptor: scanned)
    var budget = DecodeBudget()
    let empty: [UInt8] = [0]
    return try budget.withAllocator { (allocator) throws(WireError) -> R in
        // protobuf-c wants a non-NULL pointer even for zero bytes.
        let message = empty.withUnsafeBufferPointer { emptyPointer in
            unpack(allocator, bytes.count, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? emptyPointer.baseAddress)
        }
        guard let message else {
            if DecodeBudget.isExhausted(allocator) {
                throw WireError(.resourceExhausted, "\(name) needs more than \(DecodeBudget.defaultBytes >> 20) MiB to decode")
            }
            throw WireError(.malformed, "\(name) is not a valid protobuf encoding")
        }
        defer { free(message, allocator) }
        return try convert(message)
    }
}

extension DecodeBudget {
    /// Reads the exhausted flag through the allocator while `withAllocator` is running.
    fileprivate static func isExhausted(_ allocator: UnsafeMutablePointer<ProtobufCAllocator>) -> Bool {
        allocator.pointee.allocator_data?.assumingMemoryBound(to: State.self).pointee.exhausted ?? false
    }
}
