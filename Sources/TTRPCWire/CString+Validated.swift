/// Reads C strings that protobuf-c produced, refusing invalid UTF-8 instead of repairing it.
package enum ValidatedCString {
    /// Converts a NUL-terminated string from an unpacked message into a Swift `String`.
    ///
    /// - Parameters:
    ///   - pointer: The C string; NULL reads as the empty string.
    ///   - field: The field's name, for the error message.
    /// - Throws: ``WireError`` with code `invalidUTF8` when the bytes are not UTF-8.
    package static func read(_ pointer: UnsafePointer<CChar>?, field: String) throws(WireError) -> String {
        guard let pointer else { return "" }
        guard let string = String(validatingCString: pointer) else {
            throw WireError(.invalidUTF8, "field \(field) is not valid UTF-8")
        }
        return string
    }
}
