import Foundation
import JiefenStore
import SQLiteNIO

/// The SQL of ``SQLiteCaseStore/statistics(_:)``. Every query binds the same parameters:
/// `?1` first day, `?2` last day, `?3` cohort day, `?4` collective threshold, `?5` group threshold,
/// `?6` channel filter (NULL for all), `?7` village filter (NULL for all).
struct StatisticsSQL {
    let query: StatisticsQuery

    init(_ query: StatisticsQuery) { self.query = query }

    /// The outcomes that count as resolved (化解).
    static let resolvedOutcomes = "('resolved_town', 'resolved_jm', 'resolved_dept', 'resolved_online')"
    /// The channel and village filters every case-based query applies.
    private static let filters = "(?6 IS NULL OR c.intake_channel = ?6) AND (?7 IS NULL OR c.village_code = ?7)"
    /// The joins and filters every case-based query shares.
    private static let cases = "cases c JOIN case_facts f ON f.case_id = c.id WHERE \(filters)"

    private var binds: [SQLiteData] {
        [
            .text(query.from), .text(query.through), .text(query.asOf), .integer(query.collectiveThreshold),
            .integer(query.groupThreshold), .optionalText(query.channel), .optionalText(query.villageCode),
        ]
    }

    private func rows(_ db: Database, _ sql: String) async throws -> [RowReader] {
        try await db.query(sql, binds).map { RowReader(row: $0, table: "statistics") }
    }

    private func one(_ db: Database, _ sql: String) async throws -> RowReader {
        guard let row = try await rows(db, sql).first else {
            throw StoreError(code: .internalError, message: "a statistics aggregate returned no row")
        }
        return row
    }

    func run(_ db: Database) async throws -> PeriodStatistics {
        var s = PeriodStatistics()
        s.registered = try await groupCounts(
            db, outcome: "CASE WHEN c.closed_on <= ?3 THEN f.outcome END",
            period: "c.registered_on")
        s.closed = try await groupCounts(db, outcome: "f.outcome", period: "c.closed_on")
        s.sessionsHeld = try await one(
            db,
            """
            SELECT count(*) AS n FROM reception_sessions
            WHERE held = 1 AND held_on BETWEEN ?1 AND ?2 AND (?7 IS NULL OR village_code = ?7)
              AND (?6 IS NULL OR ?6 = 'VILLAGE_RECEPTION')
            """
        ).count("n")
        try await contacts(db, into: &s)
        s.groupCases = try await one(
            db,
            """
            SELECT count(*) AS n FROM \(Self.cases)
              AND c.registered_on BETWEEN ?1 AND ?2 AND f.track <> 'micro' AND f.persons_involved >= ?5
            """
        ).count("n")
        s.notices = try await rows(
            db,
            """
            SELECT channel, total(timely) AS timely, total(required) AS required FROM (
              SELECT c.intake_channel AS channel,
                     (f.notice_on IS NOT NULL AND f.notice_on <= ?3)
                  OR (f.notice_on IS NULL AND f.notice_due_on < ?3 AND (c.closed_on IS NULL OR c.closed_on > ?3)) AS required,
                     f.notice_on IS NOT NULL AND f.notice_on <= ?3 AND f.notice_on <= f.notice_due_on AS timely
              FROM \(Self.cases) AND f.track = 'petition' AND f.received_on BETWEEN ?1 AND ?2)
            GROUP BY channel HAVING total(required) > 0 ORDER BY channel
            """
        ).map { ChannelFraction(channel: try $0.text("channel"), numerator: try $0.count("timely"), denominator: try $0.count("required")) }
        s.onTime = try await rows(
            db,
            """
            SELECT c.intake_channel AS channel, count(*) AS closed, total(c.closed_on <= f.due_on) AS on_time FROM \(Self.cases)
              AND f.track = 'petition' AND c.closed_on BETWEEN ?1 AND ?2 AND f.due_on IS NOT NULL
            GROUP BY c.intake_channel ORDER BY c.intake_channel
            """
        ).map { ChannelFraction(channel: try $0.text("channel"), numerator: try $0.count("on_time"), denominator: try $0.count("closed")) }
        s.durations = try await durations(db)
        s.ratingsByChannel = try await rows(
            db,
            """
            SELECT c.intake_channel AS channel, count(*) AS eligible, total(f.rating = 'satisfied') AS satisfied,
                   total(f.rating = 'basically_satisfied') AS basically, total(f.rating = 'dissatisfied') AS dissatisfied
            FROM \(Self.cases) AND f.track = 'petition' AND c.closed_on BETWEEN ?1 AND ?2
              AND f.outcome NOT IN ('guided_legal', 'not_accepted', 'transferred_out')
            GROUP BY c.intake_channel ORDER BY c.intake_channel
            """
        ).map {
            ChannelRatings(
                channel: try $0.text("channel"), eligible: try $0.count("eligible"), satisfied: try $0.count("satisfied"),
                basicallySatisfied: try $0.count("basically"), dissatisfied: try $0.count("dissatisfied"))
        }
        // Meetings are the town's, not a village's or a channel's: no filter applies. The statement still names ?7,
        // the highest parameter, because every statement is given all seven.
        s.jointMeetingsHeld = try await one(
            db,
            """
            SELECT count(*) AS n FROM joint_meetings WHERE held_on BETWEEN ?1 AND ?2 AND (?7 IS NULL OR ?7 IS NOT NULL)
            """
        ).count("n")
        s.awaitingJointMeeting = try await one(
            db,
            """
            SELECT count(*) AS n FROM \(Self.cases) AND f.awaiting_jm = 1 AND c.registered_on <= ?2
              AND (c.closed_on IS NULL OR c.closed_on > ?3)
            """
        ).count("n")
        s.months = try await months(db)
        s.villages = try await villages(db)
        s.largest = try await notable(db, order: "f.households_involved DESC, f.persons_involved DESC, c.seq", resolvedOnly: false)
        s.fastest =
            try await notable(db, order: "f.closed_at - f.registered_at, c.seq", resolvedOnly: true, track: "dispute")
            + notable(db, order: "f.closed_at - f.registered_at, c.seq", resolvedOnly: true, track: "petition")
        return s
    }

