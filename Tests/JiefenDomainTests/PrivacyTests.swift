import JiefenDomain
import JiefenDomainTesting
import Testing

@Suite("Privacy: ID numbers, credit codes, masking")
struct PrivacyTests {
    @Test("valid ID numbers", arguments: ["11010519491231002X", "11010519491231002x", "340181198001011237"])
    func validIDs(id: String) throws {
        #expect(ResidentIDNumber.isValid(id))
        #expect(try ResidentIDNumber(id).value == id.uppercased())
    }

    @Test(
        "invalid ID numbers name the problem without repeating the number",
        arguments: [
            ("110105194912310021", "check character"), ("340181198001011234", "check character"),
            ("34018119800101123", "18 characters"), ("3401811980010112345", "18 characters"),
            ("34018119800230123X", "birth date"), ("3401811980A101123X", "digits"), ("34018119800101123Y", "digit or X"),
        ])
    func invalidIDs(id: String, problem: String) {
        let error = domainError { try ResidentIDNumber(id, field: "petitioners[0].id_number") }
        #expect(error?.code == .invalidArgument)
        #expect(error?.violations.first?.field == "petitioners[0].id_number")
        #expect(error?.message.contains(problem) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains(id) == false)
    }

    @Test("the MOD 11-2 check character for every remainder")
    func checkCharacters() throws {
        #expect(ResidentIDNumber.checkCharacter(forFirst17: "11010519491231002") == "X")
        #expect(ResidentIDNumber.checkCharacter(forFirst17: "34018119800101123") == "7")
        #expect(ResidentIDNumber.checkCharacter(forFirst17: "3401811980010112") == nil)
        #expect(ResidentIDNumber.checkCharacters.count == 11)
        #expect(try ResidentIDNumber("11010519491231002X").birthDate == Fixture.date("1949-12-31"))
    }

    @Test("unified social credit codes (GB 32100)")
    func uscc() {
        #expect(UnifiedSocialCreditCode.isValid("91350100M000100Y43"))
        #expect(UnifiedSocialCreditCode.checkCharacter(forFirst17: "91350100M000100Y4") == "3")
        #expect(UnifiedSocialCreditCode.problem(with: "91350100M000100Y44")?.contains("check character") == true)
        #expect(UnifiedSocialCreditCode.problem(with: "91350100M000100Y4")?.contains("18 characters") == true)
        #expect(UnifiedSocialCreditCode.problem(with: "91350100M000100I43")?.contains("I, O, Z, S, V") == true)
    }

    @Test("names", arguments: [("张三", "张*"), ("张小三", "张*三"), ("欧阳娜娜", "欧**娜"), ("张", "*"), ("", "")])
    func names(name: String, masked: String) {
        #expect(Masking.name(name) == masked)
    }

    @Test("ID numbers, phones and bank accounts")
    func numbers() {
        #expect(Masking.idNumber("11010519491231002X") == "**************002X")
        #expect(Masking.idNumber("123") == "***")
        #expect(Masking.phone("13812345678") == "138****5678")
        #expect(Masking.phone("0551-1234") == "*******34")
        #expect(Masking.bankAccount("6222 0212 3456 7890") == "****7890")
        #expect(Masking.isMobileNumber("13812345678"))
        #expect(!Masking.isMobileNumber("23812345678"))
    }

    @Test("free text: ID and phone patterns masked, long text truncated")
    func freeText() {
        let text = "身份证11010519491231002X，电话13812345678，欠租3年"
        #expect(Masking.freeText(text) == "身份证**************002X，电话138****5678，欠租3年")
        #expect(Masking.freeText(String(repeating: "a", count: 100), maxLength: 10) == "aaaaaaaaaa…")
    }
}
