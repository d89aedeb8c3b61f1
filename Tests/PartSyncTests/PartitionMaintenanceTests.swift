import Foundation
import LocalPostgres
@testable import PartSync
import PostgresClient
import Testing
import TestSupport
import Workload

/// `partsync partitions`: the layout read from bounds (pure), and premake against a real server.
@Suite struct PartitionLayoutTests {
    static func bound(_ name: String, _ from: String, _ to: String, time: String = " 00:00:00+00") -> PartitionLayout.Bound {
        PartitionLayout.Bound(name: SQLIdentifier(schema: "public", name: name),
                              expression: "FOR VALUES FROM ('\(from)\(time)') TO ('\(to)\(time)')")
    }

    static func recognise(_ bounds: [PartitionLayout.Bound], kind: KeyKind = .timestamptz) throws -> PartitionLayout {
        try PartitionLayout.recognise(table: SQLIdentifier(schema: "public", name: "events"), oid: 1, key: "at",
                                      keyKind: kind, bounds: bounds)
    }

    static func day(_ text: String) -> Int64 { DayText.days(text)! }

    @Test("monthly partitions: the interval, the name pattern, the missing periods and the runway")
    func monthly() throws {
        let layout = try Self.recognise([
            Self.bound("messages_2026_12", "2026-12-01", "2027-01-01"),
            Self.bound("messages_2026_11", "2026-11-01", "2026-12-01"),
            PartitionLayout.Bound(name: SQLIdentifier(schema: "public", name: "messages_default"), expression: "DEFAULT"),
        ])
        #expect(layout.interval == .month && layout.base == "messages")
        #expect(layout.defaultPartition?.name == "messages_default")
        let today = Self.day("2026-12-02")
        #expect(layout.runway(today: today) == 0)
        let missing = layout.missing(today: today, premake: 3)
        #expect(missing.map(\.name.name) == ["messages_2027_01", "messages_2027_02", "messages_2027_03"])
        #expect(missing.first?.from == Self.day("2027-01-01") && missing.last?.to == Self.day("2027-04-01"))
        #expect(layout.boundSQL(missing[0]) == "FOR VALUES FROM ('2027-01-01 00:00:00+00') TO ('2027-02-01 00:00:00+00')")
        // A month without a partition ahead: runway counts only the periods without a gap.
        #expect(layout.runway(today: Self.day("2026-10-15")) == -1)
        #expect(layout.missing(today: Self.day("2026-11-20"), premake: 1).isEmpty)
    }

    @Test("days, ISO weeks and years are recognised; a date key's bounds have no time")
    func otherIntervals() throws {
        let days = try Self.recognise([Self.bound("t_2026_12_01", "2026-12-01", "2026-12-02"),
                                       Self.bound("t_2026_12_02", "2026-12-02", "2026-12-03")])
        #expect(days.interval == .day && days.base == "t")
        #expect(days.missing(today: Self.day("2026-12-02"), premake: 2).map(\.name.name) == ["t_2026_12_03", "t_2026_12_04"])
        let weeks = try Self.recognise([Self.bound("w_2026_w49", "2026-11-30", "2026-12-07")])
        #expect(weeks.interval == .week && weeks.base == "w")
        let years = try Self.recognise([Self.bound("y_2026", "2026-01-01", "2027-01-01", time: "")], kind: .date)
        #expect(years.interval == .year)
        #expect(years.missing(today: Self.day("2026-06-01"), premake: 1).map(\.name.name) == ["y_2027"])
        // Partitions named some other way: new ones are named after the table.
        let other = try Self.recognise([Self.bound("archive_dec", "2026-12-01", "2027-01-01")])
        #expect(other.base == "events")
    }

    @Test("ten-day ranges, mixed intervals, times of day and MINVALUE are refused with the partition named")
    func unrecognised() {
        for bounds in [
            [Self.bound("odd", "2026-12-01", "2026-12-11")],
            [Self.bound("m", "2026-11-01", "2026-12-01"), Self.bound("d", "2026-12-01", "2026-12-02")],
            [Self.bound("noon", "2026-12-01", "2026-12-02", time: " 12:00:00+00")],
            [PartitionLayout.Bound(name: SQLIdentifier(schema: "public", name: "low"),
                                   expression: "FOR VALUES FROM (MINVALUE) TO ('2026-12-01 00:00:00+00')")],
            [],
        ] {
            #expect(throws: PartitionLayout.Unrecognised.self) { try Self.recognise(bounds) }
        }
        do {
            _ = try Self.recognise([Self.bound("odd", "2026-12-01", "2026-12-11")])
        } catch {
            #expect((error as? PartitionLayout.Unrecognised)?.reason.contains("public.odd") == true)
        }
    }
}

