import ArgumentParser
import Foundation
import JiefenAPI

/// `jiefen case get ID`.
struct GetCase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one case.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Case id, e.g. JF-000001.") var id: String
    @Flag(help: "Show personal data unmasked (audited on the server).") var reveal = false

    func run() async throws {
        let session = try await RPCSession.open(connection)
        defer { Task { await session.close() } }
        let response = try await session.call(Cases.get, JiefenV1.GetCaseRequest(id: id, reveal: reveal))
        print(output.json ? CaseRendering.json(response.case) : CaseRendering.detail(response.case))
    }
}

/// `jiefen case list`.
struct ListCases: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases, newest last, personal data masked.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this kind.") var kind: String?
    @Option(help: "Only this track.") var track: String?
    @Option(help: "Only this status, e.g. ACCEPTED.") var status: String?
    @Option(help: "Only this village code.") var village: String?
    @Option(help: "Registered on or after YYYY-MM-DD.") var from: String?
    @Option(help: "Registered on or before YYYY-MM-DD.") var to: String?
    @Option(help: "Cases per page (1-500).") var pageSize: Int32 = 50
    @Option(help: "Page token from a previous page.") var pageToken: String?
    @Flag(help: "Fetch every page.") var all = false

    func run() async throws {
        var request = JiefenV1.ListCasesRequest()
        request.kind = kind ?? ""
        request.track = track ?? ""
        request.status = status ?? ""
        request.villageCode = village ?? ""
        request.registeredFrom = from ?? ""
        request.registeredTo = to ?? ""
        request.pageSize = pageSize
        request.pageToken = pageToken ?? ""
        let session = try await RPCSession.open(connection)
        defer { Task { await session.close() } }
        var cases: [JiefenV1.Case] = []
        var next = ""
        repeat {
            let page = try await session.call(Cases.list, request)
            cases += page.cases
            next = page.nextPageToken
            request.pageToken = next
        } while all && !next.isEmpty
        if output.json {
            print("[" + cases.map(CaseRendering.json).joined(separator: ",\n") + "]")
        } else {
            print(CaseRendering.table(cases))
            if !next.isEmpty { print("more: --page-token \(next)") }
        }
    }
}

/// `jiefen case apply ID EVENT`.
struct ApplyEvent: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a lifecycle event, e.g. accepted, assigned, handling_started, replied, closed, evaluated.",
        discussion: """
            Arguments are NAME=VALUE (--arg, repeatable); YYYY-MM-DD values are dates, whole numbers integers.
            Event types and their arguments ([optional]):
              accepted [notice_on]                 not_accepted reason
              transferred_out to reason            guided_legal procedure
              assigned department                  handling_started
              referred_to_joint_meeting meeting_id
              joint_meeting_decided meeting_id date resolution(resolved|continue|assign_lead) [lead_department] [summary]
              extension_approved days reason       replied decision(support|explain|not_support|mediation_agreement|settlement_agreement) [document_ref] [received_on]
              closed outcome                       evaluated rating(satisfied|basically_satisfied|dissatisfied)
              review_requested [requested_on] [received_on]
              review_decided result(upheld|changed|revoked) [decided_on] [received_on]
              re_review_requested [requested_on] [received_on]
              re_review_decided result [decided_on] [received_on] [hearing_days]
              finalized   mediation_started   judicial_confirmation_applied   converted_to_petition   escalated
              agreement_reached outcome document_ref [effective_on]
              resolved_online summary
              details_updated NAME=VALUE...        (values typed as text, dates and integers)
            Outcomes: resolved_town, resolved_jm, resolved_dept, resolved_online, guided_legal, not_supported,
            not_accepted, transferred_out.
            """
    )
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Case id.") var id: String
    @Argument(help: "Event type.") var event: String
    @Option(name: .customLong("arg"), help: "Event argument NAME=VALUE, repeatable.") var arguments: [String] = []
    @Option(help: "Fail unless the case is at this version (optimistic check).") var expectedVersion: Int64 = 0
    @Option(help: "When it happened, YYYY-MM-DD (default: now).") var on: String?
    @Option(help: "Who applies it (default: metadata or anonymous).") var actor: String?
    @Option(help: "Idempotency key: running the command again with the same key applies nothing and shows the case.")
    var requestId: String?

    func run() async throws {
        var request = JiefenV1.ApplyEventRequest()
        request.requestID = requestId ?? ""
        request.caseID = id
        request.type = event
        request.arguments = try arguments.map(ValueParsing.argument)
        request.expectedVersion = expectedVersion
        request.actor = actor ?? ""
        if let on {
            guard let seconds = JSONCaseFile.unixSeconds(ofDate: on) else {
                throw ValidationError("--on: \"\(on)\" is not a date YYYY-MM-DD")
            }
            request.occurredAt = seconds + 9 * 3600
        }
        let session = try await RPCSession.open(connection)
        defer { Task { await session.close() } }
        let response = try await session.call(Cases.apply, request)
        print(output.json ? CaseRendering.json(response.case) : CaseRendering.detail(response.case))
    }
}

/// `jiefen case history ID`.
struct CaseHistory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show a case's events.")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Case id.") var id: String

    func run() async throws {
        let session = try await RPCSession.open(connection)
        defer { Task { await session.close() } }
        let response = try await session.call(Cases.history, JiefenV1.CaseHistoryRequest(caseID: id))
        print(output.json ? CaseRendering.json(response.events) : CaseRendering.history(response.events))
    }
}

/// `jiefen case assess ID`.
struct AssessCase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assess", abstract: "Show a case's figures, severity and routing.")
    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "Case id.") var id: String

    func run() async throws {
        let session = try await RPCSession.open(connection)
        defer { Task { await session.close() } }
        let response = try await session.call(Cases.assess, JiefenV1.AssessCaseRequest(caseID: id))
        print("severity: \(response.severity)\nrouting:  \(response.routing)")
        for figure in response.figures { print("  \(figure.label): \(figure.value)") }
        for line in response.advice { print("  advice: \(line)") }
    }
}

/// `jiefen case kinds`.
struct ListKinds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kinds", abstract: "List the dispute kinds the server knows.")
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let session = try await RPCSession.open(connection)
        defer { Task { await session.close() } }
        let response = try await session.call(Kinds.listKinds, JiefenV1.ListKindsRequest())
        for kind in response.kinds {
            print(
                "\(kind.kind.padding(toLength: 22, withPad: " ", startingAt: 0)) \(kind.title) (v\(kind.version), \(kind.attributes.count) attributes)"
            )
        }
    }
}

/// `jiefen case describe KIND`.
struct DescribeKind: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "describe", abstract: "Show a kind's detail schema.")
    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "Dispute kind.") var kind: String

    func run() async throws {
        let session = try await RPCSession.open(connection)
        defer { Task { await session.close() } }
        let schema = try await session.call(Kinds.describeKind, JiefenV1.DescribeKindRequest(kind: kind))
        print("\(schema.kind): \(schema.title) (v\(schema.version))")
        for a in schema.attributes {
            let type = a.type == "list" ? "list of \(a.elementType)" : a.type
            let allowed = a.allowedValues.isEmpty ? "" : " {\(a.allowedValues.joined(separator: ", "))}"
            print(
                "  \(a.required ? "*" : " ") \(a.name) : \(type)\(a.unit.isEmpty ? "" : " [\(a.unit)]")\(allowed)\(a.personal ? " (personal)" : "") — \(a.description)"
            )
        }
        print("  (* required; personal values are masked in lists)")
    }
}
