import Foundation
@testable import PartSync
import PostgresClient
import Testing
import TestSupport

/// `prepare --capture wal` against a real server: what it creates, what the decoder logs for each kind of write,
/// the echo of the reverse applier, a decoder cut off mid-stream, a change decoded before it is visible, and what
/// finish and abandon leave behind. Run in deploy/test.sh's WAL pass (`PARTSYNC_TEST_CAPTURE=wal`), beside the
/// sync, verify and cutover suites in that mode: a slot's stream reads the whole cluster's WAL, and beside the
/// first pass's hundred-odd tests a restarted one took minutes to catch up.
@Suite(.enabled(if: TestCapture.method == .wal, "the WAL pass of deploy/test.sh runs it"))
struct WALCaptureTests {
    static let things = """
        CREATE TABLE things (id bigint PRIMARY KEY, label text NOT NULL, created_at timestamptz NOT NULL);
        INSERT INTO things SELECT g, 'thing ' || g, timestamptz '2024-01-01' + g * interval '7 hours' FROM generate_series(1, 600) g;
        """

    static func prepared(_ database: TestDatabase, setup: String = things, table: String = "things")
        async throws -> (Connection, MigrationContext)
    {
        let connection = try await database.connect()
        try await connection.execute(setup)
        _ = try await Preparer.prepare(PlanOptions(table: table, partitionKey: "created_at", capture: .wal), on: connection)
        let context = try await MigrationContext.load(table: table, on: connection, phase: .syncing)
        return (connection, context)
    }

    /// Prepared and backfilled.
    static func backfilled(_ database: TestDatabase, setup: String = things) async throws -> (Connection, MigrationContext) {
        let prepared = try await Self.prepared(database, setup: setup)
        _ = try await Backfiller(configuration: database.configuration, table: "things", options: .init()).run()
        return prepared
    }

    /// Applies what is logged, and compares the tables.
    static func applyAndCompare(_ context: MigrationContext, on connection: Connection) async throws {
        _ = try await Applier(context: context).catchUp(on: connection)
        try await assertTablesEqual("things", "things_partitioned", on: connection)
    }

    /// `sync --follow` running, its decoder streaming the slot.
    static func following(_ database: TestDatabase, _ connection: Connection) async throws
        -> (StopSignal, Task<SyncFollower.Summary, Error>)
    {
        let stop = StopSignal()
        let run = Task {
            try await SyncFollower(configuration: database.configuration, table: "things",
                                   options: .init(pollInterval: .milliseconds(100))).run(.follow, stop: stop)
        }
        try await waitFor(connection, "SELECT count(*) = 1 FROM pg_replication_slots WHERE active AND database = current_database()")
        return (stop, run)
    }

    static func slots(_ connection: Connection) async throws -> [String] {
        try await connection.query(
            "SELECT slot_name::text FROM pg_replication_slots WHERE database = current_database() ORDER BY 1"
        ).rows.compactMap { $0[0] }
    }

    static func publications(_ connection: Connection) async throws -> [String] {
        try await connection.query("SELECT pubname::text FROM pg_publication ORDER BY 1").rows.compactMap { $0[0] }
    }

    /// A cutover with `sync --follow` running (its decoder streams the slot while the swap settles the capture),
    /// which is stopped afterwards.
    static func cutover(_ database: TestDatabase, _ connection: Connection) async throws {
        let stop = StopSignal()
        let follower = CutoverTests.follow(database, "things", stop: stop)
        try await CutoverTests.applying(connection, count: 1)
        _ = try await Swapper(configuration: database.configuration, table: "things", options: .init(probe: false)).cutover()
        stop.stop()
        _ = try await follower.value
    }