    private func groupCounts(_ db: Database, outcome: String, period: String) async throws -> [CaseGroupCount] {
        try await rows(
            db,
            """
            SELECT f.track AS track, c.intake_channel AS channel, \(outcome) AS outcome, count(*) AS n
            FROM \(Self.cases) AND \(period) BETWEEN ?1 AND ?2
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """
        ).map {
            CaseGroupCount(
                track: try $0.text("track"), channel: try $0.text("channel"),
                outcome: try $0.optionalText("outcome"), count: try $0.count("n"))
        }
    }

    private func contacts(_ db: Database, into s: inout PeriodStatistics) async throws {
        let joined = "cases c JOIN case_facts f ON f.case_id = c.id JOIN contacts ct ON ct.case_id = c.id"
        let scope = "WHERE \(Self.filters) AND ct.occurred_on BETWEEN ?1 AND ?2 AND f.track <> 'micro'"
        s.contacts = try await rows(
            db,
            """
            SELECT ct.channel AS channel, count(*) AS n, total(ct.headcount) AS person_times,
                   total(ct.headcount >= ?4) AS collective, total(ct.is_follow_up) AS follow_ups
            FROM \(joined) \(scope) GROUP BY ct.channel ORDER BY ct.channel
            """
        ).map {
            ContactCount(
                channel: try $0.text("channel"), contacts: try $0.count("n"), personTimes: try $0.count("person_times"),
                collective: try $0.count("collective"), followUps: try $0.count("follow_ups"))
        }
        s.distinctPetitioners = try await one(
            db,
            """
            SELECT count(DISTINCT k.value) AS n FROM \(joined) JOIN json_each(ct.person_keys) k \(scope)
              AND ct.channel IN ('VILLAGE_RECEPTION', 'WALK_IN')
            """
        ).count("n")
    }

    private func durations(_ db: Database) async throws -> [DurationSummary] {
        let values = """
            WITH d AS (
              SELECT f.track AS track,
                     CASE WHEN f.track = 'micro' THEN (f.closed_at - f.registered_at) / 3600.0
                          ELSE julianday(c.closed_on) - julianday(c.registered_on) END AS v
              FROM \(Self.cases) AND c.closed_on BETWEEN ?1 AND ?2 AND f.outcome IN \(Self.resolvedOutcomes)),
            r AS (SELECT track, v, row_number() OVER (PARTITION BY track ORDER BY v) AS rn,
                         count(*) OVER (PARTITION BY track) AS n FROM d)
            """
        var summaries: [DurationSummary] = []
        let buckets = try await rows(
            db,
            values + """
                SELECT track, CASE WHEN track = 'micro' THEN
                         CASE WHEN v < 1 THEN 1 WHEN v < 4 THEN 2 WHEN v < 24 THEN 3 WHEN v < 48 THEN 4 WHEN v <= 72 THEN 5 ELSE 6 END
                       ELSE CASE WHEN v = 0 THEN 1 WHEN v <= 7 THEN 2 WHEN v <= 15 THEN 3 WHEN v <= 30 THEN 4 WHEN v <= 60 THEN 5
                                 WHEN v <= 90 THEN 6 ELSE 7 END END AS bucket, count(*) AS n
                FROM d GROUP BY 1, 2 ORDER BY 1, 2
                """)
        for row in try await rows(
            db,
            values + """
                SELECT track, count(*) AS n, avg(v) AS mean,
                       max(CASE WHEN rn = (n * 50 + 99) / 100 THEN v END) AS median,
                       max(CASE WHEN rn = (n * 90 + 99) / 100 THEN v END) AS p90
                FROM r GROUP BY track ORDER BY track
                """)
        {
            let track = try row.text("track")
            let labels = track == "micro" ? Self.hourBuckets : Self.dayBuckets
            var counts = [Int](repeating: 0, count: labels.count)
            for b in buckets where try b.text("track") == track {
                let index = try b.count("bucket") - 1
                if counts.indices.contains(index) { counts[index] = try b.count("n") }
            }
            summaries.append(
                DurationSummary(
                    track: track, unit: track == "micro" ? "hours" : "days", count: try row.count("n"),
                    mean: try row.double("mean"), median: try row.double("median"), p90: try row.double("p90"),
                    buckets: zip(labels, counts).map { DurationBucket(label: $0, count: $1) }
                ))
        }
        return summaries
    }

