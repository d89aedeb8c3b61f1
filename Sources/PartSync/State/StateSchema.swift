import PostgresClient

/// The `partsync` schema: where every worker finds what the others did. Idempotent DDL, run by `prepare`
/// (and by the migration file `plan --out` writes) before anything that needs it.
public enum StateSchema {
    public static let version = 1

    public static let statements: [String] = [
        // Concurrent CREATE OR REPLACE of one function fails ("tuple concurrently updated"): serialise set-up.
        "SELECT pg_catalog.pg_advisory_xact_lock(1347636085)",
        "CREATE SCHEMA IF NOT EXISTS partsync",
        "COMMENT ON SCHEMA partsync IS 'state of partsync migrations: see partsync status'",
        """
        CREATE TABLE IF NOT EXISTS partsync.migrations (
            key text PRIMARY KEY,
            source_schema text NOT NULL,
            source_table text NOT NULL,
            target_schema text NOT NULL,
            target_table text NOT NULL,
            partition_key text NOT NULL,
            partition_interval text NOT NULL,
            premake int NOT NULL,
            default_partition boolean NOT NULL,
            change_log text NOT NULL,
            channel text NOT NULL,
            phase text NOT NULL,
            schema_version int NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (source_schema, source_table)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS partsync.events (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            migration text NOT NULL REFERENCES partsync.migrations (key) ON DELETE CASCADE,
            at timestamptz NOT NULL DEFAULT clock_timestamp(),
            phase text NOT NULL,
            message text NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS events_migration_at ON partsync.events (migration, at)",
        "ALTER TABLE partsync.migrations ADD COLUMN IF NOT EXISTS paused boolean NOT NULL DEFAULT false",
        """
        CREATE TABLE IF NOT EXISTS partsync.backfill_chunks (
            migration text NOT NULL REFERENCES partsync.migrations (key) ON DELETE CASCADE,
            chunk int NOT NULL,
            lower_key text[],
            upper_key text[],
            last_key text[],
            done boolean NOT NULL DEFAULT false,
            rows_copied bigint NOT NULL DEFAULT 0,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (migration, chunk)
        )
        """,
        "COMMENT ON TABLE partsync.backfill_chunks IS "
            + "'ranges of the backfill (unit blocks: lower_key <= block < upper_key; unit keys: lower_key < key <= "
            + "upper_key); last_key is the checkpoint'",
        "ALTER TABLE partsync.backfill_chunks ADD COLUMN IF NOT EXISTS unit text NOT NULL DEFAULT 'keys'",
        """
        CREATE TABLE IF NOT EXISTS partsync.backfill_progress (
            migration text NOT NULL REFERENCES partsync.migrations (key) ON DELETE CASCADE,
            worker text NOT NULL,
            progress jsonb NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (migration, worker)
        )
        """,
        "COMMENT ON TABLE partsync.backfill_progress IS "
            + "'live progress of running backfill processes (host:pid), refreshed every few seconds'",
        """
        CREATE TABLE IF NOT EXISTS partsync.appliers (
            migration text PRIMARY KEY REFERENCES partsync.migrations (key) ON DELETE CASCADE,
            waiting boolean NOT NULL DEFAULT false,
            backend_pid int,
            heartbeat timestamptz
        )
        """,
        // The applier's own figures (SyncFollower writes them at most once a second; SyncLag reads them).
        """
        ALTER TABLE partsync.appliers
            ADD COLUMN IF NOT EXISTS started_at timestamptz,
            ADD COLUMN IF NOT EXISTS applied_total bigint NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS apply_rate double precision,
            ADD COLUMN IF NOT EXISTS last_batch_at timestamptz
        """,
        // The change log's active generation (a mirror of the signal sequence, which is what the capture trigger
        // reads), and when the applier last switched generations and truncated the retired one (LogRotation).
        """
        ALTER TABLE partsync.appliers
            ADD COLUMN IF NOT EXISTS log_generation smallint NOT NULL DEFAULT 0 CHECK (log_generation IN (0, 1)),
            ADD COLUMN IF NOT EXISTS log_switched_at timestamptz,
            ADD COLUMN IF NOT EXISTS log_truncated_at timestamptz
        """,
        """
        CREATE OR REPLACE FUNCTION partsync.partition_sizes(parent regclass)
        RETURNS TABLE (partition regclass, bounds text, estimated_rows bigint, table_bytes bigint,
                       index_bytes bigint, toast_bytes bigint, total_bytes bigint)
        LANGUAGE sql STABLE AS $partsync$
            SELECT c.oid::regclass, pg_catalog.pg_get_expr(c.relpartbound, c.oid),
                   greatest(c.reltuples, 0)::bigint, pg_catalog.pg_relation_size(c.oid),
                   pg_catalog.pg_indexes_size(c.oid),
                   coalesce(pg_catalog.pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0),
                   pg_catalog.pg_total_relation_size(c.oid)
            FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = parent
            ORDER BY c.relname
        $partsync$
        """,
        "COMMENT ON FUNCTION partsync.partition_sizes(regclass) IS "
            + "'rows (estimate) and table, index and TOAST bytes of each partition of a partitioned table'",
        """
        CREATE OR REPLACE VIEW partsync.partition_activity AS
            SELECT i.inhparent::regclass AS parent, s.relid::regclass AS partition, s.seq_scan, s.idx_scan,
                   s.n_live_tup, s.n_dead_tup, s.last_vacuum, s.last_autovacuum, s.last_analyze,
                   s.last_autoanalyze
            FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_stat_user_tables s ON s.relid = i.inhrelid
        """,
        "COMMENT ON VIEW partsync.partition_activity IS "
            + "'per-partition scans, live/dead rows and last (auto)vacuum/analyze'",
        """
        CREATE OR REPLACE FUNCTION partsync.block_truncate() RETURNS trigger
        LANGUAGE plpgsql AS $partsync$
        BEGIN
            RAISE EXCEPTION 'partsync: TRUNCATE of % is blocked while it is being partitioned', TG_TABLE_NAME
                USING HINT = 'delete rows with DELETE (captured), or abandon the migration first',
                      ERRCODE = 'object_in_use';
        END
        $partsync$
        """,
    ]

    /// Brings an older state schema up to date, but only when something is missing: the set-up takes strong
    /// locks on the state tables, which would stall (or deadlock with) workers that are copying.
    public static func ensure(on connection: Connection) async throws {
        let current = try await connection.query(
            """
            SELECT pg_catalog.to_regclass('partsync.backfill_progress') IS NOT NULL
               AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
                           WHERE attrelid = pg_catalog.to_regclass('partsync.migrations') AND attname = 'paused')
               AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
                           WHERE attrelid = pg_catalog.to_regclass('partsync.backfill_chunks') AND attname = 'unit')
               AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
                           WHERE attrelid = pg_catalog.to_regclass('partsync.appliers') AND attname = 'log_truncated_at')
            """)
        if try current.first?.decode(Bool.self, at: 0) == true { return }
        try await connection.withTransaction { tx in
            for statement in statements { try await tx.execute(statement) }
        }
    }
}
