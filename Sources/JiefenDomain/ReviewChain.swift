/// Review (复查, Art. 35) and re-review (复核, Art. 36) by upper-level bodies, recorded as external events.
public struct ReviewChain: Sendable, Hashable, Codable {
    /// The review step, once requested.
    public var review: ReviewStep?
    /// The re-review step, once requested.
    public var reReview: ReviewStep?

    /// Creates a chain.
    public init(review: ReviewStep? = nil, reReview: ReviewStep? = nil) {
        self.review = review
        self.reReview = reReview
    }

    /// The day the re-review opinion was issued, if it was: the same facts are not accepted again after it.
    public var reReviewDecidedOn: CivilDate? { reReview?.decidedOn }
}

/// One review or re-review step.
public struct ReviewStep: Sendable, Hashable, Codable {
    /// The day the petitioner requested it.
    public var requestedOn: CivilDate
    /// The day the reviewing body received the request (its 30-day clock starts here).
    public var requestReceivedOn: CivilDate
    /// The day the reviewing body must issue its opinion.
    public var opinionDueOn: CivilDate
    /// The day the opinion was issued.
    public var decidedOn: CivilDate?
    /// The result.
    public var result: ReviewResult?
    /// The day the petitioner received the opinion (the next window runs from here).
    public var opinionReceivedOn: CivilDate?

    /// Creates a step.
    public init(
        requestedOn: CivilDate, requestReceivedOn: CivilDate, opinionDueOn: CivilDate,
        decidedOn: CivilDate? = nil, result: ReviewResult? = nil, opinionReceivedOn: CivilDate? = nil
    ) {
        self.requestedOn = requestedOn
        self.requestReceivedOn = requestReceivedOn
        self.opinionDueOn = opinionDueOn
        self.decidedOn = decidedOn
        self.result = result
        self.opinionReceivedOn = opinionReceivedOn
    }
}

/// What a review body decided.
public enum ReviewResult: String, Sendable, Hashable, Codable, CaseIterable {
    /// The earlier opinion stands (维持).
    case upheld
    /// The earlier opinion was changed (变更).
    case changed
    /// The earlier opinion was revoked and the matter sent back (撤销).
    case revoked
}
