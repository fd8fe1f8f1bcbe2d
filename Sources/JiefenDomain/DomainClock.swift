import Foundation

/// A source of the current time. Inject it; tests use a fixed clock (`FixedClock` in JiefenDomainTesting).
public protocol DomainClock: Sendable {
    /// The current instant.
    var now: Timestamp { get }
}

extension DomainClock {
    /// Today's local date at `offset` (Asia/Shanghai by default).
    public func today(offset: UTCOffset = .chinaStandardTime) -> CivilDate {
        now.civilDate(offset: offset)
    }
}

/// The system wall clock, truncated to whole seconds.
public struct SystemClock: DomainClock {
    /// Creates the system clock.
    public init() {}

    /// The current instant according to the operating system.
    public var now: Timestamp {
        Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
