import JiefenAPI
import JiefenDomain

/// Reads the named arguments of an `ApplyEvent` call, with a clear error naming each missing or wrong one.
struct EventArguments {
    private let values: [String: JiefenV1.Value]
    private let type: String

    init(type: String, fields: [JiefenV1.Field]) {
        self.type = type
        var values: [String: JiefenV1.Value] = [:]
        for field in fields { values[field.name] = field.value }
        self.values = values
    }

    private func missing(_ name: String, _ what: String) -> DomainError {
        .invalidArgument(field: "arguments.\(name)", "event \(type) needs \(what)")
    }

    func text(_ name: String) throws(DomainError) -> String {
        switch values[name]?.kind {
        case .text(let v)?, .choice(let v)?:
            guard !v.isEmpty else { throw missing(name, "a non-empty \(name)") }
            return v
        default: throw missing(name, "\(name) as text")
        }
    }

    func optionalText(_ name: String) -> String? {
        switch values[name]?.kind {
        case .text(let v)?, .choice(let v)?: v
        default: nil
        }
    }

    func integer(_ name: String) throws(DomainError) -> Int {
        guard case .integer(let v)? = values[name]?.kind, let small = Int(exactly: v) else {
            throw missing(name, "\(name) as an integer")
        }
        return small
    }

    /// The integer `name`, or `nil` when the argument is absent; present but not an integer is refused.
    func optionalInteger(_ name: String) throws(DomainError) -> Int? {
        guard values[name] != nil else { return nil }
        return try integer(name)
    }

    func date(_ name: String) throws(DomainError) -> CivilDate {
        guard let date = try optionalDate(name) else { throw missing(name, "\(name) as a date YYYY-MM-DD") }
        return date
    }

    func optionalDate(_ name: String) throws(DomainError) -> CivilDate? {
        guard let value = values[name] else { return nil }
        guard case .date(let text)? = value.kind, let date = CivilDate(iso: text) else {
            throw .invalidArgument(field: "arguments.\(name)", "\(name) must be a date YYYY-MM-DD")
        }
        return date
    }

    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws(DomainError) -> T
    where T.RawValue == String {
        let raw = try text(name)
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidArgument(field: "arguments.\(name)", "\"\(raw)\" is not one of \(allowed)")
        }
        return value
    }
}

/// Maps `ApplyEvent` requests (a type and named arguments) to domain events, and events back to arguments.
enum EventMapping {
    /// The event types `ApplyEvent` accepts, in lifecycle order.
    static let applicableTypes: [CaseEventKind] = CaseEventKind.allCases.filter { $0 != .registered && $0 != .contactRecorded }

    static func payload(type: String, arguments fields: [JiefenV1.Field], caseID: CaseID) throws(DomainError) -> CaseEventPayload {
        guard let kind = CaseEventKind(rawValue: type), applicableTypes.contains(kind) else {
            let allowed = applicableTypes.map(\.rawValue).joined(separator: ", ")
            throw .invalidArgument(field: "type", "\"\(type)\" is not an event type; use one of \(allowed)")
        }
        let a = EventArguments(type: type, fields: fields)
        switch kind {
        case .accepted: return .accepted(noticeOn: try a.optionalDate("notice_on"))
        case .notAccepted: return .notAccepted(reason: try a.text("reason"))
        case .transferredOut: return .transferredOut(to: try a.text("to"), reason: try a.text("reason"))
        case .guidedLegal: return .guidedLegal(procedure: try a.text("procedure"))
        case .assigned: return .assigned(DepartmentCode(try a.text("department")))
        case .handlingStarted: return .handlingStarted
        case .referredToJointMeeting: return .referredToJointMeeting(MeetingID(try a.text("meeting_id")))
        case .jointMeetingDecided:
            return .jointMeetingDecided(
                JointMeetingDecision(
                    meetingID: MeetingID(try a.text("meeting_id")), caseID: caseID, date: try a.date("date"),
                    resolution: try a.choice("resolution", JointMeetingDecision.Resolution.self),
                    leadDepartment: a.optionalText("lead_department").map { DepartmentCode($0) },
                    summary: a.optionalText("summary") ?? ""
                )
            )
        case .extensionApproved: return .extensionApproved(days: try a.integer("days"), reason: try a.text("reason"))
        case .replied:
            return .replied(
                Reply(
                    decision: try a.choice("decision", ReplyDecision.self), documentRef: a.optionalText("document_ref") ?? "",
                    receivedOn: try a.optionalDate("received_on"))
            )
        case .closed: return .closed(try a.choice("outcome", OutcomeCode.self))
        case .evaluated: return .evaluated(try a.choice("rating", Rating.Level.self))
        case .reviewRequested:
            return .reviewRequested(requestedOn: try a.optionalDate("requested_on"), receivedOn: try a.optionalDate("received_on"))
        case .reviewDecided:
            return .reviewDecided(
                try a.choice("result", ReviewResult.self), decidedOn: try a.optionalDate("decided_on"),
                receivedOn: try a.optionalDate("received_on")
            )
        case .reReviewRequested:
            return .reReviewRequested(requestedOn: try a.optionalDate("requested_on"), receivedOn: try a.optionalDate("received_on"))
        case .reReviewDecided:
            return .reReviewDecided(
                try a.choice("result", ReviewResult.self), decidedOn: try a.optionalDate("decided_on"),
                receivedOn: try a.optionalDate("received_on"),
                hearingDays: try a.optionalInteger("hearing_days") ?? 0
            )
        case .finalized: return .finalized
        case .mediationStarted: return .mediationStarted
        case .agreementReached:
            return .agreementReached(
                outcome: try a.choice("outcome", OutcomeCode.self), documentRef: try a.text("document_ref"),
                effectiveOn: try a.optionalDate("effective_on")
            )
        case .judicialConfirmationApplied: return .judicialConfirmationApplied
        case .convertedToPetition: return .convertedToPetition
        case .resolvedOnline: return .resolvedOnline(summary: try a.text("summary"))
        case .escalated: return .escalated
        case .detailsUpdated: return .detailsUpdated(try ValueMapping.details(fields, prefix: "arguments"))
        case .registered, .contactRecorded:
            throw .invalidArgument(field: "type", "\(type) is recorded by its own call, not by ApplyEvent")
        }
    }

