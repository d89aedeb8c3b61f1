import Foundation
import PartSync
import PostgresClient
import Testing
import TestSupport
import Workload

/// `partsync verify` against a real server: identical tables, every kind of injected difference found exactly,
/// repair, in-flight keys during live writes, the report, and status.
@Suite struct VerifyTests {
    /// One column of each type the comparison must tell apart, and a row whose label is the empty string.
    static let things = """
        CREATE TYPE mood AS ENUM ('happy', 'sad');
        CREATE TABLE things (
            id bigint PRIMARY KEY, label text, price numeric(12, 2), doc jsonb, seen timestamptz, tags text[],
            blob bytea, feel mood, created_at timestamptz NOT NULL);
        INSERT INTO things
        SELECT g, CASE WHEN g = 30 THEN '' ELSE 'label ' || g END, g / 4.0, jsonb_build_object('n', g),
               timestamptz '2024-01-01' + g * interval '1 minute', ARRAY['a' || g, 'b'], decode(md5(g::text), 'hex'),
               CASE WHEN g % 2 = 0 THEN 'happy' ELSE 'sad' END::mood,
               timestamptz '2024-01-01' + g * interval '1 hour'
        FROM generate_series(1, 2500) g;
        """

    static func backfilled(_ database: TestDatabase, setup: String, table: String, key: String = "created_at")
        async throws -> Connection
    {
        let connection = try await BackfillTests.prepared(database, setup: setup, table: table, key: key)
        _ = try await Backfiller(configuration: database.configuration, table: table, options: .init()).run()
        return connection
    }

    static func verify(_ database: TestDatabase, _ table: String, repair: Bool = false, chunkRows: Int = 100_000)
        async throws -> Verifier.Outcome
    {
        try await Verifier(configuration: database.configuration, table: table,
                           options: .init(chunkRows: chunkRows, repair: repair)).run()
    }

    @Test("identical tables are equal: exit 0, every row counted on both sides (bigint, uuid and composite keys)",
          arguments: ["bigint", "uuid", "composite"])
    func identical(key: String) async throws {
        try await TestDatabase.with { database in
            let table = key == "composite" ? "\"Sales\".\"Order Events\"" : "messages"
            let setup = key == "composite" ? Fixtures.orderEvents
                : Fixtures.atlas(idType: key) + Fixtures.atlasRows(count: 3_000)
            let connection = try await Self.backfilled(database, setup: setup, table: table,
                                                       key: key == "composite" ? "event date" : "created_at")
            let rows = try await connection.query("SELECT count(*) FROM \(table)").first!.decode(Int64.self, at: 0)
            let run = try await Products.run("partsync", ["verify", "--table", table],
                                       environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("EQUAL"), "\(run.stderr)")
            let outcome = try await Self.verify(database, table, chunkRows: 10)
            #expect(outcome.report.verdict == .equal)
            #expect(outcome.report.sourceRows == rows && outcome.report.targetRows == rows)
            #expect(outcome.report.divergent.isEmpty && outcome.report.mismatchedChunks == 0)
            #expect(outcome.report.periods.allSatisfy { $0.equal })
            #expect(outcome.report.chunks > outcome.report.periods.count, "small chunks split periods into buckets")
            let phase = try await StateStore(connection).migration(forTable: table)?.phase
            #expect(phase == .verified)
        }
    }

