import JiefenStore
import SQLiteNIO

extension StoreError {
    /// Maps an SQLite failure onto a store error code, keeping SQLite's message (which names the violated
    /// constraint, never row contents).
    /// - Parameter error: The error sqlite-nio threw.
    init(_ error: SQLiteError) {
        switch error.reason {
        case .constraint, .constraintCheckFailed, .constraintCommitHookFailed, .constraintForeignKeyFailed,
            .constraintUserFunctionFailed, .constraintNotNullFailed, .constraintPrimaryKeyFailed,
            .constraintTriggerFailed, .constraintUniqueFailed, .constraintVirtualTableFailed,
            .constraintUniqueRowIDFailed, .constraintUpdateTriggerDeletedRow, .constraintStrictDataTypeFailed,
            .mismatch, .tooBig:
            self.init(code: .constraintViolation, message: "the store refused the write: \(error.message)")
        case .full:
            self = .diskFull(error.message)
        case .ioError, .ioErrorFailedRead, .ioErrorIncompleteRead, .ioErrorFailedWrite, .ioErrorFailedSync,
            .ioErrorFailedDirSync, .ioErrorFailedTruncate, .ioErrorFailedStat, .ioErrorFailedUnlock,
            .ioErrorFailedReadLock, .ioErrorFailedDelete, .ioErrorFailedAccess, .ioErrorFailedLockCheck,
            .ioErrorFailedAdvisoryLock, .ioErrorFailedClose, .ioErrorFailedSharedMemOpen,
            .ioErrorFailedSharedMemSize, .ioErrorFailedSharedMemMap, .ioErrorFailedDeleteNonexistent,
            .ioErrorFailedMemoryMap, .ioErrorCorruptedFilesystem:
            self.init(
                code: .unavailable,
                message: "the database disk failed: \(error.message); check the disk (free space, the system log) and retry"
            )
        case .busy, .busyInRecovery, .busyInSnapshot, .busyTimeout, .locked, .lockedBySharedCache,
            .lockedVirtualTable, .ioErrorNoMemory, .ioErrorCantFindTempdir, .cantOpen, .cantOpenDirectory,
            .cantOpenInvalidPath, .readOnly, .readonlyInRecovery, .readonlyCantLock, .readonlyInRollback,
            .readonlyBackingMoved, .readonlyDirectory, .noMemory, .misuse:
            self.init(code: .unavailable, message: "the database is unavailable: \(error.message)")
        case .corrupt, .corruptVirtualTable, .corruptSequenceSchema, .corruptIndex, .notADatabase:
            self.init(code: .unavailable, message: "the database file is damaged: \(error.message)")
        default:
            self.init(code: .internalError, message: "unexpected SQLite failure: \(error.message)")
        }
    }

    /// The error for a write the disk had no room for (SQLITE_FULL): nothing of it was stored, reads go on, and
    /// writes succeed again once space is freed.
    /// - Parameter detail: SQLite's message.
    /// - Returns: A ``StoreError/Code/unavailable`` error whose message starts "the database disk is full".
    static func diskFull(_ detail: String) -> StoreError {
        StoreError(
            code: .unavailable,
            message: "the database disk is full: free space on the file system that holds the data directory, then "
                + "retry; nothing of this write was stored (SQLite: \(detail))"
        )
    }

    /// The error for any call on a closed store.
    static let storeClosed = StoreError(code: .unavailable, message: "the store is closed")

    /// Wraps any error as a store error; store errors pass through unchanged.
    /// - Parameter error: The error a write or read threw.
    /// - Returns: A store error.
    static func wrapping(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: error
        case let error as SQLiteError: StoreError(error)
        default: StoreError(code: .internalError, message: "unexpected failure: \(error)")
        }
    }
}
