package import JiefenAPI
package import JiefenDomain

/// The `Cases/Create` request of a planned case: the kind's sample details with the case's own variation.
package enum ScenarioRequests {
    package static func create(_ planned: PlannedCase, index: Int, sample: [JiefenV1.Field], sessionIDs: [String])
        -> JiefenV1.CreateCaseRequest
    {
        var request = JiefenV1.CreateCaseRequest()
        request.requestID = "tongyang-\(TongyangCalendar.seed)-\(index + 1)"
        request.kind = planned.kind
        request.track = planned.track
        request.channel = planned.channel
        request.villageCode = planned.village
        if planned.track != "micro" { request.petitioners = [JiefenV1.Person(name: "Resident \(index + 1)")] }
        // A visit of five or more elects representatives (at most five, Art. 20).
        if planned.headcount >= 5 {
            request.representatives = (1...5).map { JiefenV1.Person(name: "Representative \(index + 1)-\($0)") }
        }
        request.personsInvolved = Int32(clamping: planned.persons)
        request.householdsInvolved = Int32(clamping: planned.households)
        request.demandText = demand(planned.kind)
        request.details = details(sample, planned.details)
        request.receivedAt = planned.registeredAt.secondsSinceEpoch
        request.headcount = Int32(clamping: planned.headcount)
        request.sessionID = planned.session.flatMap { sessionIDs.indices.contains($0) ? sessionIDs[$0] : nil } ?? ""
        request.personKeys = planned.personKeys
        request.actor = ScenarioDriver.actor
        return request
    }

    /// The request of one timeline step.
    package enum StepRequest {
        /// `Cases/Apply`.
        case apply(JiefenV1.ApplyEventRequest)
        /// `Contacts/Record`.
        case contact(JiefenV1.RecordContactRequest)
    }

    /// The request of `step` on case `caseID` at `at`; meeting and session indexes are turned into ids.
    package static func step(
        _ step: PlannedStep, caseID: String, at: Timestamp, meetingID: (Int) -> String,
        sessionID: (Int) -> String?
    ) -> StepRequest {
        func apply(_ type: String, _ arguments: [JiefenV1.Field]) -> StepRequest {
            var request = JiefenV1.ApplyEventRequest()
            request.caseID = caseID
            request.type = type
            request.arguments = arguments
            request.occurredAt = at.secondsSinceEpoch
            request.actor = ScenarioDriver.actor
            return .apply(request)
        }
        switch step.action {
        case .contact(let channel, let headcount, let session, let keys):
            var request = JiefenV1.RecordContactRequest()
            request.caseID = caseID
            request.channel = channel
            request.at = at.secondsSinceEpoch
            request.headcount = Int32(clamping: headcount)
            request.sessionID = session.flatMap(sessionID) ?? ""
            request.personKeys = keys
            request.actor = ScenarioDriver.actor
            return .contact(request)
        case .event(let type, let arguments):
            return apply(type, arguments)
        case .refer(let m):
            return apply("referred_to_joint_meeting", [JiefenV1.Field("meeting_id", .text(meetingID(m)))])
        case .decide(let m, let resolution, let lead):
            return apply(
                "joint_meeting_decided",
                [
                    JiefenV1.Field("meeting_id", .text(meetingID(m))),
                    JiefenV1.Field("date", .date(TongyangCalendar.meetings[m].description)),
                    JiefenV1.Field("resolution", .choice(resolution)), JiefenV1.Field("lead_department", .text(lead)),
                ])
        }
    }

    package static func demand(_ kind: String) -> String {
        switch kind {
        case TongyangPlanner.housing: "Asks for delivery of the flats and the agreed late-delivery penalty."
        case TongyangPlanner.land: "Asks the transferee to pay the land-transfer rent in arrears."
        case TongyangPlanner.agri: "Asks for compensation for crop damage."
        default: "Asks the town to settle an everyday livelihood matter."
        }
    }

    package static func details(_ sample: [JiefenV1.Field], _ variant: DetailVariant) -> [JiefenV1.Field] {
        var fields = sample
        func set(_ name: String, _ value: JiefenV1.Value.Kind) {
            if let i = fields.firstIndex(where: { $0.name == name }) {
                fields[i].value = JiefenV1.Value(kind: value)
            } else {
                fields.append(JiefenV1.Field(name, value))
            }
        }
        switch variant {
        case .housing(let households):
            set("households_affected", .integer(Int64(households)))
            set("households_represented", .integer(Int64(households)))
        case .landRent(let households):
            set("transferors", .list(of: (1...max(1, households)).map { .text("household \($0)") }))
        case .agricultural(let applied, let observed):
            set("application_date", .date(applied.description))
            set("symptom_observed_date", .date(observed.description))
        case .general(let category):
            fields = [JiefenV1.Field("category", .choice(category))]
        }
        return fields
    }
}