    /// Bucket labels of times to resolution in days (petition, dispute).
    static let dayBuckets = ["0", "1-7", "8-15", "16-30", "31-60", "61-90", ">90"]
    /// Bucket labels of times to resolution in hours (micro).
    static let hourBuckets = ["<1", "1-4", "4-24", "24-48", "48-72", ">72"]

    private func months(_ db: Database) async throws -> [MonthCount] {
        let rows = try await rows(
            db,
            """
            SELECT month, track, channel, total(registered) AS registered, total(resolved) AS resolved FROM (
              SELECT substr(c.registered_on, 1, 7) AS month, f.track AS track, c.intake_channel AS channel,
                     1 AS registered, 0 AS resolved
              FROM \(Self.cases) AND c.registered_on BETWEEN ?1 AND ?2
              UNION ALL
              SELECT substr(c.closed_on, 1, 7), f.track, c.intake_channel, 0, 1
              FROM \(Self.cases) AND c.closed_on BETWEEN ?1 AND ?2 AND f.outcome IN \(Self.resolvedOutcomes))
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """)
        return try rows.map {
            MonthCount(
                month: try $0.text("month"), track: try $0.text("track"), channel: try $0.text("channel"),
                registered: try $0.count("registered"), resolved: try $0.count("resolved"))
        }
    }

    private func villages(_ db: Database) async throws -> [VillageCount] {
        let rows = try await rows(
            db,
            """
            SELECT village, total(registered) AS registered, total(resolved) AS resolved FROM (
              SELECT c.village_code AS village, 1 AS registered, 0 AS resolved
              FROM \(Self.cases) AND c.registered_on BETWEEN ?1 AND ?2 AND f.track <> 'micro'
              UNION ALL
              SELECT c.village_code, 0, 1
              FROM \(Self.cases) AND c.closed_on BETWEEN ?1 AND ?2 AND f.track <> 'micro'
                AND f.outcome IN \(Self.resolvedOutcomes))
            GROUP BY 1 ORDER BY 1
            """)
        return try rows.map {
            VillageCount(villageCode: try $0.text("village"), registered: try $0.count("registered"), resolved: try $0.count("resolved"))
        }
    }

    private func notable(_ db: Database, order: String, resolvedOnly: Bool, track: String? = nil) async throws -> [NotableCase] {
        var resolved = resolvedOnly ? "AND f.outcome IN \(Self.resolvedOutcomes)" : ""
        if let track, ["petition", "dispute"].contains(track) { resolved += " AND f.track = '\(track)'" }
        let rows = try await rows(
            db,
            """
            SELECT c.id AS id, c.kind AS kind, f.track AS track, c.intake_channel AS channel, f.outcome AS outcome,
                   f.households_involved AS households, f.registered_at AS registered_at, f.closed_at AS closed_at,
                   f.jm_decisions AS jm_decisions, f.extended AS extended, f.key_dates AS key_dates
            FROM \(Self.cases) AND c.closed_on BETWEEN ?1 AND ?2 AND f.track <> 'micro' AND f.closed_at IS NOT NULL \(resolved)
            ORDER BY \(order) LIMIT \(max(0, query.notableLimit))
            """)
        return try rows.map { r in
            let dates = try JSONDecoder().decode([String: String].self, from: Data(try r.text("key_dates").utf8))
            return NotableCase(
                caseID: try r.text("id"), kind: try r.text("kind"), track: try r.text("track"), channel: try r.text("channel"),
                outcome: try r.text("outcome"), householdsInvolved: try r.count("households"),
                registeredAt: try r.int64("registered_at"), closedAt: try r.int64("closed_at"),
                jointMeetingDecisions: try r.count("jm_decisions"), extended: try r.bool("extended"), keyDates: dates
            )
        }
    }
}
