import JiefenAPI
import JiefenDomain

/// Turns a `JiefenV1.CreateCaseRequest` into a domain registration, collecting every field problem at once.
enum RegistrationMapping {
    /// The id a case carries before the store assigns its own.
    static let pendingID = "JF-PENDING"

    static func registration(_ request: JiefenV1.CreateCaseRequest, receivedAt: Timestamp) throws(DomainError) -> Registration {
        var violations: [FieldViolation] = []
        func choice<T: RawRepresentable & CaseIterable>(_ raw: String, _ field: String, _ type: T.Type) -> T?
        where T.RawValue == String {
            if let value = T(rawValue: raw) { return value }
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            violations.append(
                FieldViolation(field: field, message: raw.isEmpty ? "required; one of \(allowed)" : "\"\(raw)\" is not one of \(allowed)")
            )
            return nil
        }
        let track = choice(request.track, "track", Track.self)
        let channel = IntakeChannel.parse(request.channel)
        if channel == nil {
            violations.append(FieldViolation(field: "channel", message: IntakeChannel.problem(request.channel)))
        }
        var flags: Set<VulnerabilityFlag> = []
        for (index, raw) in request.vulnerableFlags.enumerated() {
            if let flag = choice(raw, "vulnerable_flags[\(index)]", VulnerabilityFlag.self) { flags.insert(flag) }
        }
        var details = Details()
        do {
            details = try ValueMapping.details(request.details)
        } catch {
            violations += error.violations
        }
        if request.kind.isEmpty { violations.append(FieldViolation(field: "kind", message: "required")) }
        guard violations.isEmpty, let track, let channel else { throw .invalidArgument(violations) }
        let person = { (p: JiefenV1.Person) in
            PersonRef(name: p.name, idNumber: p.idNumber.isEmpty ? nil : p.idNumber, phone: p.phone.isEmpty ? nil : p.phone)
        }
        var contact: Contact?
        if request.headcount > 0 {
            contact = Contact(
                id: ContactID("first"), channel: channel, at: receivedAt, headcount: Int(request.headcount),
                sessionID: request.sessionID.isEmpty ? nil : MeetingID(request.sessionID), personKeys: request.personKeys
            )
        }
        return Registration(
            // The store assigns the real id when it saves the case; until then the case carries this placeholder,
            // which is what the stored registration event keeps (the case row's id is authoritative).
            id: CaseID(pendingID),
            kind: DisputeKind(request.kind),
            track: track,
            channel: channel,
            villageCode: VillageCode(request.villageCode),
            petitioners: request.petitioners.map(person),
            representatives: request.representatives.map(person),
            personsInvolved: Int(request.personsInvolved),
            householdsInvolved: request.householdsInvolved == 0 ? 1 : Int(request.householdsInvolved),
            vulnerableFlags: flags,
            demandText: request.demandText,
            details: details,
            initialContact: contact
        )
    }
}

extension IntakeChannel {
    /// The known channel spelled `raw`, or `nil`.
    static func parse(_ raw: String) -> IntakeChannel? {
        known.first { $0.rawValue == raw }
    }

    /// Why `raw` is not a channel, naming the known ones.
    static func problem(_ raw: String) -> String {
        let allowed = known.map(\.rawValue).joined(separator: ", ")
        return raw.isEmpty ? "required; one of \(allowed)" : "\"\(raw)\" is not one of \(allowed)"
    }
}
