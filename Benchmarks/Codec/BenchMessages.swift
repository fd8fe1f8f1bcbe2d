import JiefenAPI
import NIOCore

/// The messages the codec benchmark encodes and decodes: a housing-delivery create with the sizes a real
/// request has (two petitioners, a representative, six details including a list), and the case it answers.
enum BenchMessages {
    static let details: [JiefenV1.Field] = [
        JiefenV1.Field("project_name", .text("翠湖花园二期")),
        JiefenV1.Field("contract_delivery_date", .date("2024-06-30")),
        JiefenV1.Field("households_affected", .integer(126)),
        JiefenV1.Field("penalty_claimed_fen", .moneyFen(1_250_000)),
        JiefenV1.Field("floor_area_centimu", .areaCentimu(1520)),
        JiefenV1.Field("defects", .list([.choice("LEAKING"), .choice("CRACKS"), .text("电梯未通")])),
    ]

    static func createCaseRequest() throws -> ByteBuffer {
        var request = JiefenV1.CreateCaseRequest()
        request.requestID = "bench-0001"
        request.kind = "housing-delivery"
        request.track = "petition"
        request.channel = "WALK_IN"
        request.villageCode = "340181-TY-02"
        request.petitioners = [
            JiefenV1.Person(name: "张三", idNumber: "340181198001011234", phone: "13800138000"),
            JiefenV1.Person(name: "李四", phone: "13900139000"),
        ]
        request.representatives = [JiefenV1.Person(name: "王五")]
        request.personsInvolved = 3
        request.householdsInvolved = 126
        request.vulnerableFlags = ["elderly"]
        request.demandText = "逾期交房，要求支付违约金"
        request.details = details
        request.receivedAt = 1_700_000_000
        request.headcount = 3
        request.actor = "bench"
        request.personKeys = ["k1", "k2"]
        return try request.encoded()
    }

    static func decodeCreate(_ bytes: ByteBuffer) throws -> Int {
        let request = try JiefenV1.CreateCaseRequest(decoding: bytes)
        return request.details.count + request.petitioners.count
    }

    static func `case`() -> JiefenV1.Case {
        var message = JiefenV1.Case()
        message.id = "JF-000001"
        message.kind = "housing-delivery"
        message.track = "petition"
        message.status = "ACCEPTED"
        message.channel = "WALK_IN"
        message.villageCode = "340181-TY-02"
        message.petitioners = [JiefenV1.Person(name: "张*", idNumber: "3401**********1234", phone: "138****8000")]
        message.personsInvolved = 3
        message.householdsInvolved = 126
        message.vulnerableFlags = ["elderly"]
        message.demandText = "逾期交房，要求支付违约金"
        message.details = details
        message.registeredOn = "2024-07-01"
        message.acceptedOn = "2024-07-02"
        message.acceptanceNoticeOn = "2024-07-03"
        message.dueOn = "2024-08-30"
        message.contacts = 1
        message.personTimes = 3
        message.version = 2
        message.masked = true
        return message
    }

    static func encodeCase(_ message: JiefenV1.Case) throws -> ByteBuffer { try message.encoded() }
}
