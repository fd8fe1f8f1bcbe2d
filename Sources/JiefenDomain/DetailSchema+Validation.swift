extension DetailSchema {
    /// Checks `details` against the schema: required attributes present, every value of its attribute's type,
    /// enum values allowed, bounds and list sizes kept, no unknown attributes. Plugins add their own rules on top.
    ///
    /// Every kind's money is at most ``Money/detailLimit`` (10^15 fen), every area at most ``AreaMu/detailLimit``
    /// (1,000,000 mu) and every timestamp within ``Timestamp/supportedRange``, whatever the schema says.
    public func validate(_ details: Details) -> [FieldViolation] {
        var result: [FieldViolation] = []
        for spec in attributes {
            guard let value = details[spec.name] else {
                if spec.isRequired {
                    result.append(FieldViolation(field: spec.name, message: "is required: \(spec.description)"))
                }
                continue
            }
            result += Self.check(value, against: spec.type, field: spec.name, required: spec.isRequired)
        }
        for name in details.names where self[name] == nil {
            result.append(FieldViolation(field: name, message: "is not an attribute of this kind"))
        }
        return result
    }

    /// Problems that make the schema itself unusable: empty or duplicate names, missing descriptions, empty or
    /// duplicate enum values, impossible bounds. Empty when the schema is well formed.
    public var wellFormednessProblems: [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        for spec in attributes {
            if spec.name.isEmpty
                || !spec.name.unicodeScalars.allSatisfy({
                    ("a"..."z").contains($0)
                        || ("0"..."9").contains($0) || $0 == "_"
                })
            {
                problems.append("attribute '\(spec.name)': name must be snake_case ASCII")
            }
            if !seen.insert(spec.name).inserted { problems.append("attribute '\(spec.name)': duplicate name") }
            if spec.description.trimmingWhitespace().isEmpty {
                problems.append("attribute '\(spec.name)': description is missing")
            }
            problems += Self.typeProblems(spec.type).map { "attribute '\(spec.name)': \($0)" }
        }
        return problems
    }

    private static func typeProblems(_ type: AttributeType) -> [String] {
        switch type {
        case .enumeration(let values):
            var p: [String] = []
            if values.isEmpty { p.append("enum has no allowed values") }
            if Set(values).count != values.count { p.append("enum values repeat") }
            if values.contains(where: { $0.isEmpty }) { p.append("enum value is empty") }
            return p
        case .integer(let lo?, let hi?) where lo > hi: return ["integer minimum exceeds maximum"]
        case .decimal(let scale, let lo, let hi):
            var p: [String] = []
            if !(0...18).contains(scale) { p.append("decimal scale must be 0...18") }
            if let lo, let hi, hi < lo { p.append("decimal minimum exceeds maximum") }
            return p
        case .text(let max?) where max < 1: return ["text maxLength must be positive"]
        case .list(let element, let minCount):
            return (minCount < 0 ? ["list minCount is negative"] : []) + typeProblems(element)
        default: return []
        }
    }

    static func check(
        _ value: DetailValue, against type: AttributeType, field: String,
        required: Bool
    ) -> [FieldViolation] {
        func fail(_ message: String) -> [FieldViolation] { [FieldViolation(field: field, message: message)] }
        switch (type, value) {
        case (.text(let maxLength), .text(let s)):
            if required && s.trimmingWhitespace().isEmpty { return fail("is required and must not be blank") }
            if let maxLength, s.count > maxLength { return fail("must be at most \(maxLength) characters") }
            return []
        case (.integer(let lo, let hi), .integer(let v)):
            if let lo, v < lo { return fail("must be at least \(lo), got \(v)") }
            if let hi, v > hi { return fail("must be at most \(hi), got \(v)") }
            return []
        case (.money, .money(let m)):
            if m.fen < 0 { return fail("must not be negative, got \(m.formattedYuan) yuan") }
            if m > Money.detailLimit {
                return fail("must be at most \(Money.detailLimit.formattedYuan) yuan, got \(m.formattedYuan)")
            }
            return []
        case (.area, .area(let a)):
            if a.hundredths < 0 { return fail("must not be negative, got \(a.formattedMu) mu") }
            if a > AreaMu.detailLimit {
                return fail("must be at most \(AreaMu.detailLimit.formattedMu) mu, got \(a.formattedMu)")
            }
            return []
        case (.decimal(let scale, let lo, let hi), .decimal(let d)):
            if d.scale < 0 || d.scale > scale { return fail("must have at most \(scale) decimal places") }
            if let lo, d < lo { return fail("must be at least \(lo), got \(d)") }
            if let hi, hi < d { return fail("must be at most \(hi), got \(d)") }
            return []
        case (.timestamp, .timestamp(let t)):
            guard Timestamp.supportedRange.contains(t) else {
                return fail(
                    "\(t.secondsSinceEpoch) is out of range: instants from "
                        + "\(Timestamp.supportedRange.lowerBound) to \(Timestamp.supportedRange.upperBound) are supported")
            }
            return []
        case (.date, .date), (.bool, .bool):
            return []
        case (.enumeration(let allowed), .enumeration(let v)):
            return allowed.contains(v) ? [] : fail("must be one of \(allowed.joined(separator: ", ")), got '\(v)'")
        case (.list(let element, let minCount), .list(let items)):
            if items.count < minCount { return fail("needs at least \(minCount) item(s), got \(items.count)") }
            return items.enumerated().flatMap { i, item in
                check(item, against: element, field: "\(field)[\(i)]", required: true)
            }
        default:
            return fail("must be a \(type) value, got \(value.typeName)")
        }
    }
}
