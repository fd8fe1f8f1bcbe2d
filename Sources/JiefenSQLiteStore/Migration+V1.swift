extension Migration {
    /// The initial schema: cases and their append-only history, request ids, village-reception sessions, contacts
    /// and joint meetings. Shipped; do not edit.
    static let v1Initial = Migration(
        version: 1,
        name: "initial schema",
        statements: [
            """
            CREATE TABLE cases (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE CHECK (id = printf('JF-%06d', seq)),
                kind TEXT NOT NULL CHECK (length(kind) > 0),
                track TEXT NOT NULL CHECK (track IN ('petition', 'dispute', 'micro')),
                state TEXT NOT NULL CHECK (length(state) > 0),
                intake_channel TEXT NOT NULL CHECK (length(intake_channel) > 0),
                village_code TEXT NOT NULL,
                registered_on TEXT NOT NULL CHECK (date(registered_on) IS registered_on),
                closed_on TEXT CHECK (closed_on IS NULL OR (date(closed_on) IS closed_on AND closed_on >= registered_on)),
                version INTEGER NOT NULL CHECK (version >= 1),
                snapshot BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) STRICT
            """,
            "CREATE INDEX cases_by_kind ON cases (kind, seq)",
            "CREATE INDEX cases_by_state ON cases (state, seq)",
            "CREATE INDEX cases_by_village ON cases (village_code, seq)",
            "CREATE INDEX cases_by_registered_on ON cases (registered_on)",
            "CREATE INDEX cases_by_closed_on ON cases (closed_on) WHERE closed_on IS NOT NULL",
            """
            CREATE TRIGGER cases_identity_is_fixed BEFORE UPDATE OF seq, id, kind, track, registered_on, created_at
            ON cases BEGIN SELECT RAISE(ABORT, 'a case''s id, kind, track, registration date and creation time are fixed'); END
            """,
            """
            CREATE TRIGGER cases_version_steps_by_one BEFORE UPDATE OF version ON cases
            WHEN NEW.version IS NOT OLD.version + 1
            BEGIN SELECT RAISE(ABORT, 'a case''s version only grows by one per appended event'); END
            """,
            """
            CREATE TRIGGER cases_are_never_deleted BEFORE DELETE ON cases
            BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END
            """,
            """
            CREATE TABLE case_events (
                case_id TEXT NOT NULL REFERENCES cases (id),
                sequence INTEGER NOT NULL CHECK (sequence >= 1),
                type TEXT NOT NULL CHECK (length(type) > 0),
                actor TEXT NOT NULL CHECK (length(actor) > 0),
                occurred_at TEXT NOT NULL CHECK (length(occurred_at) > 0),
                recorded_at INTEGER NOT NULL,
                payload BLOB NOT NULL,
                PRIMARY KEY (case_id, sequence)
            ) STRICT
            """,
            """
            CREATE TRIGGER case_events_follow_the_case_version BEFORE INSERT ON case_events
            WHEN NEW.sequence IS NOT (SELECT version FROM cases WHERE id = NEW.case_id)
              OR NEW.sequence IS NOT 1 + IFNULL((SELECT max(sequence) FROM case_events WHERE case_id = NEW.case_id), 0)
            BEGIN SELECT RAISE(ABORT, 'an event''s sequence must continue its case''s history and equal the case version'); END
            """,
            """
            CREATE TRIGGER case_events_are_never_updated BEFORE UPDATE ON case_events
            BEGIN SELECT RAISE(ABORT, 'case_events is append-only: events are never updated'); END
            """,
            """
            CREATE TRIGGER case_events_are_never_deleted BEFORE DELETE ON case_events
            BEGIN SELECT RAISE(ABORT, 'case_events is append-only: events are never deleted'); END
            """,
            """
            CREATE TABLE requests (
                request_id TEXT PRIMARY KEY CHECK (length(request_id) BETWEEN 1 AND 200),
                kind TEXT NOT NULL CHECK (kind IN ('case', 'session', 'contact', 'meeting')),
                target_id TEXT NOT NULL,
                recorded_at INTEGER NOT NULL
            ) STRICT
            """,
            """
            CREATE TABLE sequences (
                name TEXT PRIMARY KEY,
                value INTEGER NOT NULL CHECK (value >= 0)
            ) STRICT
            """,
            "INSERT INTO sequences (name, value) VALUES ('session', 0), ('meeting', 0)",
            """
            CREATE TABLE reception_sessions (
                id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
                village_code TEXT NOT NULL,
                held_on TEXT NOT NULL CHECK (date(held_on) IS held_on),
                leader TEXT NOT NULL,
                held INTEGER NOT NULL CHECK (held IN (0, 1))
            ) STRICT
            """,
            "CREATE INDEX reception_sessions_by_date ON reception_sessions (held_on, id)",
            """
            CREATE TABLE contacts (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE CHECK (id = printf('CT-%06d', seq)),
                case_id TEXT NOT NULL REFERENCES cases (id),
                channel TEXT NOT NULL CHECK (length(channel) > 0),
                occurred_on TEXT NOT NULL CHECK (date(occurred_on) IS occurred_on),
                headcount INTEGER NOT NULL CHECK (headcount >= 1),
                session_id TEXT REFERENCES reception_sessions (id),
                person_keys TEXT NOT NULL CHECK (json_valid(person_keys) AND json_type(person_keys) = 'array'
                    AND json_array_length(person_keys) <= headcount),
                is_follow_up INTEGER NOT NULL CHECK (is_follow_up IN (0, 1)),
                recorded_at INTEGER NOT NULL
            ) STRICT
            """,
            "CREATE INDEX contacts_by_case ON contacts (case_id, seq)",
            "CREATE INDEX contacts_by_date ON contacts (occurred_on, seq)",
            "CREATE INDEX contacts_by_session ON contacts (session_id) WHERE session_id IS NOT NULL",
            """
            CREATE TABLE joint_meetings (
                id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
                held_on TEXT NOT NULL CHECK (date(held_on) IS held_on),
                departments TEXT NOT NULL CHECK (json_valid(departments) AND json_type(departments) = 'array'
                    AND json_array_length(departments) >= 1),
                decision TEXT NOT NULL,
                resolved INTEGER NOT NULL CHECK (resolved IN (0, 1)),
                recorded_at INTEGER NOT NULL
            ) STRICT
            """,
            "CREATE INDEX joint_meetings_by_date ON joint_meetings (held_on, id)",
            """
            CREATE TABLE joint_meeting_cases (
                meeting_id TEXT NOT NULL REFERENCES joint_meetings (id),
                case_id TEXT NOT NULL REFERENCES cases (id),
                PRIMARY KEY (meeting_id, case_id)
            ) STRICT
            """,
            "CREATE INDEX joint_meeting_cases_by_case ON joint_meeting_cases (case_id)",
        ]
    )
}
