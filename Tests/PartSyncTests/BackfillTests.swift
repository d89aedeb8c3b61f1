import Foundation
import LocalPostgres
import PartSync
import PostgresClient
import Testing
import TestSupport

/// Source and target compared row for row: count and an order-independent checksum of every row's text.
func assertTablesEqual(_ source: String, _ target: String, columns: String = "*", on connection: Connection,
                       sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let sql = "SELECT count(*), coalesce(sum(hashtextextended(t::text, 0)), 0)::text FROM (SELECT \(columns) FROM %@) t"
    let left = try await connection.query(sql.replacing("%@", with: source)).first!.values
    let right = try await connection.query(sql.replacing("%@", with: target)).first!.values
    #expect(left == right, "\(source) \(left) vs \(target) \(right)", sourceLocation: sourceLocation)
    let extra = try await connection.query(
        "SELECT count(*) FROM ((SELECT \(columns) FROM \(source) EXCEPT ALL SELECT \(columns) FROM \(target)) "
            + "UNION ALL (SELECT \(columns) FROM \(target) EXCEPT ALL SELECT \(columns) FROM \(source))) d")
    #expect(extra.first?[0] == "0", "rows differ between \(source) and \(target)", sourceLocation: sourceLocation)
}

@Suite struct BackfillTests {
    static func prepared(_ database: TestDatabase, setup: String, table: String, key: String = "created_at")
        async throws -> Connection
    {
        let connection = try await database.connect()
        try await connection.execute(setup)
        _ = try await Preparer.prepare(PlanOptions(table: table, partitionKey: key, capture: TestCapture.method),
                                       on: connection)
        return connection
    }

    @Test("a full backfill of 200k+ rows is identical to the source (bigint and uuid keys)",
          arguments: ["bigint", "uuid"])
    func fullBackfill(idType: String) async throws {
        try await TestDatabase.with { database in
            let connection = try await Self.prepared(
                database, setup: Fixtures.atlas(idType: idType) + Fixtures.atlasRows(count: 210_000), table: "messages")
            let summary = try await Backfiller(
                configuration: database.configuration, table: "messages",
                options: .init(workers: 2, chunkRows: 40_000)
            ).run()
            #expect(summary.rowsCopied == 210_000)
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
            try await assertIndexesComplete("messages_partitioned", on: connection)
            #expect(try await connection.query("SELECT phase FROM partsync.migrations").first?[0] == "syncing")
            // A second run has nothing to do.
            let again = try await Backfiller(configuration: database.configuration, table: "messages", options: .init()).run()
            #expect(again.alreadyDone)
        }
    }

    @Test("the composite-key \"Sales\".\"Order Events\" backfills exactly, chunked by blocks and by keys",
          arguments: Backfiller.Chunking.allCases)
    func compositeKey(chunking: Backfiller.Chunking) async throws {
        try await TestDatabase.with { database in
            let connection = try await Self.prepared(
                database, setup: Fixtures.orderEvents, table: "\"Sales\".\"Order Events\"", key: "event date")
            _ = try await Backfiller(configuration: database.configuration, table: "\"Sales\".\"Order Events\"",
                                     options: .init(batchRows: 17, chunkRows: 50, chunking: chunking)).run()
            try await assertTablesEqual("\"Sales\".\"Order Events\"", "\"Sales\".\"Order Events_partitioned\"", on: connection)
            try await assertIndexesComplete("\"Sales\".\"Order Events_partitioned\"", on: connection)
            let units = try await connection.query("SELECT DISTINCT unit FROM partsync.backfill_chunks")
            #expect(units.rows.map { $0[0] } == [chunking.rawValue])
        }
    }

