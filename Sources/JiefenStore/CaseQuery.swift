/// An inclusive range of ISO dates (`YYYY-MM-DD`); either end may be open.
public struct DateRange: Hashable, Sendable {
    /// The first date included, or `nil` for no lower bound.
    public var from: String?
    /// The last date included, or `nil` for no upper bound.
    public var through: String?

    /// Creates a range.
    /// - Parameters:
    ///   - from: The first date included, or `nil`.
    ///   - through: The last date included, or `nil`.
    public init(from: String? = nil, through: String? = nil) {
        self.from = from
        self.through = through
    }

    /// Every date.
    public static let all = DateRange()
}

/// A filter and a page request for ``CaseStore/listCases(_:)``.
///
/// Cases are returned in id order (creation order). Pagination is by keyset: pass the previous page's
/// ``CasePage/nextCursor`` with the same filter to get the next page. Cases created while paging appear at the end
/// and never shift or repeat earlier pages.
public struct CaseQuery: Hashable, Sendable {
    /// The smallest page size a store accepts.
    public static let minimumPageSize = 1
    /// The largest page size a store accepts.
    public static let maximumPageSize = 500

    /// Only cases of this kind, if set.
    public var kind: String?
    /// Only cases on this track, if set.
    public var track: StoredTrack?
    /// Only cases in this state, if set.
    public var state: String?
    /// Only cases of this village, if set.
    public var villageCode: String?
    /// Only cases registered in this range.
    public var registered: DateRange
    /// At most this many cases per page, in ``minimumPageSize``...``maximumPageSize``.
    public var pageSize: Int
    /// The opaque cursor from the previous page, or `nil` for the first page.
    public var cursor: String?

    /// Creates a query. See the properties for the meaning of each parameter.
    public init(
        kind: String? = nil,
        track: StoredTrack? = nil,
        state: String? = nil,
        villageCode: String? = nil,
        registered: DateRange = .all,
        pageSize: Int = 100,
        cursor: String? = nil
    ) {
        self.kind = kind
        self.track = track
        self.state = state
        self.villageCode = villageCode
        self.registered = registered
        self.pageSize = pageSize
        self.cursor = cursor
    }
}

/// One page of ``CaseStore/listCases(_:)``.
public struct CasePage: Hashable, Sendable {
    /// The cases on this page, in id order.
    public var cases: [CaseRecord]
    /// The cursor for the next page, or `nil` if this is the last page.
    public var nextCursor: String?

    /// Creates a page.
    /// - Parameters:
    ///   - cases: The cases on this page.
    ///   - nextCursor: The cursor for the next page, or `nil`.
    public init(cases: [CaseRecord], nextCursor: String?) {
        self.cases = cases
        self.nextCursor = nextCursor
    }
}
