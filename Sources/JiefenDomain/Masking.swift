/// Display masking for lists and search results (domain.md F). Detail views for authorised roles show the full
/// value; logs never contain any of it.
///
/// ```swift
/// Masking.name("张三")                       // "张*"
/// Masking.name("张小三")                     // "张*三"
/// Masking.idNumber("11010519491231002X")    // "**************002X"
/// Masking.phone("13812345678")              // "138****5678"
/// ```
public enum Masking {
    /// Keeps the first character (and the last for names of three or more characters); stars the rest.
    public static func name(_ name: String) -> String {
        let chars = Array(name.trimmingWhitespace())
        switch chars.count {
        case 0: return ""
        case 1: return "*"
        case 2: return "\(chars[0])*"
        default: return "\(chars[0])\(String(repeating: "*", count: chars.count - 2))\(chars[chars.count - 1])"
        }
    }

    /// Shows only the last four characters of an ID number: `**************123X`. Anything that is not
    /// 18 characters is fully hidden.
    public static func idNumber(_ id: String) -> String {
        let chars = Array(id)
        guard chars.count == 18 else { return String(repeating: "*", count: max(chars.count, 1)) }
        return String(repeating: "*", count: 14) + String(chars[14...])
    }

    /// Shows the first three and last four digits of an 11-digit mobile number: `138****5678`. Other shapes
    /// keep only their last two characters.
    public static func phone(_ phone: String) -> String {
        let chars = Array(phone)
        if chars.count == 11 { return String(chars[0..<3]) + "****" + String(chars[7...]) }
        guard chars.count > 2 else { return String(repeating: "*", count: chars.count) }
        return String(repeating: "*", count: chars.count - 2) + String(chars[(chars.count - 2)...])
    }

    /// Shows only the last four digits of a bank account: `****1234`.
    public static func bankAccount(_ account: String) -> String {
        let chars = Array(account.filter { $0 != " " })
        guard chars.count > 4 else { return "****" }
        return "****" + String(chars[(chars.count - 4)...])
    }

    /// Masks ID-number-like runs (17 digits + digit/X) and mobile-number-like runs (11 digits starting with 1)
    /// inside free text, then truncates to `maxLength` characters with `…`.
    public static func freeText(_ text: String, maxLength: Int = 80) -> String {
        var output = ""
        var run: [Character] = []
        func flush() {
            let s = String(run)
            if run.count == 18, ResidentIDNumber.isValid(s) || run[0..<17].allSatisfy(\.isASCIIDigit) {
                output += idNumber(s)
            } else if run.count == 11, run[0] == "1", run.allSatisfy(\.isASCIIDigit) {
                output += phone(s)
            } else if run.count >= 11 {
                output += String(repeating: "*", count: run.count)
            } else {
                output += s
            }
            run.removeAll()
        }
        for c in text {
            if c.isASCIIDigit || ((c == "X" || c == "x") && run.count == 17) {
                run.append(c)
            } else {
                flush()
                output.append(c)
            }
        }
        flush()
        guard output.count > maxLength, maxLength > 0 else { return output }
        return String(output.prefix(maxLength)) + "…"
    }

    /// `true` for an 11-digit mainland mobile number starting with `1`.
    public static func isMobileNumber(_ text: String) -> Bool {
        let chars = Array(text)
        return chars.count == 11 && chars[0] == "1" && chars.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    /// `true` for `0`–`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
