import JiefenAPI
import JiefenWireTesting
import NIOCore
import TTRPCWire
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's peak resident set size, in bytes.
private func peakResidentBytes() -> Int {
    var usage = rusage()
    #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
    #else
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    #endif
}

/// `count` bytes of `pair` repeated: e.g. `[0x32, 0x00]`, an empty submessage in field 6.
private func repeated(_ pair: [UInt8], bytes count: Int) -> [UInt8] {
    var raw = [UInt8](repeating: 0, count: count - count % pair.count)
    for index in stride(from: 0, to: raw.count, by: pair.count) {
        for (offset, byte) in pair.enumerated() { raw[index + offset] = byte }
    }
    return raw
}

@Suite("memory budget: generated decoders refuse what would expand past it", .serialized)
struct BudgetTests {
    @Test func fourMebibytesOfEmptyPersonsExhaustTheBudgetWithoutAllocatingThem() {
        // 2M empty petitioners (field 6): unbudgeted, protobuf-c would allocate ~112 MiB of structs and pointers.
        let buffer = ByteBuffer(bytes: repeated([0x32, 0x00], bytes: 4 << 20))
        let before = peakResidentBytes()
        let error = #expect(throws: WireError.self) { try JiefenV1.CreateCaseRequest(decoding: buffer) }
        #expect(error?.code == .resourceExhausted)
        #expect(error?.message.contains("jiefen.v1.CreateCaseRequest") == true)
        // The budget (16 MiB) caps what was allocated; the whole graph would have raised the peak by over 100 MiB.
        #expect(peakResidentBytes() - before < 48 << 20)
    }

    @Test func manyTinyValuesInAListExhaustTheBudget() {
        // ValueList.items (1): 2M empty Values.
        let error = #expect(throws: WireError.self) {
            try JiefenV1.ValueList(decoding: ByteBuffer(bytes: repeated([0x0A, 0x00], bytes: 4 << 20)))
        }
        #expect(error?.code == .resourceExhausted)
        // The same inside a request: details (12) → Field.value (2) → Value.list (10) → 1M empty Values.
        let list = repeated([0x0A, 0x00], bytes: 2 << 20)
        let value = lengthDelimited(10, list)
        let request = HostileBytes.createRequest(detailValue: value)
        let nested = #expect(throws: WireError.self) { try decode(JiefenV1.CreateCaseRequest.self, request) }
        #expect(nested?.code == .resourceExhausted)
    }

    @Test func hugeRepeatedStringsAndPackedScalarsExhaustTheBudget() {
        // Case.vulnerable_flags (11): 2M empty strings.
        let strings = #expect(throws: WireError.self) {
            try JiefenV1.Case(decoding: ByteBuffer(bytes: repeated([0x5A, 0x00], bytes: 4 << 20)))
        }
        #expect(strings?.code == .resourceExhausted)
        // DurationRow.bucket_counts (8), packed: 5M one-byte varints → 20 MiB of Int32.
        let packed = lengthDelimited(8, [UInt8](repeating: 1, count: 5 << 20))
        let scalars = #expect(throws: WireError.self) { try decode(JiefenV1.DurationRow.self, packed) }
        #expect(scalars?.code == .resourceExhausted)
    }

    @Test func aLargeMessageWithinTheBudgetStillDecodes() throws {
        // 100,000 empty petitioners need about 6 MiB: well inside the budget.
        let request = try decode(JiefenV1.CreateCaseRequest.self, repeated([0x32, 0x00], bytes: 200_000))
        #expect(request.petitioners.count == 100_000)
        #expect(request.petitioners.allSatisfy { $0 == JiefenV1.Person() })
    }
}

