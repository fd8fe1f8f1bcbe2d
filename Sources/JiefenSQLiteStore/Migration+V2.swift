extension Migration {
    /// The statistics projection (`case_facts`, one row per case, written with the case row) and the baselines of
    /// periods without case data. Contacts of cases are written to `contacts` from the facts as well.
    /// Shipped; do not edit.
    static let v2Statistics = Migration(
        version: 2,
        name: "statistics projection and baselines",
        statements: [
            """
            CREATE TABLE case_facts (
                case_id TEXT PRIMARY KEY REFERENCES cases (id),
                track TEXT NOT NULL CHECK (track IN ('petition', 'dispute', 'micro')),
                outcome TEXT CHECK (outcome IS NULL OR length(outcome) > 0),
                registered_at INTEGER NOT NULL,
                closed_at INTEGER CHECK (closed_at IS NULL OR closed_at >= registered_at),
                received_on TEXT CHECK (received_on IS NULL OR date(received_on) IS received_on),
                notice_due_on TEXT CHECK (notice_due_on IS NULL OR date(notice_due_on) IS notice_due_on),
                notice_on TEXT CHECK (notice_on IS NULL OR date(notice_on) IS notice_on),
                accepted_on TEXT CHECK (accepted_on IS NULL OR date(accepted_on) IS accepted_on),
                due_on TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
                extended INTEGER NOT NULL CHECK (extended IN (0, 1)),
                persons_involved INTEGER NOT NULL CHECK (persons_involved >= 0),
                households_involved INTEGER NOT NULL CHECK (households_involved >= 0),
                rating TEXT CHECK (rating IS NULL OR rating IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
                jm_decisions INTEGER NOT NULL CHECK (jm_decisions >= 0),
                awaiting_jm INTEGER NOT NULL CHECK (awaiting_jm IN (0, 1)),
                key_dates TEXT NOT NULL CHECK (json_valid(key_dates) AND json_type(key_dates) = 'object')
            ) STRICT
            """,
            """
            CREATE TABLE baselines (
                period_from TEXT NOT NULL CHECK (date(period_from) IS period_from),
                period_to TEXT NOT NULL CHECK (date(period_to) IS period_to AND period_to >= period_from),
                figures TEXT NOT NULL CHECK (json_valid(figures) AND json_type(figures) = 'object'),
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (period_from, period_to)
            ) STRICT
            """,
        ]
    )
}
