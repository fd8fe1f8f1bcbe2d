import JiefenAPI
import JiefenDomain

/// Builds the wire view of a case, masking personal data unless the caller may see it.
enum CaseMapping {
    /// - Parameter schema: The kind's detail schema; when masking, its personal attributes are masked too.
    static func api(_ state: CaseState, masked: Bool, today: CivilDate, schema: DetailSchema?) -> JiefenV1.Case {
        var message = JiefenV1.Case()
        message.id = state.id.rawValue
        message.kind = state.kind.rawValue
        message.track = state.track.rawValue
        message.status = state.status.rawValue
        message.channel = state.channel.rawValue
        message.villageCode = state.villageCode.rawValue
        message.petitioners = state.petitioners.map { person($0, masked: masked) }
        message.representatives = state.representatives.map { person($0, masked: masked) }
        message.personsInvolved = Int32(clamping: state.personsInvolved)
        message.householdsInvolved = Int32(clamping: state.householdsInvolved)
        // Vulnerability flags are sensitive: lists show only that some exist.
        message.vulnerableFlags =
            masked ? (state.vulnerableFlags.isEmpty ? [] : ["flagged"]) : state.vulnerableFlags.map(\.rawValue).sorted()
        message.demandText = masked ? Masking.freeText(state.demandText) : state.demandText
        message.details = ValueMapping.fields(masked ? maskPersonal(state.details, schema: schema) : state.details)
        message.registeredOn = state.registeredAt.civilDate().description
        message.acceptedOn = state.acceptedOn?.description ?? ""
        message.acceptanceNoticeOn = state.acceptanceNoticeOn?.description ?? ""
        message.assignedDepartment = state.assignedDepartment?.rawValue ?? ""
        message.dueOn = state.dueDate?.description ?? ""
        message.extensionDays = Int32(clamping: state.extension?.days ?? 0)
        message.outcome = state.outcome?.rawValue ?? ""
        message.closedOn = state.closedAt?.civilDate().description ?? ""
        message.rating = state.rating?.level.rawValue ?? ""
        message.jointMeetings = Int32(clamping: state.jointMeetings.count)
        message.contacts = Int32(clamping: state.contacts.count)
        message.personTimes = Int32(clamping: state.personTimes)
        message.version = Int64(state.version)
        message.masked = masked
        message.overdue = state.isOverdue(today: today)
        return message
    }

    /// Masks every attribute the schema marks personal (names as `张*`, 18-character ids as `**…123X`); without a
    /// schema every text value is treated as personal.
    /// Whether attribute `name` is personal: as the schema says, and always without a schema.
    static func isPersonal(_ name: String, in schema: DetailSchema?) -> Bool {
        schema?[name]?.isPersonal ?? true
    }

    static func maskPersonal(_ details: Details, schema: DetailSchema?) -> Details {
        var masked = details
        for name in details.names where isPersonal(name, in: schema) {
            masked.values[name] = details[name].map(maskValue)
        }
        return masked
    }

    private static func maskValue(_ value: DetailValue) -> DetailValue {
        switch value {
        case .text(let text): .text(text.count == 18 ? Masking.idNumber(text) : Masking.name(text))
        case .list(let items): .list(items.map(maskValue))
        default: value
        }
    }

    private static func person(_ person: PersonRef, masked: Bool) -> JiefenV1.Person {
        guard masked else { return JiefenV1.Person(name: person.name, idNumber: person.idNumber ?? "", phone: person.phone ?? "") }
        return JiefenV1.Person(
            name: Masking.name(person.name),
            idNumber: person.idNumber.map(Masking.idNumber) ?? "",
            phone: person.phone.map(Masking.phone) ?? ""
        )
    }
}
