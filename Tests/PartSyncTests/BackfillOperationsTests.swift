import Foundation
import LocalPostgres
@testable import PartSync
import PostgresClient
import Testing
import TestSupport

/// Every secondary index of the partitioned `target` is valid, and every partition has its own copy of each.
func assertIndexesComplete(_ target: String, on connection: Connection,
                           sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let row = try await connection.query(
        """
        SELECT (SELECT count(*) FROM pg_index WHERE indrelid = $1::regclass AND NOT indisvalid),
               (SELECT count(*) FROM pg_index WHERE indrelid = $1::regclass),
               (SELECT count(*) FROM pg_inherits i JOIN pg_index x ON x.indrelid = i.inhrelid
                WHERE i.inhparent = $1::regclass AND x.indisvalid),
               (SELECT count(*) FROM pg_inherits WHERE inhparent = $1::regclass)
        """, [target]).first!
    let invalid = try row.decode(Int.self, at: 0)
    let perParent = try row.decode(Int.self, at: 1)
    let onPartitions = try row.decode(Int.self, at: 2)
    let partitions = try row.decode(Int.self, at: 3)
    #expect(invalid == 0, "\(invalid) index(es) of \(target) still invalid", sourceLocation: sourceLocation)
    #expect(onPartitions == perParent * partitions,
            "\(partitions) partitions should hold \(perParent) valid indexes each, found \(onPartitions) in all",
            sourceLocation: sourceLocation)
}

@Suite struct BackfillOperationsTests {
    static func environment(_ database: TestDatabase) -> [String: String?] {
        ["DATABASE_URL": database.configuration.conninfo]
    }

