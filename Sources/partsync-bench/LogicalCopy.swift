import Foundation
import PartSync
import PostgresClient

/// PostgreSQL's logical replication doing partsync's job, as the write-cost comparison: a publication of the
/// bench table, and a subscription from a second database of the same cluster into a partitioned copy with
/// partsync's partitions, the same secondary indexes and a primary key that includes the partition key.
///
/// The subscription is enabled only for the runs that measure it. While it is disabled its slot keeps the WAL
/// of the other runs; `start` advances the slot past it (with nothing decoded for the subscriber) before it
/// enables the subscription again, so no timed run pays for decoding another run's writes.
///
/// A marker table travels in the same publication: `waitForMarker` bumps its one row and waits until the
/// subscriber has it, which (the subscriber applies in commit order) means everything committed before has
/// been applied.
struct LogicalCopy: Sendable {
    static let name = "partsync_bench_writes"
    static let subscriberDatabase = "partsync_bench_writes_sub"
    static let marker = SQLIdentifier(schema: BenchTable.schema, name: "write_cost_marker")

    let table: BenchTable
    let source: Connection
    let subscriber: Connection
    let admin: ConnectionConfiguration
    private let state = ErrorCount()

    /// Creates the copy (its rows through the subscription's initial copy) and leaves the subscription disabled.
    static func create(of table: BenchTable, target: SQLIdentifier, admin: ConnectionConfiguration,
                       session: BenchSession) async throws -> LogicalCopy {
        let source = session.connection
        let subscriberConfiguration = admin.withDatabase(subscriberDatabase)
        try await dropLeftovers(source: source, admin: admin)
        try await source.execute("CREATE DATABASE \(SQLIdentifier.quote(subscriberDatabase))")
        let subscriber = try await Connection.connect(subscriberConfiguration)
        let copy = LogicalCopy(table: table, source: source, subscriber: subscriber, admin: admin)

        let columns = try await source.query(
            """
            SELECT string_agg(pg_catalog.quote_ident(attname) || ' ' || pg_catalog.format_type(atttypid, atttypmod)
                              || CASE WHEN attnotnull THEN ' NOT NULL' ELSE '' END, ', ' ORDER BY attnum)
            FROM pg_catalog.pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped
            """, [table.identifier.sql]).first!.decode(String.self, at: 0)
        let partitions = try await source.query(
            """
            SELECT c.relname, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
            FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = $1::regclass ORDER BY 1
            """, [target.sql]).rows
        let markerTable = "CREATE TABLE \(marker.sql) (id int PRIMARY KEY, n bigint NOT NULL)"
        try await subscriber.execute("CREATE SCHEMA \(SQLIdentifier.quote(BenchTable.schema))")
        try await subscriber.execute(
            "CREATE TABLE \(table.identifier.sql) (\(columns), PRIMARY KEY (id, created_at)) "
                + "PARTITION BY RANGE (created_at)")
        for partition in partitions {
            let name = SQLIdentifier(schema: BenchTable.schema, name: try partition.decode(String.self, at: 0))
            let bound = try partition.decode(String.self, at: 1)
            try await subscriber.execute("CREATE TABLE \(name.sql) PARTITION OF \(table.identifier.sql) \(bound)")
        }
        for statement in BenchTable.indexStatements(on: table.identifier) { try await subscriber.execute(statement) }
        try await subscriber.execute(markerTable)

        try await source.execute("\(markerTable); INSERT INTO \(marker.sql) VALUES (1, 0)")
        try await source.execute("CREATE PUBLICATION \(name) FOR TABLE \(table.identifier.sql), \(marker.sql)")
        // Created here, not by CREATE SUBSCRIPTION: in one cluster that would wait for its own transaction.
        try await source.query("SELECT pg_catalog.pg_create_logical_replication_slot($1, 'pgoutput')", [name])
        try await subscriber.execute(
            "CREATE SUBSCRIPTION \(name) CONNECTION \(SQLLiteral.quote(admin.conninfo)) PUBLICATION \(name) "
                + "WITH (create_slot = false, slot_name = '\(name)', copy_data = true)")
        session.log("writes: logical replication's initial copy into database \(subscriberDatabase)")
        try await copy.waitUntil(
            subscriber, timeout: .seconds(1_800), what: "the subscription's initial copy",
            "SELECT bool_and(srsubstate = 'r') AND count(*) = 2 FROM pg_catalog.pg_subscription_rel")
        try await copy.waitForMarker(timeout: .seconds(120))
        copy.state.set(try await copy.applyErrors(), enabled: true)
        try await copy.stop()
        return copy
    }

    /// Advances the slot past everything written while it was disabled, gives the source the replica identity
    /// the subscriber needs for UPDATE and DELETE, and enables the subscription; returns once it applies.
    func start() async throws {
        try await waitUntilSlotIdle()
        try await source.execute("ALTER TABLE \(table.identifier.sql) REPLICA IDENTITY FULL")
        try await source.query(
            "SELECT pg_catalog.pg_replication_slot_advance($1, pg_catalog.pg_current_wal_lsn())", [Self.name])
        state.set(try await applyErrors(), enabled: true)
        try await subscriber.execute("ALTER SUBSCRIPTION \(Self.name) ENABLE")
        try await waitForMarker(timeout: .seconds(60))
    }