    @Test("each injected difference is found exactly, classified, with its columns; --repair fixes them all")
    func injectedDifferences() async throws {
        try await TestDatabase.with { database in
            let connection = try await Self.backfilled(database, setup: Self.things, table: "things")
            try await connection.execute("""
                DELETE FROM things_partitioned WHERE id = 10;
                INSERT INTO things_partitioned (id, label, created_at) VALUES (5000, 'extra', '2024-02-10');
                UPDATE things_partitioned SET label = 'changed' WHERE id = 20;
                UPDATE things_partitioned SET price = price + 0.01 WHERE id = 21;
                UPDATE things_partitioned SET doc = '{"n": -1}' WHERE id = 22;
                UPDATE things_partitioned SET seen = seen + interval '1 microsecond' WHERE id = 23;
                UPDATE things_partitioned SET tags = ARRAY['b', 'a24'] WHERE id = 24;
                UPDATE things_partitioned SET blob = '\\x00' WHERE id = 25;
                UPDATE things_partitioned SET feel = 'happy' WHERE id = 27;
                UPDATE things_partitioned SET label = NULL WHERE id = 30;
                INSERT INTO things_partitioned SELECT id, label, price, doc, seen, tags, blob, feel, '2024-03-15'
                    FROM things WHERE id = 40;
                UPDATE things_partitioned SET created_at = '2024-03-20' WHERE id = 50;
                """)
            let outcome = try await Self.verify(database, "things", chunkRows: 300)
            let found = Dictionary(uniqueKeysWithValues: outcome.report.divergent
                .map { ($0.key.joined(separator: ","), "\($0.class.rawValue) \($0.columns.joined(separator: ","))") })
            #expect(found == [
                "10": "missing ", "5000": "extra ", "20": "different label", "21": "different price",
                "22": "different doc", "23": "different seen", "24": "different tags", "25": "different blob",
                "27": "different feel", "30": "different label", "40": "extra ", "50": "different created_at",
            ])
            #expect(outcome.report.verdict == .divergent)
            #expect(outcome.report.inFlight.isEmpty)
            let duplicate = outcome.report.divergent.first { $0.key == ["40"] }
            #expect(duplicate?.partition == "things_2024_03", "the second copy is named by its partition")
            let cli = try await Products.run("partsync", ["verify", "--table", "things"],
                                       environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(cli.status == 1, "\(cli.stderr)")
            #expect(cli.stderr.contains("different: (21) columns price"), "\(cli.stderr)")

            let repaired = try await Self.verify(database, "things", repair: true)
            #expect(repaired.repaired == 12)
            #expect(repaired.beforeRepair?.divergent.count == 12)
            #expect(repaired.report.verdict == .equal, "\(repaired.report.divergent)")
            try await assertTablesEqual("things", "things_partitioned", on: connection)
            let again = try await Products.run("partsync", ["verify", "--table", "things"],
                                         environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(again.status == 0, "\(again.stderr)")
        }
    }

