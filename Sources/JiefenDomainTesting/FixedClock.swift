public import JiefenDomain

/// A clock that always reads the same instant, for deterministic tests.
///
/// ```swift
/// let clock = FixedClock(date: "2023-01-18", hour: 9)
/// let context = PluginContext(clock: clock)
/// ```
public struct FixedClock: DomainClock {
    /// The instant the clock reads.
    public var now: Timestamp

    /// Creates a clock reading `now`.
    public init(now: Timestamp) {
        self.now = now
    }

    /// Creates a clock reading the local (UTC+8) time `hour:minute` on the ISO date `date`.
    public init(date: String, hour: Int = 9, minute: Int = 0) {
        self.now = Timestamp(date: Fixture.date(date), hour: hour, minute: minute)
    }

    /// A plugin context at this clock's time with standard rules.
    public func context(rules: CaseRules = .standard) -> PluginContext {
        PluginContext(now: now, rules: rules)
    }
}

/// Small fixture helpers for tests.
public enum Fixture {
    /// The date for an ISO literal such as `"2022-10-20"`; stops the test run on a malformed literal.
    public static func date(_ iso: String) -> CivilDate {
        guard let date = CivilDate(iso: iso) else { fatalError("test fixture: '\(iso)' is not a YYYY-MM-DD date") }
        return date
    }

    /// The timestamp of local (UTC+8) `hour:minute` on the ISO date `iso`.
    public static func at(_ iso: String, _ hour: Int = 9, _ minute: Int = 0) -> Timestamp {
        Timestamp(date: date(iso), hour: hour, minute: minute)
    }

    /// A petitioner with a valid (synthetic) ID number and mobile number.
    public static let petitioner = PersonRef(
        name: "张小三", idNumber: "340181198001011237", phone: "13812345678",
        personKey: "p-0001")

    /// A clerk of the town petition office.
    public static let clerk = Actor(id: "town-petition-office/clerk-01", department: .townPetitionOffice)
}
