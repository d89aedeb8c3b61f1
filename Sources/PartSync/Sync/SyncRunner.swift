import PostgresClient

/// Exactly one applier per table: a session-level advisory lock, held while applying.
public enum SyncRunner {
    public static func withApplierLock<T>(
        _ context: MigrationContext, on connection: Connection, _ body: () async throws -> T
    ) async throws -> T {
        let key = context.record.key
        let locked = try await connection.query(
            "SELECT pg_catalog.pg_try_advisory_lock(1347636084, pg_catalog.hashtext($1))", [key])
        guard try locked.first!.decode(Bool.self, at: 0) else {
            let holder = try await connection.query(
                """
                SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.client_addr::text, 'local')
                FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.classid = 1347636084 AND l.objid = pg_catalog.hashtext($1)::oid
                  AND l.granted
                """, [key]).first
            throw PartSyncError(
                .usage, table: context.table, phase: .syncing,
                message: "another applier is already running for this table (backend pid \(holder?[0] ?? "?"), "
                    + "\(holder?[1] ?? "?") from \(holder?[2] ?? "?"))",
                nextStep: "let it finish, or stop it (SIGTERM) before starting another")
        }
        let unlock = "SELECT pg_catalog.pg_advisory_unlock(1347636084, pg_catalog.hashtext($1))"
        do {
            try await connection.query(
                "UPDATE partsync.appliers SET backend_pid = pg_backend_pid(), heartbeat = now() WHERE migration = $1", [key])
            let value = try await body()
            _ = try? await connection.query(unlock, [key])
            return value
        } catch {
            _ = try? await connection.query(unlock, [key])
            throw error
        }
    }
}
