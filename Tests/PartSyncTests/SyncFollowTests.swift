import Foundation
import LocalPostgres
import Logging
import PartSync
import PostgresClient
import Testing
import TestSupport

/// The follow loop: waking, sleeping, reconnecting, stopping, and keeping the change log small.
@Suite struct SyncFollowTests {
    /// `messages` (bigint ids) prepared and fully backfilled, so every later change reaches the target only
    /// through the change log.
    static func backfilled(_ database: TestDatabase, rows: Int) async throws -> (Connection, MigrationContext) {
        let connection = try await BackfillTests.prepared(
            database, setup: Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: rows), table: "messages")
        _ = try await Backfiller(configuration: database.configuration, table: "messages", options: .init()).run()
        let context = try await MigrationContext.load(table: "messages", on: connection, phase: .syncing)
        return (connection, context)
    }

    static func follower(_ database: TestDatabase, _ options: SyncFollower.Options) -> SyncFollower {
        SyncFollower(configuration: database.configuration, table: "messages", options: options,
                     logger: Logger(label: "partsync-tests"))
    }

    /// Holds the copy lock shared, as an open backfill batch does: the applier's next batch waits for it.
    static func holdCopyLock(_ context: MigrationContext, on connection: Connection) async throws {
        try await connection.query("SELECT pg_advisory_lock_shared(1347636083, hashtext($1))", [context.record.key])
    }

    static func releaseCopyLock(_ context: MigrationContext, on connection: Connection) async throws {
        try await connection.query("SELECT pg_advisory_unlock_shared(1347636083, hashtext($1))", [context.record.key])
    }

    /// A backfilled `messages` followed in-process with a 60 s poll, once the applier sleeps on LISTEN.
    static func asleep(_ database: TestDatabase) async throws
        -> (Connection, MigrationContext, StopSignal, Task<SyncFollower.Summary, any Error>)
    {
        let (connection, context) = try await backfilled(database, rows: 100)
        let stop = StopSignal()
        let run = Task {
            try await follower(database, .init(pollInterval: .seconds(600), lagInterval: nil)).run(.follow, stop: stop)
        }
        try await waitFor(connection, applierAsleep)
        // A WAL capture's decoder is idle too only once it has read the slot's backlog: under the whole suite's
        // WAL (every test's walsender reads all of it) a new stream takes a while to reach the present.
        if TestCapture.method == .wal { try await drained(connection, context, seconds: 120) }
        return (connection, context, stop, run)
    }

    static let applierAsleep = "SELECT waiting FROM partsync.appliers"
    static let applierBlockedOnLock = """
        SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
                       AND application_name = 'partsync sync' AND wait_event_type = 'Lock')
        """

    static func logEmpty(_ context: MigrationContext) -> String {
        "SELECT NOT EXISTS (SELECT 1 FROM \(context.capture.log.sql))"
    }

    /// Waits until the log is empty; for a WAL capture, only once everything committed before the call was
    /// decoded into it (a marker on `connection`, which must not be in a transaction, and the decoded position).
    static func drained(_ connection: Connection, _ context: MigrationContext, seconds: Int = 60,
                        sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await waitUntilDecoded(connection, seconds: seconds, sourceLocation: sourceLocation)
        try await waitFor(connection, logEmpty(context), seconds: seconds, sourceLocation: sourceLocation)
    }

    @Test("the applier's backend terminated mid-batch: it reconnects, takes its lock again, and the result is exact")
    func terminatedMidBatch() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.backfilled(database, rows: 2_000)
            try await connection.execute("""
                UPDATE messages SET tokens = coalesce(tokens, 0) + 1 WHERE id <= 300;
                DELETE FROM messages WHERE id BETWEEN 301 AND 350;
                INSERT INTO messages (conversation_id, user_id, role, content, created_at)
                SELECT gen_random_uuid(), gen_random_uuid(), 'user', 'late', timestamptz '2024-02-01' + g * interval '1 hour'
                FROM generate_series(1, 100) g;
                """)
            // A row lock on a target row the first batch upserts: the batch stops inside its statement.
            let gate = try await database.connect()
            try await gate.execute("BEGIN; SELECT 1 FROM messages_partitioned WHERE id = 5 FOR UPDATE")
            let run = Task {
                try await Self.follower(database, .init(batchSize: 100, retry: RetryPolicy(attempts: 20, baseMilliseconds: 20)))
                    .run(.untilCaughtUp)
            }
            try await waitFor(connection, Self.applierBlockedOnLock)
            let first = try await connection.query(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'partsync sync'"
            ).first!.decode(Int32.self, at: 0)
            #expect(try await connection.query("SELECT pg_terminate_backend($1)", [first]).first?[0] == "t")
            // The retry reconnects and the new session blocks on the same row: the batch really restarts.
            try await waitFor(connection, """
                SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
                               AND application_name = 'partsync sync' AND wait_event_type = 'Lock' AND pid <> $1)
                """, [first])
            #expect(try await connection.query("SELECT backend_pid <> $1 FROM partsync.appliers", [first]).first?[0] == "t")
            try await gate.execute("ROLLBACK")
            let summary = try await run.value
            #expect(summary.applied == 450, "300 updates, 50 deletes, 100 inserts; the killed batch counted once")
            #expect(!summary.stopped)
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
        }
    }

    @Test("notifications lost while nobody listens (applier stopped, listener killed and kept out): the poll catches up exactly")
    func lostNotifications() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.backfilled(database, rows: 500)
            // Writes while no applier runs at all: nobody is notified.
            try await connection.execute("UPDATE messages SET content = 'while stopped' WHERE id % 7 = 0")
            let stop = StopSignal()
            let run = Task {
                try await Self.follower(database, .init(pollInterval: .milliseconds(300))).run(.follow, stop: stop)
            }
            try await waitFor(connection, Self.applierAsleep)
            try await Self.drained(connection, context)
            // Kill the listener while the applier sleeps, and keep it from reconnecting (no new connections to
            // this database): only the fallback poll can see the writes that follow.
            let listener = try await connection.query(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'partsync listen'"
            ).first!.decode(Int32.self, at: 0)
            let name = SQLIdentifier.quote(database.name)
            let admin = try await Connection.connect(try TestServer.configuration())
            try await admin.execute("ALTER DATABASE \(name) WITH ALLOW_CONNECTIONS false")
            try await connection.query("SELECT pg_terminate_backend($1)", [listener])
            // The applier notices at its next poll and stops asking writers to notify nobody.
            try await waitFor(connection, "SELECT NOT waiting FROM partsync.appliers")
            for id in stride(from: 1, through: 400, by: 9) {
                try await connection.query("UPDATE messages SET tokens = -1, created_at = created_at + interval '40 days' "
                                           + "WHERE id = $1", [id])
            }
            try await connection.execute("DELETE FROM messages WHERE id BETWEEN 450 AND 470")
            try await Self.drained(connection, context, seconds: 20)
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
            #expect(try await connection.query(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'partsync listen'"
            ).first?[0] == "0", "the poll, not a new listener, applied them")
            // Once connections are allowed again the listener comes back on its own.
            try await admin.execute("ALTER DATABASE \(name) WITH ALLOW_CONNECTIONS true")
            await admin.close()
            try await waitFor(connection, """
                SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
                               AND application_name = 'partsync listen' AND pid <> $1)
                """, [listener])
            stop.stop()
            #expect(try await run.value.stopped)
            #expect(try await connection.query(Self.applierAsleep).first?[0] == "f", "a stopped applier is not waiting")
        }
    }

    @Test("an idle follower wakes on NOTIFY long before its poll, and busy writers do not notify")
    func wakesOnNotify() async throws {
        try await TestDatabase.with { database in
            let (connection, context, stop, run) = try await Self.asleep(database)
            let id = try await connection.query(
                "INSERT INTO messages (conversation_id, user_id, role, content) VALUES "
                    + "(gen_random_uuid(), gen_random_uuid(), 'user', 'wake up') RETURNING id").first!.decode(Int64.self, at: 0)
            // The poll would take 10 minutes; 60 s is generous for a notification (or, with a WAL capture, for the
            // decoder under the whole suite's WAL) yet fails if only the poll applied it.
            try await waitFor(connection, "SELECT EXISTS (SELECT 1 FROM messages_partitioned WHERE id = $1)", [id],
                              seconds: 60)

            // Make the applier busy: its next batch waits for the copy lock, with the waiting mark cleared.
            try await waitFor(connection, Self.applierAsleep)
            let gate = try await database.connect()
            try await Self.holdCopyLock(context, on: gate)
            try await connection.execute("UPDATE messages SET content = 'busy' WHERE id = 1")
            try await waitFor(connection, Self.applierBlockedOnLock)
            #expect(try await connection.query(Self.applierAsleep).first?[0] == "f")
            try await NotificationListener.withListener(database.configuration, channels: [context.capture.channel]) {
                stream in
                var notifications = stream.makeAsyncIterator()
                for id in 2...21 {
                    try await connection.query("UPDATE messages SET content = 'busy' WHERE id = $1", [id])
                }
                try await connection.query("SELECT pg_notify($1, 'marker')", [context.capture.channel])
                #expect(try await notifications.next()?.payload == "marker", "no writer notified a busy applier")
            }
            try await Self.releaseCopyLock(context, on: gate)
            try await Self.drained(connection, context, seconds: 20)
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
            stop.stop()
            _ = try await run.value
        }
    }

    @Test("a stop that arrives while the applier is about to sleep ends the run at once, not after the poll")
    func stopWhileGoingToSleep() async throws {
        try await TestDatabase.with { database in
            let (connection, context, stop, run) = try await Self.asleep(database)
            // Wake it with an empty notification while its next batch waits for the copy lock: it is then past
            // the loop's stop check. Hold its state row too, so it stops again on the way back to sleep.
            let copyGate = try await database.connect()
            try await Self.holdCopyLock(context, on: copyGate)
            try await connection.query("SELECT pg_notify($1, '')", [context.capture.channel])
            try await waitFor(connection, Self.applierBlockedOnLock)
            let rowGate = try await database.connect()
            try await rowGate.execute("BEGIN; SELECT 1 FROM partsync.appliers FOR UPDATE")
            try await Self.releaseCopyLock(context, on: copyGate)
            try await waitFor(connection, """
                SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
                               AND application_name = 'partsync sync' AND wait_event_type = 'Lock'
                               AND query LIKE '%partsync.appliers%')
                """)
            stop.stop()
            try await rowGate.execute("COMMIT")
            // Its ring came before the loop forgot earlier rings; without looking at the stop flag again it
            // would now sleep the whole 10-minute poll.
            let ended = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask { _ = try await run.value; return true }
                group.addTask { try await Task.sleep(for: .seconds(20)); return false }
                let first = try await group.next()!
                group.cancelAll()
                return first
            }
            #expect(ended, "the run did not end within 20 s of the stop")
            if !ended {
                run.cancel()
                _ = try? await run.value
            }
        }
    }

    @Test("a second `sync --follow` exits 2 naming the holder; with --wait it takes over when the first stops")
    func secondFollower() async throws {
        try await TestDatabase.with { database in
            let (connection, _) = try await Self.backfilled(database, rows: 100)
            let environment: [String: String?] = ["DATABASE_URL": database.configuration.conninfo]
            let stop = StopSignal()
            let run = Task { try await Self.follower(database, .init()).run(.follow, stop: stop) }
            try await waitFor(connection, Self.applierAsleep)
            let holder = try await connection.query("SELECT backend_pid FROM partsync.appliers").first![0]!
            let refused = try await Products.run("partsync", ["sync", "--table", "messages", "--follow"], environment: environment)
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("another applier is already running"))
            #expect(refused.stderr.contains("backend pid \(holder)"))

            let waiting = try ChildProcess.spawn(try Products.path("partsync"),
                                                 ["sync", "--table", "messages", "--follow", "--wait"],
                                                 environment: environment)
            defer { waiting.removeOutput() }
            try await waitFor(connection, """
                SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                               WHERE d.datname = current_database() AND locktype = 'advisory'
                                 AND classid = 1347636084 AND granted)
                   AND count(*) = 2 FROM pg_stat_activity WHERE datname = current_database()
                       AND application_name = 'partsync sync'
                """)
            // Only the first applies while both run.
            try await connection.execute("UPDATE messages SET content = 'first' WHERE id <= 10")
            try await waitFor(connection, "SELECT NOT EXISTS (SELECT 1 FROM messages_partitioned WHERE id <= 10 AND content <> 'first')")
            #expect(try await connection.query("SELECT backend_pid FROM partsync.appliers").first?[0] == holder)
            stop.stop()
            _ = try await run.value
            try await waitFor(connection, "SELECT backend_pid <> $1::int FROM partsync.appliers", [holder])
            try await connection.execute("UPDATE messages SET content = 'second' WHERE id <= 10")
            try await waitFor(connection, "SELECT NOT EXISTS (SELECT 1 FROM messages_partitioned WHERE id <= 10 AND content <> 'second')")
            waiting.signal(SIGTERM)
            #expect(await waiting.exited() == 0, "\(waiting.stderr)")
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
        }
    }

    static func logBytes(_ context: MigrationContext, on connection: Connection) async throws -> Int64 {
        try await connection.query("SELECT \(ChangeLog.bytesSQL("$1"))", [context.capture.log.sql])
            .first!.decode(Int64.self, at: 0)
    }

    @Test("the change log stays the same size over many rounds of writes: drained generations are truncated")
    func logStaysSmall() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.backfilled(database, rows: 3_000)
            // A round's worth: the log holding one round's 3,000 entries, nothing applied yet.
            try await connection.query("UPDATE messages SET content = 'before' WHERE id <= 3000")
            try await WALCapture.settle(context, configuration: database.configuration)
            let round = try await Self.logBytes(context, on: connection)
            let stop = StopSignal()
            let run = Task {
                try await Self.follower(database, .init(batchSize: 1_000, pollInterval: .milliseconds(200),
                                                        lagInterval: nil, switchLogAfterEntries: 2_000))
                    .run(.follow, stop: stop)
            }
            var sizes: [Int64] = []
            var peaks: [Int64] = []
            var switches = 0
            for round in 0..<16 {
                let roundStart = try await connection.query("SELECT clock_timestamp()::text").first![0]!
                try await connection.query(
                    "UPDATE messages SET tokens = coalesce(tokens, 0) + 1, content = $1 WHERE id <= 3000", ["round \(round)"])
                // The round's 3,000 entries are all in the log (the applier switches only after applying 2,000;
                // a WAL capture's decoder may still be writing them).
                peaks.append(try await Self.logBytes(context, on: connection))
                try await Self.drained(connection, context, seconds: 30)
                // Each round is enough for a switch (sometimes two, with the previous round's remainder); wait
                // until the generation was switched since the round began and the retired one truncated after
                // that, so every round is measured at the same point of the cycle.
                try await waitFor(connection, """
                    SELECT log_switched_at > $1::timestamptz AND log_truncated_at > log_switched_at
                    FROM partsync.appliers
                    """, [roundStart], seconds: 30)
                switches += 1
                sizes.append(try await Self.logBytes(context, on: connection))
            }
            print("change log bytes (both generations: heap, index, free space map) with a round's entries: \(peaks)")
            print("change log bytes after each round was applied and its generation truncated: \(sizes)")
            // Truncation gives every page back, whatever transactions other tests keep open, and a generation
            // becomes active again only once it was truncated: the log never holds more than the round just
            // written plus, for the moment between a switch and the truncation that follows, the round before.
            // Without the truncation it grew by a round's worth every round.
            // A WAL capture's decoder writes a round in batches while the applier applies: the entries written
            // after a switch leave their pages in the generation that is active next, so a round's worth can be
            // left after a round (never more: it is truncated at the next switch); a page or two of slack for
            // where the batches fell.
            let slack: Int64 = context.capture.method == .wal ? 2 * 8_192 : 0
            #expect(peaks.max()! <= 2 * round + slack, "\(peaks), a round \(round)")
            #expect(sizes.max()! <= round + slack, "\(sizes), a round \(round)")
            #expect(switches == 16)
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
            stop.stop()
            _ = try await run.value
        }
    }

    @Test("no entry is lost at a generation switch: writers still in the old generation delay its truncation",
          .enabled(if: TestCapture.method == .trigger, "a trigger's writer logs inside its own transaction; a WAL capture's decoder logs after the commit"))
    func stragglersAcrossASwitch() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.backfilled(database, rows: 1_000)
            let generations = context.capture.generations
            // A writer that logs into generation 0 and stays open across the switch: the truncation must wait
            // for it (and give up), not remove its entry after it commits.
            let open = try await database.connect()
            try await open.execute("BEGIN; UPDATE messages SET content = 'open writer' WHERE id = 7")
            #expect(try await open.query("SELECT count(*) FROM \(generations[0].sql)").first?[0] == "1")
            let stop = StopSignal()
            let run = Task {
                try await Self.follower(database, .init(batchSize: 100, pollInterval: .milliseconds(100),
                                                        lagInterval: nil, switchLogAfterEntries: 200))
                    .run(.follow, stop: stop)
            }
            try await connection.execute("UPDATE messages SET tokens = coalesce(tokens, 0) + 1 WHERE id BETWEEN 100 AND 600")
            try await waitFor(connection, "SELECT log_generation = 1 FROM partsync.appliers", seconds: 30)
            // The open writer's entry is uncommitted in generation 0: no truncation can have happened yet.
            try await connection.execute("SELECT pg_sleep(0.5)")
            let truncatedSinceSwitch = "SELECT log_truncated_at > log_switched_at FROM partsync.appliers"
            #expect(try await connection.query(truncatedSinceSwitch).first?[0] == "f")
            try await open.execute("COMMIT")
            try await waitFor(connection, "SELECT content = 'open writer' FROM messages_partitioned WHERE id = 7")
            try await waitFor(connection, truncatedSinceSwitch, seconds: 30)
            // A writer that read the signal just before the switch logs into generation 0 after its truncation
            // (the capture statement waited for the truncation's lock). Written by hand here: the change with
            // capture off, then its entry in the retired generation. The applier still finds it.
            let late = try await database.connect()
            try await late.execute("""
                BEGIN;
                SET LOCAL partsync.applier = on;
                UPDATE messages SET content = 'late writer' WHERE id = 9;
                INSERT INTO \(context.capture.log.sql) (partsync_generation, id, created_at)
                    SELECT 0, id, created_at FROM messages WHERE id = 9;
                COMMIT;
                """)
            try await waitFor(connection, "SELECT content = 'late writer' FROM messages_partitioned WHERE id = 9")
            try await Self.drained(connection, context)
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
            stop.stop()
            _ = try await run.value
        }
    }

    @Test("SIGTERM stops `sync --follow` after its batch with exit 0, and a rerun continues")
    func sigtermFinishesTheBatch() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.backfilled(database, rows: 200)
            let environment: [String: String?] = ["DATABASE_URL": database.configuration.conninfo]
            let child = try ChildProcess.spawn(try Products.path("partsync"),
                                               ["sync", "--table", "messages", "--follow", "--poll-ms", "60000"],
                                               environment: environment)
            defer { child.removeOutput() }
            try await waitFor(connection, Self.applierAsleep)
            let gate = try await database.connect()
            try await Self.holdCopyLock(context, on: gate)
            try await connection.execute("UPDATE messages SET content = 'in the last batch' WHERE id <= 20")
            try await waitFor(connection, Self.applierBlockedOnLock)
            child.signal(SIGTERM)
            for _ in 0..<400 where !child.stderr.contains("stopping after the current batch") {
                try await Task.sleep(for: .milliseconds(25))
            }
            #expect(child.stderr.contains("stopping after the current batch"))
            try await Self.releaseCopyLock(context, on: gate)
            #expect(await child.exited() == 0, "\(child.stderr)")
            #expect(child.stderr.contains("sync stopped after its last batch"))
            #expect(try await connection.query(
                "SELECT count(*) FROM messages_partitioned WHERE content = 'in the last batch'").first?[0] == "20")
            #expect(try await connection.query(Self.applierAsleep).first?[0] == "f")
            // Writes after the stop wait in the log; a rerun applies them.
            try await connection.execute("DELETE FROM messages WHERE id BETWEEN 100 AND 120")
            let rerun = try await Products.run("partsync", ["sync", "--table", "messages", "--until-caught-up"], environment: environment)
            #expect(rerun.status == 0, "\(rerun.stderr)")
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
        }
    }

    @Test("lag is reported: pending entries, the oldest one's age, and the applier's figures")
    func lagIsReported() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.backfilled(database, rows: 300)
            try await connection.execute("UPDATE messages SET tokens = 1 WHERE id <= 250")
            try await WALCapture.settle(context, configuration: database.configuration)
            let before = try await SyncLag.load(context, on: connection)
            #expect(before.pending == 250)
            #expect((before.oldestAgeSeconds ?? -1) >= 0)
            #expect(before.applierPID == nil)
            #expect(before.logBytes > 0)
            let summary = try await Self.follower(database, .init(batchSize: 100)).run(.untilCaughtUp)
            #expect(summary.applied == 250)
            let after = try await SyncLag.load(context, on: connection)
            #expect(after.pending == 0)
            #expect(after.oldestAgeSeconds == nil)
            #expect(after.appliedTotal == 250)
            #expect(after.lastBatchAgeSeconds != nil)
            #expect(after.heartbeatAgeSeconds != nil)
            #expect(!after.applierWaiting)
            #expect(after.line.hasPrefix("0 pending, 250 applied"))
        }
    }
}
