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

    /// The instants the domain works with: 0001-01-02T00:00:00Z through 9999-12-30T23:59:59Z, so that the
    /// local date at any offset within ±24 hours lies in ``CivilDate/earliest``...``CivilDate/latest``.
    /// Registration, event and contact times outside it are refused (``checkSupported(field:)``).
    public static let supportedRange: ClosedRange<Timestamp> =
        Timestamp(
            secondsSinceEpoch: Int64(CivilDate.supportedDaysSinceEpoch.lowerBound + 1) * 86_400)...Timestamp(
            secondsSinceEpoch: Int64(CivilDate.supportedDaysSinceEpoch.upperBound) * 86_400 - 1)

    /// Creates the timestamp of a local wall-clock time on `date` at `offset` from UTC, for in-range values
    /// (constants and tests): the result saturates at the `Int64` bounds instead of trapping. Use
    /// ``init(date:hour:minute:second:offset:field:)`` for input.
    public init(date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0, offset: UTCOffset = .chinaStandardTime) {
        let seconds = Self.localSeconds(date: date, hour: hour, minute: minute, second: second) - Int128(offset.seconds)
        self.secondsSinceEpoch = Int64(clamping: seconds)
    }

    /// Creates the timestamp of a local wall-clock time on `date` at `offset` from UTC.
    /// - Throws: invalidArgument naming `field` unless `hour` is 0...23, `minute` 0...59, `second` 0...59 and the
    ///   instant lies in ``supportedRange``.
    public init(
        date: CivilDate, hour: Int, minute: Int, second: Int = 0, offset: UTCOffset = .chinaStandardTime,
        field: String
    ) throws(DomainError) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            throw .invalidArgument(field: field, "\(hour):\(minute):\(second) is not a time of day (00:00:00 to 23:59:59)")
        }
        let seconds = Self.localSeconds(date: date, hour: hour, minute: minute, second: second) - Int128(offset.seconds)
        guard let value = Int64(exactly: seconds) else {
            throw ExactArithmetic.outOfRange(field: field, "\(date) \(hour):\(minute) at offset \(offset.seconds) s is out of range")
        }
        self.secondsSinceEpoch = value
        try checkSupported(field: field)
    }

    /// Throws unless this instant lies in ``supportedRange``.
    /// - Throws: invalidArgument naming `field`, e.g. `received_at: 9223372036854775807 is out of range`.
    public func checkSupported(field: String) throws(DomainError) {
        guard Self.supportedRange.contains(self) else {
            throw ExactArithmetic.outOfRange(
                field: field,
                "\(secondsSinceEpoch) is out of range: instants from "
                    + "\(Self.supportedRange.lowerBound.secondsSinceEpoch) (0001-01-02) to "
                    + "\(Self.supportedRange.upperBound.secondsSinceEpoch) (9999-12-30) seconds since the epoch are supported")
        }
    }

    /// The local civil date of this instant at `offset` from UTC, for in-range instants (``supportedRange``): a
    /// date before ``CivilDate/earliest`` or after ``CivilDate/latest`` is clamped to it instead of trapping. Use
    /// ``civilDate(offset:field:)`` for input.
    public func civilDate(offset: UTCOffset = .chinaStandardTime) -> CivilDate {
        CivilDate(daysSinceEpoch: Int(clamping: localDays(offset: offset)))
    }

    /// The local civil date of this instant at `offset` from UTC.
    /// - Throws: invalidArgument naming `field` when the date lies outside ``CivilDate/earliest``...``CivilDate/latest``.
    public func civilDate(offset: UTCOffset = .chinaStandardTime, field: String) throws(DomainError) -> CivilDate {
        let days = localDays(offset: offset)
        guard let day = Int(exactly: days), CivilDate.supportedDaysSinceEpoch.contains(day) else {
            throw ExactArithmetic.outOfRange(
                field: field,
                "\(secondsSinceEpoch) is out of range: its local date is "
                    + "outside \(CivilDate.earliest) to \(CivilDate.latest)")
        }
        return try CivilDate(daysSinceEpoch: day, field: field)
    }

    /// This instant moved by `seconds` (negative moves it earlier), for in-range values: the result saturates at the
    /// `Int64` bounds instead of trapping. Use ``adding(seconds:field:)`` for input.
    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(secondsSinceEpoch: ExactArithmetic.saturatingSum(secondsSinceEpoch, seconds))
    }

    /// This instant moved by `seconds` (negative moves it earlier).
    /// - Throws: invalidArgument naming `field` when the result does not fit in `Int64`.
    public func adding(seconds: Int64, field: String) throws(DomainError) -> Timestamp {
        Timestamp(secondsSinceEpoch: try ExactArithmetic.sum(secondsSinceEpoch, seconds, field: field))
    }

    /// Whole seconds from `self` to `other` (positive when `other` is later), for in-range values: the result
    /// saturates at the `Int64` bounds instead of trapping. Use ``seconds(until:field:)`` for input.
    public func seconds(until other: Timestamp) -> Int64 {
        ExactArithmetic.saturatingDifference(other.secondsSinceEpoch, secondsSinceEpoch)
    }

    /// Whole seconds from `self` to `other` (positive when `other` is later).
    /// - Throws: invalidArgument naming `field` when the difference does not fit in `Int64`.
    public func seconds(until other: Timestamp, field: String) throws(DomainError) -> Int64 {
        try ExactArithmetic.difference(other.secondsSinceEpoch, secondsSinceEpoch, field: field)
    }

    /// The local wall-clock time at `offset`, e.g. `2022-07-12 08:40` (minutes; for messages and reports). Never
    /// traps; the date part is clamped like ``civilDate(offset:)`` for instants outside ``supportedRange``.
    public func localMinute(offset: UTCOffset = .chinaStandardTime) -> String {
        let local = Int128(secondsSinceEpoch) + Int128(offset.seconds)
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        let hour = secondOfDay / 3600
        let minute = secondOfDay % 3600 / 60
        return "\(civilDate(offset: offset)) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    /// Local days since the epoch (floor division), in 128 bits so no instant or offset overflows.
    private func localDays(offset: UTCOffset) -> Int128 {
        let local = Int128(secondsSinceEpoch) + Int128(offset.seconds)
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// Seconds from the epoch to `date` `hour:minute:second` local time, in 128 bits (any `Int` inputs fit).
    private static func localSeconds(date: CivilDate, hour: Int, minute: Int, second: Int) -> Int128 {
        Int128(date.daysSinceEpoch) * 86_400 + Int128(hour) * 3600 + Int128(minute) * 60 + Int128(second)
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