    /// An event's arguments as the history shows them; personal data is left out, and every free-text argument
    /// (reasons, destinations, procedures, references, summaries) is masked the way demand text is.
    static func arguments(_ payload: CaseEventPayload) -> [JiefenV1.Field] {
        func date(_ d: CivilDate?) -> JiefenV1.Value.Kind? { d.map { .date($0.description) } }
        func free(_ text: String) -> JiefenV1.Value.Kind? { .text(Masking.freeText(text)) }
        var out: [(String, JiefenV1.Value.Kind?)] = []
        switch payload {
        case .registered(let r):
            out = [
                ("kind", .text(r.kind.rawValue)), ("track", .text(r.track.rawValue)), ("channel", .text(r.channel.rawValue)),
                ("village_code", .text(r.villageCode.rawValue)), ("persons_involved", .integer(Int64(r.personsInvolved))),
            ]
        case .accepted(let noticeOn): out = [("notice_on", date(noticeOn))]
        case .notAccepted(let reason): out = [("reason", free(reason))]
        case .transferredOut(let to, let reason): out = [("to", free(to)), ("reason", free(reason))]
        case .guidedLegal(let procedure): out = [("procedure", free(procedure))]
        case .assigned(let department): out = [("department", .text(department.rawValue))]
        case .referredToJointMeeting(let id): out = [("meeting_id", .text(id.rawValue))]
        case .jointMeetingDecided(let d):
            out = [
                ("meeting_id", .text(d.meetingID.rawValue)), ("date", date(d.date)), ("resolution", .choice(d.resolution.rawValue)),
                ("lead_department", d.leadDepartment.map { .text($0.rawValue) }),
            ]
        case .extensionApproved(let days, let reason): out = [("days", .integer(Int64(days))), ("reason", free(reason))]
        case .replied(let reply):
            out = [
                ("decision", .choice(reply.decision.rawValue)), ("document_ref", free(reply.documentRef)),
                ("received_on", date(reply.receivedOn)),
            ]
        case .closed(let outcome): out = [("outcome", .choice(outcome.rawValue))]
        case .evaluated(let level): out = [("rating", .choice(level.rawValue))]
        case .reviewRequested(let requested, let received), .reReviewRequested(let requested, let received):
            out = [("requested_on", date(requested)), ("received_on", date(received))]
        case .reviewDecided(let result, let decided, let received):
            out = [("result", .choice(result.rawValue)), ("decided_on", date(decided)), ("received_on", date(received))]
        case .reReviewDecided(let result, let decided, let received, let hearing):
            out = [
                ("result", .choice(result.rawValue)), ("decided_on", date(decided)), ("received_on", date(received)),
                ("hearing_days", .integer(Int64(hearing))),
            ]
        case .agreementReached(let outcome, let ref, let effective):
            out = [("outcome", .choice(outcome.rawValue)), ("document_ref", free(ref)), ("effective_on", date(effective))]
        case .resolvedOnline(let summary): out = [("summary", free(summary))]
        case .contactRecorded(let contact):
            out = [
                ("channel", .text(contact.channel.rawValue)), ("headcount", .integer(Int64(contact.headcount))),
                ("follow_up", .flag(contact.isFollowUp)), ("session_id", contact.sessionID.map { .text($0.rawValue) }),
            ]
        case .detailsUpdated(let details): return ValueMapping.fields(details)
        case .handlingStarted, .finalized, .mediationStarted, .judicialConfirmationApplied, .convertedToPetition, .escalated:
            out = []
        }
        return out.compactMap { name, value in value.map { JiefenV1.Field(name, $0) } }
    }
}
