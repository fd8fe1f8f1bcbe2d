import JiefenAPI
import JiefenRequestSamples
import NIOCore
import TTRPCCore
import TTRPCWire
import Testing

/// Extreme values (0, -1, Int32/Int64 limits, UInt limits, huge, infinite and NaN doubles) in every numeric field of
/// a valid request of every method, one field at a time, sent to a real server: each answer must be a status
/// (OK, or an error other than Internal/Unknown), and the server must still answer the next call.
@Suite("Extreme values in every numeric field", .serialized)
struct ExtremeValueTests {
    @Test("the enumeration reaches top-level, nested and repeated numeric fields")
    func enumerationCoversNestedFields() throws {
        let create = try #require(RequestSamples.all().first { $0.method == ServiceMethod.all[0] })
        let paths = Set(try ProtoExtremeValues.mutations(of: create.message, type: create.method.requestType).map(\.path))
        #expect(paths.contains("received_at"))
        #expect(paths.contains("persons_involved"))
        #expect(paths.contains { $0.hasPrefix("details[") && $0.hasSuffix(".value.money_fen") })
        let baseline = try #require(RequestSamples.all().first { $0.method.method == Stats.putBaseline.method })
        let baselinePaths = try ProtoExtremeValues.mutations(of: baseline.message, type: baseline.method.requestType).map(\.path)
        #expect(baselinePaths.contains("values"))
    }

    @Test("every method answers a status and keeps serving", arguments: ServiceMethod.all)
    func extremeValues(_ method: ServiceMethod) async throws {
        var mutated = try ProtoExtremeValues.allRequests().filter { $0.sample.method == method }
            .map { (label: "\($0.sample.name) with \($0.mutation)", payload: $0.payload) }
        if mutated.isEmpty {
            // A request type without numeric fields (e.g. Cases/Get): its valid samples must be served the same way.
            mutated = try RequestSamples.all().filter { $0.method == method }.map { (label: $0.name, payload: try $0.payload()) }
        }
        let requests = mutated
        #expect(!requests.isEmpty, "no sample request for \(method)")
        try await CaseServer.with { server in
            try await Self.seedCases(server)
            for (label, payload) in requests {
                let code = await Self.statusCode(server, method, payload)
                #expect(code != .internal && code != .unknown && code != .unavailable, "\(method) \(label): answered \(code)")
                let after = await Self.statusCode(server, ServiceMethod.all[1], try JiefenV1.GetCaseRequest(id: "JF-000001").encoded())
                #expect(after == .ok, "after \(method) \(label): Cases/Get answered \(after)")
            }
        }
    }

    /// One case of each built-in kind (`JF-000001`…) and a reception session, for the requests that name them.
    static func seedCases(_ server: CaseServer) async throws {
        for sample in RequestSamples.all() where sample.method == ServiceMethod.all[0] || sample.method == ServiceMethod.all[9] {
            _ = try await server.client.call(service: sample.method.service, method: sample.method.method, payload: try sample.payload())
        }
    }

    static func statusCode(_ server: CaseServer, _ method: ServiceMethod, _ payload: ByteBuffer) async -> RPCStatusCode {
        do {
            _ = try await server.client.call(service: method.service, method: method.method, payload: payload, timeout: .seconds(30))
            return .ok
        } catch {
            return error.code
        }
    }
}
