import CJiefenProto
import CProtobufC
import NIOCore

/// Raw protobuf-c, the floor: `…__unpack` and `…__free_unpacked` with the default allocator (no nesting scan,
/// no budget, no copy into Swift values), and `…__pack` of a C struct built once (no Swift → C fill).
final class RawProtobufCSide: CodecSide {
    let name = "raw protobuf-c"
    private let caseStruct: UnsafeMutablePointer<Jiefen__V1__Case>
    private let requestBytes: ByteBuffer

    /// Unpacks `caseBytes` (the generated encoding of the bench case) once, as the struct `encodeCase` packs.
    init(caseBytes: ByteBuffer, requestBytes: ByteBuffer) throws {
        let unpacked = caseBytes.withUnsafeReadableBytes { bytes in
            jiefen__v1__case__unpack(nil, bytes.count, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self))
        }
        guard let unpacked else { throw RawError.unpackFailed }
        caseStruct = unpacked
        self.requestBytes = requestBytes
    }

    deinit { jiefen__v1__case__free_unpacked(caseStruct, nil) }

    func encodeRequest() throws -> ByteBuffer { requestBytes }

    func decodeCreate(_ bytes: ByteBuffer) throws -> Int {
        try bytes.withUnsafeReadableBytes { bytes in
            guard
                let request = jiefen__v1__create_case_request__unpack(
                    nil, bytes.count, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
                )
            else { throw RawError.unpackFailed }
            defer { jiefen__v1__create_case_request__free_unpacked(request, nil) }
            return request.pointee.n_details + request.pointee.n_petitioners
        }
    }

    /// Packs into a new ByteBuffer, the same output the Swift encoders produce.
    func encodeCase() throws -> ByteBuffer {
        let size = jiefen__v1__case__get_packed_size(caseStruct)
        var buffer = ByteBuffer()
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { out in
            jiefen__v1__case__pack(caseStruct, out.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        return buffer
    }

    enum RawError: Error { case unpackFailed }
}
