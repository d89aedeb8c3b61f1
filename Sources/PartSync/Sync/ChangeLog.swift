import PostgresClient

/// The change log's two generations, the applier's signal to the writers, and the applier's operations on
/// them (`LogRotation` decides when).
///
/// The signal is a sequence whose value is the active generation × 2, plus 1 while the applier waits for a
/// notification. The capture trigger reads it once per statement and logs into that generation. `setval` is
/// not transactional: a new value is seen by the next statement of every writer, committed or not. The
/// `waiting` and `log_generation` columns of `partsync.appliers` mirror it for people and `status`.
///
/// A writer that read the signal just before a switch still logs into the retired generation, possibly after
/// it was truncated; that is harmless because the applier reads both. What must never happen is a truncation
/// that removes a committed entry nobody applied, so `truncateRetired` takes the retired partition's ACCESS
/// EXCLUSIVE lock first (which waits for every transaction that wrote to it to end, or gives up after
/// `lockTimeoutMilliseconds`) and truncates only if, under that lock, it holds no entry.
public struct ChangeLog: Sendable {
    let context: MigrationContext
    let capture: CaptureRecord
    var lockTimeoutMilliseconds = 50

    /// The change log of the capture in `direction`.
    /// - Precondition: the migration has a capture in `direction`.
    init(context: MigrationContext, direction: CaptureDirection = .forward) {
        self.context = context
        self.capture = context.capture(direction)!
    }

    /// How many entries the log holds now.
    func pendingEntries(on connection: Connection) async throws -> Int {
        try await connection.query("SELECT count(*) FROM \(capture.log.sql)").first!.decode(Int.self, at: 0)
    }

    /// The log's bytes on disk: every generation's heap, indexes and TOAST. `log` is the parameter (e.g. `$1`)
    /// that holds the parent log's name.
    public static func bytesSQL(_ log: String) -> String {
        """
        (SELECT coalesce(sum(pg_catalog.pg_total_relation_size(t.relid)), 0)::int8
         FROM pg_catalog.pg_partition_tree(\(log)::regclass) t)
        """
    }

    /// Refuses a log that an earlier partsync created as one plain table: its trigger writes no generation.
    func checkShape(on connection: Connection) async throws {
        let kind = try await connection.query(
            "SELECT relkind::text FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass($1)", [capture.log.sql])
        guard try kind.first?.decode(String.self, at: 0) != "p" else { return }
        throw PartSyncError(
            .usage, table: context.table, phase: .syncing,
            message: "the change log \(capture.log.displayName) is missing or was created by an older partsync "
                + "without generations",
            nextStep: "drop the target, the change log and its migration row, then run `partsync prepare` again")
    }

    /// Marks the applier waiting (writers notify) or awake (they do not), keeping the generation.
    func setWaiting(_ waiting: Bool, on connection: Connection) async throws {
        _ = try await StateStore(connection).setSignal(context.record.key, capture) { current in
            "\(current) / 2 * 2 + \(waiting ? 1 : 0)"
        }
    }

    /// Makes `generation` the active one (and the applier awake). An absolute value, not "the other one": the
    /// caller retries this after a lost connection, and `setval` is not rolled back with a failed statement.
    func switchGeneration(to generation: Int, on connection: Connection) async throws {
        _ = try await StateStore(connection).setSignal(context.record.key, capture, to: { _ in "\(generation * 2)" },
                                                        switched: true)
    }

    /// The generation writers log into now.
    func activeGeneration(on connection: Connection) async throws -> Int {
        try await StateStore(connection).activeGeneration(capture)
    }

    enum TruncateOutcome: Equatable {
        case truncated
        /// Entries the applier has not applied yet.
        case occupied
        /// The lock was not granted in time; who held it (pid, application, mode), if it was still held.
        case lockBusy(String)
    }

    /// Truncates the generation writers no longer log into, if nothing in it is left to apply. Anything but
    /// `.truncated` means "try again later".
    func truncateRetired(on connection: Connection) async throws -> TruncateOutcome {
        let retired = capture.generations[1 - (try await activeGeneration(on: connection))]
        // Cheap look first, without the lock: entries the applier has not reached yet are the usual reason.
        let occupied = "SELECT EXISTS (SELECT 1 FROM \(retired.sql))"
        if try await connection.query(occupied).first!.decode(Bool.self, at: 0) { return .occupied }
        do {
            return try await connection.withTransaction { tx in
                try await tx.execute("SET LOCAL lock_timeout = '\(lockTimeoutMilliseconds)ms'")
                try await tx.execute("LOCK TABLE \(retired.sql) IN ACCESS EXCLUSIVE MODE")
                // Every writer of this generation has ended; a new statement sees all they committed.
                if try await tx.query(occupied).first!.decode(Bool.self, at: 0) { return .occupied }
                try await tx.execute("TRUNCATE \(retired.sql)")
                try await StateStore(tx).logTruncated(context.record.key, capture)
                return .truncated
            }
        } catch let error as PostgresError where error.sqlState == .lockNotAvailable {
            let holders = try await connection.query(
                """
                SELECT string_agg(CASE WHEN l.pid IS NULL
                                       THEN 'prepared transaction ' || coalesce(p.gid, l.virtualtransaction)
                                       ELSE l.pid || ' ' || coalesce(nullif(a.application_name, ''), a.backend_type)
                                  END || ' ' || l.mode, ', ')
                FROM pg_catalog.pg_locks l
                LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
                LEFT JOIN pg_catalog.pg_prepared_xacts p
                    ON l.pid IS NULL AND p.transaction::text = pg_catalog.split_part(l.virtualtransaction, '/', 2)
                WHERE l.relation = $1::regclass AND l.granted
                """, [retired.sql]).first?[0]
            return .lockBusy(holders ?? "no longer held")
        }
    }
}
