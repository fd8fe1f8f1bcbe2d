/// An instant, as whole seconds since 1970-01-01T00:00:00Z.
///
/// Event times, registration times and contact times are timestamps; statutory periods use the local
/// ``CivilDate`` of a timestamp (see ``UTCOffset``; Asia/Shanghai is UTC+8 all year).
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Seconds since the Unix epoch.
    public var secondsSinceEpoch: Int64

    /// Creates a timestamp from seconds since the Unix epoch.
    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Creates the timestamp of a local wall-clock time on `date` at `offset` from UTC.
    public init(date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0, offset: UTCOffset = .chinaStandardTime) {
        let localSeconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.secondsSinceEpoch = localSeconds - Int64(offset.seconds)
    }

    /// The local civil date of this instant at `offset` from UTC.
    public func civilDate(offset: UTCOffset = .chinaStandardTime) -> CivilDate {
        let local = secondsSinceEpoch + Int64(offset.seconds)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return CivilDate(daysSinceEpoch: Int(days))
    }

    /// This instant moved by `seconds` (negative moves it earlier).
    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// Whole seconds from `self` to `other` (positive when `other` is later).
    public func seconds(until other: Timestamp) -> Int64 {
        other.secondsSinceEpoch - secondsSinceEpoch
    }

    /// The local wall-clock time at `offset`, e.g. `2022-07-12 08:40` (minutes; for messages and reports).
    public func localMinute(offset: UTCOffset = .chinaStandardTime) -> String {
        let local = secondsSinceEpoch + Int64(offset.seconds)
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        let hour = secondOfDay / 3600, minute = secondOfDay % 3600 / 60
        return "\(civilDate(offset: offset)) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    /// `seconds since epoch` as decimal text, e.g. `1658018400`.
    public var description: String { String(secondsSinceEpoch) }

    /// Orders instants chronologically.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}

/// A fixed offset from UTC, used to turn a ``Timestamp`` into a local ``CivilDate``.
public struct UTCOffset: Sendable, Hashable, Codable {
    /// Seconds east of UTC.
    public var seconds: Int

    /// Creates an offset of `seconds` east of UTC.
    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// China Standard Time (Asia/Shanghai), UTC+8 with no daylight saving time.
    public static let chinaStandardTime = UTCOffset(seconds: 8 * 3600)

    /// UTC itself.
    public static let utc = UTCOffset(seconds: 0)
}