    @Test("values swapped between two rows of one chunk are found, and json and point columns compare as text")
    func swappedValuesAndTextColumns() async throws {
        try await TestDatabase.with { database in
            let setup = """
                CREATE TABLE notes (id bigint PRIMARY KEY, label text, doc json, spot point, created_at timestamptz NOT NULL);
                INSERT INTO notes SELECT g, 'note ' || g, json_build_object('n', g), point(g, -g),
                                         timestamptz '2024-01-01' + g * interval '4 hours'
                FROM generate_series(1, 500) g;
                """
            let connection = try await Self.backfilled(database, setup: setup, table: "notes")
            let equal = try await Self.verify(database, "notes")
            #expect(equal.report.verdict == .equal, "\(equal.report.divergent)")
            #expect(equal.report.method.contains("as text: doc, spot"), "\(equal.report.method)")
            try await connection.execute("""
                UPDATE notes_partitioned SET label = CASE id WHEN 60 THEN 'note 61' ELSE 'note 60' END WHERE id IN (60, 61);
                UPDATE notes_partitioned SET doc = '{"n":  400}' WHERE id = 400;
                UPDATE notes_partitioned SET spot = point(0, 0) WHERE id = 401;
                """)
            let found = try await Self.verify(database, "notes")
            // The swap is alone in January's chunk: only its sums can send verify looking there.
            #expect(found.report.mismatchedChunks == 2)
            #expect(found.report.divergent.map { "\($0.key[0]) \($0.columns.joined())" }
                == ["400 doc", "401 spot", "60 label", "61 label"], "\(found.report.divergent)")
        }
    }

    @Test("changes the applier has not reached are in flight, not divergent; once applied the tables are equal")
    func inFlight() async throws {
        try await TestDatabase.with { database in
            let connection = try await Self.backfilled(database, setup: Self.things, table: "things")
            try await connection.execute("""
                UPDATE things SET label = 'later' WHERE id BETWEEN 100 AND 109;
                DELETE FROM things WHERE id = 200;
                INSERT INTO things (id, label, created_at) VALUES (9000, 'new', '2024-02-01');
                UPDATE things SET created_at = created_at + interval '40 days' WHERE id = 300;
                """)
            let pending = try await Self.verify(database, "things")
            #expect(pending.report.verdict == .equal, "\(pending.report.divergent)")
            #expect(pending.report.inFlight.count == 13)
            #expect(pending.report.inFlightKeys == 13)
            #expect(pending.report.mismatchedChunks > 0)
            _ = try await SyncFollower(configuration: database.configuration, table: "things").run(.untilCaughtUp)
            let applied = try await Self.verify(database, "things")
            #expect(applied.report.verdict == .equal)
            #expect(applied.report.inFlight.isEmpty && applied.report.mismatchedChunks == 0)
        }
    }

    @Test("verify while sync --follow applies a seeded random workload reports no divergence")
    func underLiveWrites() async throws {
        try await TestDatabase.with { database in
            let connection = try await Self.backfilled(database, setup: Self.things, table: "things")
            let stop = StopSignal()
            let follower = Task {
                try await SyncFollower(configuration: database.configuration, table: "things").run(.follow, stop: stop)
            }
            let seed = UInt64.random(in: 1...UInt64.max)
            print("verify workload seed: \(seed)")
            let writers = Task { try await Self.randomWrites(database, seed: seed, writers: 3, steps: 300) }
            var inFlight = 0
            for _ in 0..<3 {
                let outcome = try await Self.verify(database, "things", chunkRows: 400)
                #expect(outcome.report.verdict == .equal, "seed \(seed): \(outcome.report.divergent)")
                inFlight += outcome.report.inFlightKeys
            }
            print("verify under live writes: \(inFlight) key(s) in flight over 3 runs")
            try await writers.value
            try await waitFor(connection, "SELECT NOT EXISTS (SELECT 1 FROM partsync.changes_things_\(try await Self.keySuffix(connection)))", seconds: 60)
            stop.stop()
            _ = try await follower.value
            let last = try await Self.verify(database, "things")
            #expect(last.report.verdict == .equal && last.report.inFlight.isEmpty)
            try await assertTablesEqual("things", "things_partitioned", on: connection)
        }
    }

    /// `writers` sessions each running `steps` seeded random updates, deletes, inserts and partition-key moves
    /// on `things`.
    static func randomWrites(_ database: TestDatabase, seed: UInt64, writers: Int, steps: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var random = SeededRandom(seed: seed &+ UInt64(writer))
                    let connection = try await database.connect()
                    for step in 0..<steps {
                        let id = Int(random.next() % 2_500) + 1
                        switch random.next() % 4 {
                        case 0: try await connection.query("UPDATE things SET label = $1 WHERE id = $2", ["w\(step)", id])
                        case 1: try await connection.query("DELETE FROM things WHERE id = $1", [id])
                        case 2:
                            try await connection.query(
                                "INSERT INTO things (id, label, created_at) VALUES ($1, 'i', '2024-02-02') ON CONFLICT DO NOTHING",
                                [10_000 + writer * 1_000 + step])
                        default:
                            try await connection.query(
                                "UPDATE things SET created_at = created_at + interval '31 days' WHERE id = $1", [id])
                        }
                    }
                    await connection.close()
                }
            }
            try await group.waitForAll()
        }
    }

    static func keySuffix(_ connection: Connection) async throws -> String {
        String(try await migrationKey(connection).dropFirst("things_".count))
    }

    static func migrationKey(_ connection: Connection) async throws -> String {
        try await connection.query("SELECT key FROM partsync.migrations").first!.decode(String.self, at: 0)
    }

    @Test("the JSON report decodes as documented, is stored, and status shows the latest verification")
    func reportAndStatus() async throws {
        try await TestDatabase.with { database in
            let connection = try await Self.backfilled(database, setup: Self.things, table: "things")
            try await connection.execute("DELETE FROM things_partitioned WHERE id = 7")
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString).json").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let run = try await Products.run("partsync", ["verify", "--table", "things", "--report", path],
                                       environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(run.status == 1, "\(run.stderr)")
            let report = try JSONDecoder().decode(VerifyReport.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(report.table == "public.things" && report.target == "public.things_partitioned")
            #expect(report.divergent == [VerifyReport.Difference(key: ["7"], class: .missing, columns: [], partition: nil)])
            #expect(report.sourceRows == 2_500 && report.targetRows == 2_499)
            #expect(report.periods.filter { !$0.equal }.count == 1)
            #expect(!report.partsyncVersion.isEmpty && report.method.contains("hash_record_extended"))
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
            for field in ["table", "source", "target", "snapshotAt", "verdict", "chunks", "mismatchedChunks",
                          "sourceRows", "targetRows", "periods", "divergent", "inFlight", "inFlightKeys",
                          "durationSeconds", "workers", "partsyncVersion", "method", "mode", "snapshots",
                          "longestSnapshotSeconds", "touchedKeys"] {
                #expect(json?[field] != nil, "documented field \(field)")
            }
            let status = try await Products.run("partsync", ["status", "--table", "things"],
                                          environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(status.stderr.contains("last verification: divergent"), "\(status.stderr)")
            #expect(status.stderr.contains("1 divergent"), "\(status.stderr)")
        }
    }

    @Test("verify before the backfill is complete exits 2 and changes nothing")
    func beforeBackfill() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(database, setup: Self.things, table: "things")
            let before = try await Fixtures.catalogFingerprint(connection)
            let run = try await Products.run("partsync", ["verify", "--table", "things"],
                                       environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(run.status == 2, "\(run.stderr)")
            #expect(run.stderr.contains("backfill is not complete"), "\(run.stderr)")
            #expect(try await Fixtures.catalogFingerprint(connection) == before)
            #expect(try await connection.query("SELECT count(*) FROM partsync.verifications").first?[0] == "0")
        }
    }
}
