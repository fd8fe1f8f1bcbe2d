public import JiefenDomain

/// The detail schema of `general-matter` cases and the routing by category.
public enum GeneralMatterSchema {
    /// Values of `category` (the sub-categories of domain.md E.2 footnote 1).
    public static let categories = ["neighbour_family", "roads_water_lighting", "social_security", "sanitation", "other"]

    /// The schema.
    public static let schema = DetailSchema([
        AttributeSpec(
            "category", .enumeration(categories), required: true,
            description: "neighbour_family, roads_water_lighting, social_security, sanitation or other."),
        AttributeSpec("village_group", .text(maxLength: 50), description: "The villager group (组) concerned."),
        AttributeSpec("violence_risk", .bool, description: "A risk that the quarrel turns violent (民转刑风险)."),
        AttributeSpec("summary", .text(maxLength: 500), description: "What is asked, without names or numbers."),
    ])

    /// The department that handles a category first.
    public static func department(for category: String) -> DepartmentCode {
        switch category {
        case "neighbour_family": .judicialOffice
        case "roads_water_lighting": .planningConstructionOffice
        default: .villageCommittee
        }
    }
}
