/// A person on a case (petitioner, representative, party). Personal data: never log it; mask it in lists
/// with ``Masking``.
public struct PersonRef: Sendable, Hashable, Codable {
    /// The person's name.
    public var name: String
    /// The 18-character resident ID number, if known (sensitive; see ``ResidentIDNumber``).
    public var idNumber: String?
    /// A mobile phone number, if known.
    public var phone: String?
    /// A stable key for counting distinct petitioners (e.g. the keyed hash of the ID number); not personal data.
    public var personKey: String?

    /// Creates a person reference.
    public init(name: String, idNumber: String? = nil, phone: String? = nil, personKey: String? = nil) {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.personKey = personKey
    }

    /// Violations of this person's fields, prefixed with `field` (e.g. `petitioners[0].id_number`).
    public func violations(field: String) -> [FieldViolation] {
        var result: [FieldViolation] = []
        if name.trimmingWhitespace().isEmpty {
            result.append(FieldViolation(field: "\(field).name", message: "a name is required"))
        }
        if let id = idNumber, let problem = ResidentIDNumber.problem(with: id) {
            result.append(FieldViolation(field: "\(field).id_number", message: problem))
        }
        if let phone, !Masking.isMobileNumber(phone) {
            result.append(
                FieldViolation(
                    field: "\(field).phone",
                    message: "must be an 11-digit mobile number starting with 1"))
        }
        return result
    }
}

/// A sensitive vulnerability flag (domain.md B, F): shown as a flag icon only, never in logs.
public enum VulnerabilityFlag: String, Sendable, Hashable, Codable, CaseIterable {
    /// Elderly person living alone.
    case elderlyAlone = "elderly_alone"
    /// Minimum-living-allowance (低保) or five-guarantees (五保) household.
    case welfareHousehold = "welfare_household"
    /// Person with a disability.
    case disabled
    /// Minor.
    case minor
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
