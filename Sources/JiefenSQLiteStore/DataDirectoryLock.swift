#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    public import Darwin
#endif

/// The exclusive `flock` on a data directory's `jiefend.lock`, held while this value lives.
///
/// The lock belongs to the open file, not to the path: a process killed with SIGKILL releases it with its files, so
/// a stale lock file never blocks a restart. The file holds the holder's pid, for the message a second server gives.
public final class DataDirectoryLock: Sendable {
    /// The open lock file (never inherited by child processes).
    private let descriptor: Int32

    init(directory: String, file: String) throws(DataDirectoryError) {
        let descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw DataDirectoryError("cannot open the lock file \(file): \(DataDirectory.describe(errno))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let error = errno
            let holder = Self.recordedPid(descriptor)
            close(descriptor)
            guard error == EWOULDBLOCK else {
                throw DataDirectoryError("cannot lock \(file): \(DataDirectory.describe(error))")
            }
            throw DataDirectoryError(
                "another jiefend (pid \(holder.map(String.init) ?? "unknown")) is using \(directory); stop it first, "
                    + "or give this one another --data-dir"
            )
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    deinit {
        close(self.descriptor)
    }

    private static func recordedPid(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingWhitespace)
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
