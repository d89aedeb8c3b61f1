import Foundation
import PartSync
import PostgresClient
import Testing
import TestSupport

/// `partsync abandon` against a real server: the source exactly as before prepare, other migrations untouched,
/// refusals that change nothing.
@Suite struct AbandonTests {
    static func partsync(_ database: TestDatabase, _ arguments: [String]) async throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        try await Products.run("partsync", arguments, environment: ["DATABASE_URL": database.configuration.conninfo])
    }

    static func rows(_ table: String, on connection: Connection) async throws -> String {
        try await connection.query(
            "SELECT count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) FROM \(table) t"
        ).first!.decode(String.self, at: 0)
    }

    @Test("after prepare, backfill, sync under writes and verify, abandon leaves the catalog fingerprint of before prepare")
    func fingerprint() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute(Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 2_000))
            let before = try await Fixtures.catalogFingerprint(connection)
            #expect(try await Self.partsync(database, ["prepare", "--table", "messages", "--partition-key", "created_at"]).status == 0)
            #expect(try await Self.partsync(database, ["backfill", "--table", "messages"]).status == 0)
            try await connection.execute("""
                UPDATE messages SET tokens = 7 WHERE id <= 20;
                DELETE FROM messages WHERE id BETWEEN 30 AND 35;
                """)
            #expect(try await Self.partsync(database, ["sync", "--table", "messages", "--until-caught-up"]).status == 0)
            #expect(try await Self.partsync(database, ["verify", "--table", "messages", "--rolling", "--passes", "1"]).status == 0)
            try await connection.execute("UPDATE messages SET tokens = 8 WHERE id <= 5")
            let data = try await Self.rows("messages", on: connection)
            #expect(try await Fixtures.catalogFingerprint(connection) != before, "prepare changed the catalog")

            let run = try await Self.partsync(database, ["abandon", "--table", "messages"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("abandoned") && run.stderr.contains("messages_partitioned"), "\(run.stderr)")
            #expect(try await Fixtures.catalogFingerprint(connection) == before)
            #expect(try await Self.rows("messages", on: connection) == data, "the source's rows are untouched")
            // The source works as before: writes go through without capture.
            try await connection.execute("INSERT INTO messages (conversation_id, user_id, role, content) "
                + "VALUES (gen_random_uuid(), gen_random_uuid(), 'user', 'after')")
            let again = try await Self.partsync(database, ["abandon", "--table", "messages"])
            #expect(again.status == 0 && again.stderr.contains("nothing to abandon"), "\(again.stderr)")
        }
    }

    @Test("abandoning one migration leaves another's twin, capture and state working")
    func otherMigrationStays() async throws {
        try await TestDatabase.with { database in
            let connection = try await VerifyTests.backfilled(database, setup: VerifyTests.things, table: "things")
            try await connection.execute(Fixtures.orderEvents)
            _ = try await Preparer.prepare(PlanOptions(table: "\"Sales\".\"Order Events\"", partitionKey: "event date"),
                                           on: connection)
            let run = try await Self.partsync(database, ["abandon", "--table", "\"Sales\".\"Order Events\""])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try await connection.query("SELECT to_regclass('\"Sales\".\"Order Events_partitioned\"') IS NULL")
                .first!.decode(Bool.self, at: 0))
            let left = try await connection.query("SELECT string_agg(source_table, ',') FROM partsync.migrations")
            #expect(left.first?[0] == "things")
            try await connection.execute("UPDATE things SET label = 'still captured' WHERE id = 3")
            _ = try await SyncFollower(configuration: database.configuration, table: "things").run(.untilCaughtUp)
            try await assertTablesEqual("things", "things_partitioned", on: connection)
        }
    }

    @Test("abandon is refused, changing nothing, while sync runs and while a view depends on the twin")
    func refusals() async throws {
        try await TestDatabase.with { database in
            let connection = try await VerifyTests.backfilled(database, setup: VerifyTests.things, table: "things")
            let stop = StopSignal()
            let follower = Task {
                try await SyncFollower(configuration: database.configuration, table: "things").run(.follow, stop: stop)
            }
            try await waitFor(connection, "SELECT backend_pid IS NOT NULL FROM partsync.appliers")
            let before = try await Fixtures.catalogFingerprint(connection)
            let running = try await Self.partsync(database, ["abandon", "--table", "things"])
            #expect(running.status == 2, "\(running.stderr)")
            #expect(running.stderr.contains("an applier is running"), "\(running.stderr)")
            #expect(try await Fixtures.catalogFingerprint(connection) == before)
            stop.stop()
            _ = try await follower.value

            try await connection.execute("CREATE VIEW recent_things AS SELECT id FROM things_partitioned")
            let viewed = try await Fixtures.catalogFingerprint(connection)
            let blocked = try await Self.partsync(database, ["abandon", "--table", "things"])
            #expect(blocked.status == 2, "\(blocked.stderr)")
            #expect(blocked.stderr.contains("depend on the twin"), "\(blocked.stderr)")
            #expect(try await Fixtures.catalogFingerprint(connection) == viewed)
            try await connection.execute("DROP VIEW recent_things")
            #expect(try await Self.partsync(database, ["abandon", "--table", "things"]).status == 0)
        }
    }
}
