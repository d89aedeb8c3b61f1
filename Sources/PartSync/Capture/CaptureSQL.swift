import PostgresClient

/// DDL for one table's change log and capture triggers (invariants 1, 2 and 5 of the design).
///
/// - Statement-level AFTER triggers with transition tables log keys set-based: one INSERT … SELECT per statement,
///   not one per row. Each logged row is a `(primary key…, partition key)` pair that a statement wrote or
///   removed; an UPDATE logs the new pairs plus the old pairs that no longer exist (a partition-key move logs
///   both). The applier re-reads the source for those keys, so the log holds no row images.
/// - `pg_notify` only while the applier has marked itself waiting: a transaction that notifies takes a
///   database-wide lock at commit, so under load writers must not notify. The payload is constant so
///   notifications fold.
/// - The applier tells the writers two things, which generation of the log to write and whether it sleeps, in
///   the value of one sequence, `partsync.signal_<key>` (generation × 2 + 1 when waiting; see `ChangeLog`).
///   Reading a sequence's value costs no index lookup, no snapshot and no visibility check, and `setval` is
///   visible at once without a commit; reading the same two facts from a row of `partsync.appliers` in every
///   statement cost single-row writers about 14 % of their throughput (docs/change-capture.md).
/// - No echo: the applier's session sets `partsync.applier` to its own token; when that setting is not empty the
///   trigger asks `partsync.applier_echo()` whether this backend is a running applier with that token, and
///   skips the statement only then. Application sessions have the setting empty, so they pay one
///   `current_setting` call; one that sets it is still captured (docs/security.md).
/// - The function is SECURITY DEFINER so application roles (e.g. Supabase's `authenticated`) need no rights on
///   the `partsync` schema. It has no `SET search_path` clause: a function with one saves and restores the
///   setting on every call, which cost measurable single-row throughput. Instead nothing in the body depends on
///   the caller's search_path: every table and function is schema-qualified and every operator is written
///   `OPERATOR(pg_catalog.=)` (see docs/security.md).
public struct CaptureSQL: Sendable {
    /// The names of the capture's objects.
    public let record: CaptureRecord
    /// The captured table.
    public let table: SQLIdentifier
    let key: KeySQL

    public static let insertTrigger = "partsync_capture_insert"
    public static let updateTrigger = "partsync_capture_update"
    public static let deleteTrigger = "partsync_capture_delete"
    public static let truncateTrigger = "partsync_block_truncate"

    /// The log is LIST-partitioned into two generations; writers log into the one the signal names, and the
    /// applier switches it and TRUNCATEs the drained other one (see `LogRotation` and docs/change-capture.md,
    /// "Keeping the log small"). No autovacuum: TRUNCATE is what empties a generation, and an autovacuum of the
    /// retired generation would hold the lock the truncation asks for (PostgreSQL cancels it only after
    /// `deadlock_timeout`, far beyond the truncation's `lock_timeout`). The one thing that keeps a generation
    /// from being truncated, a transaction still writing to it, also keeps VACUUM from removing anything
    /// newer than itself, so autovacuum would not help there either. (Anti-wraparound vacuums still run; each
    /// TRUNCATE resets the generation's frozen xid.)
    static let logStorageOptions = "autovacuum_enabled = false, vacuum_truncate = false"

    public var changeLog: SQLIdentifier { record.log }
    public var channel: String { record.channel }
    public var signal: SQLIdentifier { record.signal }
    public var function: SQLIdentifier { record.function }
    /// The generations' partitions: `changes_<key>_0` and `changes_<key>_1`.
    public var generations: [SQLIdentifier] { record.generations }

    public init(record: CaptureRecord, table: SQLIdentifier, shape: MigrationShape) {
        self.record = record
        self.table = table
        self.key = KeySQL(shape)
    }

    /// Everything `prepare` (or a cutover, for the reverse capture) creates in its transaction: the change log
    /// and its signal, then for a trigger capture the function and the four triggers, for a WAL capture only the
    /// TRUNCATE guard (its publication and slot are made outside this transaction: `publicationSQL`, then the
    /// slot; see `Preparer`).
    public var statements: [String] {
        switch record.method {
        case .trigger: logStatements + triggerStatements + [truncateGuard]
        case .wal: logStatements + [truncateGuard]
        }
    }

