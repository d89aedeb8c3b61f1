import PostgresClient

/// The applier of each capture: who runs it, its figures, and its signal to the writers (a sequence, mirrored
/// into `partsync.appliers` for people and `status`).
extension StateStore {
    /// Records this session as the capture's applier and gives it a new echo token, which the session then
    /// sets as `partsync.applier`: capture skips a statement only when both its backend and that token match
    /// the applier's row, so no other session can escape capture by setting the same setting (invariant 5).
    /// Call it while holding the applier lock.
    func registerApplier(_ key: String, _ capture: CaptureRecord) async throws {
        let token = try await connection.query(
            """
            UPDATE partsync.appliers SET backend_pid = pg_catalog.pg_backend_pid(), heartbeat = now(),
                echo_token = pg_catalog.gen_random_uuid()::text
            WHERE migration = $1 AND direction = $2
            RETURNING echo_token
            """, [key, capture.direction.rawValue]).first
        guard let token = token?[0] else {
            throw PartSyncError(.database, message: "partsync.appliers has no row for \(key) (\(capture.direction.rawValue))",
                                nextStep: "the state was changed by hand; abandon the migration and prepare it again")
        }
        try await connection.query("SELECT pg_catalog.set_config('partsync.applier', $1, false)", [token])
    }

    /// Resets the figures at the start of an applier run.
    func applierStarted(_ key: String, _ capture: CaptureRecord) async throws {
        try await connection.query(
            """
            UPDATE partsync.appliers SET started_at = now(), heartbeat = now(), applied_total = 0, apply_rate = NULL
            WHERE migration = $1 AND direction = $2
            """, [key, capture.direction.rawValue])
    }

    /// The applier's running figures (at most once a second), and a lag sample when the last is older than
    /// five seconds (samples older than seven days are dropped then).
    func writeApplierFigures(
        _ key: String, _ capture: CaptureRecord, total: Int64, rate: Double?, appliedSinceLast: Bool
    ) async throws {
        let log = capture.log.sql
        try await connection.query(
            """
            WITH figures AS (
                UPDATE partsync.appliers SET heartbeat = now(), applied_total = $3, apply_rate = $4,
                    last_batch_at = CASE WHEN $5 THEN now() ELSE last_batch_at END
                WHERE migration = $1 AND direction = $2
                RETURNING 1
            ), due AS (
                SELECT 1 WHERE NOT EXISTS (
                    SELECT 1 FROM partsync.lag_samples
                    WHERE migration = $1 AND direction = $2 AND at > now() - interval '5 seconds')
            ), sample AS (
                INSERT INTO partsync.lag_samples (migration, direction, pending, oldest_age_seconds)
                SELECT $1, $2, (SELECT count(*) FROM \(log)),
                       (SELECT extract(epoch FROM pg_catalog.clock_timestamp() - partsync_logged_at)::float8
                        FROM \(log) ORDER BY partsync_seq LIMIT 1)
                FROM due
                RETURNING 1
            ), expired AS (
                DELETE FROM partsync.lag_samples
                WHERE migration = $1 AND direction = $2 AND at < now() - interval '7 days' AND EXISTS (SELECT 1 FROM due)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM figures), (SELECT count(*) FROM sample), (SELECT count(*) FROM expired)
            """, [key, capture.direction.rawValue, total, rate, appliedSinceLast])
    }

    /// Sets the capture's signal to `value` (an SQL expression of `current`, the signal's value now) and mirrors
    /// it into the applier's row, in one statement; returns the new value.
    func setSignal(_ key: String, _ capture: CaptureRecord, to value: (_ current: String) -> String,
                   switched: Bool = false) async throws -> Int {
        let current = "COALESCE(pg_catalog.pg_sequence_last_value($3::regclass), 0)"
        // Prepared: the applier sets and clears its waiting bit around every sleep, and planning this statement
        // cost more than running it.
        return try await connection.query(prepared:
            """
            WITH s AS (SELECT pg_catalog.setval($3::regclass, \(value(current)), true) AS v),
            mirror AS (
                UPDATE partsync.appliers SET waiting = (SELECT v % 2 = 1 FROM s),
                    log_generation = (SELECT v / 2 FROM s), heartbeat = now()\(switched ? ", log_switched_at = now()" : "")
                WHERE migration = $1 AND direction = $2
                RETURNING 1
            )
            SELECT v FROM s
            """, [key, capture.direction.rawValue, capture.signal.sql]).first!.decode(Int.self, at: 0)
    }

    /// The generation writers log into now (a signal never set is generation 0).
    func activeGeneration(_ capture: CaptureRecord) async throws -> Int {
        try await connection.query(
            "SELECT COALESCE(pg_catalog.pg_sequence_last_value($1::regclass), 0) / 2", [capture.signal.sql]
        ).first!.decode(Int.self, at: 0)
    }

    func logTruncated(_ key: String, _ capture: CaptureRecord) async throws {
        try await connection.query(
            "UPDATE partsync.appliers SET log_truncated_at = now() WHERE migration = $1 AND direction = $2",
            [key, capture.direction.rawValue])
    }

    /// The applier's row as `SyncLag` reads it, with the backlog of the capture's log and its size.
    func lag(_ key: String, _ capture: CaptureRecord) async throws -> SyncLag? {
        let log = capture.log.sql
        let row = try await connection.query(
            """
            SELECT (SELECT count(*) FROM \(log)),
                   (SELECT extract(epoch FROM pg_catalog.clock_timestamp() - partsync_logged_at)::float8
                    FROM \(log) ORDER BY partsync_seq LIMIT 1),
                   a.applied_total, a.apply_rate,
                   extract(epoch FROM pg_catalog.clock_timestamp() - a.last_batch_at)::float8,
                   extract(epoch FROM pg_catalog.clock_timestamp() - a.heartbeat)::float8,
                   (SELECT l.pid FROM pg_catalog.pg_locks l WHERE \(SyncRunner.heldLock) LIMIT 1),
                   COALESCE(pg_catalog.pg_sequence_last_value(pg_catalog.to_regclass($5)), 0) % 2 = 1,
                   \(ChangeLog.bytesSQL("$4"))
            FROM partsync.appliers a WHERE a.migration = $3 AND a.direction = $6
            """,
            [capture.applierLockKey(migration: key), AdvisoryLock.applier.rawValue, key, log, capture.signal.sql,
             capture.direction.rawValue]).first
        guard let row else { return nil }
        return SyncLag(
            pending: try row.decode(Int64.self, at: 0), oldestAgeSeconds: try row.decodeIfPresent(Double.self, at: 1),
            appliedTotal: try row.decode(Int64.self, at: 2), applyRate: try row.decodeIfPresent(Double.self, at: 3),
            lastBatchAgeSeconds: try row.decodeIfPresent(Double.self, at: 4),
            heartbeatAgeSeconds: try row.decodeIfPresent(Double.self, at: 5),
            applierPID: try row.decodeIfPresent(Int32.self, at: 6), applierWaiting: try row.decode(Bool.self, at: 7),
            logBytes: try row.decode(Int64.self, at: 8))
    }
}
