import Foundation
import HousingDeliveryPlugin
import JiefenAPI
import JiefenDomain
import JiefenStore

/// A store draft the size the server writes, for the create benchmark.
enum BenchValues {
    /// A registered housing case encoded exactly as the server encodes it (sorted-key JSON).
    static func realisticDraft() throws -> (CaseDraft, EventDraft) {
        let registration = Registration(
            id: CaseID("JF-PENDING"), kind: "housing-delivery", track: .petition, channel: .walkIn,
            villageCode: VillageCode("340181-TY-02"), petitioners: [PersonRef(name: "张三", phone: "13800138000")],
            personsInvolved: 3, demandText: "逾期交房，要求支付违约金", details: HousingDeliveryPlugin().sampleDetails
        )
        let event = CaseEvent(
            sequence: 1, actor: Actor(id: "bench"), at: Timestamp(secondsSinceEpoch: 1_700_000_000), payload: .registered(registration))
        let state = try CaseState(registration: event)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let draft = CaseDraft(
            kind: "housing-delivery", track: .petition, state: state.status.rawValue, intakeChannel: "WALK_IN",
            villageCode: "340181-TY-02", registeredOn: state.registeredAt.civilDate().description, closedOn: nil,
            snapshot: Array(try encoder.encode(state))
        )
        let eventDraft = EventDraft(
            type: "registered", actor: "bench", occurredAt: "1700000000", recordedAt: 1_700_000_000,
            payload: Array(try encoder.encode(event.payload))
        )
        return (draft, eventDraft)
    }
}
