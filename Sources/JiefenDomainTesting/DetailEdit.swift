public import JiefenDomain

/// A change to a plugin's sample details and the field its validation must then name; for table-driven
/// validation tests (`@Test(arguments: [DetailEdit])`).
///
/// ```swift
/// DetailEdit("paid above total", set: ["paid_amount": .money(Money(yuan: 900_000))], expect: "paid_amount")
/// ```
public struct DetailEdit: Sendable, CustomStringConvertible {
    /// What the edit breaks, for test output.
    public var label: String
    /// Values to set.
    public var set: Details
    /// Attributes to remove.
    public var remove: [String]
    /// The field the resulting violation must name.
    public var expectedField: String

    /// Creates an edit.
    public init(_ label: String, set: Details = [:], remove: [String] = [], expect field: String) {
        self.label = label
        self.set = set
        self.remove = remove
        self.expectedField = field
    }

    /// `details` with the edit applied.
    public func applied(to details: Details) -> Details {
        var result = details.merging(set)
        for name in remove { result[name] = nil }
        return result
    }

    /// The label.
    public var description: String { label }
}
