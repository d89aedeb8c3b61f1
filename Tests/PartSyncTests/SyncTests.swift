import Foundation
import PartSync
import PostgresClient
import Testing
import TestSupport
import Workload

@Suite struct SyncTests {
    @Test("no resurrection: a DELETE and a partition-key UPDATE committed while a batch that read them is open")
    func deleteDuringBatchIsNotResurrected() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(
                database, setup: Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 2_000), table: "messages")
            // Hold the batch after it has read its rows: the target's insert trigger waits on lock 777.
            try await connection.execute("""
                CREATE FUNCTION hold() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_advisory_lock_shared(777); PERFORM pg_advisory_unlock_shared(777); RETURN NEW; END $$;
                CREATE TRIGGER hold BEFORE INSERT ON messages_partitioned FOR EACH ROW EXECUTE FUNCTION hold();
                """)
            let gate = try await database.connect()
            try await gate.query("SELECT pg_advisory_lock(777)")
            let backfill = Task {
                try await Backfiller(configuration: database.configuration, table: "messages",
                                     options: .init(batchRows: 10_000, chunkRows: 100_000)).run()
            }
            try await waitFor(connection, "SELECT count(*) = 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 777 AND NOT granted "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
            // The batch has read every row. Now delete one and move another to a different partition.
            let writer = try await database.connect()
            try await writer.execute("DELETE FROM messages WHERE id = 10")
            try await writer.execute("UPDATE messages SET created_at = '2024-06-20 12:00:00+00' WHERE id = 20")
            // The applier must wait for the open batch instead of applying now and being overtaken by it.
            let context = try await MigrationContext.load(table: "messages", on: writer, phase: .syncing)
            // A WAL capture logs them once decoded: a delete's key, a move's new pair and (committed before the
            // backfill finished) its key.
            try await WALCapture.settle(context, configuration: database.configuration)
            let applierConnection = try await database.connect()
            let applier = Task { try await Applier(context: context).applyBatch(on: applierConnection) }
            try await waitFor(connection,
                "SELECT count(*) = 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = 1347636083 AND NOT granted "
                    + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
            try await gate.query("SELECT pg_advisory_unlock(777)")
            _ = try await backfill.value
            // One entry for the delete, two (old and new pair, or for a WAL capture new pair and key) for the
            // partition-key move.
            #expect(try await applier.value == 3)
            _ = try await Applier(context: context).catchUp(on: applierConnection)
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
            #expect(try await connection.query("SELECT count(*) FROM messages_partitioned WHERE id = 10").first?[0] == "0")
            #expect(try await connection.query(
                "SELECT tableoid::regclass::text FROM messages_partitioned WHERE id = 20").first?[0] == "messages_2024_06")
        }
    }

    @Test("a table of key columns only: inserts, partition-key moves and deletes are applied exactly")
    func keyColumnsOnly() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(database, setup: """
                CREATE TABLE seen (user_id bigint, day date NOT NULL, PRIMARY KEY (user_id, day));
                INSERT INTO seen SELECT g, date '2024-01-01' + (g % 90) FROM generate_series(1, 500) g;
                """, table: "seen", key: "day")
            _ = try await Backfiller(configuration: database.configuration, table: "seen", options: .init()).run()
            try await connection.execute("""
                INSERT INTO seen SELECT g, date '2024-02-01' FROM generate_series(501, 600) g;
                UPDATE seen SET day = date '2024-03-15' WHERE user_id BETWEEN 1 AND 50;
                DELETE FROM seen WHERE user_id BETWEEN 51 AND 80;
                INSERT INTO seen VALUES (1, date '2024-01-02');
                """)
            let context = try await MigrationContext.load(table: "seen", on: connection, phase: .syncing)
            let applied = try await Applier(context: context).catchUp(on: connection)
            #expect(applied == 100 + 100 + 30 + 1, "inserts, old and new pair of each move, deletes, one insert")
            try await assertTablesEqual("seen", "seen_partitioned", on: connection)
            // Applying the same keys again changes nothing.
            try await connection.execute("UPDATE seen SET day = day WHERE user_id <= 600")
            _ = try await Applier(context: context).catchUp(on: connection)
            try await assertTablesEqual("seen", "seen_partitioned", on: connection)
        }
    }

    @Test("a randomized concurrent workload during backfill and sync converges row for row")
    func randomizedWorkload() async throws {
        let seed = UInt64.random(in: 1...UInt64(UInt32.max))
        print("randomized workload seed: \(seed)")
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(
                database, setup: Fixtures.atlas(idType: "uuid") + Fixtures.atlasRows(count: 30_000), table: "messages")
            let context = try await MigrationContext.load(table: "messages", on: connection, phase: .syncing)
            let ids = try await connection.query("SELECT id::text FROM messages ORDER BY id").rows.map { $0[0]! }
            // The follow loop runs in-process through the backfill and the writes, then is stopped. It switches
            // the log's generation every 100 applied entries (at most once a second), so generations are
            // switched and truncated while writers log and the backfill copies.
            let stop = StopSignal()
            let applier = Task {
                try await SyncFollower(configuration: database.configuration, table: "messages",
                                       options: .init(batchSize: 500, pollInterval: .milliseconds(200),
                                                      switchLogAfterEntries: 100))
                    .run(.follow, stop: stop)
            }
            let backfill = Task {
                try await Backfiller(configuration: database.configuration, table: "messages",
                                     options: .init(batchRows: 700, chunkRows: 6_000)).run()
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        var random = SeededRandom(seed: seed &+ UInt64(writer))
                        let session = try await database.connect()
                        for _ in 0..<250 {
                            let id = ids[Int(random.next() % UInt64(ids.count))]
                            switch random.next() % 8 {
                            case 0:
                                try await session.query(
                                    "INSERT INTO messages (conversation_id, user_id, role, content, created_at) VALUES "
                                        + "(gen_random_uuid(), gen_random_uuid(), 'user', repeat('x', $1::int), "
                                        + "timestamptz '2024-01-01' + $2::int * interval '1 hour')",
                                    [Int(random.next() % 5_000), Int(random.next() % 4_000)])
                            case 1:
                                try await session.query("DELETE FROM messages WHERE id = $1::uuid", [id])
                            case 2:
                                try await session.query(
                                    "UPDATE messages SET created_at = created_at + $2::int * interval '1 day' WHERE id = $1::uuid",
                                    [id, Int(random.next() % 45)])
                            case 3:
                                try await session.query("UPDATE messages SET tokens = NULL, metadata = '{\"x\": null}' WHERE id = $1::uuid", [id])
                            case 4:
                                try await session.withTransaction { tx in
                                    try await tx.query("UPDATE messages SET content = 'in tx' WHERE id = $1::uuid", [id])
                                    try await tx.query("DELETE FROM messages WHERE id = (SELECT id FROM messages ORDER BY id DESC LIMIT 1)")
                                }
                            case 5:
                                try? await session.withTransaction { tx in
                                    try await tx.query("DELETE FROM messages WHERE id = $1::uuid", [id])
                                    throw CancellationError()
                                }
                            case 6:
                                try await session.query(
                                    "UPDATE messages SET content = repeat(md5(random()::text), 300), role = 'assistant' WHERE id = $1::uuid", [id])
                            default:
                                try await session.query(
                                    "UPDATE messages SET user_id = gen_random_uuid(), tokens = tokens + 1 WHERE created_at < $1::timestamptz "
                                        + "AND id = $2::uuid", ["2024-03-01", id])
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            _ = try await backfill.value
            // Let the applier drain what the writers left, so the last switch is followed by a truncation.
            try await waitFor(connection, "SELECT NOT EXISTS (SELECT 1 FROM \(context.capture.log.sql))", seconds: 60)
            try await waitFor(connection, "SELECT log_truncated_at > log_switched_at FROM partsync.appliers", seconds: 30)
            stop.stop()
            #expect(try await applier.value.stopped)
            let catchUp = try await database.connect()
            _ = try await Applier(context: context).catchUp(on: catchUp)
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
        }
    }

    @Test("a second applier on the same table is refused while the first holds the lock")
    func oneApplierAtATime() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(
                database, setup: Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 10), table: "messages")
            let context = try await MigrationContext.load(table: "messages", on: connection, phase: .syncing)
            try await SyncRunner.withApplierLock(context, on: connection) {
                let outcome = try await Products.run("partsync", ["sync", "--table", "messages", "--until-caught-up"],
                                               environment: ["DATABASE_URL": database.configuration.conninfo])
                #expect(outcome.status == 2)
                #expect(outcome.stderr.contains("another applier is already running"))
                #expect(outcome.stderr.contains("\(connection.backendPID)"))
            }
            let after = try await Products.run("partsync", ["sync", "--table", "messages", "--until-caught-up"],
                                         environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(after.status == 0, "\(after.stderr)")
        }
    }
}

