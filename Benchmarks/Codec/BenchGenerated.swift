import JiefenAPI
import NIOCore

/// The generated `JiefenV1` types, on the same messages as the hand-written `BenchMessages`.
struct GeneratedSide: CodecSide {
    let name = "generated"
    let caseMessage = GeneratedMessages.case()

    func encodeRequest() throws -> ByteBuffer { try GeneratedMessages.createCaseRequest().encoded() }

    func decodeCreate(_ bytes: ByteBuffer) throws -> Int {
        let request = try JiefenV1.CreateCaseRequest(decoding: bytes)
        return request.details.count + request.petitioners.count
    }

    func encodeCase() throws -> ByteBuffer { try caseMessage.encoded() }
}

/// A housing-delivery create with the sizes a real request has (two petitioners, a representative, six details
/// including a list), and the case it answers.
enum GeneratedMessages {
    static func field(_ name: String, _ kind: JiefenV1.Value.Kind) -> JiefenV1.Field {
        JiefenV1.Field(name: name, value: JiefenV1.Value(kind: kind))
    }

    static let details: [JiefenV1.Field] = [
        field("project_name", .text("翠湖花园二期")),
        field("contract_delivery_date", .date("2024-06-30")),
        field("households_affected", .integer(126)),
        field("penalty_claimed_fen", .moneyFen(1_250_000)),
        field("floor_area_centimu", .areaCentimu(1520)),
        field(
            "defects",
            .list(
                JiefenV1.ValueList(items: [
                    JiefenV1.Value(kind: .choice("LEAKING")), JiefenV1.Value(kind: .choice("CRACKS")), JiefenV1.Value(kind: .text("电梯未通")),
                ]))),
    ]

    static func createCaseRequest() -> JiefenV1.CreateCaseRequest {
        JiefenV1.CreateCaseRequest(
            requestID: "bench-0001",
            kind: "housing-delivery",
            track: "petition",
            channel: "WALK_IN",
            villageCode: "340181-TY-02",
            petitioners: [
                JiefenV1.Person(name: "张三", idNumber: "340181198001011234", phone: "13800138000"),
                JiefenV1.Person(name: "李四", phone: "13900139000"),
            ],
            representatives: [JiefenV1.Person(name: "王五")],
            personsInvolved: 3,
            householdsInvolved: 126,
            vulnerableFlags: ["elderly"],
            demandText: "逾期交房，要求支付违约金",
            details: details,
            receivedAt: 1_700_000_000,
            headcount: 3,
            actor: "bench",
            personKeys: ["k1", "k2"]
        )
    }

    static func `case`() -> JiefenV1.Case {
        JiefenV1.Case(
            id: "JF-000001",
            kind: "housing-delivery",
            track: "petition",
            status: "ACCEPTED",
            channel: "WALK_IN",
            villageCode: "340181-TY-02",
            petitioners: [JiefenV1.Person(name: "张*", idNumber: "3401**********1234", phone: "138****8000")],
            personsInvolved: 3,
            householdsInvolved: 126,
            vulnerableFlags: ["elderly"],
            demandText: "逾期交房，要求支付违约金",
            details: details,
            registeredOn: "2024-07-01",
            acceptedOn: "2024-07-02",
            acceptanceNoticeOn: "2024-07-03",
            dueOn: "2024-08-30",
            contacts: 1,
            personTimes: 3,
            version: 2,
            masked: true
        )
    }
}