@Suite("strings: invalid UTF-8 and NUL are refused, naming the field")
struct StringTests {
    static let invalid: [[UInt8]] = [
        [0xFF, 0xFE], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80],
    ]

    /// Where a bad string goes, and the field the error must name.
    static func placements(_ s: [UInt8]) -> [(bytes: [UInt8], field: String, decode: ([UInt8]) throws -> Void)] {
        let request: ([UInt8]) throws -> Void = { b in _ = try decode(JiefenV1.CreateCaseRequest.self, b) }
        let caseDecode: ([UInt8]) throws -> Void = { b in _ = try decode(JiefenV1.Case.self, b) }
        let report: ([UInt8]) throws -> Void = { b in _ = try decode(JiefenV1.Report.self, b) }
        return [
            (lengthDelimited(1, s), "jiefen.v1.CreateCaseRequest.request_id", request),
            ([0x0A, 0x01, 0x72] + lengthDelimited(11, s), "jiefen.v1.CreateCaseRequest.demand_text", request),
            (lengthDelimited(10, [0x61]) + lengthDelimited(10, s), "jiefen.v1.CreateCaseRequest.vulnerable_flags", request),
            (lengthDelimited(6, lengthDelimited(3, s)), "jiefen.v1.Person.phone", request),
            (HostileBytes.createRequest(detailValue: lengthDelimited(1, s)), "jiefen.v1.Value.text", request),
            (lengthDelimited(12, lengthDelimited(1, s)), "jiefen.v1.Field.name", request),
            (
                HostileBytes.createRequest(detailValue: lengthDelimited(10, lengthDelimited(1, lengthDelimited(9, s)))),
                "jiefen.v1.Value.choice", request
            ),
            (lengthDelimited(22, s), "jiefen.v1.Case.rating", caseDecode),
            (lengthDelimited(16, lengthDelimited(11, s)), "jiefen.v1.NotableCase.key_dates", report),
            (lengthDelimited(11, lengthDelimited(1, s)), "jiefen.v1.Metric.name", report),
        ]
    }

    @Test(arguments: invalid)
    func invalidUTF8IsRefusedNamingTheField(bad: [UInt8]) {
        for placement in Self.placements(bad) {
            let error = #expect(throws: WireError.self, "\(placement.field)") { try placement.decode(placement.bytes) }
            #expect(error?.code == .invalidUTF8, "\(placement.field)")
            #expect(error?.message.contains(placement.field) == true, "\(error?.message ?? "") should name \(placement.field)")
        }
    }

    @Test func validMultiByteUTF8IsKept() throws {
        let text = "调解 ✓ 𝄞 é"
        let decoded = try decode(JiefenV1.CreateCaseRequest.self, lengthDelimited(1, Array(text.utf8)))
        #expect(decoded.requestID == text)
    }

    @Test func nulInsideAStringIsRefusedOnDecode() {
        for placement in Self.placements([0x61, 0x00, 0x62]) + Self.placements([0x00]) {
            let error = #expect(throws: WireError.self, "\(placement.field)") { try placement.decode(placement.bytes) }
            #expect(error?.code == .embeddedNUL, "\(placement.field)")
            // WireScan names the message and the field: "field jiefen.v1.Person.phone holds a NUL character".
            #expect(error?.message.contains(placement.field) == true, "\(error?.message ?? "") should name \(placement.field)")
        }
    }

    @Test func nulInsideAStringIsRefusedOnEncode() {
        let nul = "a\u{0}b"
        let cases: [(String, () throws -> ByteBuffer)] = [
            ("jiefen.v1.CreateCaseRequest.request_id", { () throws in try JiefenV1.CreateCaseRequest(requestID: nul).encoded() }),
            (
                "jiefen.v1.CreateCaseRequest.vulnerable_flags",
                { () throws in try JiefenV1.CreateCaseRequest(vulnerableFlags: ["ok", nul]).encoded() }
            ),
            ("jiefen.v1.CreateCaseRequest.person_keys", { () throws in try JiefenV1.CreateCaseRequest(personKeys: ["\u{0}"]).encoded() }),
            (
                "jiefen.v1.Person.phone",
                { () throws in try JiefenV1.CreateCaseRequest(petitioners: [JiefenV1.Person(phone: nul)]).encoded() }
            ),
            ("jiefen.v1.Field.name", { () throws in try JiefenV1.Field(name: nul).encoded() }),
            (
                "jiefen.v1.Value.text",
                { () throws in
                    let deep = JiefenV1.Value(kind: .list(JiefenV1.ValueList(items: [JiefenV1.Value(kind: .text(nul))])))
                    return try JiefenV1.CreateCaseRequest(details: [JiefenV1.Field(name: "x", value: deep)]).encoded()
                }
            ),
            ("jiefen.v1.Value.choice", { () throws in try JiefenV1.Value(kind: .choice(nul)).encoded() }),
            ("jiefen.v1.Case.rating", { () throws in try JiefenV1.Case(rating: nul).encoded() }),
            (
                "jiefen.v1.DurationRow.bucket_labels",
                { () throws in
                    try JiefenV1.Report(durations: [JiefenV1.DurationRow(bucketLabels: [nul])]).encoded()
                }
            ),
        ]
        for (field, encode) in cases {
            let error = #expect(throws: WireError.self, "\(field)") { _ = try encode() }
            #expect(error?.code == .embeddedNUL, "\(field)")
            #expect(error?.message.contains(field) == true, "\(error?.message ?? "") should name \(field)")
        }
    }
}

