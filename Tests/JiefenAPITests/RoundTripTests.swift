import JiefenAPI
import JiefenWireTesting
import NIOCore
import TTRPCWire
import Testing

@Suite("generated messages round-trip: encode then decode gives the same value")
struct RoundTripTests {
    @Test(arguments: Samples.values)
    func everyValueMemberRoundTrips(value: JiefenV1.Value) throws {
        #expect(try roundTrip(value) == value)
        // Inside a Field, a list and a request too.
        let field = JiefenV1.Field(name: "x", value: value)
        #expect(try roundTrip(field) == field)
        let list = JiefenV1.ValueList(items: [value, value])
        #expect(try roundTrip(list) == list)
    }

    @Test func aNaNInADoubleFieldRoundTripsBitForBit() throws {
        // A NaN is never equal to itself, so the message is not either; its bytes and bits are what must survive
        // (the fuzz target's round-trip check compares bytes for this reason).
        let nan = Double(bitPattern: 0xFFFF_FF01_A000_0000)
        let request = JiefenV1.PutBaselineRequest(keys: ["cases/petition/WALK_IN", "visits"], values: [nan, -.infinity])
        let bytes = try request.encoded()
        let back = try JiefenV1.PutBaselineRequest(decoding: bytes)
        #expect(back.values.map(\.bitPattern) == [nan.bitPattern, (-Double.infinity).bitPattern])
        #expect(try back.encoded() == bytes)
    }

    @Test func aSetMemberHoldingZeroIsNotDropped() throws {
        // oneof members have presence: integer 0 and flag false are on the wire, unlike plain proto3 scalars.
        #expect(try bytes(of: JiefenV1.Value(kind: .integer(0))) == [0x10, 0x00])
        #expect(try bytes(of: JiefenV1.Value(kind: .flag(false))) == [0x40, 0x00])
        #expect(try bytes(of: JiefenV1.Value(kind: .text(""))) == [0x0A, 0x00])
        #expect(try bytes(of: JiefenV1.Value(kind: .list(JiefenV1.ValueList()))) == [0x52, 0x00])
        // A present but empty nested message stays present; an absent one stays absent.
        #expect(try roundTrip(JiefenV1.Field(name: "n", value: JiefenV1.Value())).value == JiefenV1.Value())
        #expect(try !roundTrip(JiefenV1.Field(name: "n")).hasValue)
    }

    @Test func createCaseRequestRoundTrips() throws {
        let decoded = try roundTrip(Samples.createRequest)
        #expect(decoded == Samples.createRequest)
        #expect(decoded.details.count == Samples.details.count)
        // Encoding again gives the same bytes.
        #expect(try bytes(of: decoded) == bytes(of: Samples.createRequest))
    }

    @Test func caseAndCreateCaseResponseRoundTrip() throws {
        #expect(try roundTrip(Samples.caseMessage) == Samples.caseMessage)
        let response = JiefenV1.CreateCaseResponse(case: Samples.caseMessage, created: true)
        #expect(try roundTrip(response) == response)
        let absent = JiefenV1.CreateCaseResponse(case: nil, created: false)
        #expect(try roundTrip(absent) == absent)
        let empty = JiefenV1.CreateCaseResponse(case: JiefenV1.Case(), created: false)
        #expect(try roundTrip(empty).case == JiefenV1.Case())
    }

