import JiefenAPI
import JiefenDomain
import NIOCore
import TTRPCCore

/// The limits every request is held to where it is mapped into the domain, before any plugin, clock or store
/// sees it. Each is far above what a petition office records and far below what could overflow a calculation,
/// fill a frame or slow the server.
enum InputLimits {
    /// Ids (case, session, meeting), kinds, codes, channels, departments, event types, filter values.
    static let codeBytes = 64
    /// Client-chosen request ids (idempotency keys), as the store's `requests` table allows.
    static let requestIDBytes = 200
    /// The actor, from the request or the `x-jiefen-actor` metadata.
    static let actorBytes = 128
    /// A person's name.
    static let nameBytes = 128
    /// A resident ID number (18 characters) or a phone number, with room for spacing.
    static let idOrPhoneBytes = 32
    /// Demand text, a meeting decision, free-text details and event arguments.
    static let freeTextBytes = 8_000
    /// Document and register references, decimal text, page tokens.
    static let referenceBytes = 256
    /// Petitioners on one case.
    static let petitioners = 100
    /// Representatives on one case.
    static let representatives = 20
    /// Vulnerability flags on one case.
    static let vulnerabilityFlags = 16
    /// Detail attributes (or event arguments) in one request.
    static let fields = 200
    /// Elements of one list value, counting nested lists' elements too.
    static let listElements = 500
    /// Distinct-person keys on one contact.
    static let personKeys = 500
    /// Cases discussed at one joint meeting.
    static let meetingCases = 200
    /// Departments at one joint meeting.
    static let meetingDepartments = 32
    /// Figures in one baseline.
    static let baselineFigures = 500
    /// Events one case may have; an event past this answers ResourceExhausted.
    static let eventsPerCase = 2_000
    /// Contacts (visit batches and calls) one case may have.
    static let contactsPerCase = 500
    /// One write request's encoded size (the frame limit allows 4 MiB); a legitimate case is a few KiB.
    static let writeRequestBytes = 256 << 10
    /// The stored event bytes one `History` answer may carry; more answers ResourceExhausted before decoding.
    static let historyBytes = 16 << 20
    /// Persons or households involved in one case.
    static let involved: ClosedRange<Int64> = 0...1_000_000
    /// People present at one contact.
    static let headcount: ClosedRange<Int64> = 0...10_000
    /// Money in fen: up to 10^15 fen (10 trillion yuan) either way.
    static let moneyFen: ClosedRange<Int64> = -1_000_000_000_000_000...1_000_000_000_000_000
    /// Areas in hundredths of a mu: up to 10^12 (ten billion mu) either way.
    static let areaCentimu: ClosedRange<Int64> = -1_000_000_000_000...1_000_000_000_000
    /// Integer details and arguments (day counts, counts, years).
    static let integer: ClosedRange<Int64> = -1_000_000_000_000_000...1_000_000_000_000_000
    /// Day counts in event arguments (an extension, hearing days).
    static let eventDays: ClosedRange<Int64> = 0...3_650
    /// Case versions.
    static let version: ClosedRange<Int64> = 0...Int64(Int32.max)
    /// A baseline figure's magnitude.
    static let baselineFigure = 1e15
    /// The earliest instant a request may name: 1990-01-01 00:00 in China Standard Time.
    static let earliestInstant = Timestamp(date: CivilDate(clampingYear: 1990, month: 1, day: 1))
    /// How far after the server's clock an instant may be (clock skew between systems).
    static let futureSkewSeconds: Int64 = 86_400
    /// The dates a detail may hold (contract, delivery and lease dates reach far ahead).
    static let detailDates = CivilDate(clampingYear: 1900, month: 1, day: 1)...CivilDate(clampingYear: 2199, month: 12, day: 31)
}

/// Collects the bound violations of one request; ``finish()`` throws them all at once.
struct InputBounds {
    private(set) var violations: [FieldViolation] = []
    /// The server's "now", for the future-skew limit.
    let now: Timestamp

    /// Starts checking a request received at `now`.
    init(now: Timestamp) {
        self.now = now
    }

    /// The latest instant a request may name.
    var latestInstant: Timestamp {
        Timestamp(secondsSinceEpoch: now.secondsSinceEpoch.addingReportingOverflow(InputLimits.futureSkewSeconds).partialValue)
    }

    mutating func fail(_ field: String, _ message: String) {
        violations.append(FieldViolation(field: field, message: message))
    }

    /// `value` holds at most `maximum` UTF-8 bytes.
    mutating func text(_ value: String, _ field: String, maximum: Int) {
        let count = value.utf8.count
        if count > maximum { fail(field, "is \(count) bytes long; at most \(maximum) are allowed") }
    }

