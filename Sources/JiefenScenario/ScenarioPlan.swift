package import JiefenAPI
package import JiefenDomain

/// One step of a planned case, applied through the public RPC at its real date.
package struct PlannedStep: Sendable {
    /// What the step does.
    package enum Action: Sendable {
        /// `Cases/Apply` with an event type and its arguments.
        case event(String, [JiefenV1.Field])
        /// `Contacts/Record`: a follow-up visit or item; `session` indexes ``TongyangCalendar/sessions``.
        case contact(channel: String, headcount: Int, session: Int?, keys: [String])
        /// `referred_to_joint_meeting` to the meeting with this index in ``TongyangCalendar/meetings``.
        case refer(meeting: Int)
        /// `joint_meeting_decided` by the meeting with this index.
        case decide(meeting: Int, resolution: String, lead: String)
    }

    /// The local date of the step.
    package var date: CivilDate
    /// A fixed local time (hour, minute), or `nil` for "after the previous step, from 09:00".
    package var time: (Int, Int)?
    /// The action.
    package var action: Action

    /// The instant of the step after a step at `previous`: its fixed time, else 09:00 or five minutes after the
    /// previous step, whichever is later; never before the previous step.
    package func timestamp(after previous: Timestamp) -> Timestamp {
        guard let (hour, minute) = time else { return max(Timestamp(date: date, hour: 9), previous.adding(seconds: 300)) }
        let fixed = Timestamp(date: date, hour: hour, minute: minute)
        return fixed > previous ? fixed : previous.adding(seconds: 60)
    }
}

/// How a planned case ends (domain.md E.2 outcome codes).
package enum PlannedOutcome: String, Sendable {
    case resolvedTown = "RT"
    case resolvedJointMeeting = "RJ"
    case resolvedDepartment = "RD"
    case resolvedOnline = "RO"
    case guidedLegal = "GL"
    case notSupported = "NS"
    case open = "OP"
    case screenedOut = "NA"
}

/// The kind-specific variation of a case's details on top of the kind's sample (fetched from the server).
package enum DetailVariant: Sendable {
    case housing(households: Int)
    case landRent(households: Int)
    case agricultural(applied: CivilDate, observed: CivilDate)
    case general(category: String)
}

/// One case of the scenario: its registration and its timeline.
package struct PlannedCase: Sendable {
    /// The group and outcome, e.g. `VR land-lease-arrears RJ` or `anchor H`.
    package var label: String
    /// The dispute kind.
    package var kind: String
    /// `petition`, `dispute` or `micro`.
    package var track: String
    /// The intake channel.
    package var channel: String
    /// The village code.
    package var village: String
    /// The registration instant.
    package var registeredAt: Timestamp
    /// People at the first contact; 0 records no contact (intake only).
    package var headcount: Int
    /// The village-reception session of the first contact (index into ``TongyangCalendar/sessions``).
    package var session: Int?
    /// Person keys of the first contact.
    package var personKeys: [String]
    /// People involved.
    package var persons: Int
    /// Households involved.
    package var households: Int
    /// The details' variation.
    package var details: DetailVariant
    /// The outcome at the end of the window.
    package var outcome: PlannedOutcome
    /// The department that handles the case.
    package var department: String
    /// The steps after registration, in order.
    package var steps: [PlannedStep] = []
    /// The closing date, once planned.
    package var closedOn: CivilDate?
}

/// The whole year: sessions, cases and the joint meetings that discussed them.
package struct TongyangPlan: Sendable {
    /// Every case, in creation order (by registration time).
    package var cases: [PlannedCase]
    /// For each meeting of ``TongyangCalendar/meetings``, the indexes of the cases it discussed.
    package var meetingCases: [[Int]]
    /// The prior year's aggregates (domain.md E.5), the baseline for year-on-year.
    package static let baseline: [String: Double] = [
        "cases_registered/petition/": 402, "cases_by_channel/petition/VILLAGE_RECEPTION": 60,
        "cases_by_channel/petition/WALK_IN": 92, "cases_by_channel/petition/HOTLINE": 134,
        "cases_by_channel/petition/ONLINE_PETITION": 54, "cases_by_channel/petition/REFERRAL": 62,
        "batches//VILLAGE_RECEPTION": 64, "person_times//VILLAGE_RECEPTION": 88, "batches//WALK_IN": 97,
        "collective_batches//": 9, "micro_online//": 455, "jm_resolved//": 51,
    ]
}