@Suite struct PartitionMaintenanceTests {
    static func partitions(of table: String, on connection: Connection) async throws -> [String] {
        try await connection.query(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass($1) ORDER BY 1",
            [table]).rows.map { try $0.decode(String.self, at: 0) }
    }

    @Test("premake on a migration's twin creates exactly the missing months with the parent's indexes, and again changes nothing")
    func premakeTwin() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(
                database, setup: Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 500), table: "messages")
            let before = try await Self.partitions(of: "messages_partitioned", on: connection)
            let outcome = try await PartitionMaintainer.run(
                table: "messages", options: .init(premake: 6), on: connection)
            #expect(outcome.table == "public.messages_partitioned" && outcome.interval == "month")
            #expect(outcome.actions.count == 3, "prepare made 3 months ahead: \(outcome.actions)")
            #expect(outcome.runway == 6 && outcome.warning == nil)
            let after = try await Self.partitions(of: "messages_partitioned", on: connection)
            #expect(Set(after).subtracting(before) == Set(outcome.actions.map { $0.partition.replacingOccurrences(of: "public.", with: "") }))
            #expect(outcome.actions.allSatisfy { $0.partition.hasPrefix("public.messages_20") })
            // Each new partition has every index of the parent, attached to it.
            let parentIndexes = try await connection.query(
                "SELECT count(*) FROM pg_index WHERE indrelid = 'messages_partitioned'::regclass").first!.decode(Int.self, at: 0)
            for action in outcome.actions {
                let attached = try await connection.query(
                    """
                    SELECT count(*) FROM pg_index x JOIN pg_inherits i ON i.inhrelid = x.indexrelid
                    WHERE x.indrelid = to_regclass($1) AND x.indisvalid
                    """, [action.partition]).first!.decode(Int.self, at: 0)
                #expect(attached == parentIndexes, "\(action.partition): \(attached) of \(parentIndexes) indexes")
            }
            // No grants or policies of their own (the parent's apply), and the monitoring views list them.
            for action in outcome.actions {
                let row = try await connection.query(
                    "SELECT relacl IS NULL, relrowsecurity FROM pg_class WHERE oid = to_regclass($1)", [action.partition]).first!
                #expect(try row.decode(Bool.self, at: 0) && !(try row.decode(Bool.self, at: 1)), "\(action.partition)")
            }
            let sized = Set(try await connection.query(
                "SELECT partition::text FROM partsync.partition_sizes('messages_partitioned')").rows.map { try $0.decode(String.self, at: 0) })
            let active = Set(try await connection.query(
                "SELECT partition::text FROM partsync.partition_activity WHERE parent = 'messages_partitioned'::regclass")
                .rows.map { try $0.decode(String.self, at: 0) })
            for action in outcome.actions {
                let bare = action.partition.replacingOccurrences(of: "public.", with: "")
                #expect(sized.contains(bare) && active.contains(bare), "\(bare) in partition_sizes and partition_activity")
            }
            // A row for the last new month lands in its partition.
            let last = outcome.actions.last!
            let landed: String? = try await connection.query(
                """
                WITH r AS (INSERT INTO messages_partitioned (id, conversation_id, user_id, role, content, created_at)
                           VALUES (999999, gen_random_uuid(), gen_random_uuid(), 'user', 'future', $1::timestamptz + interval '1 day')
                           RETURNING tableoid)
                SELECT tableoid::regclass::text FROM r
                """, [last.from]).first?[0]
            #expect(landed.map { "public." + $0 } == last.partition)

            // status shows the partitions, their size and the runway.
            let status = try await MigrationStatus.load(table: "messages", on: connection)[0]
            #expect(status.partitions.count == after.count && status.partitions.runway == 6)
            #expect(status.partitions.interval == "month" && status.partitions.totalBytes > 0 && status.partitions.warning == nil)
            #expect(status.description.contains("partitions: \(after.count), ") && status.description.contains("runway 6 month(s)"))

            let again = try await PartitionMaintainer.run(table: "messages", options: .init(premake: 6), on: connection)
            #expect(again.actions.isEmpty && again.runway == 6)
            #expect(try await Self.partitions(of: "messages_partitioned", on: connection) == after)
        }
    }

    @Test("--dry-run lists the partitions and changes nothing (catalog fingerprint); a short runway warns")
    func dryRun() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute(
                """
                CREATE TABLE ev (id bigint, at date NOT NULL, note text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
                CREATE INDEX ev_note ON ev (note);
                CREATE TABLE ev_2026_11 PARTITION OF ev FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
                CREATE TABLE ev_2026_12 PARTITION OF ev FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
                """)
            let today = DayText.days("2026-12-02")!
            let fingerprint = try await Fixtures.catalogFingerprint(connection)
            let planned = try await PartitionMaintainer.run(
                table: "ev", options: .init(premake: 2, dryRun: true), on: connection, today: today)
            #expect(planned.dryRun && planned.actions.map(\.partition) == ["public.ev_2027_01", "public.ev_2027_02"])
            #expect(planned.runway == 0 && planned.warning?.contains("only 0 month(s)") == true)
            #expect(try await Fixtures.catalogFingerprint(connection) == fingerprint)

            let made = try await PartitionMaintainer.run(table: "ev", options: .init(premake: 2), on: connection, today: today)
            #expect(made.actions == planned.actions)
            #expect(made.runway == 2 && made.warning == nil)
            #expect(try await Self.partitions(of: "ev", on: connection) == ["ev_2026_11", "ev_2026_12", "ev_2027_01", "ev_2027_02"])
        }
    }

    @Test("rows in the default partition for a period being created are moved into its new partition, atomically; --dry-run counts them")
    func defaultPartition() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute(
                """
                CREATE TABLE ev (id bigint, at timestamptz NOT NULL, note text, doubled bigint GENERATED ALWAYS AS (id * 2) STORED,
                                 PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
                CREATE TABLE ev_2026_12 PARTITION OF ev FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');
                CREATE TABLE ev_default PARTITION OF ev DEFAULT;
                INSERT INTO ev (id, at, note) VALUES (1, '2027-02-10 08:00:00+00', 'early'), (2, '2031-01-01 00:00:00+00', 'far'),
                                                     (3, '2027-02-28 23:59:59+00', 'late');
                """)
            let today = DayText.days("2026-12-02")!
            let planned = try await PartitionMaintainer.run(
                table: "ev", options: .init(premake: 2, dryRun: true), on: connection, today: today)
            #expect(planned.actions.map(\.detail) == [nil, "2 row(s) to move in from public.ev_default"])
            let made = try await PartitionMaintainer.run(table: "ev", options: .init(premake: 2), on: connection, today: today)
            #expect(made.actions.map(\.partition) == ["public.ev_2027_01", "public.ev_2027_02"])
            #expect(made.actions.map(\.detail) == [nil, "2 row(s) moved in from public.ev_default"])
            let rows = try await connection.query("SELECT id, tableoid::regclass::text, note, doubled FROM ev ORDER BY id").rows
            #expect(try rows.map { try $0.decode(Int64.self, at: 0) } == [1, 2, 3])
            #expect(rows.map { $0[1] as String? } == ["ev_2027_02", "ev_default", "ev_2027_02"])
            #expect(rows.map { $0[2] as String? } == ["early", "far", "late"] && rows.map { $0[3] as String? } == ["2", "4", "6"])
            #expect(made.runway == 2)
        }
    }

    @Test("a long query on the default partition: each attempt gives up after the lock timeout, a writer to the default is never held much longer, and the next run moves the rows")
    func longQueryOnDefault() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute(
                """
                CREATE TABLE ev (id bigint, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
                CREATE TABLE ev_2026_12 PARTITION OF ev FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
                CREATE TABLE ev_default PARTITION OF ev DEFAULT;
                INSERT INTO ev VALUES (1, '2027-01-10');
                """)
            let reader = try await database.connect()
            try await reader.execute("BEGIN; SELECT count(*) FROM ev_default")
            // A writer whose rows go to the default partition, timing each insert.
            let probe = try await database.connect()
            let writing = Task { () -> Double in
                var longest = 0.0
                for id in 100..<400 {
                    let started = ContinuousClock.now
                    try await probe.query("INSERT INTO ev VALUES ($1, '2031-01-01')", [id])
                    longest = max(longest, (ContinuousClock.now - started).milliseconds)
                    try await Task.sleep(for: .milliseconds(5))
                }
                return longest
            }
            let fingerprint = try await Fixtures.catalogFingerprint(connection)
            await #expect(throws: PartSyncError.self) {
                _ = try await PartitionMaintainer.run(
                    table: "ev", options: .init(premake: 1, lockTimeoutMilliseconds: 100,
                                                retry: RetryPolicy(attempts: 4, baseMilliseconds: 50, maxMilliseconds: 200)),
                    on: connection, today: DayText.days("2026-12-02")!)
            }
            let longest = try await writing.value
            // Each attempt queues the writer behind its lock request for at most the lock timeout (100 ms);
            // the margin is for a loaded machine, not a measurement.
            #expect(longest < 1_500, "a writer to the default partition waited \(longest) ms")
            #expect(try await Fixtures.catalogFingerprint(connection) == fingerprint, "nothing changed")
            try await reader.execute("COMMIT")
            let made = try await PartitionMaintainer.run(
                table: "ev", options: .init(premake: 1, lockTimeoutMilliseconds: 100), on: connection,
                today: DayText.days("2026-12-02")!)
            #expect(made.actions.first?.detail == "1 row(s) moved in from public.ev_default")
            #expect(try await connection.query("SELECT tableoid::regclass::text FROM ev WHERE id = 1").first?[0] == "ev_2027_01")
            await reader.close()
            await probe.close()
        }
    }

    @Test("with a migration running, rows the applier put in the twin's default partition move into new partitions under live writes: verify finds both sides equal, every acknowledged write is in the source")
    func drainDuringMigration() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute(Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 2_000))
            _ = try await Preparer.prepare(PlanOptions(table: "messages", partitionKey: "created_at", defaultPartition: true),
                                           on: connection)
            _ = try await Backfiller(configuration: database.configuration, table: "messages", options: .init()).run()
            let stop = StopSignal()
            let follower = CutoverTests.follow(database, "messages", stop: stop)
            // Writes dated up to two years ahead: the applier puts those beyond prepare's partitions (now + 3
            // months) into the twin's default partition.
            let load = WriteLoad(
                configuration: database.configuration,
                statements: WriteLoad.Statements(
                    insert: "INSERT INTO messages (conversation_id, user_id, role, content, created_at) VALUES "
                        + "(gen_random_uuid(), gen_random_uuid(), 'user', $1, $2::timestamptz) RETURNING id",
                    update: "UPDATE messages SET content = $2 WHERE id = $1",
                    move: "UPDATE messages SET created_at = $2::timestamptz WHERE id = $1",
                    delete: "DELETE FROM messages WHERE id = $1", read: "SELECT id, content FROM messages"),
                writers: 2, period: Date().addingTimeInterval(-30 * 86_400)...Date().addingTimeInterval(700 * 86_400),
                pause: .milliseconds(3))
            try await load.start()
            try await waitFor(connection, "SELECT count(*) > 50 FROM messages_default")
            let made = try await PartitionMaintainer.run(table: "messages", options: .init(premake: 30), on: connection)
            try await Task.sleep(for: .milliseconds(500))
            let summary = await load.stop()
            #expect(summary.failures.isEmpty, "\(summary.failures.prefix(3))")
            #expect(made.actions.count >= 20, "\(made.actions.count) partitions made")
            #expect(made.actions.contains { $0.detail?.contains("moved in") == true }, "\(made.actions.map(\.detail))")
            try await CutoverTests.settle(connection)
            let verified = try await VerifyTests.verify(database, "messages")
            #expect(verified.report.verdict == .equal, "\(verified.report.divergent.prefix(5))")
            #expect(try await load.mismatches(on: connection).isEmpty)
            stop.stop()
            _ = try await follower.value
        }
    }

    @Test("an open writing transaction on the table does not hold up the attach (SHARE UPDATE EXCLUSIVE on the parent)")
    func writerDoesNotBlock() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute(
                """
                CREATE TABLE ev (id bigint, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
                CREATE TABLE ev_2026_12 PARTITION OF ev FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
                """)
            let writer = try await database.connect()
            try await writer.execute("BEGIN; INSERT INTO ev VALUES (1, '2026-12-05')")
            let made = try await PartitionMaintainer.run(
                table: "ev", options: .init(premake: 1, lockTimeoutMilliseconds: 200, retry: RetryPolicy(attempts: 1)),
                on: connection, today: DayText.days("2026-12-02")!)
            #expect(made.actions.map(\.partition) == ["public.ev_2027_01"])
            try await writer.execute("INSERT INTO ev VALUES (2, '2027-01-05'); COMMIT")
            #expect(try await connection.query("SELECT count(*) FROM ev_2027_01").first!.decode(Int.self, at: 0) == 1)
            await writer.close()
        }
    }

    @Test("a plain table without a migration, and a layout partsync cannot read, are refused by the command with exit 2")
    func refusals() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute(
                """
                CREATE TABLE plain (id int);
                CREATE TABLE tens (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
                CREATE TABLE tens_a PARTITION OF tens FOR VALUES FROM ('2026-12-01') TO ('2026-12-11');
                """)
            let fingerprint = try await Fixtures.catalogFingerprint(connection)
            let url = database.configuration.conninfo
            let plain = try await Products.run("partsync", ["partitions", "--database-url", url, "--table", "plain"])
            #expect(plain.status == 2 && plain.stderr.contains("not partitioned"), "\(plain.stderr)")
            let tens = try await Products.run("partsync", ["partitions", "--database-url", url, "--table", "tens"])
            #expect(tens.status == 2 && tens.stderr.contains("public.tens_a"), "\(tens.stderr)")
            #expect(try await Fixtures.catalogFingerprint(connection) == fingerprint)
        }
    }
}