    @Test("prepare makes the publication and a slot named for the database, and only the TRUNCATE guard on the source")
    func prepareMakesSlot() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.prepared(database)
            let capture = context.capture
            #expect(capture.method == .wal)
            #expect(try await Self.slots(connection) == [capture.slot!])
            #expect(capture.slot!.hasPrefix("partsync_things_") && capture.slot!.count <= 63)
            #expect(try await Self.publications(connection) == [capture.publication!])
            #expect(try await connection.query(
                "SELECT tgname::text FROM pg_trigger WHERE tgrelid = 'things'::regclass AND NOT tgisinternal"
            ).rows.compactMap { $0[0] } == [CaptureSQL.truncateTrigger])
            #expect(try await connection.query(
                "SELECT pubinsert AND pubupdate AND pubdelete AND NOT pubtruncate FROM pg_publication"
            ).first?[0] == "t")
            // A second prepare changes nothing.
            guard case .alreadyPrepared = try await Preparer.prepare(
                PlanOptions(table: "things", partitionKey: "created_at", capture: .wal), on: connection)
            else { Issue.record("prepared twice"); return }
            #expect(try await Self.slots(connection).count == 1)
            let status = try await MigrationStatus.load(table: "things", on: connection)[0]
            #expect(status.slot?.exists == true && status.slot?.activePID == nil, "\(String(describing: status.slot))")
            #expect(status.description.contains("capture: WAL, slot \(capture.slot!) not streamed"), "\(status.description)")
        }
    }

    @Test("plan refuses a source whose replica identity is NOTHING: its UPDATEs would fail once published")
    func replicaIdentityNothing() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute(Self.things + "ALTER TABLE things REPLICA IDENTITY NOTHING;")
            let plan = try await Planner.plan(PlanOptions(table: "things", partitionKey: "created_at", capture: .wal),
                                              on: connection)
            #expect(plan.blockers.map(\.code) == ["replica-identity"])
            let trigger = try await Planner.plan(PlanOptions(table: "things", partitionKey: "created_at"), on: connection)
            #expect(trigger.blockers.isEmpty)
        }
    }

    @Test("each kind of write logs the entries the stream can say: pairs, new pairs and keys; applying them is exact")
    func entryKinds() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.backfilled(database)
            try await connection.execute("""
                INSERT INTO things VALUES (1000, 'new', '2024-02-01');
                UPDATE things SET label = 'relabelled' WHERE id = 10;
                UPDATE things SET created_at = created_at + interval '60 days' WHERE id = 20;
                DELETE FROM things WHERE id = 30;
                UPDATE things SET id = 5000 WHERE id = 40;
                """)
            try await WALCapture.settle(context, configuration: database.configuration)
            let logged = try await connection.query(
                "SELECT id::text || ':' || partsync_kind::text || ':' || (created_at IS NULL)::text FROM \(context.capture.log.sql) ORDER BY partsync_seq"
            ).rows.compactMap { $0[0] }
            // After the backfill: an UPDATE logs its new pair only; a DELETE and a changed key log the key alone.
            #expect(logged == ["1000:p:false", "10:n:false", "20:n:false", "30:k:true", "40:k:true", "5000:n:false"],
                    "\(logged)")
            try await Self.applyAndCompare(context, on: connection)
            #expect(try await connection.query("SELECT count(*) FROM things_partitioned WHERE id IN (30, 40)").first?[0] == "0")
        }
    }

    @Test("REPLICA IDENTITY FULL: UPDATEs and DELETEs carry the old row, every entry is an exact pair")
    func replicaIdentityFull() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.backfilled(database, setup: Self.things + "ALTER TABLE things REPLICA IDENTITY FULL;")
            try await connection.execute("""
                UPDATE things SET created_at = created_at + interval '60 days' WHERE id = 20;
                DELETE FROM things WHERE id = 30;
                """)
            try await WALCapture.settle(context, configuration: database.configuration)
            let kinds = try await connection.query(
                "SELECT string_agg(partsync_kind::text, '' ORDER BY partsync_seq) FROM \(context.capture.log.sql)").first?[0]
            #expect(kinds == "ppp", "old and new pair of the move, the deleted pair")
            try await Self.applyAndCompare(context, on: connection)
        }
    }

    @Test("writes during the backfill also log their keys: a row copied before and after its move is left once")
    func duringBackfill() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.prepared(database)
            // Before any copy: a move and a relabel, logged before the backfill finished.
            try await connection.execute("""
                UPDATE things SET created_at = created_at + interval '90 days' WHERE id BETWEEN 1 AND 50;
                UPDATE things SET label = 'early' WHERE id BETWEEN 51 AND 60;
                """)
            try await WALCapture.settle(context, configuration: database.configuration)
            let keys = try await connection.query(
                "SELECT count(*) FILTER (WHERE partsync_kind = 'k'), count(*) FILTER (WHERE partsync_kind = 'n') FROM \(context.capture.log.sql)"
            ).first!
            #expect(keys[0] == "60" && keys[1] == "60", "a key for every new pair before the backfill finished")
            // The target gets a stale pair for some rows (as a block-range chunk reading the old version would).
            try await connection.execute("""
                INSERT INTO things_partitioned SELECT id, label, created_at - interval '90 days' FROM things WHERE id BETWEEN 1 AND 10
                """)
            _ = try await Backfiller(configuration: database.configuration, table: "things", options: .init()).run()
            try await Self.applyAndCompare(context, on: connection)
        }
    }

    @Test("the reverse applier's writes to the retired table are not captured again by the WAL capture (no echo)")
    func noEchoAfterCutover() async throws {
        try await TestDatabase.with { database in
            let (connection, _) = try await Self.backfilled(database)
            _ = try await SyncFollower(configuration: database.configuration, table: "things").run(.untilCaughtUp)
            _ = try await Verifier(configuration: database.configuration, table: "things").run()
            try await Self.cutover(database, connection)
            try await connection.execute("""
                UPDATE things SET label = 'after cutover' WHERE id <= 100;
                DELETE FROM things WHERE id BETWEEN 101 AND 110;
                INSERT INTO things VALUES (7000, 'new', '2024-03-03');
                """)
            let context = try await MigrationContext.load(table: "things", on: connection, phase: .syncing)
            // As `sync` runs it: under the reverse applier's lock, with its echo token.
            let reverse = try await SyncRunner.withApplierLock(context, direction: .reverse, on: connection) {
                try await Applier(context: context, direction: .reverse).catchUp(on: connection)
            }
            #expect(reverse == 111)
            try await assertTablesEqual("things", "things_retired", on: connection)
            // Everything the reverse applier wrote to the retired table is decoded by now: none of it was logged.
            try await WALCapture.settle(context, configuration: database.configuration)
            #expect(try await connection.query("SELECT count(*) FROM \(context.capture(.forward)!.log.sql)").first?[0] == "0")
            // A straggler's write to the retired table still is, and so is one that forges the mark.
            try await connection.execute("UPDATE things_retired SET label = 'straggler' WHERE id = 200")
            let forger = try await database.connect()
            try await forger.execute("""
                BEGIN;
                SELECT pg_logical_emit_message(true, 'partsync_echo', '\(context.record.key):forged');
                UPDATE things_retired SET label = 'forged' WHERE id = 201;
                COMMIT;
                """)
            #expect(try await Applier(context: context).catchUp(on: connection) == 2)
            #expect(try await connection.query("SELECT label FROM things WHERE id = 200").first?[0] == "straggler")
            #expect(try await connection.query("SELECT label FROM things WHERE id = 201").first?[0] == "forged")
        }
    }

    @Test("a change decoded before other sessions can see it is not logged until they can: no insert missed, no delete lost")
    func decodedBeforeVisible() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.backfilled(database)
            let (stop, run) = try await Self.following(database, connection)
            // A synchronous standby that never comes: a session with synchronous_commit = on waits after its
            // commit record is flushed (so the slot decodes it) and before its change is visible. Sessions of
            // the other tests run with synchronous_commit = off and do not wait.
            let admin = try await Connection.connect(try TestServer.configuration())
            defer { Task { await admin.close() } }
            guard try await admin.query("SELECT current_setting('synchronous_commit')").first?[0] == "off" else {
                print("skipped: the server's sessions commit synchronously, and would all wait for the missing standby")
                stop.stop()
                _ = try await run.value
                return
            }
            try await admin.execute("ALTER SYSTEM SET synchronous_standby_names = 'partsync_test_nobody'")
            try await admin.query("SELECT pg_reload_conf()")
            let writer = try await database.connect()
            let write = Task {
                try await writer.execute("""
                    SET synchronous_commit = on;
                    INSERT INTO things VALUES (9001, 'decoded early', '2024-02-02');
                    DELETE FROM things WHERE id = 77;
                    """)
            }
            try await waitFor(connection, """
                SELECT count(*) = 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'SyncRep'
                """)
            // Decoded, and held back until visible: a second is plenty for the decoder to have logged it otherwise.
            try await connection.execute("SELECT pg_sleep(1)")
            #expect(try await connection.query("SELECT count(*) FROM \(context.capture.log.sql)").first?[0] == "0")
            try await admin.execute("ALTER SYSTEM RESET synchronous_standby_names")
            try await admin.query("SELECT pg_reload_conf()")
            try await write.value
            try await SyncFollowTests.drained(connection, context, seconds: 120)
            try await assertTablesEqual("things", "things_partitioned", on: connection)
            #expect(try await connection.query("SELECT count(*) FROM things_partitioned WHERE id IN (9001, 77)").first?[0] == "1")
            stop.stop()
            _ = try await run.value
        }
    }

    @Test("the decoder's walsender terminated mid-stream: sync --follow starts it again and the result is exact")
    func decoderTerminated() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.backfilled(database)
            let (stop, run) = try await Self.following(database, connection)
            for round in 1...3 {
                try await connection.execute("UPDATE things SET label = 'round \(round)' WHERE id % 3 = \(round % 3)")
                try await connection.query(
                    "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE database = current_database()")
                try await connection.execute("DELETE FROM things WHERE id = \(round * 100)")
            }
            // A new stream decodes from the slot's restart position: under the whole suite's WAL that takes a while.
            try await waitFor(connection, "SELECT count(*) = 1 FROM pg_replication_slots WHERE active AND database = current_database()", seconds: 120)
            try await SyncFollowTests.drained(connection, context, seconds: 120)
            try await assertTablesEqual("things", "things_partitioned", on: connection)
            stop.stop()
            _ = try await run.value
        }
    }

    @Test("finish drops the slot and the publication; so does abandon, leaving the catalog as before prepare")
    func finishAndAbandonDropTheSlot() async throws {
        try await TestDatabase.with { database in
            let (connection, _) = try await Self.backfilled(database)
            _ = try await SyncFollower(configuration: database.configuration, table: "things").run(.untilCaughtUp)
            _ = try await Verifier(configuration: database.configuration, table: "things").run()
            try await Self.cutover(database, connection)
            let finished = try await Finisher.finish(table: "things", dropRetired: true, on: connection)
            #expect(finished.removed.contains { $0.hasPrefix("replication slot") }, "\(finished.removed)")
            #expect(try await Self.slots(connection).isEmpty)
            #expect(try await Self.publications(connection).isEmpty)
        }
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute(Self.things)
            let before = try await Fixtures.catalogFingerprint(connection)
            _ = try await Preparer.prepare(PlanOptions(table: "things", partitionKey: "created_at", capture: .wal),
                                           on: connection)
            _ = try await Abandoner.abandon(table: "things", on: connection)
            #expect(try await Self.slots(connection).isEmpty)
            #expect(try await Self.publications(connection).isEmpty)
            #expect(try await Fixtures.catalogFingerprint(connection) == before)
        }
    }

    @Test("the transaction decoder: kinds by identity and key, echo transactions skipped, other tables ignored")
    func transactionDecoder() throws {
        let shape = MigrationShape(
            columns: [.init(name: "id", type: "bigint", generated: false), .init(name: "at", type: "date", generated: false)],
            primaryKey: ["id"], partitionKey: "at")
        var decoder = TransactionDecoder(shape: shape, tableOID: 42, migrationKey: "m")
        let relation = PgOutput.Relation(id: 42, namespace: "public", name: "t", replicaIdentity: "d", columns: [
            .init(isKey: true, name: "id", typeOID: 20, typeModifier: -1),
            .init(isKey: false, name: "at", typeOID: 1082, typeModifier: -1),
        ])
        func row(_ id: String, _ at: String?) -> [PgOutput.Value] { [.text(id), at.map { .text($0) } ?? .null] }
        let messages: [PgOutput.Message] = [
            .begin(finalLSN: LSN(100), commitTime: 0, xid: 1), .relation(relation),
            .insert(relation: 42, new: row("1", "2024-01-01")),
            .insert(relation: 7, new: row("9", "2024-01-01")),
            .update(relation: 42, old: nil, oldIsKey: false, new: row("2", "2024-02-01")),
            .update(relation: 42, old: row("3", nil), oldIsKey: true, new: row("4", "2024-02-02")),
            .delete(relation: 42, old: row("5", nil), oldIsKey: true),
            .commit(commitLSN: LSN(90), endLSN: LSN(100)),
        ]
        var committed: TransactionDecoder.Committed?
        for message in messages { committed = try decoder.consume(message) ?? committed }
        let expected: [TransactionDecoder.Entry] = [
            .init(values: ["1", "2024-01-01"], kind: .pair), .init(values: ["2", "2024-02-01"], kind: .newPair),
            .init(values: ["3", nil], kind: .key), .init(values: ["4", "2024-02-02"], kind: .newPair),
            .init(values: ["5", nil], kind: .key),
        ]
        #expect(committed?.entries == expected)
        #expect(committed?.end == LSN(100))
        // Before the backfill finished each new pair also logs its key; after it, not.
        let early = TransactionDecoder.entries(of: committed!, backfilledAt: nil)
        #expect(early == [
            .init(values: ["1", "2024-01-01"], kind: .pair), .init(values: ["2", "2024-02-01"], kind: .newPair),
            .init(values: ["2", nil], kind: .key), .init(values: ["3", nil], kind: .key),
            .init(values: ["4", "2024-02-02"], kind: .newPair), .init(values: ["4", nil], kind: .key),
            .init(values: ["5", nil], kind: .key),
        ])
        #expect(TransactionDecoder.entries(of: committed!, backfilledAt: LSN(50)) == expected)
        // A transaction with an echo mark (the reverse applier's, or anyone's).
        let echo: [PgOutput.Message] = [
            .begin(finalLSN: LSN(200), commitTime: 0, xid: 2),
            .logicalMessage(transactional: true, lsn: LSN(150), prefix: TransactionDecoder.echoPrefix,
                            content: Array("m:secret".utf8)),
            .insert(relation: 42, new: row("6", "2024-01-01")),
            .commit(commitLSN: LSN(190), endLSN: LSN(200)),
        ]
        var echoed: TransactionDecoder.Committed?
        for message in echo { echoed = try decoder.consume(message) ?? echoed }
        // The mark's token goes with the transaction; the writer skips it only for the reverse applier's token.
        #expect(echoed?.echoToken == "secret" && echoed?.entries.count == 1)
        #expect(echoed?.end == LSN(200))
    }
}
