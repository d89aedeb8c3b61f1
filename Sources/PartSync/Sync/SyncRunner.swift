import PostgresClient

/// Exactly one applier per table: a session-level advisory lock, held while applying.
public enum SyncRunner {
    /// The `pg_locks` row (alias `l`) of the granted applier lock, with the capture's lock key as `$1` and
    /// `AdvisoryLock.applier` as `$2`. pg_locks shows every database's advisory locks: match this database only.
    static let heldLock = """
        l.locktype = 'advisory' AND l.granted AND l.classid = $2::oid AND l.objid = pg_catalog.hashtext($1)::oid
          AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
        """

    public static func withApplierLock<T>(
        _ context: MigrationContext, direction: CaptureDirection = .forward, on connection: Connection,
        _ body: () async throws -> T
    ) async throws -> T {
        let capture = context.capture(direction)!
        try await acquire(context, capture, on: connection)
        do {
            let value = try await body()
            await release(context, capture, on: connection)
            return value
        } catch {
            await release(context, capture, on: connection)
            throw error
        }
    }

    /// Takes the applier lock in this session and records the session as the applier, with a new echo token
    /// set in the session.
    /// - Throws: `PartSyncError(.usage)` naming the holder's backend pid when another session holds it.
    static func acquire(_ context: MigrationContext, _ capture: CaptureRecord, on connection: Connection) async throws {
        let key = capture.applierLockKey(migration: context.record.key)
        let lockClass = AdvisoryLock.applier.rawValue
        let locked = try await connection.query(
            "SELECT pg_catalog.pg_try_advisory_lock($2, pg_catalog.hashtext($1))", [key, lockClass])
        guard try locked.first!.decode(Bool.self, at: 0) else {
            let holder = try await connection.query(
                """
                SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.client_addr::text, 'local')
                FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
                WHERE \(heldLock)
                """, [key, lockClass]).first
            throw PartSyncError(
                .usage, table: context.table, phase: .syncing,
                message: "another applier is already running for this table (\(capture.direction.rawValue) capture, backend pid \(holder?[0] ?? "?"), "
                    + "\(holder?[1] ?? "?") from \(holder?[2] ?? "?"))",
                nextStep: "let it finish, or stop it (SIGTERM) before starting another; --wait waits for it")
        }
        try await StateStore(connection).registerApplier(context.record.key, capture)
    }

    /// Refuses, changing nothing, while an applier runs for any of the migration's captures: for commands that
    /// drop what appliers use (abandon, finish). `nextStep` says what to do instead.
    static func refuseWhileApplying(_ record: MigrationRecord, nextStep: String, on connection: Connection)
        async throws
    {
        for capture in record.captures where try await runs(record.key, capture, on: connection) {
            throw PartSyncError(
                .usage, table: record.source.displayName, phase: record.phase,
                message: "an applier is running for this table (\(capture.direction.rawValue) capture); nothing was changed",
                nextStep: nextStep)
        }
    }

    /// Whether a session holds the capture's applier lock.
    static func runs(_ key: String, _ capture: CaptureRecord, on connection: Connection) async throws -> Bool {
        try await connection.query(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks l WHERE \(heldLock))",
            [capture.applierLockKey(migration: key), AdvisoryLock.applier.rawValue]).first!.decode(Bool.self, at: 0)
    }

    /// Releases the lock; a lost connection has released it already.
    static func release(_ context: MigrationContext, _ capture: CaptureRecord, on connection: Connection) async {
        _ = try? await connection.query(
            "SELECT pg_catalog.pg_advisory_unlock($2, pg_catalog.hashtext($1))",
            [capture.applierLockKey(migration: context.record.key), AdvisoryLock.applier.rawValue])
    }
}
