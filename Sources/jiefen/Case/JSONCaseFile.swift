import ArgumentParser
import Foundation
import JiefenAPI

/// Reads the optional JSON file of `jiefen case open`.
enum JSONCaseFile {
    static func apply(_ object: [String: Any], to request: inout JiefenV1.CreateCaseRequest) throws {
        if let v = object["kind"] as? String { request.kind = v }
        if let v = object["track"] as? String { request.track = v }
        if let v = object["channel"] as? String { request.channel = v }
        if let v = object["village_code"] as? String { request.villageCode = v }
        if let v = object["demand_text"] as? String { request.demandText = v }
        if let v = try count(object, "persons_involved") { request.personsInvolved = v }
        if let v = try count(object, "households_involved") { request.householdsInvolved = v }
        if let v = try count(object, "headcount") { request.headcount = v }
        if let v = object["vulnerable_flags"] as? [String] { request.vulnerableFlags = v }
        if let people = object["petitioners"] as? [[String: Any]] {
            request.petitioners = people.map {
                JiefenV1.Person(
                    name: $0["name"] as? String ?? "", idNumber: $0["id_number"] as? String ?? "", phone: $0["phone"] as? String ?? "")
            }
        }
    }

    /// A JSON scalar or array as the text the schema-guided parser reads.
    static func text(_ value: Any) -> String {
        switch value {
        case let array as [Any]: array.map(text).joined(separator: ",")
        default: "\(value)"
        }
    }

    /// Midnight Asia/Shanghai of `date` as Unix seconds.
    static func unixSeconds(ofDate date: String) -> Int64? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        var components = DateComponents()
        components.year = parts[0]
        components.month = parts[1]
        components.day = parts[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar.date(from: components).map { Int64($0.timeIntervalSince1970) }
    }

    /// The whole number `key`, or nil when absent; one beyond Int32 (what the wire carries) is refused.
    private static func count(_ object: [String: Any], _ key: String) throws -> Int32? {
        guard let raw = object[key] else { return nil }
        guard let number = raw as? Int, let value = Int32(exactly: number) else {
            throw ValidationError("--json-file: \(key) must be a whole number of at most \(Int32.max)")
        }
        return value
    }
}
