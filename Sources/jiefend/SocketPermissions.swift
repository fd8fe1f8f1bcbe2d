#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C `struct group` (the name is taken by ``SocketPermissions/group`` inside the type).
private typealias GroupEntry = group

/// Who may connect to the server's Unix sockets: the owner only (0600), or the owner and one group (0660).
struct SocketPermissions: Sendable {
    /// The group given access, by name (for messages) and id.
    var group: (name: String, id: gid_t)?

    /// Resolves a group name.
    /// - Parameter name: The group, such as `jiefen`.
    /// - Returns: Permissions for that group, or `nil` if no group has that name.
    static func group(named name: String) -> SocketPermissions? {
        var entry = GroupEntry()
        var result: UnsafeMutablePointer<GroupEntry>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return SocketPermissions(group: (name, entry.gr_gid))
    }

    /// Gives a bound socket its group (if any) and mode. The socket is created under umask 077, so it is private
    /// until this runs.
    /// - Parameter path: The socket file.
    /// - Throws: ``SocketPermissionError`` naming the socket, the group and the reason.
    func apply(to path: String) throws(SocketPermissionError) {
        if let group {
            guard chown(path, uid_t.max, group.id) == 0 else {
                throw SocketPermissionError(
                    "cannot give unix://\(path) to group \(group.name): \(String(cString: strerror(errno))) "
                        + "(the user running jiefend must be a member of the group, or root)"
                )
            }
        }
        let mode: mode_t = group == nil ? 0o600 : 0o660
        guard chmod(path, mode) == 0 else {
            throw SocketPermissionError("cannot set the mode of unix://\(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// A Unix socket whose owner or mode could not be set.
struct SocketPermissionError: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
