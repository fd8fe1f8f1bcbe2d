import JiefenAPI
import JiefenDomain
import JiefenStore

// The bounds of each request, checked where the request is mapped into the domain (see ``InputLimits``). Each
// check collects every violation and throws InvalidArgument naming the fields (up to 20).

extension InputBounds {
    mutating func requestID(_ value: String) {
        text(value, "request_id", maximum: InputLimits.requestIDBytes)
    }

    mutating func actor(_ value: String) {
        text(value, "actor", maximum: InputLimits.actorBytes)
    }

    mutating func code(_ value: String, _ field: String) {
        text(value, field, maximum: InputLimits.codeBytes)
    }

    mutating func codes(_ values: [String], _ field: String, maximum: Int) {
        count(values.count, field, maximum: maximum)
        for (index, value) in values.prefix(maximum).enumerated() { code(value, "\(field)[\(index)]") }
    }

    mutating func persons(_ persons: [JiefenV1.Person], _ field: String, maximum: Int) {
        count(persons.count, field, maximum: maximum)
        for (index, person) in persons.prefix(maximum).enumerated() {
            text(person.name, "\(field)[\(index)].name", maximum: InputLimits.nameBytes)
            text(person.idNumber, "\(field)[\(index)].id_number", maximum: InputLimits.idOrPhoneBytes)
            text(person.phone, "\(field)[\(index)].phone", maximum: InputLimits.idOrPhoneBytes)
        }
    }
}

extension JiefenV1.CreateCaseRequest {
    /// Checks every field's size and range.
    func checkBounds(now: Timestamp) throws(DomainError) {
        var check = InputBounds(now: now)
        check.requestID(requestID)
        check.code(kind, "kind")
        check.code(track, "track")
        check.code(channel, "channel")
        check.code(villageCode, "village_code")
        check.persons(petitioners, "petitioners", maximum: InputLimits.petitioners)
        check.persons(representatives, "representatives", maximum: InputLimits.representatives)
        check.integer(Int64(personsInvolved), "persons_involved", in: InputLimits.involved)
        check.integer(Int64(householdsInvolved), "households_involved", in: InputLimits.involved)
        check.codes(vulnerableFlags, "vulnerable_flags", maximum: InputLimits.vulnerabilityFlags)
        check.text(demandText, "demand_text", maximum: InputLimits.freeTextBytes)
        check.fields(details, "details")
        check.instant(receivedAt, "received_at")
        check.integer(Int64(headcount), "headcount", in: InputLimits.headcount)
        check.code(sessionID, "session_id")
        check.actor(actor)
        check.codes(personKeys, "person_keys", maximum: InputLimits.personKeys)
        try check.finish()
    }
}

extension JiefenV1.ApplyEventRequest {
    /// Checks every field's size and range.
    func checkBounds(now: Timestamp) throws(DomainError) {
        var check = InputBounds(now: now)
        check.code(caseID, "case_id")
        check.code(type, "type")
        check.fields(arguments, "arguments")
        for argument in arguments.prefix(InputLimits.fields) {
            switch argument.value.kind {
            case .integer(let days) where ["days", "hearing_days"].contains(argument.name):
                check.integer(days, "arguments.\(argument.name)", in: InputLimits.eventDays)
            case .date(let text) where type != CaseEventKind.detailsUpdated.rawValue:
                // When something happened: not before 1990, not after tomorrow.
                check.date(text, "arguments.\(argument.name)", in: check.eventDates)
            case .text(let text) where argument.name.hasSuffix("_ref"):
                check.text(text, "arguments.\(argument.name)", maximum: InputLimits.referenceBytes)
            case .text(let text) where argument.name.hasSuffix("department") || argument.name.hasSuffix("_id"):
                check.code(text, "arguments.\(argument.name)")
            default: break
            }
        }
        check.integer(expectedVersion, "expected_version", in: InputLimits.version)
        check.instant(occurredAt, "occurred_at")
        check.actor(actor)
        check.requestID(requestID)
        try check.finish()
    }
}

