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
/// - The applier's own session sets `partsync.applier = on`; the trigger ignores its writes (no echo).
/// - The function is SECURITY DEFINER so application roles (e.g. Supabase's `authenticated`) need no rights on
///   the `partsync` schema.
public struct CaptureSQL: Sendable {
    public let migrationKey: String
    public let source: SQLIdentifier
    public let changeLog: SQLIdentifier
    public let function: SQLIdentifier
    public let channel: String
    /// Primary-key columns plus the partition key (once), with their types.
    public let keyColumns: [(name: String, type: String)]

    public static let insertTrigger = "partsync_capture_insert"
    public static let updateTrigger = "partsync_capture_update"
    public static let deleteTrigger = "partsync_capture_delete"
    public static let truncateTrigger = "partsync_block_truncate"

    /// The applier deletes what it applied and VACUUMs the log itself once it has deleted enough (see
    /// docs/change-capture.md, "Keeping the log small"); autovacuum is the backstop, triggered by a fixed
    /// number of dead rows rather than a fraction of a table that is usually nearly empty. No truncation of
    /// trailing empty pages: that needs an ACCESS EXCLUSIVE lock on a table every writer inserts into.
    static let logStorageOptions = "autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000, "
        + "autovacuum_vacuum_cost_delay = 0, vacuum_truncate = false"

    public init(migrationKey: String, source: SQLIdentifier, keyColumns: [(name: String, type: String)]) {
        self.migrationKey = migrationKey
        self.source = source
        self.keyColumns = keyColumns
        self.changeLog = SQLIdentifier(schema: "partsync", name: "changes_\(migrationKey)")
        self.function = SQLIdentifier(schema: "partsync", name: "capture_\(migrationKey)")
        self.channel = "partsync_\(migrationKey)"
    }

    private var columnList: String { keyColumns.map { SQLIdentifier.quote($0.name) }.joined(separator: ", ") }

    private func columns(prefix: String) -> String {
        keyColumns.map { "\(prefix).\(SQLIdentifier.quote($0.name))" }.joined(separator: ", ")
    }

    public var statements: [String] {
        let columnDefinitions = keyColumns.map { "    \(SQLIdentifier.quote($0.name)) \($0.type)" }
            .joined(separator: ",\n")
        let insertInto = "INSERT INTO \(changeLog.sql) (\(columnList))"
        let body = """
            DECLARE
                logged bigint;
            BEGIN
                IF pg_catalog.current_setting('partsync.applier', true) = 'on' THEN
                    RETURN NULL;
                END IF;
                IF TG_OP = 'INSERT' THEN
                    \(insertInto) SELECT \(columns(prefix: "n")) FROM partsync_new n;
                ELSIF TG_OP = 'DELETE' THEN
                    \(insertInto) SELECT \(columns(prefix: "o")) FROM partsync_old o;
                ELSE
                    -- EXCEPT, not NOT EXISTS (… IS NOT DISTINCT FROM …): it hashes, where the anti-join could only
                    -- nest loops over the transition tables (a 500k-row UPDATE ran for minutes); NULLs match alike.
                    \(insertInto)
                    SELECT \(columns(prefix: "n")) FROM partsync_new n
                    UNION ALL
                    (SELECT \(columns(prefix: "o")) FROM partsync_old o
                     EXCEPT
                     SELECT \(columns(prefix: "n")) FROM partsync_new n);
                END IF;
                GET DIAGNOSTICS logged = ROW_COUNT;
                IF logged > 0 AND EXISTS (
                    SELECT 1 FROM partsync.appliers WHERE migration = \(SQLLiteral.quote(migrationKey)) AND waiting
                ) THEN
                    PERFORM pg_catalog.pg_notify(\(SQLLiteral.quote(channel)), '');
                END IF;
                RETURN NULL;
            END
            """
        let tag = DollarQuote.tag(for: body)
        return [
            """
            CREATE TABLE \(changeLog.sql) (
                partsync_seq bigint GENERATED ALWAYS AS IDENTITY (CACHE 32) PRIMARY KEY,
            \(columnDefinitions),
                partsync_logged_at timestamptz NOT NULL DEFAULT pg_catalog.statement_timestamp()
            ) WITH (\(Self.logStorageOptions))
            """,
            "COMMENT ON TABLE \(changeLog.sql) IS "
                + SQLLiteral.quote("keys changed in \(source.displayName) since capture began; applied rows are removed"),
            """
            CREATE FUNCTION \(function.sql)() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS \(tag)
            \(body)
            \(tag)
            """,
            """
            CREATE TRIGGER \(Self.insertTrigger) AFTER INSERT ON \(source.sql)
                REFERENCING NEW TABLE AS partsync_new FOR EACH STATEMENT EXECUTE FUNCTION \(function.sql)()
            """,
            """
            CREATE TRIGGER \(Self.updateTrigger) AFTER UPDATE ON \(source.sql)
                REFERENCING OLD TABLE AS partsync_old NEW TABLE AS partsync_new
                FOR EACH STATEMENT EXECUTE FUNCTION \(function.sql)()
            """,
            """
            CREATE TRIGGER \(Self.deleteTrigger) AFTER DELETE ON \(source.sql)
                REFERENCING OLD TABLE AS partsync_old FOR EACH STATEMENT EXECUTE FUNCTION \(function.sql)()
            """,
            """
            CREATE TRIGGER \(Self.truncateTrigger) BEFORE TRUNCATE ON \(source.sql)
                FOR EACH STATEMENT EXECUTE FUNCTION partsync.block_truncate()
            """,
        ]
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
