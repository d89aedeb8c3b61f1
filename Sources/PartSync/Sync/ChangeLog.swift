import PostgresClient

/// The change log's two generations, and the applier's operations on them (`LogRotation` decides when).
///
/// Writers read `partsync.appliers.log_generation` in the capture statement and log into that partition. A
/// writer whose snapshot predates a switch (a long statement, a REPEATABLE READ transaction) still logs into
/// the retired generation, even after it was truncated; that is harmless because the applier reads both. What
/// must never happen is a truncation that removes a committed entry nobody applied, so `truncateRetired`
/// takes the retired partition's ACCESS EXCLUSIVE lock first (which waits for every transaction that wrote to
/// it to end, or gives up after `lockTimeout`) and truncates only if, under that lock, it holds no entry.
public struct ChangeLog: Sendable {
    let context: MigrationContext
    var lockTimeoutMilliseconds = 50

    /// `changes_<key>_0` and `changes_<key>_1` for the log `changes_<key>`.
    public static func generations(of log: SQLIdentifier) -> [SQLIdentifier] {
        [0, 1].map { SQLIdentifier(schema: log.schema, name: "\(log.name)_\($0)") }
    }

    var generations: [SQLIdentifier] {
        get throws { Self.generations(of: try SQLIdentifier.parse(context.record.changeLog)) }
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
            "SELECT relkind::text FROM pg_catalog.pg_class WHERE oid = $1::regclass", [context.record.changeLog])
        guard try kind.first?.decode(String.self, at: 0) != "p" else { return }
        throw PartSyncError(
            .usage, table: context.table, phase: .syncing,
            message: "the change log \(context.record.changeLog) was created by an older partsync without generations",
            nextStep: "drop the target, the change log and its migration row, then run `partsync prepare` again")
    }

    /// Makes the other generation the active one. Returns the new active generation.
    @discardableResult
    func switchGeneration(on connection: Connection) async throws -> Int {
        try await connection.query(
            """
            UPDATE partsync.appliers SET log_generation = 1 - log_generation, log_switched_at = now()
            WHERE migration = $1 RETURNING log_generation
            """, [context.record.key]).first!.decode(Int.self, at: 0)
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
        let generations = try generations
        let active = try await connection.query(
            "SELECT log_generation FROM partsync.appliers WHERE migration = $1", [context.record.key]
        ).first!.decode(Int.self, at: 0)
        let retired = generations[1 - active]
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
                try await tx.query("UPDATE partsync.appliers SET log_truncated_at = now() WHERE migration = $1",
                                   [context.record.key])
                return .truncated
            }
        } catch let error as PostgresError where error.sqlState == .lockNotAvailable {
            let holders = try await connection.query(
                """
                SELECT string_agg(l.pid || ' ' || coalesce(nullif(a.application_name, ''), a.backend_type) || ' '
                                  || l.mode, ', ')
                FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
                WHERE l.relation = $1::regclass AND l.granted
                """, [retired.sql]).first?[0]
            return .lockBusy(holders ?? "no longer held")
        }
    }
}
