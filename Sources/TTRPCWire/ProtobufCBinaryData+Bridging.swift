package import CProtobufC
import NIOCore

extension ProtobufCBinaryData {
    /// Lends `bytes` to protobuf-c for packing. Valid only while `bytes` is.
    init(borrowing bytes: UnsafeRawBufferPointer) {
        self.init(
            len: bytes.count,
            data: UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self))
        )
    }
}

extension ByteBuffer {
    /// Copies a protobuf-c `bytes` field; a zero length may come with a NULL pointer.
    init(binaryData: ProtobufCBinaryData) {
        guard binaryData.len > 0, let data = binaryData.data else {
            self = ByteBuffer()
            return
        }
        self = ByteBufferAllocator().buffer(bytes: UnsafeRawBufferPointer(start: data, count: binaryData.len))
    }
}

extension Array where Element == UInt8 {
    /// Copies a protobuf-c `bytes` field; a zero length may come with a NULL pointer.
    package init(binaryData: ProtobufCBinaryData) {
        guard binaryData.len > 0, let data = binaryData.data else {
            self = []
            return
        }
        self = Array(UnsafeBufferPointer(start: data, count: binaryData.len))
    }
}
