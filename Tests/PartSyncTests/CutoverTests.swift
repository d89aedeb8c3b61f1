import Foundation
import PartSync
import PostgresClient
import Testing
import TestSupport

/// Cutover, rollback and finish against a real server: the swap under writers, views and sequences, the way
/// back, and the end of the rollback window.
@Suite struct CutoverTests {
    /// A table with an identity `ALWAYS` key and a serial column, a view over it (auto-updatable) granted to a
    /// role, and 600 rows over three months.
    static let events = """
        DO $$ BEGIN CREATE ROLE reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
        CREATE TABLE events (
            id bigint GENERATED ALWAYS AS IDENTITY (CACHE 10) PRIMARY KEY,
            n bigserial NOT NULL,
            body text NOT NULL,
            created_at timestamptz NOT NULL
        );
        INSERT INTO events (body, created_at)
        SELECT 'row ' || g, timestamptz '2024-01-01' + g * interval '3 hours' FROM generate_series(1, 600) g;
        CREATE VIEW visible_events WITH (security_barrier) AS SELECT id, n, body, created_at FROM events WHERE body <> 'hidden';
        GRANT SELECT ON visible_events TO reader;
        GRANT USAGE ON SEQUENCE events_id_seq TO reader;
        CREATE FUNCTION events_noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER events_noop BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION events_noop();
        """

    /// Prepared, backfilled, caught up and verified.
    static func ready(_ database: TestDatabase, setup: String, table: String) async throws -> Connection {
        let connection = try await VerifyTests.backfilled(database, setup: setup, table: table)
        _ = try await SyncFollower(configuration: database.configuration, table: table).run(.untilCaughtUp)
        let verified = try await VerifyTests.verify(database, table)
        #expect(verified.report.verdict == .equal)
        return connection
    }

    static func follow(_ database: TestDatabase, _ table: String, stop: StopSignal) -> Task<SyncFollower.Summary, Error> {
        Task {
            try await SyncFollower(configuration: database.configuration, table: table,
                                   options: .init(pollInterval: .milliseconds(100))).run(.follow, stop: stop)
        }
    }

    static func relkind(_ name: String, on connection: Connection) async throws -> String? {
        try await connection.query("SELECT relkind::text FROM pg_class WHERE oid = to_regclass($1)", [name]).first?[0]
    }