    @Test("backfill before prepare exits 2 and names the command to run first")
    func unprepared() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute("CREATE TABLE t (id int PRIMARY KEY, created_at timestamptz NOT NULL)")
            let outcome = try await Products.run("partsync", ["backfill", "--table", "t"],
                                           environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(outcome.status == 2)
            #expect(outcome.stderr.contains("partsync prepare --table t"))
        }
    }

    @Test("kill -9 at random points, then rerun: the target equals the source, nothing lost or duplicated")
    func survivesSigkill() async throws {
        try await TestDatabase.with { database in
            let connection = try await Self.prepared(
                database, setup: Fixtures.atlas(idType: "uuid") + Fixtures.atlasRows(count: 120_000), table: "messages")
            let env: [String: String?] = ["DATABASE_URL": database.configuration.conninfo]
            let binary = try Products.path("partsync")
            var seed = SystemRandomNumberGenerator()
            for round in 0..<4 {
                let child = try ChildProcess.spawn(binary, ["backfill", "--table", "messages", "--batch-rows", "2000",
                                                            "--chunk-rows", "10000", "--workers", "2"], environment: env)
                try await Task.sleep(for: .milliseconds(Int.random(in: 150...900, using: &seed)))
                child.signal(SIGKILL)
                let status = await child.exited()
                child.removeOutput()
                let copied = try await connection.query("SELECT count(*) FROM messages_partitioned").first![0]!
                print("round \(round): status \(status), \(copied) rows copied so far")
            }
            let finish = try await OffThePool.run { try ChildProcess.run(binary, ["backfill", "--table", "messages"], environment: env) }
            #expect(finish.status == 0, "\(finish.stderr)")
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
            let checkpoints = try await connection.query(
                "SELECT sum(rows_copied)::int8 FROM partsync.backfill_chunks").first?.decode(Int.self, at: 0)
            #expect(checkpoints == 120_000, "each row counted once across all checkpoints")
        }
    }

    @Test("two processes with --workers 2 each cooperate: every chunk copied once")
    func twoProcesses() async throws {
        try await TestDatabase.with { database in
            let connection = try await Self.prepared(
                database, setup: Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 100_000), table: "messages")
            let env: [String: String?] = ["DATABASE_URL": database.configuration.conninfo]
            let binary = try Products.path("partsync")
            let arguments = ["backfill", "--table", "messages", "--workers", "2", "--chunk-rows", "5000", "--batch-rows", "1000"]
            let first = try ChildProcess.spawn(binary, arguments, environment: env)
            let second = try ChildProcess.spawn(binary, arguments, environment: env)
            #expect(await first.exited() == 0, "\(first.stderr)")
            #expect(await second.exited() == 0, "\(second.stderr)")
            first.removeOutput()
            second.removeOutput()
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
            let sums = try await connection.query(
                "SELECT count(*), sum(rows_copied)::int8, count(*) FILTER (WHERE done) FROM partsync.backfill_chunks").first!
            #expect(try sums.decode(Int.self, at: 1) == 100_000)
            #expect(try sums.decode(Int.self, at: 0) == sums.decode(Int.self, at: 2))
        }
    }

    @Test("a backend terminated mid-copy is retried and the copy finishes exactly")
    func terminatedBackend() async throws {
        try await TestDatabase.with { database in
            let connection = try await Self.prepared(
                database, setup: Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 60_000), table: "messages")
            let backfill = Task {
                try await Backfiller(configuration: database.configuration, table: "messages",
                                     options: .init(batchRows: 500, chunkRows: 10_000,
                                                    retry: RetryPolicy(attempts: 10, baseMilliseconds: 20))).run()
            }
            var terminated = 0
            for _ in 0..<200 where terminated < 3 {
                let killed = try await connection.query(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND pid <> pg_backend_pid() AND query LIKE '%INSERT INTO \"public\".\"messages_partitioned\"%'")
                terminated += try killed.first!.decode(Int.self, at: 0)
                try await Task.sleep(for: .milliseconds(30))
            }
            let summary = try await backfill.value
            #expect(terminated >= 1)
            #expect(summary.rowsCopied == 60_000)
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
        }
    }
}
