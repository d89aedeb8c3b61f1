import Foundation
import PartSync
import PostgresClient
import Testing
import TestSupport

/// Bounded snapshots, rolling verification and the touched keys cutover rechecks, against a real server.
@Suite struct VerifyBoundedTests {
    static func injectThree(_ connection: Connection, target: String = "things_partitioned") async throws {
        try await connection.execute("""
            DELETE FROM \(target) WHERE id = 10;
            INSERT INTO \(target) (id, label, created_at) VALUES (5000, 'extra', '2024-02-10');
            UPDATE \(target) SET label = 'changed' WHERE id = 1234;
            """)
    }

    static func found(_ report: VerifyReport) -> [String: String] {
        Dictionary(uniqueKeysWithValues: report.divergent
            .map { ($0.key.joined(separator: ","), "\($0.class.rawValue) \($0.columns.joined(separator: ","))") })
    }

    @Test("--max-snapshot-seconds 1 on a table that needs longer verifies chunk by chunk and still finds every difference")
    func boundedSnapshots() async throws {
        try await TestDatabase.with { database in
            let connection = try await VerifyTests.backfilled(database, setup: VerifyTests.things, table: "things")
            try await Self.injectThree(connection)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("bounded-\(UUID().uuidString).json").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            // 5,000 rows to read at 1,000 a second: one snapshot would stay open for 5 s.
            let run = try await Products.run(
                "partsync", ["verify", "--table", "things", "--max-snapshot-seconds", "1", "--max-rows-per-second", "1000",
                             "--report", path],
                environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("verifying it chunk by chunk"), "\(run.stderr)")
            let report = try JSONDecoder().decode(VerifyReport.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            print("bounded: \(report.snapshots) snapshots, \(report.chunks) chunks, \(report.durationSeconds) s, longest \(report.longestSnapshotSeconds)")
            #expect(report.mode == .keyRanges)
            #expect(report.snapshots > 2, "several snapshots: \(report.snapshots)")
            #expect(report.chunks > 2 && report.mismatchedChunks >= 1)
            #expect(Self.found(report) == ["10": "missing ", "5000": "extra ", "1234": "different label"])
            #expect(report.sourceRows == 2_500 && report.targetRows == 2_500)
            // The bound itself, with room for a loaded machine: far below the 5 s one snapshot would need.
            #expect(report.longestSnapshotSeconds < 2.5, "longest snapshot \(report.longestSnapshotSeconds) s")
            let chunks = try await connection.query(
                "SELECT count(*) FILTER (WHERE verdict = 'divergent'), count(*) FILTER (WHERE verdict IS NULL) FROM partsync.verify_chunks"
            ).first!
            #expect(try chunks.decode(Int.self, at: 0) >= 1 && chunks.decode(Int.self, at: 1) == 0)
            let status = try await Products.run("partsync", ["status", "--table", "things"],
                                          environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(status.stderr.contains("key-range chunks: \(report.chunks - report.mismatchedChunks) of \(report.chunks) equal"),
                    "\(status.stderr)")
        }
    }

    @Test("rolling passes store every chunk's result and position, find injected differences, and repair them",
          arguments: ["bigint", "uuid", "composite"])
    func rolling(key: String) async throws {
        try await TestDatabase.with { database in
            let table = key == "composite" ? "\"Sales\".\"Order Events\"" : "messages"
            let target = key == "composite" ? "\"Sales\".\"Order Events_partitioned\"" : "messages_partitioned"
            let setup = key == "composite" ? Fixtures.orderEvents
                : Fixtures.atlas(idType: key) + Fixtures.atlasRows(count: 3_000)
            let connection = try await VerifyTests.backfilled(database, setup: setup, table: table,
                                                              key: key == "composite" ? "event date" : "created_at")
            let options = Verifier.Options(chunkRows: 100, rolling: true, passes: 2)
            let clean = try await Verifier(configuration: database.configuration, table: table, options: options).run()
            #expect(clean.passes == 2)
            #expect(clean.report.mode == .rolling && clean.report.verdict == .equal, "\(clean.report.divergent)")
            let rows = try await connection.query("SELECT count(*) FROM \(table)").first!.decode(Int64.self, at: 0)
            #expect(clean.report.sourceRows == rows && clean.report.targetRows == rows)
            let stored = try await connection.query(
                """
                SELECT count(*), count(*) FILTER (WHERE verdict = 'equal' AND log_position IS NOT NULL),
                       sum(source_rows), count(*) FILTER (WHERE lower_key IS NULL), count(*) FILTER (WHERE upper_key IS NULL)
                FROM partsync.verify_chunks
                """).first!
            #expect(try stored.decode(Int.self, at: 0) == clean.report.chunks && clean.report.chunks > 1)
            #expect(try stored.decode(Int.self, at: 1) == clean.report.chunks, "every chunk equal, with its position")
            #expect(try stored.decode(Int64.self, at: 2) == rows, "the ranges cover every row exactly once")
            #expect(try stored.decode(Int.self, at: 3) == 1 && stored.decode(Int.self, at: 4) == 1, "open at both ends")

            // One row deleted and one changed in the target, one extra row copied into another partition.
            let keyColumns = key == "composite" ? "\"Region\", \"Order ID\"" : "id"
            let picked = try await connection.query(
                "SELECT \(keyColumns) FROM \(table) ORDER BY \(keyColumns) OFFSET 7 LIMIT 2").rows
            let match = { (index: Int) in key == "composite"
                ? "\"Region\" = '\(picked[index][0]!)' AND \"Order ID\" = \(picked[index][1]!)" : "id = '\(picked[index][0]!)'" }
            try await connection.execute("DELETE FROM \(target) WHERE \(match(0))")
            let changed = key == "composite" ? "note = 'changed'" : "content = 'changed'"
            try await connection.execute("UPDATE \(target) SET \(changed) WHERE \(match(1))")
            let divergent = try await Verifier(configuration: database.configuration, table: table,
                                               options: .init(chunkRows: 100, rolling: true, passes: 1)).run()
            #expect(divergent.report.verdict == .divergent)
            #expect(divergent.report.divergent.map(\.class).sorted { $0.rawValue < $1.rawValue } == [.different, .missing],
                    "\(divergent.report.divergent)")
            let bad = try await connection.query("SELECT count(*) FROM partsync.verify_chunks WHERE verdict = 'divergent'")
            #expect(try bad.first!.decode(Int.self, at: 0) >= 1)

            let repaired = try await Verifier(configuration: database.configuration, table: table,
                                              options: .init(chunkRows: 100, repair: true, rolling: true, passes: 1)).run()
            #expect(repaired.repaired == 2 && repaired.report.verdict == .equal, "\(repaired.report.divergent)")
            try await assertTablesEqual(table, target, on: connection)
        }
    }

    @Test("the applier records each key it applies after a verification; a clean result forgets exactly those its snapshot saw")
    func touchedKeys() async throws {
        try await TestDatabase.with { database in
            let connection = try await VerifyTests.backfilled(database, setup: VerifyTests.things, table: "things")
            // Before any verification nothing is tracked.
            try await connection.execute("UPDATE things SET label = 'before' WHERE id = 1")
            _ = try await SyncFollower(configuration: database.configuration, table: "things").run(.untilCaughtUp)
            #expect(try await Self.touched(connection) == [])

            let first = try await Verifier(configuration: database.configuration, table: "things",
                                           options: .init(chunkRows: 300, rolling: true, passes: 1)).run()
            #expect(first.report.verdict == .equal && first.report.touchedKeys == 0)
            let position = try await connection.query("SELECT max(log_position) FROM partsync.verify_chunks")
                .first!.decode(Int64.self, at: 0)
            try await connection.execute("""
                UPDATE things SET label = 'touched' WHERE id IN (5, 600, 1200);
                DELETE FROM things WHERE id = 2000;
                INSERT INTO things (id, label, created_at) VALUES (7000, 'new', '2024-02-01');
                """)
            _ = try await SyncFollower(configuration: database.configuration, table: "things").run(.untilCaughtUp)
            #expect(try await Self.touched(connection) == ["1200", "2000", "5", "600", "7000"])
            let stamps = try await connection.query("SELECT min(stamp) FROM partsync.touched_keys").first!
            #expect(try stamps.decode(Int64.self, at: 0) > position, "stamped after every chunk's clean result")

            // A rolling pass that finds them equal forgets them.
            let second = try await Verifier(configuration: database.configuration, table: "things",
                                            options: .init(chunkRows: 300, rolling: true, passes: 1)).run()
            #expect(second.report.verdict == .equal && second.report.touchedKeys == 0)
            #expect(try await Self.touched(connection) == [])

            // So does a verification in one snapshot.
            try await connection.execute("UPDATE things SET label = 'again' WHERE id IN (8, 9)")
            _ = try await SyncFollower(configuration: database.configuration, table: "things").run(.untilCaughtUp)
            #expect(try await Self.touched(connection) == ["8", "9"])
            let whole = try await VerifyTests.verify(database, "things")
            #expect(whole.report.mode == .oneSnapshot && whole.report.touchedKeys == 0)

            // A key still pending when the snapshot was taken is not forgotten: it is touched after it.
            try await connection.execute("UPDATE things SET label = 'pending' WHERE id = 77")
            let pending = try await VerifyTests.verify(database, "things")
            #expect(pending.report.inFlight.map(\.key) == [["77"]])
            _ = try await SyncFollower(configuration: database.configuration, table: "things").run(.untilCaughtUp)
            #expect(try await Self.touched(connection) == ["77"])
        }
    }

    @Test("cutover's recheck compares exactly the touched keys and the chunks not found equal, inside a transaction")
    func recheck() async throws {
        try await TestDatabase.with { database in
            let connection = try await VerifyTests.backfilled(database, setup: VerifyTests.things, table: "things")
            let options = Verifier.Options(chunkRows: 300, rolling: true, passes: 1)
            _ = try await Verifier(configuration: database.configuration, table: "things", options: options).run()
            try await connection.execute("UPDATE things SET label = 'moved on' WHERE id IN (5, 600)")
            _ = try await SyncFollower(configuration: database.configuration, table: "things").run(.untilCaughtUp)
            // An apply that went wrong for a touched key, and a write straight into the twin for an untouched one.
            try await connection.execute("""
                UPDATE things_partitioned SET label = 'lost' WHERE id = 600;
                UPDATE things_partitioned SET label = 'sneaked in' WHERE id = 1500;
                """)
            let context = try await MigrationContext.load(table: "things", on: connection, phase: .verified)
            let first = try await connection.withTransaction { tx in try await Verifier.recheck(context, on: tx) }
            #expect(first.touchedKeys == 2 && first.uncleanChunks == 0)
            #expect(first.divergent.map { "\($0.key[0]) \($0.columns.joined())" } == ["600 label"],
                    "only the touched keys are compared: \(first.divergent)")

            // A pass finds both; their chunks are then read whole by the recheck.
            let pass = try await Verifier(configuration: database.configuration, table: "things", options: options).run()
            #expect(Set(pass.report.divergent.map { $0.key[0] }) == ["1500", "600"])
            let second = try await connection.withTransaction { tx in try await Verifier.recheck(context, on: tx) }
            #expect(second.uncleanChunks >= 1)
            #expect(Set(second.divergent.map { $0.key[0] }) == ["600", "1500"], "\(second.divergent)")
        }
    }

