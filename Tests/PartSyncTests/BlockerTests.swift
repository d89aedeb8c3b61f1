import Foundation
@testable import PartSync
import PostgresClient
import Testing
import TestSupport
import LocalPostgres

@Suite struct BlockerTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let setup: String
        let table: String
        let key: String
        let code: String
        let mentions: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no primary key", setup: "CREATE TABLE events (id bigint, created_at timestamptz NOT NULL)",
             table: "events", key: "created_at", code: "no-primary-key", mentions: "ADD PRIMARY KEY"),
        Case(name: "missing partition key", setup: "CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz)",
             table: "events", key: "created_at", code: "partition-key-missing", mentions: "--partition-key"),
        Case(name: "partition key of the wrong type", setup: "CREATE TABLE events (id bigint PRIMARY KEY, created_at text)",
             table: "events", key: "created_at", code: "partition-key-type", mentions: "timestamptz"),
        Case(name: "NULLs in the partition key",
             setup: "CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamptz); INSERT INTO events VALUES (1, NULL)",
             table: "events", key: "created_at", code: "partition-key-nulls", mentions: "IS NULL"),
        Case(name: "unique constraint without the partition key",
             setup: "CREATE TABLE events (id bigint PRIMARY KEY, ref text UNIQUE, created_at timestamptz NOT NULL)",
             table: "events", key: "created_at", code: "unique-without-key", mentions: "events_ref_key"),
        Case(name: "foreign key pointing at the table",
             setup: """
                CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
                CREATE TABLE replies (id bigint PRIMARY KEY, event_id bigint REFERENCES events (id))
                """,
             table: "events", key: "created_at", code: "referenced-by-foreign-key", mentions: "replies_event_id_fkey"),
        Case(name: "target name taken",
             setup: """
                CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
                CREATE TABLE events_partitioned (x int)
                """,
             table: "events", key: "created_at", code: "name-taken", mentions: "--target"),
    ]

    @Test("each blocker exits 2, names the table, the cause and the fix, and changes nothing", arguments: cases)
    func blockerExitsTwo(_ blocker: Case) async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute(blocker.setup)
            let before = try await Fixtures.catalogFingerprint(connection)
            for command in ["plan", "prepare"] {
                let outcome = try await Products.run(
                    "partsync", [command, "--table", blocker.table, "--partition-key", blocker.key],
                    environment: ["DATABASE_URL": database.configuration.conninfo])
                #expect(outcome.status == 2, "\(command): \(outcome.stderr)")
                #expect(outcome.stderr.contains("[\(blocker.code)]") || outcome.stderr.contains(blocker.code),
                        "\(command): \(outcome.stderr)")
                #expect(outcome.stderr.contains("public.events"), "\(command) must name the table: \(outcome.stderr)")
                #expect(outcome.stderr.contains("fix:"), "\(command) must say how to fix it: \(outcome.stderr)")
                #expect(outcome.stderr.contains(blocker.mentions), "\(command): \(outcome.stderr)")
                #expect(outcome.stdout.isEmpty, "no SQL when blocked")
            }
            #expect(try await Fixtures.catalogFingerprint(connection) == before)
        }
    }

    @Test("an unknown table and bad options exit 2 with a clear message")
    func badInput() async throws {
        try await TestDatabase.with { database in
            let env: [String: String?] = ["DATABASE_URL": database.configuration.conninfo]
            let missing = try await Products.run("partsync", ["plan", "--table", "nope", "--partition-key", "x"], environment: env)
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("no table named nope"))
            let badInterval = try await Products.run(
                "partsync", ["plan", "--table", "t", "--partition-key", "x", "--interval", "fortnight"], environment: env)
            #expect(badInterval.status == 2)
            let unreachable = try await Products.run(
                "partsync", ["plan", "--table", "t", "--partition-key", "x",
                             "--database-url", "postgresql://u:hunter2@127.0.0.1:1/db"])
            #expect(unreachable.status == 3)
            #expect(unreachable.stderr.contains("127.0.0.1:1/db as u"))
            #expect(!unreachable.stderr.contains("hunter2"))
        }
    }
}

