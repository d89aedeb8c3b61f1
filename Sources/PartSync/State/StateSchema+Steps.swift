import PostgresClient

/// The steps of the state schema. A step is never edited once released: a change is a new step.
extension StateSchema {
    /// The layout before versioning (partsync up to the rotating change log).
    static let version1 = Step(
        version: 1, summary: "migrations, events, backfill chunks and progress, appliers, partition helpers",
        statements: [
            "CREATE SCHEMA IF NOT EXISTS partsync",
            "COMMENT ON SCHEMA partsync IS 'state of partsync migrations: see partsync status'",
            """
            CREATE TABLE partsync.migrations (
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
                paused boolean NOT NULL DEFAULT false,
                UNIQUE (source_schema, source_table)
            )
            """,
            """
            CREATE TABLE partsync.events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                migration text NOT NULL REFERENCES partsync.migrations (key) ON DELETE CASCADE,
                at timestamptz NOT NULL DEFAULT clock_timestamp(),
                phase text NOT NULL,
                message text NOT NULL
            )
            """,
            "CREATE INDEX events_migration_at ON partsync.events (migration, at)",
            """
            CREATE TABLE partsync.backfill_chunks (
                migration text NOT NULL REFERENCES partsync.migrations (key) ON DELETE CASCADE,
                chunk int NOT NULL,
                lower_key text[],
                upper_key text[],
                last_key text[],
                done boolean NOT NULL DEFAULT false,
                rows_copied bigint NOT NULL DEFAULT 0,
                updated_at timestamptz NOT NULL DEFAULT now(),
                unit text NOT NULL DEFAULT 'keys',
                PRIMARY KEY (migration, chunk)
            )
            """,
            "COMMENT ON TABLE partsync.backfill_chunks IS "
                + "'ranges of the backfill (unit blocks: lower_key <= block < upper_key; unit keys: lower_key < key <= "
                + "upper_key); last_key is the checkpoint'",
            """
            CREATE TABLE partsync.backfill_progress (
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
            CREATE TABLE partsync.appliers (
                migration text PRIMARY KEY REFERENCES partsync.migrations (key) ON DELETE CASCADE,
                waiting boolean NOT NULL DEFAULT false,
                backend_pid int,
                heartbeat timestamptz,
                started_at timestamptz,
                applied_total bigint NOT NULL DEFAULT 0,
                apply_rate double precision,
                last_batch_at timestamptz,
                log_generation smallint NOT NULL DEFAULT 0 CHECK (log_generation IN (0, 1)),
                log_switched_at timestamptz,
                log_truncated_at timestamptz
            )
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
        ])

    /// The echo check of version 1's capture functions, and what version 2 puts in its place.
    static let echoCheck = (
        v1: "pg_catalog.current_setting('partsync.applier', true) OPERATOR(pg_catalog.=) 'on'",
        v2: "COALESCE(pg_catalog.current_setting('partsync.applier', true), '') OPERATOR(pg_catalog.<>) '' "
            + "AND partsync.applier_echo()")

    /// Versions, a frozen shape and OIDs per migration, captures by direction, an applier per capture, and a
    /// no-echo rule only the applier's session satisfies.
    static let version2 = Step(
        version: 2,
        summary: "state versions; frozen shape and OIDs; captures by direction; appliers per capture; echo token",
        statements: [
            """
            CREATE TABLE partsync.state_versions (
                version int PRIMARY KEY,
                summary text NOT NULL,
                partsync_version text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "COMMENT ON TABLE partsync.state_versions IS 'the steps of the state schema applied here (docs/state.md)'",
            "INSERT INTO partsync.state_versions (version, summary, partsync_version) VALUES (1, "
                + SQLLiteral.quote(version1.summary) + ", 'recorded by version 2')",
            """
            ALTER TABLE partsync.migrations
                ADD COLUMN source_oid oid, ADD COLUMN target_oid oid, ADD COLUMN shape jsonb,
                ADD COLUMN failed_from text, ADD COLUMN failure text
            """,
            """
            UPDATE partsync.migrations m SET
                source_oid = (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                              WHERE n.nspname = m.source_schema AND c.relname = m.source_table),
                target_oid = (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                              WHERE n.nspname = m.target_schema AND c.relname = m.target_table)
            """,
            // The shape as MigrationShape encodes it, read from the source's catalog (search_path is pg_catalog
            // while steps run, so format_type qualifies names the way CatalogReader does).
            """
            UPDATE partsync.migrations m SET shape = jsonb_build_object(
                'columns', (SELECT jsonb_agg(jsonb_build_object('name', a.attname,
                                'type', format_type(a.atttypid, a.atttypmod), 'generated', a.attgenerated <> '')
                                ORDER BY a.attnum)
                            FROM pg_attribute a WHERE a.attrelid = m.source_oid AND a.attnum > 0 AND NOT a.attisdropped),
                'primaryKey', (SELECT jsonb_agg(a.attname ORDER BY k.ord)
                               FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                               WHERE i.indrelid = m.source_oid AND i.indisprimary),
                'partitionKey', m.partition_key)
            WHERE m.source_oid IS NOT NULL
            """,
            """
            CREATE TABLE partsync.captures (
                migration text NOT NULL REFERENCES partsync.migrations (key) ON DELETE CASCADE,
                direction text NOT NULL CHECK (direction IN ('forward', 'reverse')),
                table_oid oid NOT NULL,
                log_schema text NOT NULL,
                log_name text NOT NULL,
                signal_schema text NOT NULL,
                signal_name text NOT NULL,
                function_schema text NOT NULL,
                function_name text NOT NULL,
                channel text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (migration, direction)
            )
            """,
            "COMMENT ON TABLE partsync.captures IS "
                + "'capture triggers by direction: the captured table, its change log, signal, function and channel'",
            """
            INSERT INTO partsync.captures (migration, direction, table_oid, log_schema, log_name, signal_schema,
                                           signal_name, function_schema, function_name, channel)
            SELECT key, 'forward', source_oid, 'partsync', 'changes_' || key, 'partsync', 'signal_' || key,
                   'partsync', 'capture_' || key, channel
            FROM partsync.migrations WHERE source_oid IS NOT NULL
            """,
            // The shape holds the partition key now; the log, channel and per-row version are the capture's and the
            // schema's.
            """
            ALTER TABLE partsync.migrations DROP COLUMN change_log, DROP COLUMN channel, DROP COLUMN schema_version,
                DROP COLUMN partition_key
            """,
            """
            ALTER TABLE partsync.appliers DROP COLUMN IF EXISTS log_vacuumed_at,
                ADD COLUMN direction text NOT NULL DEFAULT 'forward', ADD COLUMN echo_token text
            """,
            """
            DELETE FROM partsync.appliers a
            WHERE NOT EXISTS (SELECT 1 FROM partsync.captures c WHERE c.migration = a.migration AND c.direction = a.direction)
            """,
            """
            ALTER TABLE partsync.appliers DROP CONSTRAINT appliers_pkey, ADD PRIMARY KEY (migration, direction),
                ADD FOREIGN KEY (migration, direction) REFERENCES partsync.captures (migration, direction) ON DELETE CASCADE
            """,
            "COMMENT ON COLUMN partsync.appliers.echo_token IS "
                + "'the running applier session''s secret: its writes, and only its, skip capture (no echo)'",
            // Called by capture functions only when `partsync.applier` is set in the writing session: true for the
            // session of a running applier that set its own token, for nobody else (docs/security.md). PL/pgSQL,
            // never inlined: the capture trigger's test stays a simple expression that stops at the empty
            // setting, so application writes never run this query.
            """
            CREATE FUNCTION partsync.applier_echo() RETURNS boolean LANGUAGE plpgsql STABLE AS $partsync$
            BEGIN
                RETURN EXISTS (
                    SELECT 1 FROM partsync.appliers a
                    WHERE a.backend_pid OPERATOR(pg_catalog.=) pg_catalog.pg_backend_pid()
                      AND a.echo_token OPERATOR(pg_catalog.=) pg_catalog.current_setting('partsync.applier', true));
            END
            $partsync$
            """,
            "REVOKE ALL ON FUNCTION partsync.applier_echo() FROM PUBLIC",
            // Version 1's capture functions skipped any session that set `partsync.applier = on`.
            """
            DO $partsync$
            DECLARE
                f record;
                body text;
            BEGIN
                FOR f IN SELECT c.function_schema, c.function_name, p.prosrc
                         FROM partsync.captures c
                         JOIN pg_namespace n ON n.nspname = c.function_schema
                         JOIN pg_proc p ON p.pronamespace = n.oid AND p.proname = c.function_name
                LOOP
                    body := replace(f.prosrc, \(SQLLiteral.quote(echoCheck.v1)), \(SQLLiteral.quote(echoCheck.v2)));
                    IF body = f.prosrc THEN
                        RAISE EXCEPTION 'partsync: capture function %.% does not have the body partsync wrote',
                            f.function_schema, f.function_name
                            USING HINT = 'abandon the migration and prepare the table again';
                    END IF;
                    EXECUTE format('CREATE OR REPLACE FUNCTION %I.%I() RETURNS trigger LANGUAGE plpgsql '
                                   'SECURITY DEFINER AS %L', f.function_schema, f.function_name, body);
                END LOOP;
            END
            $partsync$
            """,
        ])

    /// Verification runs: each run's verdict and counts, with its JSON report.
    static let version3 = Step(
        version: 3, summary: "verification runs and their reports",
        statements: [
            """
            CREATE TABLE partsync.verifications (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                migration text NOT NULL REFERENCES partsync.migrations (key) ON DELETE CASCADE,
                started_at timestamptz NOT NULL,
                finished_at timestamptz NOT NULL DEFAULT now(),
                verdict text NOT NULL CHECK (verdict IN ('equal', 'divergent')),
                source_rows bigint NOT NULL,
                target_rows bigint NOT NULL,
                chunks int NOT NULL,
                divergent_keys int NOT NULL,
                in_flight_keys int NOT NULL,
                report jsonb NOT NULL
            )
            """,
            "CREATE INDEX verifications_migration ON partsync.verifications (migration, id)",
            "COMMENT ON TABLE partsync.verifications IS 'partsync verify runs: verdict, counts and the JSON report'",
        ])

    /// Rolling and bounded verification: each key-range chunk's latest result, the keys the applier changed
    /// since their chunk was last found equal (what cutover rechecks), and the sync lag over time.
    static let version4 = Step(
        version: 4, summary: "verification chunks and touched keys; sync lag samples",
        statements: [
            """
            ALTER TABLE partsync.migrations ADD COLUMN verify_tracking boolean NOT NULL DEFAULT false
            """,
            """
            COMMENT ON COLUMN partsync.migrations.verify_tracking IS 'set by the first verification: from then on \
            the applier records every key it applies in partsync.touched_keys'
            """,
            "CREATE SEQUENCE partsync.apply_stamp",
            """
            COMMENT ON SEQUENCE partsync.apply_stamp IS 'one number per apply batch: the change-log position \
            verification results are stamped with'
            """,
            """
            CREATE TABLE partsync.touched_keys (
                migration text NOT NULL,
                key text[] NOT NULL,
                stamp bigint NOT NULL
            )
            """,
            "CREATE INDEX touched_keys_stamp ON partsync.touched_keys (migration, stamp)",
            """
            COMMENT ON TABLE partsync.touched_keys IS 'keys the applier changed since their chunk was last \
            verified equal, a row per apply batch and key; cutover rechecks exactly these. Append-only and \
            without a foreign key, to cost apply batches little: abandon deletes the rows of a migration'
            """,
            """
            CREATE TABLE partsync.verify_chunks (
                migration text NOT NULL REFERENCES partsync.migrations (key) ON DELETE CASCADE,
                chunk int NOT NULL,
                lower_key text[],
                upper_key text[],
                verdict text CHECK (verdict IN ('equal', 'divergent')),
                source_rows bigint,
                target_rows bigint,
                divergent_keys int,
                in_flight_keys int,
                log_position bigint,
                verified_at timestamptz,
                PRIMARY KEY (migration, chunk)
            )
            """,
            """
            COMMENT ON TABLE partsync.verify_chunks IS 'key ranges of bounded and rolling verification, each \
            with its latest result and the change-log position (apply stamp) its snapshot saw'
            """,
            """
            CREATE TABLE partsync.lag_samples (
                migration text NOT NULL REFERENCES partsync.migrations (key) ON DELETE CASCADE,
                direction text NOT NULL,
                at timestamptz NOT NULL DEFAULT now(),
                pending bigint NOT NULL,
                oldest_age_seconds double precision,
                PRIMARY KEY (migration, direction, at)
            )
            """,
            "COMMENT ON TABLE partsync.lag_samples IS 'sync lag every few seconds while an applier runs (7 days kept)'",
        ])

    /// Cutovers and rollbacks: one row per committed swap (written in the swap's transaction, so it exists
    /// exactly when the swap committed), with what it did and the stall it caused.
    static let version5 = Step(
        version: 5, summary: "swaps (cutover and rollback) with their figures; touched keys with their partition key",
        statements: [
            """
            CREATE TABLE partsync.swaps (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                migration text NOT NULL REFERENCES partsync.migrations (key) ON DELETE CASCADE,
                kind text NOT NULL CHECK (kind IN ('cutover', 'rollback')),
                committed_at timestamptz NOT NULL DEFAULT now(),
                attempts int NOT NULL,
                drained_entries bigint NOT NULL,
                rechecked_keys bigint NOT NULL,
                views text[] NOT NULL,
                sequences text[] NOT NULL,
                notes text[] NOT NULL,
                stall_ms double precision,
                probe_max_ms double precision,
                acknowledged boolean
            )
            """,
            "CREATE INDEX swaps_migration ON partsync.swaps (migration, id)",
            "ALTER TABLE partsync.touched_keys ADD COLUMN target_key text[]",
            """
            COMMENT ON COLUMN partsync.touched_keys.target_key IS 'the pair the applier wrote or removed: source key \
            and partition-key value (NULL in rows from before version 5), so the recheck reads the target through \
            its primary key'
            """,
            """
            COMMENT ON TABLE partsync.swaps IS 'committed cutovers and rollbacks: attempts, entries drained and keys \
            rechecked under the lock, views re-pointed, sequences handed over, and the stall (lock request to \
            commit) with the longest wait a probe writer saw; acknowledged is false when the connection was lost \
            during the commit and the outcome was read back from the catalog'
            """,
        ])
}

extension StateSchema {
    /// Captures fed by logical decoding (`prepare --capture wal`): how each capture is fed, its slot and
    /// publication, and how far the decoder has put the stream into the change log; the WAL position at which
    /// the backfill's last chunk had committed.
    static let version6 = Step(
        version: 6, summary: "capture methods (trigger or WAL): slot, publication, decoded position; backfilled position",
        statements: [
            """
            ALTER TABLE partsync.captures
                ADD COLUMN method text NOT NULL DEFAULT 'trigger' CHECK (method IN ('trigger', 'wal')),
                ADD COLUMN slot text, ADD COLUMN publication text, ADD COLUMN decoded_lsn pg_lsn,
                ADD COLUMN decoded_at timestamptz
            """,
            """
            COMMENT ON COLUMN partsync.captures.decoded_lsn IS 'wal captures: the end of the last transaction whose \
            keys the decoder committed into the change log (everything committed before it is in the log or applied)'
            """,
            "ALTER TABLE partsync.migrations ADD COLUMN backfilled_lsn pg_lsn",
            """
            COMMENT ON COLUMN partsync.migrations.backfilled_lsn IS 'the WAL position once every backfill chunk had \
            committed: a wal capture logs a key-only entry for every change committed before it'
            """,
        ])
}