extension JiefenV1.RecordContactRequest {
    /// Checks every field's size and range.
    func checkBounds(now: Timestamp) throws(DomainError) {
        var check = InputBounds(now: now)
        check.code(caseID, "case_id")
        check.code(channel, "channel")
        check.instant(at, "at")
        check.integer(Int64(headcount), "headcount", in: InputLimits.headcount)
        check.code(sessionID, "session_id")
        check.codes(personKeys, "person_keys", maximum: InputLimits.personKeys)
        check.actor(actor)
        check.requestID(requestID)
        try check.finish()
    }
}

extension JiefenV1.Session {
    /// Checks every field's size and range (`Sessions/Create`).
    func checkBounds(now: Timestamp) throws(DomainError) {
        var check = InputBounds(now: now)
        check.code(id, "id")
        check.code(villageCode, "village_code")
        check.date(date, "date", in: InputLimits.detailDates)
        check.code(leadDepartment, "lead_department")
        check.requestID(requestID)
        try check.finish()
    }
}

extension JiefenV1.RecordMeetingRequest {
    /// Checks every field's size and range.
    func checkBounds(now: Timestamp) throws(DomainError) {
        var check = InputBounds(now: now)
        check.codes(caseIDs, "case_ids", maximum: InputLimits.meetingCases)
        check.date(date, "date", in: check.eventDates)
        check.codes(departments, "departments", maximum: InputLimits.meetingDepartments)
        check.text(decision, "decision", maximum: InputLimits.freeTextBytes)
        check.actor(actor)
        check.requestID(requestID)
        try check.finish()
    }
}

extension JiefenV1.ListCasesRequest {
    /// Checks every field's size and range.
    func checkBounds(now: Timestamp) throws(DomainError) {
        var check = InputBounds(now: now)
        check.code(kind, "kind")
        check.code(track, "track")
        check.code(status, "status")
        check.code(villageCode, "village_code")
        check.date(registeredFrom, "registered_from", in: InputLimits.detailDates)
        check.date(registeredTo, "registered_to", in: InputLimits.detailDates)
        check.integer(Int64(pageSize), "page_size", in: 0...Int64(CaseQuery.maximumPageSize))
        check.text(pageToken, "page_token", maximum: InputLimits.referenceBytes)
        try check.finish()
    }
}

extension JiefenV1.ReportRequest {
    /// Checks every field's size and range.
    func checkBounds(now: Timestamp) throws(DomainError) {
        var check = InputBounds(now: now)
        check.date(from, "from", in: InputLimits.detailDates)
        check.date(to, "to", in: InputLimits.detailDates)
        check.date(asOf, "as_of", in: InputLimits.detailDates)
        check.code(channel, "channel")
        check.code(villageCode, "village_code")
        try check.finish()
    }
}

extension JiefenV1.PutBaselineRequest {
    /// Checks every field's size and range; figures must be finite numbers.
    func checkBounds(now: Timestamp) throws(DomainError) {
        var check = InputBounds(now: now)
        check.date(from, "from", in: InputLimits.detailDates)
        check.date(to, "to", in: InputLimits.detailDates)
        let figures = self.figures // built from keys and values on each access: once here
        check.count(figures.count, "figures", maximum: InputLimits.baselineFigures)
        for (name, value) in figures.sorted(by: { $0.key < $1.key }).prefix(InputLimits.baselineFigures) {
            check.code(name, "figures.name")
            if !value.isFinite || abs(value) > InputLimits.baselineFigure {
                check.fail("figures.\(ClientQuote(name))", "\(value) is not a finite number of magnitude at most 1e15")
            }
        }
        try check.finish()
    }
}

extension JiefenV1.ListSessionsRequest {
    /// Checks every field's size and range.
    func checkBounds(now: Timestamp) throws(DomainError) {
        var check = InputBounds(now: now)
        check.date(from, "from", in: InputLimits.detailDates)
        check.date(to, "to", in: InputLimits.detailDates)
        try check.finish()
    }
}

/// Checks a request that names one case or kind by id.
func checkIDBounds(_ id: String, _ field: String) throws(DomainError) {
    try InputBounds.checkText(id, field, maximum: InputLimits.codeBytes)
}
