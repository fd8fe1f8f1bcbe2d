import ArgumentParser
import Foundation
import JiefenAPI

/// `jiefen case open`: register a case of any kind; details are typed with the kind's schema from the server.
struct OpenCase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Register a new case.",
        discussion: """
            Details are NAME=VALUE pairs (--detail, repeatable) or a JSON file (--json-file) holding \
            {"details": {"NAME": VALUE, ...}} and optionally any other field (kind, track, channel, village_code, \
            demand_text, persons_involved, households_involved, petitioners: [{"name", "id_number", "phone"}]). \
            Values are typed with the kind's schema, fetched from the server (see `jiefen case describe KIND`): \
            money in yuan, areas in mu, dates YYYY-MM-DD. A retried --request-id returns the case it created.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Dispute kind, e.g. housing-delivery, land-lease-arrears, agricultural-claim.") var kind: String?
    @Option(help: "petition, dispute or micro.") var track = "petition"
    @Option(help: "Intake channel, e.g. VILLAGE_RECEPTION, WALK_IN, HOTLINE.") var channel = "WALK_IN"
    @Option(name: .customLong("village"), help: "Village code.") var villageCode: String?
    @Option(name: .customLong("petitioner"), help: "Petitioner NAME[,ID_NUMBER[,PHONE]], repeatable.") var petitioners: [String] = []
    @Option(help: "Number of persons involved.") var persons: Int32?
    @Option(help: "Number of households involved.") var households: Int32?
    @Option(help: "What the petitioner asks for.") var demand: String?
    @Option(name: .customLong("detail"), help: "Detail NAME=VALUE, repeatable.") var details: [String] = []
    @Option(help: "JSON file with details and other fields.") var jsonFile: String?
    @Option(help: "Idempotency key; a retry with the same key returns the same case. (default: random)") var requestId: String?
    @Option(help: "People present at this first visit (0: no visit recorded).") var headcount: Int32 = 0
    @Option(help: "Date received, YYYY-MM-DD (default: now).") var receivedOn: String?

    func run() async throws {
        var request = JiefenV1.CreateCaseRequest()
        request.requestID = requestId ?? UUID().uuidString
        request.track = track
        request.channel = channel
        request.headcount = headcount
        var jsonDetails: [String: Any] = [:]
        if let jsonFile {
            guard let data = FileManager.default.contents(atPath: jsonFile),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { throw ValidationError("--json-file: \(jsonFile) is not a readable JSON object") }
            try JSONCaseFile.apply(object, to: &request)
            jsonDetails = object["details"] as? [String: Any] ?? [:]
        }
        if let kind { request.kind = kind }
        if let villageCode { request.villageCode = villageCode }
        if let persons { request.personsInvolved = persons }
        if let households { request.householdsInvolved = households }
        if let demand { request.demandText = demand }
        request.petitioners += petitioners.map { text in
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return JiefenV1.Person(name: parts[0], idNumber: parts.count > 1 ? parts[1] : "", phone: parts.count > 2 ? parts[2] : "")
        }
        if let receivedOn {
            guard let seconds = JSONCaseFile.unixSeconds(ofDate: receivedOn) else {
                throw ValidationError("--received-on: \"\(receivedOn)\" is not a date YYYY-MM-DD")
            }
            request.receivedAt = seconds
        }
        guard !request.kind.isEmpty else { throw ValidationError("--kind is required (or \"kind\" in --json-file)") }

        let session = try await RPCSession.open(connection)
        defer { Task { await session.close() } }
        let schema = try await session.call(Kinds.describeKind, JiefenV1.DescribeKindRequest(kind: request.kind))
        var typed: [JiefenV1.Field] = []
        var given: [(String, String)] = jsonDetails.map { ($0.key, JSONCaseFile.text($0.value)) }
        for entry in details {
            guard let equals = entry.firstIndex(of: "=") else { throw ValidationError("--detail: \"\(entry)\" must be NAME=VALUE") }
            given.append((String(entry[..<equals]), String(entry[entry.index(after: equals)...])))
        }
        for (name, text) in given.sorted(by: { $0.0 < $1.0 }) {
            guard let attribute = schema.attributes.first(where: { $0.name == name }) else {
                throw ValidationError("detail \(name) is not an attribute of \(request.kind); see jiefen case describe \(request.kind)")
            }
            typed.append(JiefenV1.Field(name, try ValueParsing.value(text, for: attribute)))
        }
        request.details = typed
        let response = try await session.call(Cases.create, request)
        if output.json {
            print(CaseRendering.json(response.case))
        } else {
            print(response.created ? "created \(response.case.id)" : "already created by this request id: \(response.case.id)")
            print(CaseRendering.detail(response.case))
        }
    }
}
