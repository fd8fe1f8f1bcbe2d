// The hand-written codec's side of jiefen-bench-codec (CreateCaseRequest, APICase). Self-contained: delete this
// file together with the hand-written types; main.swift then measures the generated types and raw protobuf-c only.
import JiefenAPI
import NIOCore

extension CodecSides {
    /// Shadows the `nil` default in main.swift while this file exists.
    static var handWritten: (any CodecSide)? { HandWrittenSide() }
}

/// The hand-written types (`CreateCaseRequest`, `APICase`), on the same messages as `BenchGenerated.swift`.
struct HandWrittenSide: CodecSide {
    let name = "hand-written"
    let caseMessage = BenchMessages.case()

    func encodeRequest() throws -> ByteBuffer { try BenchMessages.createCaseRequest() }
    func decodeCreate(_ bytes: ByteBuffer) throws -> Int { try BenchMessages.decodeCreate(bytes) }
    func encodeCase() throws -> ByteBuffer { try BenchMessages.encodeCase(caseMessage) }
}

/// The messages the codec benchmark encodes and decodes: a housing-delivery create with the sizes a real
/// request has (two petitioners, a representative, six details including a list), and the case it answers.
enum BenchMessages {
    static let details: [APIField] = [
        APIField("project_name", .text("翠湖花园二期")),
        APIField("contract_delivery_date", .date("2024-06-30")),
        APIField("households_affected", .integer(126)),
        APIField("penalty_claimed_fen", .moneyFen(1_250_000)),
        APIField("floor_area_centimu", .areaCentimu(1520)),
        APIField("defects", .list([.choice("LEAKING"), .choice("CRACKS"), .text("电梯未通")])),
    ]

    static func createCaseRequest() throws -> ByteBuffer {
        var request = CreateCaseRequest()
        request.requestID = "bench-0001"
        request.kind = "housing-delivery"
        request.track = "petition"
        request.channel = "WALK_IN"
        request.villageCode = "340181-TY-02"
        request.petitioners = [
            APIPerson(name: "张三", idNumber: "340181198001011234", phone: "13800138000"),
            APIPerson(name: "李四", phone: "13900139000"),
        ]
        request.representatives = [APIPerson(name: "王五")]
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
        let request = try CreateCaseRequest(decoding: bytes)
        return request.details.count + request.petitioners.count
    }

    static func `case`() -> APICase {
        var message = APICase()
        message.id = "JF-000001"
        message.kind = "housing-delivery"
        message.track = "petition"
        message.status = "ACCEPTED"
        message.channel = "WALK_IN"
        message.villageCode = "340181-TY-02"
        message.petitioners = [APIPerson(name: "张*", idNumber: "3401**********1234", phone: "138****8000")]
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

    static func encodeCase(_ message: APICase) throws -> ByteBuffer { try message.encoded() }
}
