/// The shared fields of a new case (domain.md B), carried by its first event.
public struct Registration: Sendable, Hashable, Codable {
    /// The case identifier.
    public var id: CaseID
    /// The dispute kind; its plugin validates ``details``.
    public var kind: DisputeKind
    /// The track.
    public var track: Track
    /// How it came in.
    public var channel: IntakeChannel
    /// The village concerned.
    public var villageCode: VillageCode
    /// Petitioners (at least one on the petition and dispute tracks).
    public var petitioners: [PersonRef]
    /// Elected representatives of a multi-person visit (at most 5, Art. 20 ¶3).
    public var representatives: [PersonRef]
    /// People involved (涉及人数), at least the headcount of any contact.
    public var personsInvolved: Int
    /// Households involved.
    public var householdsInvolved: Int
    /// Sensitive vulnerability flags.
    public var vulnerableFlags: Set<VulnerabilityFlag>
    /// What the petitioner asks for.
    public var demandText: String
    /// Attachment references (file ids, not contents).
    public var attachments: [String]
    /// Kind-specific details.
    public var details: Details
    /// The contact that brought the matter in, if it was a visit or call.
    public var initialContact: Contact?
    /// An earlier case on the same matter, if the screening found one.
    public var relatedCaseID: CaseID?
    /// When the earlier case on the same facts and reasons finished re-review; acceptance is then refused (Art. 36).
    public var priorReReviewDecidedOn: CivilDate?

    /// Creates a registration.
    public init(
        id: CaseID, kind: DisputeKind, track: Track, channel: IntakeChannel, villageCode: VillageCode,
        petitioners: [PersonRef], representatives: [PersonRef] = [], personsInvolved: Int,
        householdsInvolved: Int = 1, vulnerableFlags: Set<VulnerabilityFlag> = [], demandText: String,
        attachments: [String] = [], details: Details = [:], initialContact: Contact? = nil,
        relatedCaseID: CaseID? = nil, priorReReviewDecidedOn: CivilDate? = nil
    ) {
        self.id = id
        self.kind = kind
        self.track = track
        self.channel = channel
        self.villageCode = villageCode
        self.petitioners = petitioners
        self.representatives = representatives
        self.personsInvolved = personsInvolved
        self.householdsInvolved = householdsInvolved
        self.vulnerableFlags = vulnerableFlags
        self.demandText = demandText
        self.attachments = attachments
        self.details = details
        self.initialContact = initialContact
        self.relatedCaseID = relatedCaseID
        self.priorReReviewDecidedOn = priorReReviewDecidedOn
    }

    /// The largest `persons_involved` and `households_involved`: 1,000,000 (far above any town's population).
    public static let maximumInvolved = 1_000_000

    /// Violations of the shared fields (not the details, which the kind's plugin checks).
    public func violations(policy: CollectivePolicy = .standard) -> [FieldViolation] {
        var v: [FieldViolation] = []
        if id.rawValue.trimmingWhitespace().isEmpty { v.append(.init(field: "case_id", message: "is required")) }
        if !kind.isWellFormed {
            v.append(.init(field: "kind", message: "must be lowercase words joined by hyphens, e.g. housing-delivery"))
        }
        if villageCode.rawValue.isEmpty { v.append(.init(field: "village_code", message: "is required")) }
        if track != .micro && petitioners.isEmpty {
            v.append(.init(field: "petitioners", message: "at least one petitioner is required on the \(track) track"))
        }
        for (i, p) in petitioners.enumerated() { v += p.violations(field: "petitioners[\(i)]") }
        if representatives.count > policy.maxRepresentatives {
            v.append(
                .init(
                    field: "representatives",
                    message: "at most \(policy.maxRepresentatives) representatives (Art. 20), got \(representatives.count)"))
        }
        for (i, p) in representatives.enumerated() { v += p.violations(field: "representatives[\(i)]") }
        if personsInvolved < 1 { v.append(.init(field: "persons_involved", message: "must be at least 1")) }
        if personsInvolved > Self.maximumInvolved {
            v.append(.init(field: "persons_involved", message: "must be at most \(Self.maximumInvolved), got \(personsInvolved)"))
        }
        if householdsInvolved < 0 { v.append(.init(field: "households_involved", message: "must not be negative")) }
        if householdsInvolved > Self.maximumInvolved {
            v.append(
                .init(
                    field: "households_involved",
                    message: "must be at most \(Self.maximumInvolved), got \(householdsInvolved)"))
        }
        if demandText.trimmingWhitespace().isEmpty { v.append(.init(field: "demand_text", message: "is required")) }
        if let contact = initialContact {
            v += contact.violations(field: "initial_contact")
            if contact.headcount > personsInvolved {
                v.append(
                    .init(
                        field: "persons_involved",
                        message: "must be at least the contact headcount \(contact.headcount)"))
            }
        }
        return v
    }
}
