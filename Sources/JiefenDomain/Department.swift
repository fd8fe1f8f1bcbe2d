/// A body a case can be routed to. A struct over a code so new departments need no new release.
public struct DepartmentCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code text, e.g. `agricultural-service-station`.
    public var rawValue: String
    /// Creates a code.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates a code from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The code text.
    public var description: String { rawValue }
    /// Orders codes by their text.
    public static func < (lhs: DepartmentCode, rhs: DepartmentCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Town petition office (镇信访办): registers, accepts, assigns, tracks deadlines.
    public static let townPetitionOffice: DepartmentCode = "town-petition-office"
    /// Town rural-economy / land-contract management office (农经站/土地流转管理).
    public static let ruralEconomyOffice: DepartmentCode = "rural-economy-office"
    /// Town agricultural service station (农业服务站).
    public static let agriculturalServiceStation: DepartmentCode = "agricultural-service-station"
    /// Town judicial office (司法所).
    public static let judicialOffice: DepartmentCode = "judicial-office"
    /// Police station (派出所).
    public static let policeStation: DepartmentCode = "police-station"
    /// Town planning and construction office (规划建设办).
    public static let planningConstructionOffice: DepartmentCode = "planning-construction-office"
    /// Village committee and its people's mediation committee (村委会/村人民调解委员会).
    public static let villageCommittee: DepartmentCode = "village-committee"
    /// The petition joint meeting (信访工作联席会议).
    public static let jointMeeting: DepartmentCode = "joint-meeting"
    /// City housing authority (房产中心/住建).
    public static let cityHousingCentre: DepartmentCode = "city-housing-centre"
    /// Market regulation (市场监管).
    public static let marketRegulation: DepartmentCode = "market-regulation"
    /// County/city agriculture bureau (plant protection, seed management stations).
    public static let agricultureBureau: DepartmentCode = "agriculture-bureau"
    /// Rural land-contract arbitration commission (农村土地承包仲裁委员会).
    public static let landArbitrationCommission: DepartmentCode = "land-arbitration-commission"
    /// The courts.
    public static let court: DepartmentCode = "court"
}
