import ArgumentParser
import Foundation
import NIOCore
import TTRPCCore
import TTRPCWire

/// `jiefen call SERVICE METHOD`: one raw unary call, printing the status and the payload.
struct Call: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Perform one raw unary call and print its status and payload.",
        discussion: """
            The payload is empty unless --data, --data-hex or --data-file gives it. Known responses \
            (grpc.health.v1.Health/Check, jiefen.v1.Server/ListServices) are decoded; others are printed as text \
            when they are printable UTF-8, else as hex. Exit code 0 for OK, 1 for any other status or failure.
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Fully qualified service name, e.g. grpc.health.v1.Health.")
    var service: String

    @Argument(help: "Method name, e.g. Check.")
    var method: String

    @Option(name: .long, help: "Payload as UTF-8 text.")
    var data: String?

    @Option(name: .long, help: "Payload as hex digits.")
    var dataHex: String?

    @Option(name: .long, help: "Payload read from a file.")
    var dataFile: String?

    @Option(name: [.customShort("m"), .long], help: "Metadata KEY=VALUE, repeatable.")
    var metadata: [String] = []

    @Flag(name: .long, help: "Print the payload as hex even when it is decodable or printable.")
    var hex = false

    func validate() throws {
        let sources = [data != nil, dataHex != nil, dataFile != nil].filter { $0 }.count
        guard sources <= 1 else { throw ValidationError("give at most one of --data, --data-hex, --data-file") }
        if let dataHex, PayloadFormatting.bytes(fromHex: dataHex) == nil {
            throw ValidationError("--data-hex: \"\(dataHex)\" is not an even number of hex digits")
        }
        _ = try PayloadFormatting.metadata(metadata)
    }

    func run() async throws {
        let payload = try makePayload()
        let entries = try PayloadFormatting.metadata(metadata)
        let client = try await TTRPCClient.connect(to: try connection.resolvedAddress())
        let response: TTRPCResponse
        do {
            response = try await client.callForResponse(
                service: service, method: method, payload: payload, metadata: entries, timeout: connection.callTimeout
            )
        } catch {
            await client.close()
            printError("\(error.code): \(error.message)")
            throw ExitCode.failure
        }
        await client.close()
        let code = RPCStatusCode(rawValue: response.code)
        print("status: \(code) (\(code.rawValue))\(response.status.map { $0.message.isEmpty ? "" : " \($0.message)" } ?? "")")
        if response.payload.readableBytes > 0 || code == .ok {
            print(PayloadFormatting.describe(response.payload, service: service, method: method, forceHex: hex))
        }
        if code != .ok { throw ExitCode.failure }
    }

    private func makePayload() throws -> ByteBuffer {
        if let data { return ByteBuffer(string: data) }
        if let dataHex, let bytes = PayloadFormatting.bytes(fromHex: dataHex) { return ByteBuffer(bytes: bytes) }
        if let dataFile { return try PayloadFormatting.contents(ofFile: dataFile) }
        return ByteBuffer()
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