    @Test("prepare leaves the secondary indexes unbuilt; backfill builds and attaches one per partition",
          arguments: [Int64(64 << 20), 0])
    func deferredIndexes(plainBuildMaxBytes: Int64) async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(
                database, setup: Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 30_000), table: "messages")
            let before = try await connection.query(
                """
                SELECT count(*) FILTER (WHERE NOT indisvalid),
                       (SELECT count(*) FROM pg_inherits i JOIN pg_index x ON x.indrelid = i.inhrelid
                        WHERE i.inhparent = 'messages_partitioned'::regclass AND NOT x.indisprimary)
                FROM pg_index WHERE indrelid = 'messages_partitioned'::regclass
                """).first!
            #expect(try before.decode(Int.self, at: 0) == 4, "the four secondary indexes exist ON ONLY the parent")
            #expect(try before.decode(Int.self, at: 1) == 0, "no partition has a secondary index before the copy")

            var options = Backfiller.Options(chunkRows: 10_000)
            options.plainIndexBuildMaxBytes = plainBuildMaxBytes
            let summary = try await Backfiller(configuration: database.configuration, table: "messages", options: options).run()
            #expect(summary.indexesBuilt > 0)
            try await assertIndexesComplete("messages_partitioned", on: connection)
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
            // The partial index kept its predicate on every partition.
            let predicates = try await connection.query(
                """
                SELECT count(*) FROM pg_inherits i JOIN pg_index x ON x.indrelid = i.inhrelid
                WHERE i.inhparent = 'messages_partitioned'::regclass AND pg_get_expr(x.indpred, x.indrelid) LIKE '%user%'
                """).first!.decode(Int.self, at: 0)
            let partitions = try await connection.query(
                "SELECT count(*) FROM pg_inherits WHERE inhparent = 'messages_partitioned'::regclass").first!.decode(Int.self, at: 0)
            #expect(predicates == partitions)
        }
    }

    @Test("rows the applier already wrote make a batch fall back to ON CONFLICT DO NOTHING, and nothing is lost",
          arguments: Backfiller.Chunking.allCases)
    func conflictFallback(chunking: Backfiller.Chunking) async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(
                database, setup: Fixtures.atlas(idType: "uuid") + Fixtures.atlasRows(count: 20_000), table: "messages")
            // What an applier running ahead of the copy leaves: some keys already in the target.
            try await connection.execute("INSERT INTO messages_partitioned SELECT * FROM messages WHERE tokens % 7 = 0")
            let preloaded = try await connection.query("SELECT count(*) FROM messages_partitioned").first!.decode(Int.self, at: 0)
            #expect(preloaded > 1_000)
            _ = try await Backfiller(configuration: database.configuration, table: "messages",
                                     options: .init(batchRows: 3_000, chunkRows: 8_000, chunking: chunking)).run()
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
            if chunking == .blocks {
                // Block batches count the rows they inserted: the preloaded ones were skipped, not duplicated.
                #expect(try await Self.copied(connection) == Int64(20_000 - preloaded))
            }
        }
    }

    @Test("an interrupted index build resumes: an invalid leftover is rebuilt, a finished one is attached",
          arguments: [Int64(64 << 20), 0])
    func indexBuildResumes(plainBuildMaxBytes: Int64) async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(
                database, setup: Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 20_000), table: "messages")
            let partition = "messages_2024_02"
            // What a killed run leaves: an invalid index (a concurrent build that failed) under the name the
            // builder uses, and a valid one that was never attached.
            let leftover = Naming.partitionIndex(parentIndex: "messages_partitioned_role_idx",
                                                 parent: "messages_partitioned", partition: partition)
            let finished = Naming.partitionIndex(parentIndex: "messages_partitioned_created_at_idx",
                                                 parent: "messages_partitioned", partition: partition)
            try await connection.execute(
                """
                INSERT INTO \(partition) (id, conversation_id, user_id, role, content, created_at) VALUES
                    (-1, gen_random_uuid(), gen_random_uuid(), 'system', 'x', '2024-02-02'),
                    (-2, gen_random_uuid(), gen_random_uuid(), 'system', 'x', '2024-02-03')
                """)
            await #expect(throws: PostgresError.self) {
                try await connection.execute("CREATE UNIQUE INDEX CONCURRENTLY \(leftover) ON \(partition) (role)")
            }
            try await connection.execute("DELETE FROM \(partition) WHERE id < 0")
            try await connection.execute("CREATE INDEX \(finished) ON \(partition) (created_at)")
            let states = try await connection.query(
                "SELECT indisvalid FROM pg_index WHERE indrelid = $1::regclass ORDER BY indisvalid", [partition])
            #expect(states.rows.map { $0[0] } == ["f", "t", "t"], "one invalid leftover, one finished, the primary key")

            var options = Backfiller.Options(chunkRows: 10_000)
            options.plainIndexBuildMaxBytes = plainBuildMaxBytes
            _ = try await Backfiller(configuration: database.configuration, table: "messages", options: options).run()
            try await assertIndexesComplete("messages_partitioned", on: connection)
            let rebuilt = try await connection.query(
                """
                SELECT x.indisunique, pg_get_expr(x.indpred, x.indrelid) IS NOT NULL FROM pg_index x
                JOIN pg_class c ON c.oid = x.indexrelid WHERE c.relname = $1
                """, [leftover]).first!
            #expect(rebuilt.values == ["f", "t"], "the leftover was replaced by the real (partial, non-unique) index")
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
        }
    }

    @Test("status shows a running backfill's progress from another connection; pause and resume work")
    func statusPauseResume() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(
                database, setup: Fixtures.atlas(idType: "uuid") + Fixtures.atlasRows(count: 60_000), table: "messages")
            let binary = try Products.path("partsync")
            let child = try ChildProcess.spawn(
                // 1,200 rows/s: the copy of 60,000 rows lasts 50 s, so the status checks below see it running even
                // when a loaded machine takes many seconds to start each `partsync status`.
                binary, ["backfill", "--table", "messages", "--batch-rows", "1000", "--max-rows-per-second", "1200",
                         "--chunk-by", "keys", "--chunk-rows", "5000"],
                environment: Self.environment(database))
            defer { child.removeOutput() }

            // The live figures reach `status` (stored every five seconds by the running process).
            var live: MigrationStatus? = nil
            // Generous: under load the child takes a while to start, and it stores its figures every 5 s.
            for _ in 0..<300 {
                let status = try await MigrationStatus.load(table: "messages", on: connection)[0]
                if status.backfill.runningProcesses == 1, status.backfill.rowsPerSecond ?? 0 > 0 {
                    live = status
                    break
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            let running = try #require(live, "status never showed the running backfill")
            #expect(running.phase == .backfilling)
            #expect(running.backfill.rowsCopied > 0 && running.backfill.rowsCopied < 60_000)
            #expect(running.backfill.etaSeconds != nil)
            #expect(running.indexes.pending == 4)
            let json = try await Products.run("partsync", ["status", "--table", "messages", "--json"],
                                        environment: Self.environment(database))
            #expect(json.status == 0)
            // The child may have finished by now (children of the tests run two at a time): the figures are there
            // either way.
            #expect(json.stdout.contains("\"rowsCopied\""), "\(json.stdout)")

            // Pause: the copy stops (one batch may still finish), then resumes and completes.
            try await connection.query("UPDATE partsync.migrations SET paused = true")
            try await Task.sleep(for: .milliseconds(1_500))
            let pausedAt = try await Self.copied(connection)
            try await Task.sleep(for: .seconds(2))
            #expect(try await Self.copied(connection) == pausedAt, "no batch committed while paused")
            #expect(try await MigrationStatus.load(table: "messages", on: connection)[0].paused)
            try await connection.query("UPDATE partsync.migrations SET paused = false")
            #expect(await child.exited() == 0, "\(child.stderr)")
            #expect(child.stderr.contains("rows/s"), "periodic progress lines when stderr is not a terminal")

            let done = try await MigrationStatus.load(table: "messages", on: connection)[0]
            #expect(done.phase == .syncing)
            #expect(done.backfill.percent == 100 && done.backfill.chunksDone == done.backfill.chunks)
            #expect(done.indexes.pending == 0)
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
        }
    }

    static func copied(_ connection: Connection) async throws -> Int64 {
        try await connection.query("SELECT coalesce(sum(rows_copied), 0)::int8 FROM partsync.backfill_chunks")
            .first!.decode(Int64.self, at: 0)
    }

    @Test("SIGTERM lets the batches in flight commit, exits 4, and a rerun finishes exactly")
    func sigterm() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(
                database, setup: Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 40_000), table: "messages")
            let child = try ChildProcess.spawn(
                try Products.path("partsync"),
                ["backfill", "--table", "messages", "--batch-rows", "1000", "--max-rows-per-second", "2000"],
                environment: Self.environment(database))
            defer { child.removeOutput() }
            try await waitFor(connection, "SELECT coalesce(sum(rows_copied), 0) > 3000 FROM partsync.backfill_chunks")
            child.signal(SIGTERM)
            #expect(await child.exited() == 4, "\(child.stderr)")
            #expect(child.stderr.contains("run backfill again"), "\(child.stderr)")
            let copied = try await Self.copied(connection)
            let rows = try await connection.query("SELECT count(*) FROM messages_partitioned").first!.decode(Int64.self, at: 0)
            #expect(copied == rows, "every committed batch moved its checkpoint with it")
            #expect(rows < 40_000)

            let rerun = try await Products.run("partsync", ["backfill", "--table", "messages"], environment: Self.environment(database))
            #expect(rerun.status == 0, "\(rerun.stderr)")
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
        }
    }

    @Test("when the database stays unreachable the retries run out: exit 3 with the cause, and a rerun resumes")
    func retriesExhausted() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(
                database, setup: Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 40_000), table: "messages")
            let name = try await connection.query("SELECT current_database()").first!.decode(String.self, at: 0)
            let binary = try Products.path("partsync")
            let child = try ChildProcess.spawn(
                binary, ["backfill", "--table", "messages", "--batch-rows", "1000", "--max-rows-per-second", "2000",
                         "--retries", "3"],
                environment: Self.environment(database))
            defer { child.removeOutput() }
            try await waitFor(connection, "SELECT coalesce(sum(rows_copied), 0) > 2000 FROM partsync.backfill_chunks")

            // Close the database to new sessions and end the worker's: every reconnect now fails.
            let admin = try await Connection.connect(database.configuration.withDatabase("postgres"))
            try await admin.query("ALTER DATABASE \(SQLIdentifier.quote(name)) ALLOW_CONNECTIONS false")
            try await admin.query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> $2",
                [name, try await connection.backendPID])
            let status = await child.exited()
            try await admin.query("ALTER DATABASE \(SQLIdentifier.quote(name)) ALLOW_CONNECTIONS true")
            #expect(status == 3, "\(child.stderr)")
            #expect(child.stderr.contains("public.messages"), "the message names the table: \(child.stderr)")
            #expect(child.stderr.contains("does not allow connections") || child.stderr.contains("terminat")
                        || child.stderr.contains("not currently accepting connections"),
                    "the message names the cause: \(child.stderr)")
            let partial = try await Self.copied(connection)
            #expect(partial > 0 && partial < 40_000)

            let rerun = try await Products.run("partsync", ["backfill", "--table", "messages"],
                                         environment: Self.environment(database))
            #expect(rerun.status == 0, "\(rerun.stderr)")
            try await assertTablesEqual("messages", "messages_partitioned", on: connection)
            try await assertIndexesComplete("messages_partitioned", on: connection)
        }
    }
}

