/// Why bytes could not be turned into a message, or a message into bytes.
///
/// Thrown by every decoder and encoder in ``TTRPCWire``. The RPC layer maps ``Code-swift.struct/resourceExhausted``
/// to the ttrpc status ResourceExhausted and everything else to InvalidArgument.
public struct WireError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure; a struct over a private enum so that kinds can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Hashable { case malformed, invalidUTF8, embeddedNUL, resourceExhausted }
        private let base: Base

        /// The bytes are not a valid protobuf encoding of the expected message.
        public static let malformed = Code(base: .malformed)
        /// A `string` field holds bytes that are not UTF-8.
        public static let invalidUTF8 = Code(base: .invalidUTF8)
        /// A string to encode holds a NUL character, which protobuf-c would silently cut off.
        public static let embeddedNUL = Code(base: .embeddedNUL)
        /// Decoding would need more memory than the per-message budget allows.
        public static let resourceExhausted = Code(base: .resourceExhausted)

        public var description: String {
            switch base {
            case .malformed: "malformed"
            case .invalidUTF8: "invalidUTF8"
            case .embeddedNUL: "embeddedNUL"
            case .resourceExhausted: "resourceExhausted"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// A message for people: which message or field, and what was wrong with it.
    public var message: String

    /// Creates an error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