    @Test("cutover, writes, rollback, writes, cutover again, finish --drop-retired: every acknowledged write, fresh ids from identity and serial, views follow")
    func lifecycle() async throws {
        try await TestDatabase.with { database in
            let connection = try await Self.ready(database, setup: Self.events, table: "events")
            var expected: [Int64: String] = [:]
            for row in try await connection.query("SELECT id, body FROM events").rows {
                expected[try row.decode(Int64.self, at: 0)] = row[1]
            }
            var seenIDs = Set(expected.keys)
            var seenSerials = Set(try await connection.query("SELECT n FROM events").rows.map { try $0.decode(Int64.self, at: 0) })
            /// Inserts through `target` and records the ids handed out; none may repeat.
            func insert(_ body: String, into target: String = "events") async throws {
                let row = try await connection.query(
                    "INSERT INTO \(target) (body, created_at) VALUES ($1, timestamptz '2024-02-10' + random() * interval '20 days') RETURNING id, n",
                    [body]).first!
                let id = try row.decode(Int64.self, at: 0), n = try row.decode(Int64.self, at: 1)
                #expect(seenIDs.insert(id).inserted, "id \(id) handed out twice")
                #expect(seenSerials.insert(n).inserted, "serial \(n) handed out twice")
                expected[id] = body
            }
            func write(_ round: String) async throws {
                for i in 1...20 { try await insert("\(round) \(i)") }
                let updated = try await connection.query(
                    "UPDATE events SET body = body || ' upd' WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 5 OFFSET 10) RETURNING id, body")
                for row in updated.rows { expected[try row.decode(Int64.self, at: 0)] = row[1] }
                let moved = try await connection.query(
                    "UPDATE events SET created_at = created_at + interval '40 days' WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 3 OFFSET 40) RETURNING id")
                #expect(moved.rows.count == 3)
                let deleted = try await connection.query(
                    "DELETE FROM events WHERE id IN (SELECT id FROM events ORDER BY id DESC LIMIT 4 OFFSET 2) RETURNING id")
                for row in deleted.rows { expected[try row.decode(Int64.self, at: 0)] = nil }
            }
            func assertExpected(_ table: String = "events", _ note: String) async throws {
                var actual: [Int64: String] = [:]
                for row in try await connection.query("SELECT id, body FROM \(table)").rows {
                    actual[try row.decode(Int64.self, at: 0)] = row[1]
                }
                #expect(actual == expected, "\(note): \(table) differs from the acknowledged writes")
            }

            let stop = StopSignal()
            let follower = Self.follow(database, "events", stop: stop)
            try await Self.applying(connection, count: 1)
            // Never analyzed after the backfill (autovacuum does not analyze a partitioned parent) …
            let statistics = "SELECT count(*) FROM pg_statistic WHERE starelid = to_regclass($1) AND stainherit"
            #expect(try await connection.query(statistics, ["events_partitioned"]).first!.decode(Int.self, at: 0) == 0)
            let swapper = Swapper(configuration: database.configuration, table: "events")
            let cut = try await swapper.cutover()
            // … so the swap analyzed it before taking the lock: the new table has statistics as a whole.
            #expect(try await connection.query(statistics, ["events"]).first!.decode(Int.self, at: 0) > 0)
            #expect(cut.analyzedMilliseconds != nil)
            #expect(cut.live == "public.events" && cut.retired == "public.events_retired")
            #expect(cut.views == ["public.visible_events"])
            #expect(cut.notes.contains { $0.contains("events_noop") && $0.contains("no longer fire") }, "\(cut.notes)")
            #expect(cut.sequences.count == 2, "\(cut.sequences)")
            #expect(try await Self.relkind("events", on: connection) == "p")
            #expect(try await Self.relkind("events_retired", on: connection) == "r")
            #expect(cut.stallMilliseconds != nil && cut.probeMaxMilliseconds != nil)
            // The view reads the new table: a row only there shows through it.
            try await insert("after cutover")
            try await write("cut 1")
            try await insert("through the view", into: "visible_events")
            #expect(try await Self.viewReads(connection) == "events", "the view reads the new table")
            #expect(try await connection.query("SELECT has_table_privilege('reader', 'visible_events', 'SELECT')")
                .first!.decode(Bool.self, at: 0), "the view kept its grant")
            #expect(try await connection.query("SELECT reloptions::text FROM pg_class WHERE relname = 'visible_events'")
                .first?[0] == "{security_barrier=true}", "the view kept its options")
            // GENERATED ALWAYS holds on the new table.
            await #expect(throws: PostgresError.self) {
                try await connection.execute("INSERT INTO events (id, body, created_at) VALUES (999999, 'x', now())")
            }
            // Writes to the new table reach the retired one.
            try await Self.settle(connection)
            try await assertExpected("events", "after cutover")
            try await assertExpected("events_retired", "the retired table after cutover")

            let back = try await swapper.rollback()
            #expect(back.analyzedMilliseconds == nil, "the original table is not partitioned and has its statistics")
            #expect(back.live == "public.events" && back.retired == "public.events_partitioned", "\(back)")
            #expect(try await Self.relkind("events", on: connection) == "r")
            #expect(back.views == ["public.visible_events"])
            #expect(try await Self.viewReads(connection) == "events", "the view reads the original table again")
            #expect(try await connection.query("SELECT relkind::text FROM pg_class WHERE oid = 'events'::regclass")
                .first?[0] == "r")
            try await write("rolled back")
            try await insert("after rollback")
            try await Self.settle(connection)
            try await assertExpected("events", "after rollback")
            try await assertExpected("events_partitioned", "the twin after rollback")
            await #expect(throws: PostgresError.self) {
                try await connection.execute("INSERT INTO events (id, body, created_at) VALUES (999998, 'x', now())")
            }

            let again = try await swapper.cutover()
            #expect(again.analyzedMilliseconds == nil, "analyzed once: the second cutover has statistics already")
            #expect(again.retired == "public.events_retired")
            try await write("cut 2")
            try await Self.settle(connection)
            stop.stop()
            _ = try await follower.value
            // A straggler write to the retired table after the applier stopped: finish applies it.
            let straggler = try await connection.query(
                "UPDATE events_retired SET body = 'straggler' WHERE id = (SELECT min(id) FROM events_retired) RETURNING id")
            expected[try straggler.first!.decode(Int64.self, at: 0)] = "straggler"

            let finished = try await Products.run("partsync", ["finish", "--table", "events", "--drop-retired"],
                                            environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(finished.status == 0, "\(finished.stderr)")
            #expect(finished.stderr.contains("retired table public.events_retired"), "\(finished.stderr)")
            #expect(try await Self.relkind("events_retired", on: connection) == nil)
            #expect(try await Self.relkind("events", on: connection) == "p")
            try await assertExpected("events", "after finish")
            try await insert("after finish")
            #expect(try await connection.query("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'partsync%'")
                .first!.decode(Int.self, at: 0) == 0)
            let phase = try await connection.query("SELECT phase FROM partsync.migrations").first?[0]
            #expect(phase == "finished")
            let rerun = try await Products.run("partsync", ["finish", "--table", "events", "--drop-retired"],
                                         environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(rerun.status == 0 && rerun.stderr.contains("already finished"), "\(rerun.stderr)")
        }
    }

    /// The table `visible_events` depends on.
    static func viewReads(_ connection: Connection) async throws -> String? {
        try await connection.query(
            """
            SELECT DISTINCT d.refobjid::regclass::text FROM pg_depend d JOIN pg_rewrite r ON d.objid = r.oid
            WHERE r.ev_class = 'visible_events'::regclass AND d.refobjid <> 'visible_events'::regclass
              AND d.refclassid = 'pg_class'::regclass
            """).first?[0]
    }

    /// Waits until `count` appliers hold their locks.
    static func applying(_ connection: Connection, count: Int) async throws {
        try await waitFor(connection, """
            SELECT count(*) = \(count) FROM pg_locks l JOIN pg_stat_activity a USING (pid)
            WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = 'partsync sync'
              AND a.datname = current_database()
              AND l.classid = 1347636084
            """)
    }

    /// Waits until both change logs are empty and no apply batch is running (for a WAL capture, once everything
    /// committed before the call was decoded into its log).
    static func settle(_ connection: Connection) async throws {
        try await waitUntilDecoded(connection)
        let logs = try await connection.query(
            "SELECT log_schema, log_name FROM partsync.captures").rows.map { SQLIdentifier(schema: $0[0], name: $0[1] ?? "").sql }
        let empty = logs.map { "NOT EXISTS (SELECT 1 FROM \($0))" }.joined(separator: " AND ")
        try await waitFor(connection, "SELECT \(empty)")
        try await Task.sleep(for: .milliseconds(200))
        try await waitFor(connection, "SELECT \(empty)")
    }
}