    /// `count` elements at most `maximum`.
    mutating func count(_ count: Int, _ field: String, maximum: Int) {
        if count > maximum { fail(field, "has \(count) entries; at most \(maximum) are allowed") }
    }

    /// `value` lies in `range`.
    mutating func integer(_ value: Int64, _ field: String, in range: ClosedRange<Int64>) {
        if !range.contains(value) { fail(field, "\(value) is out of range; allowed: \(range.lowerBound) to \(range.upperBound)") }
    }

    /// `value` is Unix seconds between 1990-01-01 and one day after now, or 0 ("now") when `zeroMeansNow`.
    mutating func instant(_ value: Int64, _ field: String, zeroMeansNow: Bool = true) {
        if zeroMeansNow && value == 0 { return }
        let earliest = InputLimits.earliestInstant.secondsSinceEpoch
        if value < earliest {
            fail(field, "\(value) is before 1990-01-01 (\(earliest) in Unix seconds)")
        } else if value > latestInstant.secondsSinceEpoch {
            fail(field, "\(value) is more than a day after the server's clock (\(now.secondsSinceEpoch)); a time in the future is refused")
        }
    }

    /// `text` is in `range` if it is a date YYYY-MM-DD; text that is not a date is left for the mapping, which
    /// names it with the request's other problems.
    mutating func date(_ text: String, _ field: String, in range: ClosedRange<CivilDate>) {
        guard text.utf8.count <= InputLimits.codeBytes else { return self.text(text, field, maximum: InputLimits.codeBytes) }
        guard let date = CivilDate(iso: text) else { return }
        if !range.contains(date) { fail(field, "\(date) is out of range; allowed: \(range.lowerBound) to \(range.upperBound)") }
    }

    /// Dates that name when something happened: from 1990 to one day after now.
    var eventDates: ClosedRange<CivilDate> {
        InputLimits.earliestInstant.civilDate()...latestInstant.civilDate()
    }

    /// Named values (details or event arguments): their count, names and each value.
    mutating func fields(_ fields: [JiefenV1.Field], _ prefix: String) {
        count(fields.count, prefix, maximum: InputLimits.fields)
        for field in fields.prefix(InputLimits.fields) {
            text(field.name, "\(prefix).name", maximum: InputLimits.codeBytes)
            let name = field.name.utf8.count <= InputLimits.codeBytes ? field.name : ClientQuote(field.name).description
            var elements = 0
            value(field.value, "\(prefix).\(name)", elements: &elements)
        }
    }

    /// One value; a list's elements (nested ones included) count towards `elements`. The wire scan has already
    /// bounded the nesting, so this recursion is at most that deep.
    mutating func value(_ value: JiefenV1.Value?, _ field: String, elements: inout Int) {
        switch value?.kind {
        case .text(let v): text(v, field, maximum: InputLimits.freeTextBytes)
        case .choice(let v): text(v, field, maximum: InputLimits.codeBytes)
        case .decimal(let v): text(v, field, maximum: 40)
        case .date(let v): date(v, field, in: InputLimits.detailDates)
        case .integer(let v): integer(v, field, in: InputLimits.integer)
        case .moneyFen(let v): integer(v, field, in: InputLimits.moneyFen)
        case .areaCentimu(let v): integer(v, field, in: InputLimits.areaCentimu)
        case .timestamp(let v): instant(v, field, zeroMeansNow: false)
        case .flag, nil: break
        case .list(let list):
            let items = list.items
            elements += items.count
            guard elements <= InputLimits.listElements else {
                return fail(field, "holds more than \(InputLimits.listElements) list elements")
            }
            for (index, item) in items.enumerated() { self.value(item, "\(field)[\(index)]", elements: &elements) }
        }
    }

    /// Checks one value outside a request message (an id, a metadata value) against `maximum` UTF-8 bytes.
    /// - Throws: InvalidArgument naming `field`, in the words ``text(_:_:maximum:)`` uses.
    static func checkText(_ value: String, _ field: String, maximum: Int) throws(DomainError) {
        var check = InputBounds(now: InputLimits.earliestInstant)
        check.text(value, field, maximum: maximum)
        try check.finish()
    }

    /// Throws InvalidArgument naming every violation (the message lists the first ``DomainError/violationsListed``).
    func finish() throws(DomainError) {
        guard violations.isEmpty else { throw DomainError.invalidArgument(violations) }
    }
}

/// Client text quoted in an error message: at most 64 characters, so an answer never echoes a huge input.
struct ClientQuote: CustomStringConvertible {
    let description: String

    init(_ text: String) {
        description = text.count > 64 ? String(text.prefix(64)) + "…" : text
    }
}
