/// One numbered schema change. Once a migration has shipped it is never edited: the store records each applied
/// migration's checksum and refuses to open a database whose recorded checksum differs from this build's.
package struct Migration: Sendable {
    /// The migration number, 1, 2, 3, … applied in order.
    package var version: Int
    /// A short name, recorded in the `migrations` table.
    package var name: String
    /// The statements, run one by one in one transaction (sqlite-nio runs a single statement per call).
    package var statements: [String]

    /// A 64-bit FNV-1a hash of the statements, as 16 hex digits; detects a migration edited after it shipped.
    package var checksum: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for statement in self.statements {
            for byte in statement.utf8 + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension Migration {
    /// Every migration this build knows, in order. Append new ones; never edit or reorder shipped ones.
    package static let all: [Migration] = [.v1Initial, .v2Statistics, .v3EventRequests]
}