@Suite struct CaptureTests {
    @Test("INSERT, UPDATE (also of the partition key), DELETE and a rolled-back transaction log exactly their keys")
    func changeLogEntries() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute("""
                CREATE TABLE events (id bigint PRIMARY KEY, body text, created_at timestamptz NOT NULL);
                INSERT INTO events SELECT g, 'b', timestamptz '2024-03-01' + g * interval '1 day' FROM generate_series(1, 5) g
                """)
            let outcome = try await Preparer.prepare(PlanOptions(table: "events", partitionKey: "created_at"), on: connection)
            guard case .prepared(let plan) = outcome, let log = plan.capture?.changeLog else {
                Issue.record("not prepared")
                return
            }
            try await connection.execute("INSERT INTO events VALUES (10, 'new', '2024-05-01')")
            try await connection.execute("UPDATE events SET body = 'changed' WHERE id = 1")
            try await connection.execute("UPDATE events SET created_at = '2024-06-15' WHERE id = 2")
            try await connection.execute("DELETE FROM events WHERE id = 3")
            try await connection.execute("UPDATE events SET body = 'none' WHERE id = 999")
            try await connection.execute("BEGIN; INSERT INTO events VALUES (11, 'gone', '2024-05-02'); DELETE FROM events WHERE id = 4; ROLLBACK")
            let entries = try await connection.query(
                "SELECT id, created_at::date::text FROM \(log.sql) ORDER BY partsync_seq").rows.map { "\($0[0]!)@\($0[1]!)" }
            #expect(entries.count == 5)
            #expect(Array(entries.prefix(2)) == ["10@2024-05-01", "1@2024-03-02"])
            // The partition-key move logs its new and its old pair, in either order (one statement, one hash).
            #expect(Set(entries.dropFirst(2).prefix(2)) == ["2@2024-06-15", "2@2024-03-03"])
            #expect(entries.last == "3@2024-03-04")
            // The applier's own session is not captured (no echo): the session registered as the applier, with
            // its token set, as `SyncRunner.acquire` leaves it.
            try await connection.execute("""
                UPDATE partsync.appliers SET backend_pid = pg_backend_pid(), echo_token = 'applier-token';
                SET partsync.applier = 'applier-token'; INSERT INTO events VALUES (12, 'applier', '2024-05-03');
                RESET partsync.applier
                """)
            let count = try await connection.query("SELECT count(*) FROM \(log.sql)").first?.decode(Int.self, at: 0)
            #expect(count == 5)
            // TRUNCATE would bypass capture, so it is refused.
            let truncate = try await #require(throws: PostgresError.self) { try await connection.execute("TRUNCATE events") }
            #expect(truncate.sqlState == .objectInUse)
        }
    }

    @Test("a writer's own search_path and operators cannot hijack the SECURITY DEFINER capture function")
    func searchPathHijack() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute("""
                CREATE TABLE events (id bigint PRIMARY KEY, body text, created_at timestamptz NOT NULL);
                CREATE SCHEMA evil;
                CREATE FUNCTION evil.eq(text, text) RETURNS boolean LANGUAGE plpgsql
                    AS $$ BEGIN RAISE EXCEPTION 'hijacked: % = %', $1, $2; END $$;
                CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.eq);
                CREATE FUNCTION evil.arith(bigint, integer) RETURNS bigint LANGUAGE plpgsql
                    AS $$ BEGIN RAISE EXCEPTION 'hijacked arithmetic'; END $$;
                CREATE OPERATOR evil./ (LEFTARG = bigint, RIGHTARG = integer, FUNCTION = evil.arith);
                CREATE OPERATOR evil.% (LEFTARG = bigint, RIGHTARG = integer, FUNCTION = evil.arith);
                -- A type named like a built-in one: its CHECK would run as the function's owner.
                CREATE FUNCTION evil.boom(oid) RETURNS boolean LANGUAGE plpgsql
                    AS $$ BEGIN RAISE EXCEPTION 'hijacked type'; END $$;
                CREATE DOMAIN evil.regclass AS pg_catalog.regclass CHECK (evil.boom(VALUE::oid));
                CREATE FUNCTION evil.pg_notify(text, text) RETURNS void LANGUAGE plpgsql
                    AS $$ BEGIN RAISE EXCEPTION 'hijacked notify'; END $$;
                """)
            _ = try await Preparer.prepare(PlanOptions(table: "events", partitionKey: "created_at"), on: connection)
            // The applier's signal says "waiting", so the trigger takes its notify path too.
            try await connection.query("SELECT setval($1::regclass, 1)", [
                "partsync.signal_" + Naming.migrationKey(for: SQLIdentifier(schema: "public", name: "events"))])
            // A fresh session, so the capture function's statements are planned under this search_path.
            let writer = try await database.connect()
            try await writer.execute("""
                SET search_path = evil, pg_catalog, public;
                INSERT INTO public.events VALUES (1, 'a', '2024-03-01');
                UPDATE public.events SET created_at = '2024-04-01' WHERE id OPERATOR(pg_catalog.=) 1;
                DELETE FROM public.events WHERE id OPERATOR(pg_catalog.=) 1;
                """)
            let logged = try await connection.query(
                "SELECT count(*) FROM partsync.\(SQLIdentifier.quote("changes_" + Naming.migrationKey(for: SQLIdentifier(schema: "public", name: "events"))))")
            #expect(try logged.first!.decode(Int.self, at: 0) == 4, "insert 1, update 2 (new and moved-away key), delete 1")
        }
    }

    @Test("a writer notifies only while the applier is marked waiting")
    func notifiesOnlyWhenWaiting() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute(
                "CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())")
            let outcome = try await Preparer.prepare(PlanOptions(table: "events", partitionKey: "created_at"), on: connection)
            guard case .prepared(let plan) = outcome, let capture = plan.capture else { return }
            try await NotificationListener.withListener(database.configuration, channels: [capture.channel]) { stream in
                var iterator = stream.makeAsyncIterator()
                try await connection.execute("INSERT INTO events (id) VALUES (1)")
                // What the applier does before it sleeps: generation 0, waiting.
                try await connection.query("SELECT setval($1::regclass, 1)", [capture.signal.sql])
                try await connection.execute("INSERT INTO events (id) VALUES (2)")
                // Only the second insert notifies; the marker notification after it proves nothing else arrived.
                try await connection.query("SELECT pg_notify($1, 'marker')", [capture.channel])
                #expect(try await iterator.next()?.payload == "")
                #expect(try await iterator.next()?.payload == "marker")
            }
        }
    }
}