    /// The kinds of entry a WAL capture's decoder writes (`partsync_kind`; a trigger capture's log has no such
    /// column, all its entries are exact pairs): what the stream says about a row's `(primary key, partition
    /// key)` pair. With the source's default replica identity an UPDATE carries only the new row and a DELETE
    /// only the primary key, so the old pair of a moved or deleted row is unknown (docs/change-capture.md,
    /// "Capture from the WAL").
    public enum EntryKind: String, Sendable {
        /// The exact pair (an INSERT's; an UPDATE's or DELETE's old row under REPLICA IDENTITY FULL).
        case pair = "p"
        /// An UPDATE's new pair, the old one unknown: when the target did not hold the row's current pair
        /// before the apply, the applier removes the key's other pairs.
        case newPair = "n"
        /// The primary key alone, the partition key NULL (a DELETE; any change committed before the backfill
        /// finished): the applier removes every pair of the key that the source does not hold.
        case key = "k"
    }

    /// The publication a WAL capture's slot streams: the source's INSERT, UPDATE and DELETE (TRUNCATE is
    /// refused by the trigger). It follows the table's OID through the cutover's renames.
    var publicationSQL: String {
        "CREATE PUBLICATION \(SQLIdentifier.quote(record.publication ?? "")) FOR TABLE \(table.sql) "
            + "WITH (publish = 'insert, update, delete')"
    }

    private var logStatements: [String] {
        let kind = record.method == .wal ? "    partsync_kind \"char\" NOT NULL DEFAULT 'p',\n" : ""
        return [
            """
            CREATE TABLE \(changeLog.sql) (
                partsync_seq bigint GENERATED ALWAYS AS IDENTITY (CACHE 32),
                partsync_generation smallint NOT NULL,
            \(key.loggedColumnDefinitions),
            \(kind)    partsync_logged_at timestamptz NOT NULL DEFAULT pg_catalog.statement_timestamp(),
                PRIMARY KEY (partsync_seq, partsync_generation)
            ) PARTITION BY LIST (partsync_generation)
            """,
            "CREATE SEQUENCE \(signal.sql) AS bigint MINVALUE 0 MAXVALUE 3 START 0 NO CYCLE",
            "COMMENT ON SEQUENCE \(signal.sql) IS "
                + SQLLiteral.quote("the applier's signal to the capture of \(table.displayName): "
                    + "change-log generation × 2, plus 1 while the applier waits for a notification"),
            "COMMENT ON TABLE \(changeLog.sql) IS "
                + SQLLiteral.quote("keys changed in \(table.displayName) since capture began; applied rows are removed, "
                    + "drained generations truncated"),
        ] + generations.enumerated().map { generation, partition in
            """
            CREATE TABLE \(partition.sql) PARTITION OF \(changeLog.sql) FOR VALUES IN (\(generation))
                WITH (\(Self.logStorageOptions))
            """
        }
    }

    private var truncateGuard: String {
        """
        CREATE TRIGGER \(Self.truncateTrigger) BEFORE TRUNCATE ON \(table.sql)
            FOR EACH STATEMENT EXECUTE FUNCTION partsync.block_truncate()
        """
    }