    @Test func personAndFieldRoundTrip() throws {
        #expect(try roundTrip(Samples.person) == Samples.person)
        for field in Samples.details { #expect(try roundTrip(field) == field) }
    }

    @Test func statsReportRoundTrips() throws {
        #expect(try roundTrip(Samples.report) == Samples.report)
        let baseline = JiefenV1.PutBaselineRequest(from: "2022-01-01", to: "2022-12-31", keys: ["a", "b"], values: [0.5, -0.0, 1e308])
        #expect(try roundTrip(baseline) == baseline)
    }

    @Test func repeatedScalarsDecodePackedAndUnpacked() throws {
        // DurationRow.bucket_counts (8) packed, as proto3 encoders write it …
        let packed = try bytes(of: JiefenV1.DurationRow(bucketCounts: [1, 2, 300]))
        #expect(packed == [0x42, 0x04, 0x01, 0x02, 0xAC, 0x02])
        // … and one varint per element, as proto2 encoders write it: both must be accepted.
        let unpacked: [UInt8] = [0x40, 0x01, 0x40, 0x02, 0x40, 0xAC, 0x02]
        #expect(try decode(JiefenV1.DurationRow.self, unpacked).bucketCounts == [1, 2, 300])
    }

    @Test func generatedBytesMatchTheHandBuiltOnes() throws {
        // HostileBytes.createRequest is written by hand from the .proto field numbers.
        let request = JiefenV1.CreateCaseRequest(
            requestID: "r1", details: [JiefenV1.Field(name: "x", value: JiefenV1.Value(kind: .integer(7)))]
        )
        #expect(try bytes(of: request) == HostileBytes.createRequest(detailValue: [0x10, 0x07]))
        let decoded = try decode(JiefenV1.CreateCaseRequest.self, HostileBytes.createRequest(detailValue: [0x10, 0x07]))
        #expect(decoded == request)
    }

    @Test func encodeAppendsToTheBuffer() throws {
        var buffer = ByteBuffer(bytes: [0xAA])
        try Samples.person.encode(into: &buffer)
        #expect(buffer.readInteger(as: UInt8.self) == 0xAA)
        #expect(try JiefenV1.Person(decoding: buffer) == Samples.person)
    }
}

@Suite("proto3 defaults")
struct DefaultsTests {
    private static func check<M: GeneratedMessage>(_ type: M.Type, _ defaultValue: M) throws {
        #expect(try M(decoding: ByteBuffer()) == defaultValue, "\(M.protoName) from no bytes")
        #expect(try defaultValue.encoded().readableBytes == 0, "\(M.protoName) default encodes to nothing")
    }

    @Test func emptyBytesDecodeToTheDefaultAndTheDefaultEncodesToNothing() throws {
        try Self.check(JiefenV1.CreateCaseRequest.self, JiefenV1.CreateCaseRequest())
        try Self.check(JiefenV1.CreateCaseResponse.self, JiefenV1.CreateCaseResponse())
        try Self.check(JiefenV1.Case.self, JiefenV1.Case())
        try Self.check(JiefenV1.Value.self, JiefenV1.Value())
        try Self.check(JiefenV1.ValueList.self, JiefenV1.ValueList())
        try Self.check(JiefenV1.Field.self, JiefenV1.Field())
        try Self.check(JiefenV1.Person.self, JiefenV1.Person())
        try Self.check(JiefenV1.Report.self, JiefenV1.Report())
        try Self.check(JiefenV1.Metric.self, JiefenV1.Metric())
        try Self.check(JiefenV1.DurationRow.self, JiefenV1.DurationRow())
        #expect(JiefenV1.Value().kind == nil)
        #expect(!JiefenV1.CreateCaseResponse().hasCase)
    }

    @Test func explicitZeroesOnTheWireDecodeToTheDefault() throws {
        // request_id "" (1), persons_involved 0 (8), received_at 0 (13), headcount 0 (14).
        let zeroes: [UInt8] = [0x0A, 0x00, 0x40, 0x00, 0x68, 0x00, 0x70, 0x00]
        #expect(try decode(JiefenV1.CreateCaseRequest.self, zeroes) == JiefenV1.CreateCaseRequest())
        // Metric.value 0.0 (5, fixed64) and has_previous false (8).
        let metric: [UInt8] = [0x29, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x00]
        #expect(try decode(JiefenV1.Metric.self, metric) == JiefenV1.Metric())
    }

    @Test func zeroScalarsAreNotWritten() throws {
        let zeroed = JiefenV1.Case(personsInvolved: 0, version: 0, masked: false)
        #expect(try zeroed.encoded().readableBytes == 0)
        #expect(try bytes(of: JiefenV1.Case(masked: true)) == [0xD8, 0x01, 0x01])
    }
}