@Suite("nesting: the generated decoders refuse more than 16 levels before protobuf-c recurses")
struct NestingTests {
    /// How many `Value` levels a value has (following the first list item).
    private func valueDepth(_ value: JiefenV1.Value?) -> Int {
        var depth = 0
        var current = value
        while let value = current {
            depth += 1
            if case .list(let list)? = value.kind { current = list.items.first } else { current = nil }
        }
        return depth
    }

    @Test func exactlyAtTheLimitDecodes() throws {
        // Field (1) → Value (2) → ValueList (3) → … → Value (16): 8 Value levels.
        let field = try decode(JiefenV1.Field.self, [0x0A, 0x01, 0x78] + lengthDelimited(2, HostileBytes.nestedValue(depth: 8)))
        #expect(valueDepth(field.value) == 8)
        // ValueList (1) → Value (2) → … → Value (16).
        let list = try decode(JiefenV1.ValueList.self, lengthDelimited(1, HostileBytes.nestedValue(depth: 8)))
        #expect(valueDepth(list.items.first) == 8)
        // CreateCaseRequest (1) → Field (2) → Value (3) → … → Value (15).
        let request = try decode(
            JiefenV1.CreateCaseRequest.self, HostileBytes.createRequest(detailValue: HostileBytes.nestedValue(depth: 7)))
        #expect(valueDepth(request.details.first?.value) == 7)
    }

    @Test func oneLevelPastTheLimitIsRefused() {
        let cases: [(String, () throws -> Void)] = [
            // CreateCaseRequest (1) → Field (2) → … → Value (17).
            (
                "CreateCaseRequest",
                { () throws in
                    _ = try decode(
                        JiefenV1.CreateCaseRequest.self, HostileBytes.createRequest(detailValue: HostileBytes.nestedValue(depth: 8)))
                }
            ),
            // Value (1) → … → Value (17).
            ("Value", { () throws in _ = try decode(JiefenV1.Value.self, HostileBytes.nestedValue(depth: 9)) }),
            // Case.details (13) → Field → Value …: 1 + 1 + 15 = 17.
            (
                "Case",
                { () throws in
                    _ = try decode(JiefenV1.Case.self, lengthDelimited(13, lengthDelimited(2, HostileBytes.nestedValue(depth: 8))))
                }
            ),
        ]
        for (name, body) in cases {
            let error = #expect(throws: WireError.self, "\(name)") { try body() }
            #expect(error?.code == .malformed, "\(name)")
            #expect(error?.message.contains("deeper than 16") == true, "\(name): \(error?.message ?? "")")
        }
    }

    @Test func twentyThousandLevelsAreRefusedWithoutCrashing() {
        let bytes = HostileBytes.createRequest(detailValue: HostileBytes.nestedValue(depth: 20_000))
        let error = #expect(throws: WireError.self) { try decode(JiefenV1.CreateCaseRequest.self, bytes) }
        #expect(error?.code == .malformed)
        let value = #expect(throws: WireError.self) { try decode(JiefenV1.Value.self, HostileBytes.nestedValue(depth: 20_000)) }
        #expect(value?.code == .malformed)
    }

