#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    public import Darwin
#endif

/// The files SQLite keeps for one database: the database itself, its write-ahead log and its shared-memory index.
enum DatabaseFiles {
    /// The database file and the `-wal` and `-shm` files beside it.
    static func paths(of database: String) -> [String] {
        [database, database + "-wal", database + "-shm"]
    }

    /// Makes every existing file of the database readable and writable by its owner only (0600). SQLite creates the
    /// `-wal` and `-shm` files with the database file's mode, so they follow once the database file is 0600.
    /// - Parameter database: The database file.
    /// - Returns: The files whose mode could not be changed (not owned by this user), with the error.
    @discardableResult
    static func restrictToOwner(_ database: String) -> [(path: String, errno: Int32)] {
        var failed: [(String, Int32)] = []
        for path in paths(of: database) where access(path, F_OK) == 0 {
            if chmod(path, 0o600) != 0 { failed.append((path, errno)) }
        }
        return failed
    }
}
