import ArgumentParser
import JiefenAPI
import JiefenWire
import NIOCore
import TTRPCCore

/// One connection for a CLI command, with calls that print a readable error and exit 1 on failure.
struct RPCSession {
    let client: TTRPCClient
    let options: ConnectionOptions

    static func open(_ options: ConnectionOptions) async throws -> RPCSession {
        do {
            return RPCSession(client: try await TTRPCClient.connect(to: try options.resolvedAddress()), options: options)
        } catch let error as RPCError {
            printError("\(error.code): \(error.message)")
            throw ExitCode.failure
        }
    }

    /// Calls `service/method` with `request` and decodes the answer as `Response`.
    func call<Response: APIMessage>(
        _ service: String, _ method: String, _ request: some APIMessage, as: Response.Type
    ) async throws -> Response {
        do {
            let payload = try request.encoded()
            let answer = try await client.call(service: service, method: method, payload: payload, timeout: options.callTimeout)
            return try Response(decoding: answer)
        } catch let error as RPCError {
            printError("\(error.code): \(error.message)")
            throw ExitCode.failure
        } catch let error as WireError {
            printError("cannot encode or decode the message: \(error.message)")
            throw ExitCode.failure
        }
    }

    func close() async { await client.close() }
}
