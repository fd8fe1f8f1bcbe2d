import Foundation
import HousingDeliveryPlugin
import JiefenAPI
import JiefenDomain
import JiefenServices
import NIOCore
import Synchronization
import TTRPCCore
import Testing

/// The real server binary, killed with SIGKILL in the middle of a stream of creates, loses none it acknowledged.
@Suite("end to end: jiefend process", .serialized)
struct CrashDurabilityTests {
    static func request(_ id: String) -> JiefenV1.CreateCaseRequest {
        var request = JiefenV1.CreateCaseRequest()
        request.requestID = id
        request.kind = "housing-delivery"
        request.track = "petition"
        request.channel = "WALK_IN"
        request.villageCode = "340181-TY-02"
        request.petitioners = [JiefenV1.Person(name: "张三")]
        request.personsInvolved = 3
        request.demandText = "逾期交房"
        let sample = HousingDeliveryPlugin().sampleDetails
        request.details = sample.names.map { JiefenV1.Field(name: $0, value: JiefenV1.Value(sample[$0]!)) }
        return request
    }

    @Test func acknowledgedCreatesSurviveSIGKILL() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jiefen-e2e-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let server = try ServerProcess(dataDirectory: directory)
        let client = try await server.waitUntilServing()
        let acknowledged = Acknowledged()
        let pid = server.process.processIdentifier
        // Eight callers create as fast as they can; the server is killed while they are running.
        await withTaskGroup(of: Void.self) { group in
            for caller in 0..<8 {
                group.addTask {
                    var index = caller
                    while index < 100_000 {
                        let payload = try? Self.request("crash-\(index)").encoded()
                        guard let payload,
                            let answer = try? await client.call(
                                service: Cases.create.service, method: Cases.create.method, payload: payload),
                            let response = try? JiefenV1.CreateCaseResponse(decoding: answer)
                        else { return } // the server died: stop this caller
                        acknowledged.map.withLock { $0["crash-\(index)"] = response.case.id }
                        index += 8
                    }
                }
            }
            group.addTask {
                while acknowledged.map.withLock({ $0.count }) < 150 { try? await Task.sleep(for: .milliseconds(5)) }
                kill(pid, SIGKILL)
            }
            await group.waitForAll()
        }
        server.process.waitUntilExit()
        await client.close()
        let before = acknowledged.map.withLock { $0 }
        #expect(before.count >= 150)

        let restarted = try ServerProcess(dataDirectory: directory)
        let again = try await restarted.waitUntilServing()
        for (requestID, caseID) in before {
            let answer = try JiefenV1.CreateCaseResponse(
                decoding: try await again.call(
                    service: Cases.create.service, method: Cases.create.method, payload: try Self.request(requestID).encoded()
                ))
            #expect(!answer.created, "acknowledged create \(requestID) was lost")
            #expect(answer.case.id == caseID)
        }
        await again.close()
        #expect(restarted.terminate() == 0)
    }

    @Test func sigtermStopsTheServerCleanlyWithExitZero() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jiefen-e2e-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServerProcess(dataDirectory: directory)
        let client = try await server.waitUntilServing()
        let created = try JiefenV1.CreateCaseResponse(
            decoding: try await client.call(
                service: Cases.create.service, method: Cases.create.method, payload: try Self.request("term-1").encoded()
            ))
        await client.close()
        #expect(server.terminate() == 0)
        let restarted = try ServerProcess(dataDirectory: directory)
        let again = try await restarted.waitUntilServing()
        let fetched = try JiefenV1.ApplyEventResponse(
            decoding: try await again.call(
                service: Cases.get.service, method: Cases.get.method, payload: try JiefenV1.GetCaseRequest(id: created.case.id).encoded()
            ))
        #expect(fetched.case.id == created.case.id)
        await again.close()
        #expect(restarted.terminate() == 0)
    }
}

/// Creates the server acknowledged, by request id, shared by the callers.
final class Acknowledged: Sendable {
    let map = Mutex<[String: String]>([:])
}
