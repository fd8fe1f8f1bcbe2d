/// The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) of a company or organisation:
/// registration authority, organisation type, 6-digit region code, 9-character organisation code and a
/// MOD 31 check character, over the alphabet `0-9 A-H J-N P-R T U W-Y` (no I, O, Z, S, V).
///
/// ```swift
/// UnifiedSocialCreditCode.isValid("91350100M000100Y43")   // true
/// ```
public enum UnifiedSocialCreditCode {
    /// The 31 characters of the code alphabet, in value order.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// The weights for positions 1–17.
    public static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character for the first 17 characters, or `nil` if they are not 17 characters of the alphabet.
    public static func checkCharacter(forFirst17 first17: String) -> Character? {
        let chars = Array(first17)
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (c, w) in zip(chars, weights) {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            sum += v * w
        }
        let r = 31 - sum % 31
        return alphabet[r == 31 ? 0 : r]
    }

    /// `true` when `text` is a well-formed code with a correct check character.
    public static func isValid(_ text: String) -> Bool { problem(with: text) == nil }

    /// Why `text` is not a valid code, or `nil` if it is valid.
    public static func problem(with text: String) -> String? {
        let chars = Array(text)
        guard chars.count == 18 else { return "must be 18 characters (GB 32100-2015), got \(chars.count)" }
        guard chars.allSatisfy({ alphabet.contains($0) }) else {
            return "may contain only digits and upper-case letters other than I, O, Z, S, V"
        }
        guard chars[2..<8].allSatisfy(\.isNumber) else { return "characters 3-8 must be the 6-digit region code" }
        guard checkCharacter(forFirst17: String(chars[0..<17])) == chars[17] else {
            return "check character does not match (GB 32100 MOD 31); re-check the code"
        }
        return nil
    }
}