    @Test func aValueBuiltAtTheLimitRoundTrips() throws {
        var value = JiefenV1.Value(kind: .integer(1))
        for _ in 1..<7 { value = JiefenV1.Value(kind: .list(JiefenV1.ValueList(items: [value]))) }
        let request = JiefenV1.CreateCaseRequest(details: [JiefenV1.Field(name: "deep", value: value)])
        #expect(try roundTrip(request) == request)
        // One more level: the encoder writes it, and the decoder refuses it.
        let deeper = JiefenV1.CreateCaseRequest(details: [
            JiefenV1.Field(name: "deep", value: JiefenV1.Value(kind: .list(JiefenV1.ValueList(items: [value]))))
        ])
        let error = #expect(throws: WireError.self) { _ = try roundTrip(deeper) }
        #expect(error?.code == .malformed)
    }
}

@Suite("unknown fields are skipped, known fields still decode")
struct UnknownFieldTests {
    /// One unknown field of each wire type: varint, fixed64, length-delimited (holding bytes that would be
    /// refused in a string: NUL, bad UTF-8, and deep nesting), fixed32; and the largest field number.
    static let unknown: [UInt8] =
        HostileBytes.varint(100 << 3 | 0) + HostileBytes.varint(Int(Int64.max))
        + HostileBytes.varint(101 << 3 | 1) + [1, 2, 3, 4, 5, 6, 7, 8]
        + lengthDelimited(102, [0x00, 0xFF, 0xFE] + HostileBytes.nestedValue(depth: 100))
        + HostileBytes.varint(103 << 3 | 5) + [0xFF, 0xFF, 0xFF, 0xFF]
        + HostileBytes.varint(536_870_911 << 3 | 0) + [0x01]

    @Test func unknownFieldsAroundKnownOnesAreSkipped() throws {
        let known = try bytes(of: Samples.createRequest)
        let half = known.count / 2
        // Unknown fields before, after, and (at a field boundary) among the known ones.
        var boundary = 0
        var reader = known[...]
        while boundary < half {
            // Skip one known top-level field: its tag, then its length-delimited or varint payload.
            let start = reader.startIndex
            let tag = readVarint(&reader)
            switch tag & 7 {
            case 0: _ = readVarint(&reader)
            case 2:
                let length = readVarint(&reader)
                reader = reader.dropFirst(length)
            default:
                Issue.record("unexpected wire type in CreateCaseRequest")
                return
            }
            boundary += reader.startIndex - start
        }
        let mixed = Self.unknown + Array(known[..<boundary]) + Self.unknown + Array(known[boundary...]) + Self.unknown
        let decoded = try decode(JiefenV1.CreateCaseRequest.self, mixed)
        #expect(decoded == Samples.createRequest)
        // The unknown fields are dropped, not carried into the next encoding.
        #expect(try bytes(of: decoded) == known)
    }

    @Test func unknownFieldsInsideNestedMessagesAreSkipped() throws {
        let person = lengthDelimited(1, Array("李四".utf8)) + Self.unknown
        let value = Self.unknown + [0x10, 0x07] + Self.unknown
        let list = lengthDelimited(10, lengthDelimited(1, value) + Self.unknown)
        let request = lengthDelimited(6, person) + HostileBytes.createRequest(detailValue: list)
        let decoded = try decode(JiefenV1.CreateCaseRequest.self, request)
        #expect(decoded.petitioners == [JiefenV1.Person(name: "李四")])
        #expect(decoded.requestID == "r1")
        #expect(decoded.details.first?.value == JiefenV1.Value(kind: .list(JiefenV1.ValueList(items: [JiefenV1.Value(kind: .integer(7))]))))
        // A Stats report with unknown fields in a row.
        let report = try decode(
            JiefenV1.Report.self, lengthDelimited(13, lengthDelimited(1, Array("closed".utf8)) + Self.unknown + [0x10, 0x03]))
        #expect(report.funnel == [JiefenV1.FunnelStage(stage: "closed", count: 3)])
    }

    @Test func groupWireTypesAreRefusedAsMalformed() {
        // Wire types 3 and 4 (proto2 groups, never in proto3) and the invalid 6 and 7: protobuf-c refuses them,
        // as it does for the hand-written decoders; refused cleanly as malformed, not skipped.
        for wireType in [3, 4, 6, 7] {
            let bytes = [0x0A, 0x01, 0x72] + HostileBytes.varint(100 << 3 | wireType) + [0x08, 0x01] + HostileBytes.varint(100 << 3 | 4)
            let error = #expect(throws: WireError.self, "wire type \(wireType)") { try decode(JiefenV1.CreateCaseRequest.self, bytes) }
            #expect(error?.code == .malformed, "wire type \(wireType)")
        }
    }

