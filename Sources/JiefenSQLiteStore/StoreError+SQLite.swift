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
        case .busy, .busyInRecovery, .busyInSnapshot, .busyTimeout, .locked, .lockedBySharedCache,
            .lockedVirtualTable, .ioError, .ioErrorFailedRead, .ioErrorIncompleteRead, .ioErrorFailedWrite,
            .ioErrorFailedSync, .ioErrorFailedDirSync, .ioErrorFailedTruncate, .ioErrorFailedStat,
            .ioErrorFailedUnlock, .ioErrorFailedReadLock, .ioErrorFailedDelete, .ioErrorNoMemory,
            .ioErrorFailedAccess, .ioErrorFailedLockCheck, .ioErrorFailedAdvisoryLock, .ioErrorFailedClose,
            .ioErrorFailedSharedMemOpen, .ioErrorFailedSharedMemSize, .ioErrorFailedSharedMemMap,
            .ioErrorFailedDeleteNonexistent, .ioErrorFailedMemoryMap, .ioErrorCantFindTempdir,
            .ioErrorCorruptedFilesystem, .full, .cantOpen, .cantOpenDirectory, .cantOpenInvalidPath,
            .readOnly, .readonlyInRecovery, .readonlyCantLock, .readonlyInRollback, .readonlyBackingMoved,
            .readonlyDirectory, .noMemory, .misuse:
            self.init(code: .unavailable, message: "the database is unavailable: \(error.message)")
        case .corrupt, .corruptVirtualTable, .corruptSequenceSchema, .corruptIndex, .notADatabase:
            self.init(code: .unavailable, message: "the database file is damaged: \(error.message)")
        default:
            self.init(code: .internalError, message: "unexpected SQLite failure: \(error.message)")
        }
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