@Suite struct MigrationFileTests {
    @Test("plan --out DIR writes a timestamped migration that psql applies with ON_ERROR_STOP")
    func migrationFileApplies() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await Fixtures.run(Fixtures.atlas(idType: "uuid") + Fixtures.atlasRows(count: 20), on: connection)
            let directory = NSTemporaryDirectory() + "/partsync-out-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let env: [String: String?] = ["DATABASE_URL": database.configuration.conninfo]
            let plan = try await Products.run(
                "partsync", ["plan", "--table", "messages", "--partition-key", "created_at", "--out", directory], environment: env)
            #expect(plan.status == 0, "\(plan.stderr)")
            let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            let file = try #require(files.first)
            #expect(files.count == 1)
            #expect(file.range(of: #"^\d{14}_partition_messages\.sql$"#, options: .regularExpression) != nil, "\(file)")
            // Nothing changed yet.
            #expect(try await connection.query("SELECT to_regclass('messages_partitioned')").first?[0] == nil)
            let psql = try await ChildProcessRunner.psql(database.configuration.conninfo, file: directory + "/" + file)
            #expect(psql.status == 0, "\(psql.stderr)")
            #expect(try await connection.query("SELECT phase FROM partsync.migrations").first?[0] == "prepared")
            // prepare recognises what psql created.
            let prepare = try await Products.run(
                "partsync", ["prepare", "--table", "messages", "--partition-key", "created_at"], environment: env)
            #expect(prepare.status == 0)
            #expect(prepare.stderr.contains("already prepared"))
            // stdout carries only SQL, stderr only findings.
            let toStdout = try await Products.run("partsync", ["plan", "--table", "usage_logs", "--partition-key", "created_at"], environment: env)
            #expect(toStdout.stdout.hasPrefix("-- partsync"))
            #expect(!toStdout.stderr.contains("CREATE TABLE"))
        }
    }
}

enum ChildProcessRunner {
    static func psql(_ conninfo: String, file: String) async throws -> (status: Int32, stdout: String, stderr: String) {
        let candidates = ["/usr/bin/psql", "/usr/local/bin/psql", "/usr/lib/postgresql/15/bin/psql"]
        let psql = candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "psql"
        return try await OffThePool.run { try ChildProcess.run(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-f", file]) }
    }
}
