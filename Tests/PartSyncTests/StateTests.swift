import Foundation
import PartSync
import PostgresClient
import Testing
import TestSupport

/// The state layer against a real server: versions and upgrades, the frozen shape, migrations found by OID,
/// enforced phases, failures recorded, hostile state, and a no-echo rule nobody else can satisfy.
@Suite struct StateTests {
    static let events = """
        CREATE TABLE events (id bigint PRIMARY KEY, body text, tokens int, created_at timestamptz NOT NULL);
        INSERT INTO events SELECT g, 'b' || g, g, timestamptz '2024-03-01' + g * interval '2 hours'
        FROM generate_series(1, 3000) g;
        """

    static func environment(_ database: TestDatabase) -> [String: String?] {
        ["DATABASE_URL": database.configuration.conninfo]
    }

    static func partsync(_ database: TestDatabase, _ arguments: [String]) async throws -> (status: Int32, stderr: String) {
        let run = try await Products.run("partsync", arguments, environment: environment(database))
        return (run.status, run.stderr)
    }

    /// The rows of partsync's state that a refused command must leave as they are.
    static func stateFingerprint(_ connection: Connection) async throws -> String {
        try await connection.query(
            """
            SELECT md5(concat_ws('|',
                (SELECT string_agg(m::text, ',' ORDER BY key) FROM partsync.migrations m),
                (SELECT string_agg(e.id || e.phase || e.message, ',' ORDER BY id) FROM partsync.events e),
                (SELECT string_agg(c::text, ',' ORDER BY migration, chunk) FROM partsync.backfill_chunks c),
                (SELECT string_agg(v.version::text, ',' ORDER BY version) FROM partsync.state_versions v)))
            """).first!.decode(String.self, at: 0)
    }

    static func logCount(_ connection: Connection, _ context: MigrationContext) async throws -> Int {
        try await connection.query("SELECT count(*) FROM \(context.capture.log.sql)").first!.decode(Int.self, at: 0)
    }

