/// The procedure a case follows (domain.md A.2): the formal petition track, the people's-mediation dispute track,
/// or the micro-matter track for small items resolved online.
///
/// A struct rather than an enum so that a track can be added without breaking callers; a store only accepts the
/// tracks declared here.
public struct StoredTrack: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The stored spelling: `petition`, `dispute` or `micro`.
    public let rawValue: String

    /// Creates a track from its stored spelling.
    /// - Parameter rawValue: `petition`, `dispute` or `micro`.
    /// - Returns: `nil` for any other spelling.
    public init?(rawValue: String) {
        guard Self.all.contains(where: { $0.rawValue == rawValue }) else { return nil }
        self.rawValue = rawValue
    }

    private init(known rawValue: String) { self.rawValue = rawValue }

    /// The petition track (信访), with statutory time limits.
    public static let petition = StoredTrack(known: "petition")
    /// The dispute track (矛盾纠纷), handled by mediation.
    public static let dispute = StoredTrack(known: "dispute")
    /// Micro-matters (微事项), reported separately from petition counts.
    public static let micro = StoredTrack(known: "micro")

    /// Every track a store accepts.
    public static let all: [StoredTrack] = [.petition, .dispute, .micro]

    /// The stored spelling.
    public var description: String { self.rawValue }
}
