import JiefenAPI
import JiefenDomain

/// The `Cases/Create` request of a planned case: the kind's sample details with the case's own variation.
enum ScenarioRequests {
    static func create(_ planned: PlannedCase, index: Int, sample: [APIField], sessionIDs: [String]) -> CreateCaseRequest {
        var request = CreateCaseRequest()
        request.requestID = "tongyang-\(TongyangCalendar.seed)-\(index + 1)"
        request.kind = planned.kind
        request.track = planned.track
        request.channel = planned.channel
        request.villageCode = planned.village
        if planned.track != "micro" { request.petitioners = [APIPerson(name: "Resident \(index + 1)")] }
        // A visit of five or more elects representatives (at most five, Art. 20).
        if planned.headcount >= 5 {
            request.representatives = (1...5).map { APIPerson(name: "Representative \(index + 1)-\($0)") }
        }
        request.personsInvolved = planned.persons
        request.householdsInvolved = planned.households
        request.demandText = demand(planned.kind)
        request.details = details(sample, planned.details)
        request.receivedAt = planned.registeredAt.secondsSinceEpoch
        request.headcount = planned.headcount
        request.sessionID = planned.session.map { sessionIDs[$0] } ?? ""
        request.personKeys = planned.personKeys
        request.actor = ScenarioDriver.actor
        return request
    }

    static func demand(_ kind: String) -> String {
        switch kind {
        case TongyangPlanner.housing: "Asks for delivery of the flats and the agreed late-delivery penalty."
        case TongyangPlanner.land: "Asks the transferee to pay the land-transfer rent in arrears."
        case TongyangPlanner.agri: "Asks for compensation for crop damage."
        default: "Asks the town to settle an everyday livelihood matter."
        }
    }

    static func details(_ sample: [APIField], _ variant: DetailVariant) -> [APIField] {
        var fields = sample
        func set(_ name: String, _ value: APIValue) {
            if let i = fields.firstIndex(where: { $0.name == name }) { fields[i].value = value } else { fields.append(APIField(name, value)) }
        }
        switch variant {
        case .housing(let households):
            set("households_affected", .integer(Int64(households)))
            set("households_represented", .integer(Int64(households)))
        case .landRent(let households):
            set("transferors", .list((1...max(1, households)).map { .text("household \($0)") }))
        case .agricultural(let applied, let observed):
            set("application_date", .date(applied.description))
            set("symptom_observed_date", .date(observed.description))
        case .general(let category):
            fields = [APIField("category", .choice(category))]
        }
        return fields
    }
}
