/// The 18-character Chinese resident ID number (居民身份证号码, GB 11643-1999): a 6-digit region code, an
/// 8-digit birth date, a 3-digit sequence and an ISO 7064 MOD 11-2 check character (`0-9` or `X`).
///
/// ```swift
/// ResidentIDNumber.isValid("11010519491231002X")     // true
/// ResidentIDNumber.checkCharacter(forFirst17: "11010519491231002")   // "X"
/// ```
/// Treat the number as sensitive: never log it; show it masked (``Masking/idNumber(_:)``).
public struct ResidentIDNumber: Sendable, Hashable {
    /// The normalised number (upper-case `X`).
    public let value: String

    /// Validates and normalises `text`; throws ``DomainError/Code/invalidArgument`` naming `field`.
    public init(_ text: String, field: String = "id_number") throws(DomainError) {
        let normalised = text.uppercased()
        if let problem = ResidentIDNumber.problem(with: normalised) {
            throw DomainError.invalidArgument(field: field, problem)
        }
        self.value = normalised
    }

    /// The birth date encoded in positions 7–14.
    public var birthDate: CivilDate? { ResidentIDNumber.birthDate(in: Array(value.utf8)) }

    /// The weights of GB 11643-1999 for positions 1–17.
    public static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// The check character for each remainder 0…10 of the weighted sum modulo 11.
    public static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// The MOD 11-2 check character for the first 17 digits, or `nil` if `first17` is not exactly 17 ASCII digits.
    public static func checkCharacter(forFirst17 first17: String) -> Character? {
        let bytes = Array(first17.utf8)
        guard bytes.count == 17, bytes.allSatisfy({ (48...57).contains($0) }) else { return nil }
        var sum = 0
        for (byte, weight) in zip(bytes, weights) { sum += Int(byte - 48) * weight }
        return checkCharacters[sum % 11]
    }

    /// `true` when `text` is a well-formed ID number with a correct check character (lower-case `x` accepted).
    public static func isValid(_ text: String) -> Bool { problem(with: text) == nil }

    /// Why `text` is not a valid ID number, as a message that does not repeat the number; `nil` if it is valid.
    public static func problem(with text: String) -> String? {
        let bytes = Array(text.uppercased().utf8)
        guard bytes.count == 18 else { return "must be 18 characters (GB 11643-1999), got \(text.count)" }
        guard bytes[0..<17].allSatisfy({ (48...57).contains($0) }) else {
            return "the first 17 characters must be digits"
        }
        guard (48...57).contains(bytes[17]) || bytes[17] == UInt8(ascii: "X") else {
            return "the last character must be a digit or X"
        }
        guard birthDate(in: bytes) != nil else { return "positions 7-14 must be a valid birth date (YYYYMMDD)" }
        let first17 = String(decoding: bytes[0..<17], as: UTF8.self)
        guard let expected = checkCharacter(forFirst17: first17), Character(UnicodeScalar(bytes[17])) == expected else {
            return "check character does not match (ISO 7064 MOD 11-2); re-check the number"
        }
        return nil
    }

    private static func birthDate(in bytes: [UInt8]) -> CivilDate? {
        guard bytes.count >= 14 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for b in bytes[range] {
                guard (48...57).contains(b) else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard let y = number(6..<10), let m = number(10..<12), let d = number(12..<14), y >= 1900 else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}