    @Test("prepare creates the current state version in steps; a second prepare runs no DDL on partsync's state")
    func versionsAndNoStateDDL() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(database, setup: Self.events, table: "events")
            let versions = try await connection.query("SELECT string_agg(version::text, ',' ORDER BY version) FROM partsync.state_versions")
            #expect(versions.first?[0] == StateSchema.steps.map { String($0.version) }.joined(separator: ","))
            #expect(StateSchema.steps.map(\.version) == Array(1...StateSchema.version), "numbered 1, 2, … in order")
            // Every DDL command from here on is recorded.
            try await connection.execute("""
                CREATE TABLE ddl_log (tag text, identity text);
                CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO ddl_log SELECT command_tag, object_identity FROM pg_event_trigger_ddl_commands();
                END $$;
                CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION log_ddl();
                CREATE TABLE others (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
                INSERT INTO others VALUES (1, '2024-05-01');
                """)
            _ = try await Preparer.prepare(PlanOptions(table: "others", partitionKey: "created_at"), on: connection)
            let key = try #require(try await StateStore(connection).migration(forTable: "others")).key
            let stateDDL = try await connection.query(
                """
                SELECT string_agg(tag || ' ' || identity, '; ') FROM ddl_log
                WHERE identity LIKE 'partsync.%' AND identity NOT LIKE '%' || $1 || '%'
                """, [key]).first?[0]
            #expect(stateDDL == nil, "DDL on partsync's state: \(stateDDL ?? "")")
            let created = try await connection.query("SELECT count(*) FROM ddl_log WHERE identity LIKE '%' || $1 || '%'", [key])
            #expect(try created.first!.decode(Int.self, at: 0) > 0, "the new migration's own capture objects are created")
        }
    }

    @Test("a state written by partsync before versioning (v1) upgrades in place and its migration carries on")
    func upgradesVersion1() async throws {
        try await TestDatabase.with { database in
            let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/state-v1.sql")
            // The dump empties search_path for its session: load it on a connection of its own.
            let loader = try await database.connect()
            try await loader.execute(try String(contentsOf: fixture, encoding: .utf8))
            await loader.close()
            let connection = try await database.connect()
            #expect(try await StateSchema.found(on: connection) == .version(1))
            #expect(try await connection.query("SELECT count(*) FROM partsync.changes_messages_a195bee2").first?[0] == "14")

            let sync = try await Self.partsync(database, ["sync", "--table", "messages", "--until-caught-up"])
            #expect(sync.status == 0, "\(sync.stderr)")
            #expect(try await StateSchema.found(on: connection) == .version(StateSchema.version))
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)

            let context = try await MigrationContext.load(table: "messages", on: connection, phase: .syncing)
            #expect(context.record.key == "messages_a195bee2")
            #expect(context.record.phase == .syncing)
            #expect(context.record.shape.primaryKey == ["id"])
            #expect(context.record.shape.partitionKey == "created_at")
            #expect(context.record.shape.columns.map(\.name) == ["id", "user_id", "role", "content", "tokens", "created_at"])
            #expect(context.record.shape.column("created_at")?.type == "timestamp with time zone")
            #expect(context.capture.log == SQLIdentifier(schema: "partsync", name: "changes_messages_a195bee2"))
            #expect(context.capture.channel == "partsync_messages_a195bee2")
            // The upgraded capture function no longer trusts `partsync.applier = on`.
            try await connection.execute("""
                SET partsync.applier = 'on';
                UPDATE messages SET tokens = tokens + 1 WHERE id = 100;
                RESET partsync.applier
                """)
            #expect(try await Self.logCount(connection, context) == 1)
            let again = try await Self.partsync(database, ["sync", "--table", "messages", "--until-caught-up"])
            #expect(again.status == 0, "\(again.stderr)")
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
        }
    }

    @Test("a state newer than this partsync is refused by every command, and nothing changes")
    func newerStateRefused() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(database, setup: Self.events, table: "events")
            try await connection.execute("""
                INSERT INTO partsync.state_versions (version, summary, partsync_version) VALUES (99, 'future', '9.9');
                CREATE TABLE others (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
                """)
            let before = try await Fixtures.catalogFingerprint(connection) + (try await Self.stateFingerprint(connection))
            for arguments in [["backfill", "--table", "events"], ["sync", "--table", "events", "--until-caught-up"],
                              ["status"], ["prepare", "--table", "others", "--partition-key", "created_at"]] {
                let run = try await Self.partsync(database, arguments)
                #expect(run.status == 2, "\(arguments): \(run.stderr)")
                #expect(run.stderr.contains("version 99") && run.stderr.contains("upgrade partsync"), "\(run.stderr)")
            }
            #expect(try await Fixtures.catalogFingerprint(connection) + (try await Self.stateFingerprint(connection)) == before)
        }
    }

    @Test("--table finds the migration by OID: by either table's name, also after both are renamed")
    func foundByOID() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(database, setup: Self.events, table: "events")
            let key = try await MigrationContext.load(table: "events", on: connection, phase: .backfilling).record.key
            #expect(try await MigrationContext.load(table: "events_partitioned", on: connection, phase: .backfilling)
                .record.key == key)
            // The renames a cutover makes: the partitioned table takes the source's name.
            try await connection.execute("""
                ALTER TABLE events RENAME TO events_retired;
                ALTER TABLE events_partitioned RENAME TO events;
                """)
            for name in ["events", "events_retired", "public.events"] {
                let context = try await MigrationContext.load(table: name, on: connection, phase: .syncing)
                #expect(context.record.key == key, "\(name)")
                #expect(context.source.identifier.name == "events_retired", "\(name): SQL uses the live source name")
                #expect(context.target.identifier.name == "events", "\(name)")
                #expect(context.table == "public.events", "people see the name it was prepared under")
            }
            // Writes to the renamed source are still captured and applied to the renamed target.
            try await connection.execute("UPDATE events_retired SET body = 'renamed' WHERE id = 5")
            let backfill = try await Self.partsync(database, ["backfill", "--table", "events_retired"])
            #expect(backfill.status == 0, "\(backfill.stderr)")
            let sync = try await Self.partsync(database, ["sync", "--table", "events", "--until-caught-up"])
            #expect(sync.status == 0, "\(sync.stderr)")
            try await assertTablesEqual("events_retired", "events", on: connection)
        }
    }

    @Test("a column added, dropped or retyped after prepare stops the phase, names the change, changes nothing",
          arguments: [
              ("ALTER TABLE events ADD COLUMN extra int", "column extra (integer) was added"),
              ("ALTER TABLE events DROP COLUMN body", "column body was dropped"),
              ("ALTER TABLE events ALTER COLUMN tokens TYPE bigint", "column tokens changed type from integer to bigint"),
              ("ALTER TABLE events_partitioned ADD COLUMN extra int", "events_partitioned: column extra (integer) was added"),
          ])
    func shapeDrift(change: String, named: String) async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(database, setup: Self.events, table: "events")
            try await connection.execute(change)
            let before = try await Fixtures.catalogFingerprint(connection) + (try await Self.stateFingerprint(connection))
            for arguments in [["backfill", "--table", "events"], ["sync", "--table", "events", "--until-caught-up"]] {
                let run = try await Self.partsync(database, arguments)
                #expect(run.status == 2, "\(arguments): \(run.stderr)")
                #expect(run.stderr.contains(named), "\(run.stderr)")
                #expect(run.stderr.contains("public.events"), "names the table: \(run.stderr)")
            }
            #expect(try await Fixtures.catalogFingerprint(connection) + (try await Self.stateFingerprint(connection)) == before)
            #expect(try await connection.query("SELECT count(*) FROM events_partitioned").first?[0] == "0")
            // status still reports the migration, with the change.
            let status = try await Self.partsync(database, ["status", "--table", "events"])
            #expect(status.status == 0 && status.stderr.contains(named), "\(status.stderr)")
        }
    }

    @Test("phases out of order are refused with exit 2 and change nothing")
    func outOfOrder() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(database, setup: Self.events, table: "events")
            let key = try await MigrationContext.load(table: "events", on: connection, phase: .prepared).record.key
            // A move the transition table does not allow: prepared → verified.
            let refused = await #expect(throws: PartSyncError.self) {
                try await StateStore(connection).transition(key, to: .verified, message: "skipping ahead")
            }
            #expect(refused?.kind == .usage)
            #expect(refused?.message.contains("cannot move from prepared to verified") == true, "\(String(describing: refused))")
            #expect(try await StateStore(connection).migration(key: key)?.phase == .prepared)

            // A migration that is already finished takes neither a backfill nor a sync.
            try await connection.query("UPDATE partsync.migrations SET phase = 'finished'")
            let before = try await Fixtures.catalogFingerprint(connection) + (try await Self.stateFingerprint(connection))
            for arguments in [["backfill", "--table", "events"], ["sync", "--table", "events", "--until-caught-up"]] {
                let run = try await Self.partsync(database, arguments)
                #expect(run.status == 2, "\(arguments): \(run.stderr)")
                #expect(run.stderr.contains("finished"), "\(run.stderr)")
            }
            #expect(try await Fixtures.catalogFingerprint(connection) + (try await Self.stateFingerprint(connection)) == before)
            #expect(try await connection.query("SELECT count(*) FROM events_partitioned").first?[0] == "0")
        }
    }

    @Test("a backfill that stops on a database error records failed with its reason (no row data); a rerun resumes")
    func failureRecordedAndResumed() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(database, setup: Self.events, table: "events")
            try await connection.execute("UPDATE events SET body = 'secret-row-data' WHERE id = 1")
            // Every row the copy writes now violates a constraint of the (still empty) target.
            try await connection.execute("ALTER TABLE events_partitioned ADD CONSTRAINT refuse_all CHECK (tokens < 0)")
            let failed = try await Self.partsync(database, ["backfill", "--table", "events"])
            #expect(failed.status == 3, "\(failed.stderr)")
            let record = try #require(try await StateStore(connection).migration(forTable: "events"))
            #expect(record.phase == .failed)
            #expect(record.failedFrom == .backfilling)
            let failure = record.failure ?? ""
            #expect(failure.contains("23514") && failure.contains("refuse_all"), "\(failure)")
            #expect(!failure.contains("secret-row-data") && !failure.contains("Failing row"), "\(failure)")
            let status = try await Self.partsync(database, ["status", "--table", "events"])
            #expect(status.stderr.contains("failed while backfilling"), "\(status.stderr)")
            // A failed backfill is not resumed by sync's phase, and its own command resumes it.
            try await connection.execute("ALTER TABLE events_partitioned DROP CONSTRAINT refuse_all")
            let rerun = try await Self.partsync(database, ["backfill", "--table", "events"])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            let resumed = try #require(try await StateStore(connection).migration(forTable: "events"))
            #expect(resumed.phase == .syncing)
            #expect(resumed.failedFrom == nil && resumed.failure == nil)
            try await assertTablesEqual("events", "events_partitioned", on: connection)
            let history = try await StateStore(connection).recentEvents(resumed.key, limit: 10).joined(separator: "\n")
            #expect(history.contains("failed: backfilling failed") && history.contains("backfill resumed"), "\(history)")
        }
    }

    @Test("hostile text written into state columns is never run as SQL by the applier",
          arguments: [
              "UPDATE partsync.captures SET log_name = $1",
              "UPDATE partsync.captures SET log_schema = $1",
              "UPDATE partsync.captures SET signal_name = $1",
              "UPDATE partsync.captures SET channel = $1",
              "UPDATE partsync.migrations SET target_table = $1, source_table = $1",
              "UPDATE partsync.migrations SET shape = jsonb_set(shape, '{columns,1,name}', to_jsonb($1::text))",
              "UPDATE partsync.migrations SET shape = jsonb_set(shape, '{columns,1,type}', to_jsonb($1::text))",
              "UPDATE partsync.migrations SET shape = jsonb_set(shape, '{partitionKey}', to_jsonb($1::text))",
              "UPDATE partsync.appliers SET echo_token = $1",
          ])
    func hostileState(statement: String) async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(database, setup: Self.events, table: "events")
            let backfill = try await Self.partsync(database, ["backfill", "--table", "events"])
            #expect(backfill.status == 0, "\(backfill.stderr)")
            try await connection.execute("""
                CREATE TABLE sentinel (x int);
                UPDATE events SET body = 'changed' WHERE id <= 10;
                """)
            let hostile = "x\"; DROP TABLE sentinel; --' ); DROP TABLE sentinel; --"
            try await connection.query(statement, [hostile])
            let follower = SyncFollower(configuration: database.configuration, table: "events",
                                        options: .init(retry: RetryPolicy(attempts: 1)))
            _ = try? await follower.run(.untilCaughtUp)
            _ = try? await Self.partsync(database, ["status"])
            _ = try? await Self.partsync(database, ["sync", "--table", "events", "--until-caught-up"])
            #expect(try await connection.query("SELECT pg_catalog.to_regclass('sentinel') IS NOT NULL").first?[0] == "t")
        }
    }

    @Test("an application role that sets every partsync setting, even the applier's own token, is still captured")
    func noEchoCannotBeForged() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(database, setup: Self.events, table: "events")
            let context = try await MigrationContext.load(table: "events", on: connection, phase: .prepared)
            try await connection.execute("""
                DO $$ BEGIN CREATE ROLE partsync_test_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                GRANT SELECT, INSERT, UPDATE, DELETE ON events TO partsync_test_app;
                """)
            // A running applier's registration: its backend and its token.
            let applier = try await database.connect()
            try await applier.query(
                "UPDATE partsync.appliers SET backend_pid = pg_backend_pid(), echo_token = 'the-applier-token'")
            let app = try await database.connect()
            try await app.execute("SET ROLE partsync_test_app")
            for value in ["on", "true", "1", "the-applier-token"] {
                try await app.query("SELECT set_config('partsync.applier', $1, false)", [value])
                try await app.execute("UPDATE events SET body = 'forged' WHERE id = 1")
            }
            try await app.execute("SET partsync.applier_token = 'the-applier-token'; INSERT INTO events VALUES (9001, 'x', 1, '2024-03-05')")
            #expect(try await Self.logCount(connection, context) == 5, "every statement of the application is captured")
            await #expect(throws: PostgresError.self, "the application cannot read the token") {
                try await app.query("SELECT echo_token FROM partsync.appliers")
            }
            // The applier's own session, with its token, is not captured.
            try await applier.execute("""
                SET partsync.applier = 'the-applier-token';
                UPDATE events SET body = 'applier' WHERE id = 2
                """)
            #expect(try await Self.logCount(connection, context) == 5)
        }
    }
}
