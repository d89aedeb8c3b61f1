import Foundation
import PartSync
import PostgresClient
import Testing
import TestSupport
import Workload

/// The swap under the conditions that break swaps: writers running through it, a long transaction in the way,
/// a client with a prepared statement, and a connection lost between lock and commit.
@Suite struct CutoverLoadTests {
    static let period = Date(timeIntervalSince1970: 1_704_067_200)...Date(timeIntervalSince1970: 1_711_843_200)  // 2024-01..03

    static func load(_ database: TestDatabase, writers: Int = 4) -> WriteLoad {
        WriteLoad(configuration: database.configuration, statements: .simple("events"), writers: writers,
                  period: period)
    }

    @Test("4 writers (inserts, updates, deletes, partition-key moves) through a cutover and a rollback: no failed write, every acknowledged write in both tables")
    func writersThroughCutover() async throws {
        try await TestDatabase.with { database in
            let connection = try await CutoverTests.ready(database, setup: CutoverTests.events, table: "events")
            let stop = StopSignal()
            let follower = CutoverTests.follow(database, "events", stop: stop)
            try await CutoverTests.applying(connection, count: 1)
            let load = Self.load(database)
            try await load.start()
            try await waitFor(connection, "SELECT count(*) > 200 FROM events WHERE body LIKE 'w%'")
            let swapper = Swapper(configuration: database.configuration, table: "events")
            let cut = try await swapper.cutover()
            try await waitFor(connection, "SELECT count(*) > 400 FROM events WHERE body LIKE 'w%'")
            let back = try await swapper.rollback()
            try await waitFor(connection, "SELECT count(*) > 600 FROM events WHERE body LIKE 'w%'")
            let summary = await load.stop()
            print("cutover stall \(cut.stallMilliseconds ?? -1) ms (probe \(cut.probeMaxMilliseconds ?? -1) ms), "
                + "rollback stall \(back.stallMilliseconds ?? -1) ms; longest write \(summary.longestMilliseconds) ms "
                + "over \(summary.operations) writes")
            #expect(summary.failures.isEmpty, "\(summary.failures.prefix(3))")
            #expect(summary.operations > 600)
            #expect(cut.stallMilliseconds != nil && back.stallMilliseconds != nil)
            try await CutoverTests.settle(connection)
            #expect(try await load.mismatches(on: connection) == [])
            #expect(try await connection.query("SELECT relkind::text FROM pg_class WHERE oid = 'events'::regclass")
                .first?[0] == "r", "rolled back")
            try await assertTablesEqual("events", "events_partitioned", on: connection)
            let swaps = try await StateStore(connection).swaps(try await connection.query("SELECT key FROM partsync.migrations").first![0]!)
            #expect(swaps.map(\.kind) == ["cutover", "rollback"])
            #expect(swaps.allSatisfy { $0.stallMilliseconds != nil && $0.acknowledged == true })
            stop.stop()
            _ = try await follower.value
        }
    }

    @Test("a long transaction on the source: each attempt gives up after the lock timeout, writers never queue behind the cutover, and out of attempts nothing changed")
    func longTransaction() async throws {
        try await TestDatabase.with { database in
            let connection = try await CutoverTests.ready(database, setup: CutoverTests.events, table: "events")
            let holder = try await database.connect()
            try await holder.execute("BEGIN; SELECT count(*) FROM events;")
            let held = ContinuousClock.now
            let before = try await Fixtures.catalogFingerprint(connection)
            let load = Self.load(database, writers: 2)
            try await load.start()
            let swapper = Swapper(
                configuration: database.configuration, table: "events",
                options: .init(lock: SwapLock(lockTimeoutMilliseconds: 200, attempts: 4), force: true))
            do {
                _ = try await swapper.cutover()
                Issue.record("the cutover should have given up")
            } catch let error as PartSyncError {
                #expect(error.kind == .interrupted, "\(error)")
                #expect(error.message.contains("pid \(holder.backendPID)"), "\(error.message)")
            }
            // The holder stays 10 s in its transaction. A lock request that waited for it without a timeout would
            // have held every writer queued behind it until then; each attempt here gives up after 200 ms, so
            // writers wait that long at most (the bound leaves room for a busy test machine).
            try await Task.sleep(until: held + .seconds(10))
            let summary = await load.stop()
            try await holder.execute("COMMIT")
            #expect(summary.failures.isEmpty)
            #expect(summary.longestMilliseconds < 6_000, "longest write \(summary.longestMilliseconds) ms")
            #expect(try await Fixtures.catalogFingerprint(connection) == before, "nothing changed")
            #expect(try await connection.query("SELECT phase FROM partsync.migrations").first?[0] == "verified")
            // Without the holder the same command goes through.
            let cut = try await swapper.cutover()
            #expect(cut.attempts == 1)
        }
    }

    @Test("a statement prepared before the cutover and executed after it: the row reaches the new table and, through the reverse capture, the retired one; PostgREST is told to reload")
    func preparedStatement() async throws {
        try await TestDatabase.with { database in
            let connection = try await CutoverTests.ready(database, setup: CutoverTests.events, table: "events")
            let client = try await database.connect()
            try await client.execute(
                "PREPARE add_event(text) AS INSERT INTO events (body, created_at) VALUES ($1, timestamptz '2024-02-02') RETURNING id")
            _ = try await client.query("EXECUTE add_event('before')")
            let stop = StopSignal()
            let follower = CutoverTests.follow(database, "events", stop: stop)
            try await CutoverTests.applying(connection, count: 1)
            // PostgREST listens on `pgrst`; the swap tells it to reload its schema cache after the commit.
            let configuration = database.configuration
            let reload = Task {
                try await NotificationListener.withListener(configuration, channels: ["pgrst"]) { stream -> String? in
                    for try await notification in stream { return Optional(notification.payload) }
                    return nil
                }
            }
            try await waitFor(connection, "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE query ILIKE 'LISTEN%pgrst%')")
            _ = try await Swapper(configuration: database.configuration, table: "events").cutover()
            #expect(try await reload.value == "reload schema")
            let id = try await client.query("EXECUTE add_event('prepared before, run after')").first!.decode(Int64.self, at: 0)
            try await CutoverTests.settle(connection)
            let inNew = try await connection.query("SELECT body FROM events WHERE id = $1", [id]).first?[0]
            let inRetired = try await connection.query("SELECT body FROM events_retired WHERE id = $1", [id]).first?[0]
            #expect(inNew == "prepared before, run after")
            #expect(inRetired == "prepared before, run after")
            try await assertTablesEqual("events", "events_retired", on: connection)
            stop.stop()
            _ = try await follower.value
        }
    }

    @Test("the backend killed between lock and commit: cutover reports that it did not commit, nothing changed, and a rerun completes")
    func killedDuringSwap() async throws {
        try await TestDatabase.with { database in
            let connection = try await CutoverTests.ready(database, setup: CutoverTests.events, table: "events")
            let before = try await Fixtures.catalogFingerprint(connection)
            let killer = try await database.connect()
            let swapper = Swapper(
                configuration: database.configuration, table: "events",
                options: .init(force: true, beforeCommit: { pid in
                    _ = try await killer.query("SELECT pg_terminate_backend($1)", [pid])
                    try await Task.sleep(for: .milliseconds(100))
                }))
            do {
                _ = try await swapper.cutover()
                Issue.record("the cutover should have lost its connection")
            } catch let error as PartSyncError {
                #expect(error.kind == .interrupted, "\(error)")
                #expect(error.message.contains("did not commit"), "\(error.message)")
            }
            #expect(try await Fixtures.catalogFingerprint(connection) == before)
            #expect(try await connection.query("SELECT phase FROM partsync.migrations").first?[0] == "verified")
            let run = try await Products.run("partsync", ["cutover", "--table", "events", "--force"],
                                       environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("cut over") && run.stderr.contains("stall"), "\(run.stderr)")
            #expect(try await connection.query("SELECT relkind::text FROM pg_class WHERE oid = 'events'::regclass")
                .first?[0] == "p")
            let again = try await Products.run("partsync", ["cutover", "--table", "events"],
                                         environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(again.status == 0 && again.stderr.contains("already cut over"), "\(again.stderr)")
        }
    }

    @Test("cutover refuses, naming each reason and changing nothing, before verification and with a retired name taken")
    func refusals() async throws {
        try await TestDatabase.with { database in
            let connection = try await VerifyTests.backfilled(database, setup: CutoverTests.events, table: "events")
            let before = try await Fixtures.catalogFingerprint(connection)
            let environment: [String: String?] = ["DATABASE_URL": database.configuration.conninfo]
            let unverified = try await Products.run("partsync", ["cutover", "--table", "events"], environment: environment)
            #expect(unverified.status == 2, "\(unverified.stderr)")
            #expect(unverified.stderr.contains("verification clean") && unverified.stderr.contains("sync lag"),
                    "\(unverified.stderr)")
            let rollback = try await Products.run("partsync", ["rollback", "--table", "events"], environment: environment)
            #expect(rollback.status == 2 && rollback.stderr.contains("no cutover to roll back"), "\(rollback.stderr)")
            let finish = try await Products.run("partsync", ["finish", "--table", "events"], environment: environment)
            #expect(finish.status == 2 && finish.stderr.contains("abandon"), "\(finish.stderr)")
            #expect(try await Fixtures.catalogFingerprint(connection) == before)
            try await connection.execute("CREATE TABLE events_retired (x int)")
            let taken = try await Products.run("partsync", ["cutover", "--table", "events", "--force"], environment: environment)
            #expect(taken.status == 2 && taken.stderr.contains("events_retired already exists"), "\(taken.stderr)")
        }
    }
}
