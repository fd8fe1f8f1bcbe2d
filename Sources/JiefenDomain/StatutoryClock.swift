/// The statutory time limits of the Regulations on Petition Work (domain.md A.4), computed from event dates
/// under a configurable ``DayCountingRule``.
///
/// ```swift
/// let clock = StatutoryClock()
/// clock.handlingDue(acceptedOn: CivilDate(clampingYear: 2022, month: 10, day: 24))   // 2022-12-23
/// ```
public struct StatutoryClock: Sendable, Hashable, Codable {
    /// How days are counted.
    public var rule: DayCountingRule
    /// The limits in days.
    public var limits: StatutoryLimits

    /// Creates a clock.
    public init(rule: DayCountingRule = .civilCode, limits: StatutoryLimits = .regulations2022) {
        self.rule = rule
        self.limits = limits
    }

    // Every period below throws invalidArgument naming `field` (the input the start date came from) when its last
    // day would fall after CivilDate.latest, instead of trapping; `field` defaults to the parameter's wire name.

    /// The last day for the written notice of receipt and route (Art. 23): receipt + 15 days.
    public func noticeDue(receivedOn: CivilDate, field: String = "received_at") throws(DomainError) -> CivilDate {
        try rule.lastDay(from: receivedOn, days: limits.noticeDays, field: field)
    }

    /// The last day to object that a transfer went to the wrong body: receipt + 5 working days (Art. 23 ¶3).
    public func transferObjectionDue(receivedOn: CivilDate, field: String = "received_at") throws(DomainError) -> CivilDate {
        try rule.lastWorkingDay(from: receivedOn, workingDays: limits.transferObjectionWorkingDays, field: field)
    }

    /// The handling deadline (Art. 34): acceptance + 60 days.
    public func handlingDue(acceptedOn: CivilDate, field: String = "occurred_at") throws(DomainError) -> CivilDate {
        try rule.lastDay(from: acceptedOn, days: limits.handlingDays, field: field)
    }

    /// The due date after an extension of `days` days from `previousDue`.
    /// - Throws: ``DomainError/Code/invalidArgument`` (field `extension.days`) unless `1 ≤ days ≤ 30`, or when the
    ///   new due date would fall after ``CivilDate/latest``.
    public func extendedDue(previousDue: CivilDate, days: Int) throws(DomainError) -> CivilDate {
        guard days >= 1, days <= limits.maxExtensionDays else {
            throw .invalidArgument(
                field: "extension.days",
                "an extension is 1 to \(limits.maxExtensionDays) days (Art. 34), got \(days)")
        }
        return try rule.lastDay(from: previousDue, days: days, field: "extension.days")
    }

    /// The last day to request review (Art. 35): receipt of the written reply + 30 days.
    public func reviewRequestDeadline(replyReceivedOn: CivilDate, field: String = "received_on") throws(DomainError) -> CivilDate {
        try rule.lastDay(from: replyReceivedOn, days: limits.reviewRequestDays, field: field)
    }

    /// The last day for the review opinion (Art. 35): receipt of the request + 30 days.
    public func reviewOpinionDue(requestReceivedOn: CivilDate, field: String = "received_on") throws(DomainError) -> CivilDate {
        try rule.lastDay(from: requestReceivedOn, days: limits.reviewOpinionDays, field: field)
    }

    /// The last day to request re-review (Art. 36): receipt of the review opinion + 30 days.
    public func reReviewRequestDeadline(
        reviewOpinionReceivedOn: CivilDate,
        field: String = "received_on"
    ) throws(DomainError) -> CivilDate {
        try rule.lastDay(from: reviewOpinionReceivedOn, days: limits.reReviewRequestDays, field: field)
    }

    /// The last day for the re-review opinion (Art. 36): receipt of the request + 30 days, hearing days not counted.
    /// - Throws: invalidArgument naming `hearing_days` when they push the day past ``CivilDate/latest`` (negative
    ///   hearing days count as 0), or `field` when the request date alone does.
    public func reReviewOpinionDue(
        requestReceivedOn: CivilDate, hearingDays: Int = 0,
        field: String = "received_on"
    ) throws(DomainError) -> CivilDate {
        let hearing = max(0, hearingDays)
        let days = try ExactArithmetic.sum(limits.reReviewOpinionDays, hearing, field: "hearing_days")
        return try rule.lastDay(from: requestReceivedOn, days: days, field: hearing > 0 ? "hearing_days" : field)
    }

    /// The last day to apply jointly for judicial confirmation of a mediation agreement
    /// (People's Mediation Law Art. 33): agreement effective + 30 days.
    public func judicialConfirmationDeadline(
        agreementEffectiveOn: CivilDate,
        field: String = "effective_on"
    ) throws(DomainError) -> CivilDate {
        try rule.lastDay(from: agreementEffectiveOn, days: limits.judicialConfirmationDays, field: field)
    }
}

/// The lengths of the statutory periods, in days. Defaults are the 2022 Regulations on Petition Work.
public struct StatutoryLimits: Sendable, Hashable, Codable {
    /// Written notice of receipt and route: 15 days (Art. 23).
    public var noticeDays = 15
    /// Objection to a wrong transfer: 5 working days (Art. 23 ¶3).
    public var transferObjectionWorkingDays = 5
    /// Handling an appeal/request: 60 days from acceptance (Art. 34).
    public var handlingDays = 60
    /// One extension of at most 30 days (Art. 34).
    public var maxExtensionDays = 30
    /// Request review within 30 days of the written reply (Art. 35).
    public var reviewRequestDays = 30
    /// Review opinion within 30 days (Art. 35).
    public var reviewOpinionDays = 30
    /// Request re-review within 30 days of the review opinion (Art. 36).
    public var reReviewRequestDays = 30
    /// Re-review opinion within 30 days (Art. 36).
    public var reReviewOpinionDays = 30
    /// Joint application for judicial confirmation within 30 days (People's Mediation Law Art. 33).
    public var judicialConfirmationDays = 30

    /// Creates the default limits.
    public init() {}

    /// The limits of the 2022 Regulations on Petition Work.
    public static let regulations2022 = StatutoryLimits()
}

/// The rules a case fold runs under: statutory clock, collective-visit policy and local time zone.
public struct CaseRules: Sendable, Hashable, Codable {
    /// Statutory time limits and day counting.
    public var clock: StatutoryClock
    /// Collective-visit threshold and representative limit.
    public var collective: CollectivePolicy
    /// The offset used to turn event timestamps into local dates (Asia/Shanghai).
    public var offset: UTCOffset

    /// Creates rules.
    public init(
        clock: StatutoryClock = StatutoryClock(), collective: CollectivePolicy = .standard,
        offset: UTCOffset = .chinaStandardTime
    ) {
        self.clock = clock
        self.collective = collective
        self.offset = offset
    }

    /// Civil Code day counting with no holidays, threshold 5, UTC+8.
    public static let standard = CaseRules()
}
