import CProtobufC
import CTTRPCProto
public import NIOCore

extension TTRPCResponse {
    /// Decodes a response envelope with protobuf-c.
    ///
    /// - Throws: ``WireError`` when the bytes are malformed, a string is not UTF-8, or decoding would exceed the
    ///   memory budget.
    public init(decoding buffer: ByteBuffer) throws(WireError) {
        self = try buffer.withUnsafeReadableBytes { bytes in
            Result { () throws(WireError) -> TTRPCResponse in try TTRPCResponse.decode(bytes) }
        }.get()
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws(WireError) -> TTRPCResponse {
        try unpackMessage(
            bytes,
            name: "ttrpc.Response",
            descriptor: MessageDescriptor.ttrpcResponse?.pointer,
            unpack: { ttrpc__response__unpack($0, $1, $2) },
            free: { ttrpc__response__free_unpacked($0, $1) },
            convert: { (message) throws(WireError) -> TTRPCResponse in
                let c = message.pointee
                var status: TTRPCStatus?
                if let s = c.status?.pointee {
                    var details: [TTRPCAny] = []
                    for index in 0..<s.n_details {
                        guard let detail = s.details[index]?.pointee else { continue }
                        details.append(
                            TTRPCAny(
                                typeURL: try ValidatedCString.read(detail.type_url, field: "status.details.type_url"),
                                value: [UInt8](binaryData: detail.value)
                            )
                        )
                    }
                    status = TTRPCStatus(
                        code: s.code,
                        message: try ValidatedCString.read(s.message, field: "status.message"),
                        details: details
                    )
                }
                return TTRPCResponse(status: status, payload: ByteBuffer(binaryData: c.payload))
            }
        )
    }

    /// Encodes this response with protobuf-c and appends the bytes to `buffer`.
    ///
    /// An OK status is left off the wire, as the reference server does.
    /// - Throws: ``WireError`` `embeddedNUL` when the status message holds a NUL character.
    public func encode(into buffer: inout ByteBuffer) throws(WireError) {
        let status = self.status.flatMap { $0.isOK && $0.message.isEmpty && $0.details.isEmpty ? nil : $0 }
        var estimate = 64
        if let status {
            estimate += MemoryLayout<Ttrpc__Status>.stride + EncodeArena.cStringSize(status.message)
            for detail in status.details {
                estimate += MemoryLayout<Ttrpc__Any>.stride + 16 + EncodeArena.cStringSize(detail.typeURL)
            }
        }
        try EncodeArena.withArena(capacity: estimate) { (arena) throws(WireError) in
            var message = Ttrpc__Response()
            ttrpc__response__init(&message)
            if let status {
                let cStatus = arena.allocate(Ttrpc__Status.self, count: 1)
                var s = Ttrpc__Status()
                ttrpc__status__init(&s)
                s.code = status.code
                s.message = try arena.cString(status.message, field: "status.message")
                cStatus.initialize(to: s)
                message.status = cStatus
            }
            if let status, let cStatus = message.status {
                try Self.encodeDetails(status.details, into: cStatus, arena: &arena)
            }
            payload.withUnsafeReadableBytes { payloadBytes in
                message.payload = ProtobufCBinaryData(borrowing: payloadBytes)
                let size = ttrpc__response__get_packed_size(&message)
                buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { out in
                    // An empty message packs to nothing; then the buffer may lend no storage at all.
                    out.baseAddress.map { ttrpc__response__pack(&message, $0.assumingMemoryBound(to: UInt8.self)) } ?? 0
                }
            }
        }
    }

    /// Copies the details into the arena and attaches them to the C status.
    private static func encodeDetails(
        _ details: [TTRPCAny],
        into status: UnsafeMutablePointer<Ttrpc__Status>,
        arena: inout EncodeArena
    ) throws(WireError) {
        guard !details.isEmpty else { return }
        let entries = arena.allocate(Ttrpc__Any.self, count: details.count)
        let pointers = arena.allocate(UnsafeMutablePointer<Ttrpc__Any>?.self, count: details.count)
        // Detail values are copied into the arena: they are small and this keeps the borrow simple.
        for (index, detail) in details.enumerated() {
            var any = Ttrpc__Any()
            ttrpc__any__init(&any)
            any.type_url = try arena.cString(detail.typeURL, field: "status.details.type_url")
            let storage = arena.allocate(byteCount: detail.value.count, alignment: 1)
            detail.value.withUnsafeBytes { storage.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(storage), byteCount: $0.count) }
            any.value = ProtobufCBinaryData(len: detail.value.count, data: storage.assumingMemoryBound(to: UInt8.self))
            (entries + index).initialize(to: any)
            pointers[index] = entries + index
        }
        status.pointee.n_details = details.count
        status.pointee.details = pointers
    }
}
