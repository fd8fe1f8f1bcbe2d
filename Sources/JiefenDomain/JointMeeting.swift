/// A petition joint meeting (信访工作联席会议, Art. 13): several bodies coordinate matters that involve more than
/// one of them and settle who accepts a matter (Art. 24).
public struct JointMeeting: Sendable, Hashable, Codable {
    /// The meeting's identifier.
    public var id: MeetingID
    /// The day it is held.
    public var date: CivilDate
    /// Bodies attending (e.g. the city housing centre).
    public var attendees: [DepartmentCode]
    /// Cases on the agenda.
    public var agenda: [CaseID]
    /// Decisions taken.
    public var decisions: [JointMeetingDecision]

    /// Creates a meeting.
    public init(
        id: MeetingID, date: CivilDate, attendees: [DepartmentCode] = [], agenda: [CaseID] = [],
        decisions: [JointMeetingDecision] = []
    ) {
        self.id = id
        self.date = date
        self.attendees = attendees
        self.agenda = agenda
        self.decisions = decisions
    }

    /// Adds a decision on a case that is on the agenda; refuses a case not on it.
    public mutating func record(_ decision: JointMeetingDecision) throws(DomainError) {
        guard agenda.contains(decision.caseID) else {
            throw .failedPrecondition("case \(decision.caseID) is not on the agenda of meeting \(id); add it first")
        }
        decisions.append(decision)
    }
}

/// What a joint meeting decided about one case.
public struct JointMeetingDecision: Sendable, Hashable, Codable {
    /// The meeting that decided.
    public var meetingID: MeetingID
    /// The case decided on.
    public var caseID: CaseID
    /// The meeting's day.
    public var date: CivilDate
    /// The resolution in short.
    public var resolution: Resolution
    /// The body that leads from now on, if the meeting set one.
    public var leadDepartment: DepartmentCode?
    /// The decision text (no personal data).
    public var summary: String

    /// Creates a decision.
    public init(
        meetingID: MeetingID, caseID: CaseID, date: CivilDate, resolution: Resolution,
        leadDepartment: DepartmentCode? = nil, summary: String = ""
    ) {
        self.meetingID = meetingID
        self.caseID = caseID
        self.date = date
        self.resolution = resolution
        self.leadDepartment = leadDepartment
        self.summary = summary
    }

    /// The kinds of joint-meeting resolution.
    public enum Resolution: String, Sendable, Hashable, Codable, CaseIterable {
        /// A solution was agreed; the case can be replied and closed as resolved via the joint meeting.
        case resolved
        /// Work continues; discuss again at a later meeting.
        case continueHandling = "continue"
        /// The meeting set which body accepts or leads the matter (Art. 24).
        case assignLead = "assign_lead"
    }
}

/// A case's record of one joint-meeting discussion (`jm_meetings[]`).
public struct JointMeetingRecord: Sendable, Hashable, Codable {
    /// The meeting.
    public var meetingID: MeetingID
    /// When the case was referred.
    public var referredOn: CivilDate
    /// The decision, once taken.
    public var decision: JointMeetingDecision?

    /// Creates a record.
    public init(meetingID: MeetingID, referredOn: CivilDate, decision: JointMeetingDecision? = nil) {
        self.meetingID = meetingID
        self.referredOn = referredOn
        self.decision = decision
    }
}
