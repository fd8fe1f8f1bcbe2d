import JiefenDomain
import JiefenStore

/// Derives the statistics projection the store counts (``CaseFacts``) from a case's state.
enum FactsMapping {
    /// The facts of `state`. Dates of detail attributes that are personal under `schema` (all of them without a
    /// schema, as for masking) are left out of the key dates.
    static func facts(_ state: CaseState, schema: DetailSchema?, offset: UTCOffset = .chinaStandardTime) -> CaseFacts {
        let petition = state.track == .petition
        var keyDates: [String: String] = [:]
        for (name, value) in state.details.values where !CaseMapping.isPersonal(name, in: schema) {
            if case .date(let date) = value { keyDates[name] = date.description }
        }
        return CaseFacts(
            track: StoredTrack(rawValue: state.track.rawValue) ?? .petition,
            outcome: state.outcome?.rawValue,
            registeredAt: state.registeredAt.secondsSinceEpoch,
            closedAt: state.closedAt?.secondsSinceEpoch,
            receivedOn: petition ? state.receivedAt.civilDate(offset: offset).description : nil,
            noticeDueOn: state.noticeDueOn?.description,
            noticeOn: state.acceptanceNoticeOn?.description,
            acceptedOn: state.acceptedOn?.description,
            dueOn: state.dueDate?.description,
            extended: state.extension != nil,
            personsInvolved: state.personsInvolved,
            householdsInvolved: state.householdsInvolved,
            rating: state.rating?.level.rawValue,
            jointMeetingDecisions: state.jointMeetings.count { $0.decision != nil },
            awaitingJointMeeting: state.isOpen && state.jointMeetings.contains { $0.decision == nil },
            contacts: state.contacts.map { contact in
                ContactFact(
                    channel: contact.channel.rawValue, occurredOn: contact.at.civilDate(offset: offset).description,
                    headcount: contact.headcount, sessionID: contact.sessionID?.rawValue, personKeys: contact.personKeys,
                    isFollowUp: contact.isFollowUp
                )
            },
            keyDates: keyDates
        )
    }
}
