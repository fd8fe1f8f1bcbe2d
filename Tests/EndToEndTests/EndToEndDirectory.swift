import Foundation

/// A fresh directory under the system's temporary directory for one end-to-end test; `remove()` deletes it.
struct EndToEndDirectory {
    let path: String

    /// Creates the directory (mode 0755 under the usual umask: private enough for jiefend, which refuses only
    /// directories others can write to).
    init(_ label: String) throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("jiefen-\(label)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
