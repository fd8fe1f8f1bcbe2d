import ArgumentParser
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

    /// Calls `method` with `request`; a failure (including a request that cannot be encoded or an answer that
    /// cannot be decoded) prints its status and message and exits 1.
    func call<Request, Response>(_ method: TTRPCMethod<Request, Response>, _ request: Request) async throws -> Response {
        do {
            return try await client.call(method, request, timeout: options.callTimeout)
        } catch {
            printError("\(error.code): \(error.message)")
            throw ExitCode.failure
        }
    }

    func close() async { await client.close() }
}