    private func readVarint(_ bytes: inout ArraySlice<UInt8>) -> Int {
        var value = 0
        var shift = 0
        while let byte = bytes.popFirst() {
            value |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return value
    }
}

@Suite("malformed bytes: refused as malformed, never a crash")
struct MalformedTests {
    @Test func everyTruncationIsRefusedOrAShorterValidMessage() throws {
        for (name, encoded, decodeIt) in [
            (
                "CreateCaseRequest", try bytes(of: Samples.createRequest),
                { (b: [UInt8]) throws in _ = try decode(JiefenV1.CreateCaseRequest.self, b) }
            ),
            ("Case", try bytes(of: Samples.caseMessage), { (b: [UInt8]) throws in _ = try decode(JiefenV1.Case.self, b) }),
            ("Report", try bytes(of: Samples.report), { (b: [UInt8]) throws in _ = try decode(JiefenV1.Report.self, b) }),
        ] {
            var refused = 0
            for length in 0..<encoded.count {
                do {
                    try decodeIt(Array(encoded[..<length]))
                } catch let error as WireError {
                    #expect(error.code == .malformed, "\(name) cut at \(length): \(error)")
                    refused += 1
                } catch {
                    Issue.record("\(name) cut at \(length): not a WireError: \(error)")
                }
            }
            #expect(refused > encoded.count / 2, "\(name)")
            let last = #expect(throws: WireError.self, "\(name)") { try decodeIt(Array(encoded.dropLast())) }
            #expect(last?.code == .malformed, "\(name)")
        }
    }

    @Test(
        arguments: [
            // persons_involved (8) with an 11-byte varint.
            [0x40] + [UInt8](repeating: 0xFF, count: 10) + [0x01],
            // persons_involved with a varint cut off at the end.
            [0x40, 0x80],
            [0x40, 0xFF, 0xFF],
            // A tag that is an over-long varint.
            [UInt8](repeating: 0xFF, count: 11),
            // A tag cut off.
            [0x0A, 0x01, 0x72, 0x80],
            // request_id (1) with a length past the end, and with a 2^35 length.
            [0x0A, 0x64, 0x61, 0x62],
            [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x61],
            // A nested Person whose length runs past its parent's end.
            [0x32, 0x03, 0x0A, 0x05, 0x61],
        ] as [[UInt8]])
    func badVarintsAndLengthsAreMalformed(bytes: [UInt8]) {
        let error = #expect(throws: WireError.self) { try decode(JiefenV1.CreateCaseRequest.self, bytes) }
        #expect(error?.code == .malformed)
    }

    @Test(
        arguments: [
            // request_id (string) as a varint, as fixed64, as fixed32.
            [0x08, 0x01],
            [0x09, 1, 2, 3, 4, 5, 6, 7, 8],
            [0x0D, 1, 2, 3, 4],
            // persons_involved (int32) as fixed32 and as fixed64.
            [0x45, 1, 2, 3, 4],
            [0x41, 1, 2, 3, 4, 5, 6, 7, 8],
            // petitioners (message) as a varint and as fixed32.
            [0x30, 0x01],
            [0x35, 1, 2, 3, 4],
            // details (message) as a varint, with a nested Value whose flag (8, bool) is fixed64.
            [0x60, 0x01],
            HostileBytes.createRequest(detailValue: [0x41, 1, 0, 0, 0, 0, 0, 0, 0]),
            // received_at (int64) as a length-delimited field.
            [0x6A, 0x01, 0x01],
        ] as [[UInt8]])
    func wrongWireTypeForAKnownFieldIsMalformed(bytes: [UInt8]) {
        let error = #expect(throws: WireError.self) { try decode(JiefenV1.CreateCaseRequest.self, bytes) }
        #expect(error?.code == .malformed)
    }