@Suite struct BackfillDecisionTests {
    @Test("the rate cap spreads rows over time; a lagging replica pauses copying")
    func throttle() {
        let both = Throttle(maxRowsPerSecond: 1_000, maxReplicaLagSeconds: 5)
        #expect(both.pause(copied: 0, elapsed: 0, replicaLag: nil) == (0, .none))
        #expect(both.pause(copied: 2_000, elapsed: 1, replicaLag: nil) == (1, .rate))
        #expect(both.pause(copied: 500, elapsed: 1, replicaLag: 4.9) == (0, .none))
        #expect(both.pause(copied: 500, elapsed: 1, replicaLag: 6) == (1, .replicaLag))
        let none = Throttle(maxRowsPerSecond: nil, maxReplicaLagSeconds: nil)
        #expect(none.pause(copied: 1_000_000, elapsed: 0.1, replicaLag: 100) == (0, .none))
        #expect(!none.watchesReplicas)
    }

    @Test("block ranges cover the heap exactly once, an empty table gets one empty range")
    func blockRanges() {
        #expect(BlockMath.blocks(forRows: 1_000, rowsPerBlock: 40) == 25)
        #expect(BlockMath.blocks(forRows: 1_000, rowsPerBlock: 0) == 20, "never analysed: 50 rows a block")
        #expect(BlockMath.blocks(forRows: 1, rowsPerBlock: 400) == 1)
        let ranges = BlockMath.ranges(blocks: 103, perChunk: 25)
        #expect(ranges.count == 5)
        #expect(ranges.first! == (0, 25) && ranges.last! == (100, 103))
        for (left, right) in zip(ranges, ranges.dropFirst()) { #expect(left.upper == right.lower) }
        #expect(BlockMath.ranges(blocks: 0, perChunk: 25).count == 1)
    }

    @Test("partition index names follow the partition and stay unique within 63 bytes")
    func partitionIndexNames() {
        #expect(Naming.partitionIndex(parentIndex: "messages_partitioned_user_id_idx", parent: "messages_partitioned",
                                      partition: "messages_2024_01") == "messages_2024_01_user_id_idx")
        #expect(Naming.partitionIndex(parentIndex: "custom", parent: "messages_partitioned",
                                      partition: "messages_2024_01") == "messages_2024_01_custom")
        let long = String(repeating: "x", count: 50)
        let january = Naming.partitionIndex(parentIndex: "t_partitioned_idx", parent: "t_partitioned", partition: long + "_2024_01")
        let february = Naming.partitionIndex(parentIndex: "t_partitioned_idx", parent: "t_partitioned", partition: long + "_2024_02")
        #expect(january.utf8.count <= 63 && february.utf8.count <= 63)
        #expect(january != february)
    }

    @Test("progress reads as a line and as a bar")
    func progressText() {
        let copying = BackfillProgress(stage: .copying, copied: 500, total: 1_000, rowsPerSecond: 100, etaSeconds: 5,
                                       indexesBuilt: 0, indexesTotal: 0)
        #expect(copying.summary == "500 / ~1000 rows (50%), 100 rows/s, ETA 5 s")
        #expect(copying.bar(width: 10).hasPrefix("[#####-----]  50% "))
        let indexing = BackfillProgress(stage: .indexing, copied: 1_000, total: 1_000, rowsPerSecond: 0, etaSeconds: nil,
                                        indexesBuilt: 3, indexesTotal: 4)
        #expect(indexing.bar(width: 4).hasPrefix("[###-]  75% "))
        #expect(BackfillProgress.duration(4_000) == "66 min 40 s")
    }
}
