extension Migration {
    /// Request ids for every write: `requests.kind` may also be `event` (`Cases/Apply`), so a retried event is
    /// applied once. SQLite cannot change a CHECK, so the table is rebuilt with its rows. Shipped; do not edit.
    static let v3EventRequests = Migration(
        version: 3,
        name: "request ids for events",
        statements: [
            """
            CREATE TABLE requests_v3 (
                request_id TEXT PRIMARY KEY CHECK (length(request_id) BETWEEN 1 AND 200),
                kind TEXT NOT NULL CHECK (kind IN ('case', 'session', 'contact', 'meeting', 'event')),
                target_id TEXT NOT NULL,
                recorded_at INTEGER NOT NULL
            ) STRICT
            """,
            "INSERT INTO requests_v3 (request_id, kind, target_id, recorded_at) SELECT request_id, kind, target_id, recorded_at FROM requests",
            "DROP TABLE requests",
            "ALTER TABLE requests_v3 RENAME TO requests",
        ]
    )
}