    @Test(
        arguments: [
            // Value.flag (8, bool) as fixed64, fixed32 and length-delimited: protobuf-c alone reads any of them as a
            // bool (it checks the wire type of every other scalar); WireScan refuses them.
            [0x41, 1, 0, 0, 0, 0, 0, 0, 0],
            [0x45, 1, 0, 0, 0],
            [0x42, 0x01, 0x01],
        ] as [[UInt8]])
    func boolWithAWrongWireTypeIsMalformed(bytes: [UInt8]) {
        let error = #expect(throws: WireError.self) { try decode(JiefenV1.Value.self, bytes) }
        #expect(error?.code == .malformed)
        #expect(error?.message.contains("jiefen.v1.Value.flag") == true)
        // Case.masked (27) and, nested in a Report, VillageRow.registered_suppressed (3).
        let masked = #expect(throws: WireError.self) { try decode(JiefenV1.Case.self, [0xDD, 0x01, 1, 0, 0, 0]) }
        #expect(masked?.code == .malformed)
        let village = #expect(throws: WireError.self) { try decode(JiefenV1.Report.self, lengthDelimited(15, [0x1A, 0x01, 0x01])) }
        #expect(village?.code == .malformed)
        // The right wire type still decodes.
        #expect((try? decode(JiefenV1.Value.self, [0x40, 0x01])) == JiefenV1.Value(kind: .flag(true)))
    }

    @Test func badPackedRepeatedScalarsAreMalformed() {
        // DurationRow.bucket_counts (8, packed int32) ending inside a varint.
        let counts = #expect(throws: WireError.self) { try decode(JiefenV1.DurationRow.self, [0x42, 0x02, 0x01, 0x80]) }
        #expect(counts?.code == .malformed)
        // PutBaselineRequest.values (4, packed double) whose length is not a multiple of 8.
        let values = #expect(throws: WireError.self) { try decode(JiefenV1.PutBaselineRequest.self, [0x22, 0x03, 1, 2, 3]) }
        #expect(values?.code == .malformed)
    }

    @Test(arguments: [[0x00, 0x01], [0x02, 0x01, 0x61], [0x05, 1, 2, 3, 4]] as [[UInt8]])
    func fieldNumberZeroIsMalformed(bytes: [UInt8]) {
        // Field number 0 is invalid in every protobuf encoding.
        let error = #expect(throws: WireError.self) { try decode(JiefenV1.CreateCaseRequest.self, [0x0A, 0x01, 0x72] + bytes) }
        #expect(error?.code == .malformed)
    }

    @Test func wrongWireTypesInValueAndReportAreMalformed() {
        // Value.text (1) as varint; Value.list (10) as fixed32.
        for bytes: [UInt8] in [[0x08, 0x01], [0x55, 1, 2, 3, 4]] {
            let error = #expect(throws: WireError.self) { try decode(JiefenV1.Value.self, bytes) }
            #expect(error?.code == .malformed)
        }
        // Metric.value (5, double) as a varint.
        let metric = #expect(throws: WireError.self) { try decode(JiefenV1.Metric.self, [0x28, 0x01]) }
        #expect(metric?.code == .malformed)
    }

    @Test func seededRandomAndMutatedInputsNeverCrash() throws {
        var rng = SeededGenerator(seed: 20_261_202)
        let valid = try [bytes(of: Samples.createRequest), bytes(of: Samples.caseMessage), bytes(of: Samples.report)]
        var decoded = 0
        var refused = 0
        for round in 0..<3000 {
            var bytes: [UInt8]
            if round % 3 == 0 {
                bytes = (0..<Int.random(in: 0...256, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else {
                bytes = valid[round % 3]
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0: bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                    case 1: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...bytes.count, using: &rng))
                    case 2: if bytes.count > 1 { bytes.remove(at: Int.random(in: 0..<bytes.count, using: &rng)) }
                    default: bytes += [0x62, 0xFF, 0xFF, 0xFF, 0x7F]
                    }
                }
            }
            let decoders: [([UInt8]) throws -> Void] = [
                { b in _ = try decode(JiefenV1.CreateCaseRequest.self, b) },
                { b in _ = try decode(JiefenV1.Case.self, b) },
                { b in _ = try decode(JiefenV1.Report.self, b) },
                { b in _ = try decode(JiefenV1.Value.self, b) },
            ]
            for decodeIt in decoders {
                do {
                    try decodeIt(bytes)
                    decoded += 1
                } catch {
                    refused += 1
                }
            }
        }
        #expect(decoded + refused == 12_000)
        #expect(refused > 3000)
    }
}
