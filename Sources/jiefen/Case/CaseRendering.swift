import Foundation
import JiefenAPI

/// How the case commands print cases: aligned tables for people, JSON for scripts.
enum CaseRendering {
    static func table(_ cases: [JiefenV1.Case]) -> String {
        let header = ["ID", "KIND", "TRACK", "STATUS", "VILLAGE", "REGISTERED", "DUE", "PETITIONERS", "V"]
        let rows = cases.map { c in
            [
                c.id, c.kind, c.track, c.status + (c.overdue ? "!" : ""), c.villageCode, c.registeredOn, c.dueOn,
                c.petitioners.map(\.name).joined(separator: ","), String(c.version),
            ]
        }
        return align([header] + rows) + "\n(\(cases.count) case\(cases.count == 1 ? "" : "s"); ! = overdue; names masked)"
    }

    static func detail(_ c: JiefenV1.Case) -> String {
        var lines: [(String, String)] = [
            ("id", c.id), ("kind", c.kind), ("track", c.track), ("status", c.status), ("channel", c.channel),
            ("village", c.villageCode), ("registered on", c.registeredOn),
            (
                "petitioners",
                c.petitioners.map { p in [p.name, p.idNumber, p.phone].filter { !$0.isEmpty }.joined(separator: " ") }.joined(
                    separator: "; ")
            ),
            ("persons / households", "\(c.personsInvolved) / \(c.householdsInvolved)"),
            ("demand", c.demandText),
        ]
        for (label, value) in [
            ("accepted on", c.acceptedOn), ("notice on", c.acceptanceNoticeOn), ("department", c.assignedDepartment),
            ("due on", c.dueOn + (c.overdue ? " (overdue)" : "")), ("outcome", c.outcome), ("closed on", c.closedOn),
            ("rating", c.rating),
        ] where !value.isEmpty && value != " (overdue)" {
            lines.append((label, value))
        }
        if c.extensionDays > 0 { lines.append(("extension", "\(c.extensionDays) days")) }
        lines.append(("contacts", "\(c.contacts) batches, \(c.personTimes) person-times"))
        lines.append(("version", "\(c.version)\(c.masked ? " (personal data masked)" : "")"))
        for field in c.details { lines.append(("  \(field.name)", field.value.description)) }
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }

    static func history(_ events: [JiefenV1.CaseEvent]) -> String {
        let rows = events.map { e in
            [String(e.sequence), e.type, e.actor, date(e.occurredAt), e.arguments.map { "\($0.name)=\($0.value)" }.joined(separator: " ")]
        }
        return align([["#", "EVENT", "ACTOR", "AT", "ARGUMENTS"]] + rows)
    }

    static func json(_ c: JiefenV1.Case) -> String {
        var object: [String: Any] = [
            "id": c.id, "kind": c.kind, "track": c.track, "status": c.status, "channel": c.channel, "village_code": c.villageCode,
            "registered_on": c.registeredOn, "persons_involved": c.personsInvolved, "households_involved": c.householdsInvolved,
            "demand_text": c.demandText, "version": c.version, "masked": c.masked, "overdue": c.overdue,
            "petitioners": c.petitioners.map { ["name": $0.name, "id_number": $0.idNumber, "phone": $0.phone] },
            "contacts": c.contacts, "person_times": c.personTimes,
            "details": Dictionary(uniqueKeysWithValues: c.details.map { ($0.name, jsonValue($0.value)) }),
        ]
        for (key, value) in [
            ("accepted_on", c.acceptedOn), ("acceptance_notice_on", c.acceptanceNoticeOn),
            ("assigned_department", c.assignedDepartment), ("due_on", c.dueOn), ("outcome", c.outcome),
            ("closed_on", c.closedOn), ("rating", c.rating),
        ] where !value.isEmpty {
            object[key] = value
        }
        if c.extensionDays > 0 { object["extension_days"] = c.extensionDays }
        return serialize(object)
    }

    static func json(_ events: [JiefenV1.CaseEvent]) -> String {
        serialize(
            events.map { e in
                [
                    "sequence": e.sequence, "type": e.type, "actor": e.actor, "occurred_at": e.occurredAt,
                    "arguments": Dictionary(uniqueKeysWithValues: e.arguments.map { ($0.name, jsonValue($0.value)) }),
                ] as [String: Any]
            })
    }

    /// Money as a number of fen under a `_fen` suffix would change keys, so values carry their unit in text form.
    private static func jsonValue(_ value: JiefenV1.Value?) -> Any {
        switch value?.kind {
        case .text(let v), .decimal(let v), .date(let v), .choice(let v): v
        case .integer(let v), .timestamp(let v): v
        case .moneyFen(let v): ["fen": v]
        case .areaCentimu(let v): ["centimu": v]
        case .flag(let v): v
        case .list(let list): list.items.map(jsonValue)
        case nil: NSNull()
        }
    }

    private static func serialize(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func date(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    private static func align(_ rows: [[String]]) -> String {
        guard let columns = rows.first?.count else { return "" }
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