/// Polls `sql` (a boolean query) until it is true (NULL counts as not yet); fails the test after `seconds`.
/// For a migration with a WAL capture: waits until everything committed before the call is decoded into its
/// change log (a marker on `connection`, which must not be in a transaction, and the decoded position). Nothing
/// to wait for with a trigger capture.
func waitUntilDecoded(_ connection: Connection, seconds: Int = 60,
                      sourceLocation: SourceLocation = #_sourceLocation) async throws {
    guard try await connection.query("SELECT EXISTS (SELECT 1 FROM partsync.captures WHERE method = 'wal')").first?[0] == "t"
    else { return }
    let marker = try await connection.query(
        "SELECT pg_logical_emit_message(true, 'partsync', 'test')::text").first!.decode(String.self, at: 0)
    try await waitFor(connection, "SELECT decoded_lsn >= $1::pg_lsn FROM partsync.captures WHERE direction = 'forward'",
                      [marker], seconds: seconds, sourceLocation: sourceLocation)
}

func waitFor(_ connection: Connection, _ sql: String, _ parameters: [(any PostgresEncodable)?] = [],
             seconds: Int = 60, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if try await connection.query(sql, parameters).first?.decodeIfPresent(Bool.self, at: 0) == true { return }
        try await Task.sleep(for: .milliseconds(25))
    }
    Issue.record("timed out after \(seconds) s waiting for: \(sql)", sourceLocation: sourceLocation)
    throw CancellationError()
}