    static func touched(_ connection: Connection) async throws -> [String] {
        try await connection.query("SELECT DISTINCT key[1] FROM partsync.touched_keys ORDER BY 1").rows.compactMap { $0[0] }
    }

    @Test("rolling verification while sync --follow applies random writes: no divergence, and nothing touched once quiet")
    func rollingUnderLiveWrites() async throws {
        try await TestDatabase.with { database in
            let connection = try await VerifyTests.backfilled(database, setup: VerifyTests.things, table: "things")
            let stop = StopSignal()
            let follower = Task {
                try await SyncFollower(configuration: database.configuration, table: "things").run(.follow, stop: stop)
            }
            let seed = UInt64.random(in: 1...UInt64.max)
            print("rolling workload seed: \(seed)")
            let writers = Task { try await VerifyTests.randomWrites(database, seed: seed, writers: 2, steps: 250) }
            let live = try await Verifier(configuration: database.configuration, table: "things",
                                          options: .init(chunkRows: 200, rolling: true, passes: 3)).run()
            #expect(live.report.verdict == .equal, "seed \(seed): \(live.report.divergent)")
            try await writers.value
            try await waitFor(connection, "SELECT NOT EXISTS (SELECT 1 FROM partsync.changes_things_\(try await VerifyTests.keySuffix(connection)))", seconds: 60)
            stop.stop()
            _ = try await follower.value
            let samples = try await StateStore(connection).lagSamples(try await VerifyTests.migrationKey(connection))
            #expect(!samples.isEmpty, "the applier sampled its lag while it followed")
            let quiet = try await Verifier(configuration: database.configuration, table: "things",
                                           options: .init(chunkRows: 200, rolling: true, passes: 1)).run()
            #expect(quiet.report.verdict == .equal && quiet.report.touchedKeys == 0, "seed \(seed)")
            try await assertTablesEqual("things", "things_partitioned", on: connection)
        }
    }
}
