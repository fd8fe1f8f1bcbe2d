import Foundation
import HousingDeliveryPlugin
import JiefenAPI
import JiefenDomain
import JiefenSQLiteStore
import JiefenServerTesting
import JiefenServices
import TTRPCCore

/// A real server composed as jiefend composes it (``JiefendUnderTest``), and a real client connected to it.
struct CaseServer {
    let client: TTRPCClient
    /// The store behind the server, for tests that reach below the API.
    let store: SQLiteCaseStore
    /// The services' environment.
    let environment: CaseServiceEnvironment

    /// Runs `body` against a fresh ``JiefendUnderTest`` with a client connected to it.
    static func with<R: Sendable>(_ body: @Sendable (CaseServer) async throws -> R) async throws -> R {
        try await JiefendUnderTest.with { server in
            let client = try await server.connect()
            let outcome = await Result(catching: {
                try await body(CaseServer(client: client, store: server.store, environment: server.environment))
            })
            await client.close()
            return try outcome.get()
        }
    }

    func call<Request, Response>(_ method: TTRPCMethod<Request, Response>, _ request: Request) async throws -> Response {
        try await client.call(method, request)
    }

    func create(_ request: JiefenV1.CreateCaseRequest) async throws -> JiefenV1.CreateCaseResponse {
        try await call(Cases.create, request)
    }

    func apply(_ id: String, _ type: String, _ arguments: [JiefenV1.Field] = [], on date: String? = nil, expectedVersion: Int64 = 0)
        async throws -> JiefenV1.Case
    {
        var request = JiefenV1.ApplyEventRequest()
        request.caseID = id
        request.type = type
        request.arguments = arguments
        request.expectedVersion = expectedVersion
        if let date { request.occurredAt = Fixtures.seconds(date) }
        return try await call(Cases.apply, request).case
    }
}

/// Requests with valid details for each built-in kind, built from the plugins' own samples.
enum Fixtures {
    static func seconds(_ date: String, hour: Int = 9) -> Int64 {
        Timestamp(date: CivilDate(iso: date)!, hour: hour).secondsSinceEpoch
    }

    static func housingCase(requestID: String = UUID().uuidString, on date: String = "2023-01-08") -> JiefenV1.CreateCaseRequest {
        var request = JiefenV1.CreateCaseRequest()
        request.requestID = requestID
        request.kind = "housing-delivery"
        request.track = "petition"
        request.channel = "VILLAGE_RECEPTION"
        request.villageCode = "340181-TY-01"
        request.petitioners = [JiefenV1.Person(name: "张三", idNumber: "11010519491231002X", phone: "13800138000")]
        request.personsInvolved = 12
        request.householdsInvolved = 12
        request.demandText = "交房延期，要求按合同支付违约金"
        request.details = HousingDeliveryPlugin().sampleDetails.names.map { name in
            JiefenV1.Field(name: name, value: JiefenV1.Value(HousingDeliveryPlugin().sampleDetails[name]!))
        }
        request.receivedAt = seconds(date)
        request.headcount = 6
        return request
    }
}

extension Result where Failure == any Error {
    /// Captures the outcome of an async throwing body.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