    private var triggerStatements: [String] {
        let columnList = key.list(.target)
        func columns(prefix: String) -> String { key.list(.target, prefix: prefix) }
        // Read the signal once, log the keys into the generation it names in one statement per event, and
        // notify only if the applier sleeps. (A statement that logged nothing may notify too: the applier wakes,
        // finds nothing and sleeps again.) A signal never set reads NULL: generation 0, awake.
        let insertInto = "INSERT INTO \(changeLog.sql) (partsync_generation, \(columnList))"
        let generation = "signal OPERATOR(pg_catalog./) 2"
        let body = """
            DECLARE
                signal bigint;
            BEGIN
                IF \(StateSchema.echoCheck.v2) THEN
                    RETURN NULL;
                END IF;
                signal := COALESCE(pg_catalog.pg_sequence_last_value(\(SQLLiteral.quote(signal.sql))::pg_catalog.regclass), 0);
                IF TG_OP OPERATOR(pg_catalog.=) 'INSERT' THEN
                    \(insertInto) SELECT \(generation), \(columns(prefix: "n")) FROM partsync_new n;
                ELSIF TG_OP OPERATOR(pg_catalog.=) 'DELETE' THEN
                    \(insertInto) SELECT \(generation), \(columns(prefix: "o")) FROM partsync_old o;
                ELSE
                    -- The new keys, and the old keys that no longer exist (a partition-key or key change): as a
                    -- set, new ∪ old. One hash over both transition tables (UNION, which compares NULLs as equal,
                    -- as it should here); an anti-join of the two can only nest loops (a 500k-row UPDATE ran for
                    -- minutes), and new ∪ (old − new) read the new rows twice (a single-row UPDATE paid about
                    -- 7 µs for it).
                    \(insertInto)
                    SELECT \(generation), changed.* FROM (
                        SELECT \(columns(prefix: "n")) FROM partsync_new n
                        UNION
                        SELECT \(columns(prefix: "o")) FROM partsync_old o) changed;
                END IF;
                IF signal OPERATOR(pg_catalog.%) 2 OPERATOR(pg_catalog.=) 1 THEN
                    PERFORM pg_catalog.pg_notify(\(SQLLiteral.quote(channel)), '');
                END IF;
                RETURN NULL;
            END
            """
        let tag = DollarQuote.tag(for: body)
        return [
            """
            CREATE FUNCTION \(function.sql)() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER AS \(tag)
            \(body)
            \(tag)
            """,
            """
            CREATE TRIGGER \(Self.insertTrigger) AFTER INSERT ON \(table.sql)
                REFERENCING NEW TABLE AS partsync_new FOR EACH STATEMENT EXECUTE FUNCTION \(function.sql)()
            """,
            """
            CREATE TRIGGER \(Self.updateTrigger) AFTER UPDATE ON \(table.sql)
                REFERENCING OLD TABLE AS partsync_old NEW TABLE AS partsync_new
                FOR EACH STATEMENT EXECUTE FUNCTION \(function.sql)()
            """,
            """
            CREATE TRIGGER \(Self.deleteTrigger) AFTER DELETE ON \(table.sql)
                REFERENCING OLD TABLE AS partsync_old FOR EACH STATEMENT EXECUTE FUNCTION \(function.sql)()
            """,
        ]
    }
}

extension CaptureSQL {
    /// Drops captures in the caller's transaction: the triggers on each captured table (found by OID, whatever
    /// it is called now; one already gone is skipped), the change log, the signal and the trigger function.
    /// Dropping a trigger takes the table's ACCESS EXCLUSIVE lock: the caller asks for it with a short
    /// `lock_timeout`. Returns what was dropped, one line each.
    static func drop(_ captures: [CaptureRecord], on tx: Connection) async throws -> [String] {
        var removed: [String] = []
        for capture in captures {
            if let table = try await CatalogReader.name(of: capture.tableOID, on: tx) {
                for trigger in [insertTrigger, updateTrigger, deleteTrigger, truncateTrigger] {
                    try await tx.execute("DROP TRIGGER IF EXISTS \(SQLIdentifier.quote(trigger)) ON \(table.sql)")
                }
                removed.append("capture triggers on \(table.displayName)")
            }
            try await tx.execute("DROP TABLE IF EXISTS \(capture.log.sql)")
            try await tx.execute("DROP SEQUENCE IF EXISTS \(capture.signal.sql)")
            try await tx.execute("DROP FUNCTION IF EXISTS \(capture.function.sql)()")
            removed.append("change log \(capture.log.displayName), its signal and capture function")
            if let publication = capture.publication {
                try await tx.execute("DROP PUBLICATION IF EXISTS \(SQLIdentifier.quote(publication))")
                removed.append("publication \(publication) (its slot is dropped once this commits)")
            }
        }
        return removed
    }
}

/// Picks a dollar-quote tag that does not occur in the quoted text.
enum DollarQuote {
    static func tag(for body: String) -> String {
        var tag = "$partsync$"
        var counter = 0
        while body.contains(tag) {
            counter += 1
            tag = "$partsync\(counter)$"
        }
        return tag
    }
}
