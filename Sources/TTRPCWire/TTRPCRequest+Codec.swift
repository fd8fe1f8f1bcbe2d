import CProtobufC
import CTTRPCProto
public import NIOCore

extension TTRPCRequest {
    /// Decodes a request envelope with protobuf-c.
    ///
    /// - Parameter buffer: The frame's data, exactly one encoded `ttrpc.Request`.
    /// - Throws: ``WireError`` when the bytes are malformed, a string is not UTF-8, or decoding would exceed the
    ///   memory budget.
    public init(decoding buffer: ByteBuffer) throws(WireError) {
        self = try buffer.withUnsafeReadableBytes { bytes in
            Result { () throws(WireError) -> TTRPCRequest in try TTRPCRequest.decode(bytes) }
        }.get()
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws(WireError) -> TTRPCRequest {
        try unpackMessage(
            bytes,
            name: "ttrpc.Request",
            descriptor: MessageDescriptor.ttrpcRequest?.pointer,
            unpack: { ttrpc__request__unpack($0, $1, $2) },
            free: { ttrpc__request__free_unpacked($0, $1) },
            convert: { (message) throws(WireError) -> TTRPCRequest in
                let c = message.pointee
                var metadata: [TTRPCKeyValue] = []
                metadata.reserveCapacity(c.n_metadata)
                for index in 0..<c.n_metadata {
                    guard let entry = c.metadata[index] else { continue }
                    metadata.append(
                        TTRPCKeyValue(
                            key: try ValidatedCString.read(entry.pointee.key, field: "metadata.key"),
                            value: try ValidatedCString.read(entry.pointee.value, field: "metadata.value")
                        )
                    )
                }
                return TTRPCRequest(
                    service: try ValidatedCString.read(c.service, field: "service"),
                    method: try ValidatedCString.read(c.method, field: "method"),
                    payload: ByteBuffer(binaryData: c.payload),
                    timeoutNano: c.timeout_nano,
                    metadata: metadata
                )
            }
        )
    }

    /// Encodes this request with protobuf-c and appends the bytes to `buffer`.
    ///
    /// - Throws: ``WireError`` `embeddedNUL` when a string holds a NUL character.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        var estimate = EncodeArena.cStringSize(service) + EncodeArena.cStringSize(method)
        for entry in metadata {
            estimate +=
                EncodeArena.cStringSize(entry.key) + EncodeArena.cStringSize(entry.value)
                + MemoryLayout<Ttrpc__KeyValue>.stride + MemoryLayout<UnsafeMutableRawPointer>.stride + 16
        }
        try EncodeArena.withArena(capacity: estimate + 64) { (arena) throws(WireError) in
            var message = Ttrpc__Request()
            ttrpc__request__init(&message)
            message.service = try arena.cString(service, field: "service")
            message.method = try arena.cString(method, field: "method")
            message.timeout_nano = timeoutNano
            if !metadata.isEmpty {
                let entries = arena.allocate(Ttrpc__KeyValue.self, count: metadata.count)
                let pointers = arena.allocate(UnsafeMutablePointer<Ttrpc__KeyValue>?.self, count: metadata.count)
                for (index, entry) in metadata.enumerated() {
                    var c = Ttrpc__KeyValue()
                    ttrpc__key_value__init(&c)
                    c.key = try arena.cString(entry.key, field: "metadata.key")
                    c.value = try arena.cString(entry.value, field: "metadata.value")
                    (entries + index).initialize(to: c)
                    pointers[index] = entries + index
                }
                message.n_metadata = metadata.count
                message.metadata = pointers
            }
            payload.withUnsafeReadableBytes { payloadBytes in
                message.payload = ProtobufCBinaryData(borrowing: payloadBytes)
                let size = ttrpc__request__get_packed_size(&message)
                buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { out in
                    // An empty message packs to nothing; then the buffer may lend no storage at all.
                    out.baseAddress.map { ttrpc__request__pack(&message, $0.assumingMemoryBound(to: UInt8.self)) } ?? 0
                }
            }
        }
    }
}