    /// Disables the subscription (when enabled), checks that it applied without an error, and gives the source
    /// its default replica identity back.
    func stop() async throws {
        guard let before = state.enabledWith() else { return }
        try await subscriber.execute("ALTER SUBSCRIPTION \(Self.name) DISABLE")
        state.set(before, enabled: false)
        try await waitUntilSlotIdle()
        try await source.execute("ALTER TABLE \(table.identifier.sql) REPLICA IDENTITY DEFAULT")
        let errors = try await applyErrors()
        guard errors == before else {
            throw BenchError("logical replication failed to apply \(errors - before) time(s) during the run "
                             + "(see the server log): its figures would not be a fair comparison")
        }
    }

    /// Bumps the marker row and waits until the subscriber has applied it.
    func waitForMarker(timeout: Duration) async throws {
        let value = try await source.query("UPDATE \(Self.marker.sql) SET n = n + 1 WHERE id = 1 RETURNING n")
            .first!.decode(Int64.self, at: 0)
        try await waitUntil(subscriber, timeout: timeout, what: "logical replication to apply the run's writes",
                            "SELECT coalesce((SELECT n >= \(value) FROM \(Self.marker.sql) WHERE id = 1), false)")
    }

    func drop() async throws {
        try await Self.dropLeftovers(source: source, admin: admin)
        await subscriber.close()
    }

    /// Removes the subscription, slot, publication, marker and subscriber database of this or an earlier run.
    static func dropLeftovers(source: Connection, admin: ConnectionConfiguration) async throws {
        let exists = try await source.query("SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1",
                                            [subscriberDatabase]).rows.isEmpty == false
        if exists {
            let subscriber = try await Connection.connect(admin.withDatabase(subscriberDatabase))
            try await dropSubscription(name, on: subscriber)
            await subscriber.close()
            try await source.execute("DROP DATABASE \(SQLIdentifier.quote(subscriberDatabase)) WITH (FORCE)")
        }
        try await dropSlot(name, on: source)
        try await source.execute("DROP PUBLICATION IF EXISTS \(name)")
        try await source.execute("DROP TABLE IF EXISTS \(marker.sql)")
    }

    /// Drops subscription `name` if there is one: disabled and detached from its slot first, so that dropping
    /// it does not reach for a slot in the same cluster (`dropSlot` drops that). Returns whether there was one.
    @discardableResult
    static func dropSubscription(_ name: String, on subscriber: Connection) async throws -> Bool {
        let subscription = try await subscriber.query(
            "SELECT 1 FROM pg_catalog.pg_subscription WHERE subname = $1", [name])
        guard !subscription.rows.isEmpty else { return false }
        let quoted = SQLIdentifier.quote(name)
        try await subscriber.execute("ALTER SUBSCRIPTION \(quoted) DISABLE")
        try await subscriber.execute("ALTER SUBSCRIPTION \(quoted) SET (slot_name = NONE)")
        try await subscriber.execute("DROP SUBSCRIPTION \(quoted)")
        return true
    }

    /// Drops replication slot `name` if there is one; the walsender of a subscription just disabled may take a
    /// moment to let go of it (tried for up to 10 s).
    static func dropSlot(_ name: String, on source: Connection) async throws {
        for _ in 0..<100 {
            let exists = try await source.query(
                "SELECT 1 FROM pg_catalog.pg_replication_slots WHERE slot_name = $1", [name]).rows.isEmpty == false
            if !exists { return }
            if (try? await source.query("SELECT pg_catalog.pg_drop_replication_slot($1)", [name])) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    private func applyErrors() async throws -> Int64 {
        try await subscriber.query(
            "SELECT coalesce(sum(apply_error_count + sync_error_count), 0)::bigint "
                + "FROM pg_catalog.pg_stat_subscription_stats WHERE subname = $1", [Self.name]
        ).first!.decode(Int64.self, at: 0)
    }

    private func waitUntilSlotIdle() async throws {
        try await waitUntil(source, timeout: .seconds(60), what: "the walsender to release slot \(Self.name)",
                            "SELECT NOT active FROM pg_catalog.pg_replication_slots WHERE slot_name = '\(Self.name)'")
    }

    private func waitUntil(_ connection: Connection, timeout: Duration, what: String, _ sql: String) async throws {
        let started = ContinuousClock.now
        while try await connection.query(sql).first?.decode(Bool.self, at: 0) != true {
            guard ContinuousClock.now - started < timeout else { throw BenchError("timed out waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// The subscriber's error counter when the subscription was last enabled (nil while disabled).
    final class ErrorCount: @unchecked Sendable {
        // Invariant: every access under `lock`.
        private let lock = NSLock()
        private var value: Int64 = 0
        private var enabled = false

        func set(_ value: Int64, enabled: Bool) {
            lock.lock()
            defer { lock.unlock() }
            self.value = value
            self.enabled = enabled
        }

        func enabledWith() -> Int64? {
            lock.lock()
            defer { lock.unlock() }
            return enabled ? value : nil
        }
    }
}