/// Retention: detach, archive, verify, drop — and nothing dropped without a verified archive.
@Suite struct PartitionRetentionTests {
    /// `ev` by month on a date key, 2026-07 … 2026-12, 100 rows a month (some text with quotes, tabs and NULLs).
    static func months(on connection: Connection, withDefault: Bool = false) async throws {
        var sql = "CREATE TABLE ev (id bigint, at date NOT NULL, note text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);\n"
        for month in 7...12 {
            let next = month == 12 ? "2027-01-01" : String(format: "2026-%02d-01", month + 1)
            let this = String(format: "%02d", month)
            sql += "CREATE TABLE ev_2026_\(this) PARTITION OF ev FOR VALUES FROM ('2026-\(this)-01') TO ('\(next)');\n"
        }
        if withDefault { sql += "CREATE TABLE ev_default PARTITION OF ev DEFAULT;\n" }
        sql += """
            INSERT INTO ev SELECT g, date '2026-07-01' + (g % 180), CASE WHEN g % 7 = 0 THEN NULL
                ELSE 'it''s	row ' || g || E' \\\\ end' END FROM generate_series(1, 600) g WHERE date '2026-07-01' + (g % 180) < date '2027-01-01';
            """
        try await connection.execute(sql)
    }

    static let today = DayText.days("2026-12-02")!

    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("partsync-archive-\(UUID().uuidString)")
        return directory
    }

    @Test("--retain 2 detaches, archives, verifies and drops July to September; the archive restores to the same rows")
    func retainWithArchive() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await Self.months(on: connection)
            let expected = try await connection.query(
                "SELECT count(*), coalesce(sum(hashtextextended(t::text, 0)), 0)::text FROM ev t WHERE at < '2026-10-01'").first!
            let directory = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            let outcome = try await PartitionMaintainer.run(
                table: "ev", options: .init(premake: 1, retain: 2, archiveDirectory: directory), on: connection,
                today: Self.today)
            let retired = outcome.actions.filter { $0.kind == .drop }.map(\.partition)
            #expect(retired == ["public.ev_2026_07", "public.ev_2026_08", "public.ev_2026_09"])
            #expect(try await PartitionMaintenanceTests.partitions(of: "ev", on: connection)
                        == ["ev_2026_10", "ev_2026_11", "ev_2026_12", "ev_2027_01"])
            #expect(try await connection.query("SELECT to_regclass('ev_2026_07') IS NULL").first!.decode(Bool.self, at: 0))

            // Restore every archive into a table like the parent, and compare with what the partitions held.
            try await connection.execute("CREATE TABLE restored (LIKE ev)")
            var rows: Int64 = 0
            for partition in ["ev_2026_07", "ev_2026_08", "ev_2026_09"] {
                let manifest = try JSONDecoder().decode(
                    PartitionArchive.Manifest.self,
                    from: Data(contentsOf: directory.appendingPathComponent("public.\(partition).manifest.json")))
                #expect(manifest.partition == "public.\(partition)" && manifest.file == "public.\(partition).copy.gz")
                rows += manifest.rows
                let gunzip = try ChildProcess.run("/usr/bin/gzip", ["-dc", directory.appendingPathComponent(manifest.file).path])
                #expect(gunzip.status == 0)
                let text = gunzip.stdout
                _ = try await connection.copyIn("COPY restored FROM STDIN") { writer in try writer.write(text) }
            }
            let back = try await connection.query(
                "SELECT count(*), coalesce(sum(hashtextextended(t::text, 0)), 0)::text FROM restored t").first!
            #expect(try back.decode(Int64.self, at: 0) == expected.decode(Int64.self, at: 0) && rows == expected.decode(Int64.self, at: 0))
            #expect(try back.decode(String.self, at: 1) == expected.decode(String.self, at: 1))
            // A second run has nothing to retire.
            let again = try await PartitionMaintainer.run(
                table: "ev", options: .init(premake: 1, retain: 2, archiveDirectory: directory), on: connection, today: Self.today)
            #expect(again.actions.isEmpty)
        }
    }

    @Test("an archive directory that cannot be written drops nothing, detaches nothing, and the command exits non-zero; --dry-run changes nothing")
    func unwritableAndDryRun() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await Self.months(on: connection, withDefault: true)
            let fingerprint = try await Fixtures.catalogFingerprint(connection)
            // A directory under a regular file cannot be made, even by root.
            let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("partsync-not-a-dir-\(UUID().uuidString)")
            try Data("x".utf8).write(to: blocker)
            defer { try? FileManager.default.removeItem(at: blocker) }
            let url = database.configuration.conninfo
            let failed = try await Products.run("partsync", [
                "partitions", "--database-url", url, "--table", "ev", "--premake", "0", "--retain", "2",
                "--archive-dir", blocker.appendingPathComponent("archives").path])
            #expect(failed.status != 0, "\(failed.stderr)")
            #expect(failed.stderr.contains("cannot write to the archive directory") && failed.stderr.contains("still attached"),
                    "\(failed.stderr)")
            #expect(try await Fixtures.catalogFingerprint(connection) == fingerprint)

            let directory = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            let planned = try await Products.run("partsync", [
                "partitions", "--database-url", url, "--table", "ev", "--premake", "0", "--retain", "2",
                "--archive-dir", directory.path, "--dry-run"])
            #expect(planned.status == 0, "\(planned.stderr)")
            #expect(planned.stderr.contains("would detach public.ev_2026_07") && planned.stderr.contains("would drop public.ev_2026_09"),
                    "\(planned.stderr)")
            #expect(try await Fixtures.catalogFingerprint(connection) == fingerprint)
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("public.ev_2026_07.copy.gz").path))

            // With the default partition, the plain DETACH path archives too.
            let made = try await PartitionMaintainer.run(
                table: "ev", options: .init(premake: 0, retain: 2, archiveDirectory: directory), on: connection, today: Self.today)
            #expect(made.actions.filter { $0.kind == .drop }.count == 3)
            #expect(try await PartitionMaintenanceTests.partitions(of: "ev", on: connection)
                        == ["ev_2026_10", "ev_2026_11", "ev_2026_12", "ev_default"])
        }
    }

    @Test("retention is refused, changing nothing, while a migration of the table is not finished")
    func refusedDuringMigration() async throws {
        try await TestDatabase.with { database in
            let connection = try await BackfillTests.prepared(
                database, setup: Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 200), table: "messages")
            let fingerprint = try await Fixtures.catalogFingerprint(connection)
            let directory = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            await #expect(throws: PartSyncError.self) {
                _ = try await PartitionMaintainer.run(
                    table: "messages", options: .init(premake: 3, retain: 1, archiveDirectory: directory), on: connection)
            }
            #expect(try await Fixtures.catalogFingerprint(connection) == fingerprint)
        }
    }
}
