#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    public import Darwin
#endif

/// The server's data directory: the database, its log files, the lock file and (by default) the Unix socket.
///
/// ```swift
/// umask(0o077)
/// let directory = try DataDirectory.prepare("./jiefen-data")   // created 0700, or checked
/// let lock = try directory.lock()                                // held until the process exits
/// let store = try await SQLiteCaseStore.open(path: directory.databasePath, logger: logger)
/// ```
public struct DataDirectory: Sendable {
    /// The directory, as given.
    public let path: String

    /// The database file in it.
    public var databasePath: String { self.path + "/jiefen.sqlite" }

    /// The lock file in it.
    public var lockPath: String { self.path + "/jiefend.lock" }

    /// Creates the directory (and missing parents) with mode 0700 if it does not exist, then checks it: it must be a
    /// directory, owned by the user running the process, and writable by nobody else (whoever can write to it can
    /// replace the database or the socket).
    /// - Parameter path: The directory.
    /// - Returns: The checked directory.
    /// - Throws: ``DataDirectoryError`` naming the directory and the fix.
    public static func prepare(_ path: String) throws(DataDirectoryError) -> DataDirectory {
        try Self.create(path)
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw DataDirectoryError("cannot read the data directory \(path): \(Self.describe(errno))")
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw DataDirectoryError("the data directory \(path) is not a directory; give --data-dir a directory")
        }
        let user = geteuid()
        guard status.st_uid == user else {
            throw DataDirectoryError(
                "the data directory \(path) belongs to user id \(status.st_uid), not to the user running jiefend "
                    + "(id \(user)); run jiefend as the directory's owner, or give it to this user: chown \(user) \(path)"
            )
        }
        let mode = status.st_mode & 0o777
        guard mode & 0o022 == 0 else {
            throw DataDirectoryError(
                "the data directory \(path) is writable by \(Self.writers(mode)) (mode "
                    + "\(String(mode, radix: 8))), who could replace the database or the socket; make it private: "
                    + "chmod 700 \(path)"
            )
        }
        return DataDirectory(path: path)
    }

    /// Takes the exclusive lock on the directory (`flock` on `jiefend.lock`, which records the holder's pid), so two
    /// servers never share a database, whatever they listen on.
    /// - Returns: The lock; it is released when the value is deinitialized or the process ends.
    /// - Throws: ``DataDirectoryError`` "another jiefend (pid N) is using DIR" if another process holds it.
    public func lock() throws(DataDirectoryError) -> DataDirectoryLock {
        try DataDirectoryLock(directory: self.path, file: self.lockPath)
    }

    private static func create(_ path: String) throws(DataDirectoryError) {
        var missing: [String] = []
        var current = path
        while !current.isEmpty, access(current, F_OK) != 0 {
            missing.append(current)
            guard let slash = current.lastIndex(of: "/") else { break }
            current = String(current[..<slash])
        }
        for directory in missing.reversed() {
            if mkdir(directory, 0o700) != 0 && errno != EEXIST {
                throw DataDirectoryError("cannot create the data directory \(directory): \(Self.describe(errno))")
            }
        }
    }

    private static func writers(_ mode: mode_t) -> String {
        switch (mode & 0o020 != 0, mode & 0o002 != 0) {
        case (true, true): "its group and others"
        case (true, false): "its group"
        default: "others"
        }
    }

    static func describe(_ error: Int32) -> String { String(cString: strerror(error)) }
}

/// A data directory that cannot be used, with a message naming the directory and what to do.
public struct DataDirectoryError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and how to fix it.
    public let message: String

    init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { self.message }
}
