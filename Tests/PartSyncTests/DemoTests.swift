import Demo
import Foundation
import Logging
import PartSync
import PostgresClient
import Testing
import TestSupport

/// `partsync demo` end to end at a small size: the final state checked from the database by the test itself,
/// not taken from the demo's own proofs.
@Suite("demo")
struct DemoTests {
    static func quietLogger() -> Logger {
        var logger = Logger(label: "partsync-tests")
        logger.logLevel = .warning
        return logger
    }

    static func scratchDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("partsync-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("the demo migrates both Atlas tables under live writes: partitioned under their names, every acknowledged write, RLS for authenticated and anon, ids continuing, reports parseable")
    func endToEnd() async throws {
        try await TestDatabase.with { database in
            let out = try Self.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            // A database of its own, as the throwaway cluster is: `public`, and `auth.uid()` created.
            let demo = AtlasDemo(
                configuration: database.configuration,
                options: AtlasDemo.Options(rows: 4_000, ownsDatabase: true, out: out, writers: 3),
                logger: Self.quietLogger(), events: { _ in })
            let outcome = try await demo.run()
            #expect(outcome.report.passed)
            let connection = try await database.connect()

            for table in ["messages", "usage_logs"] {
                let row = try await connection.query(
                    """
                    SELECT c.relkind::text, (SELECT count(*) FROM pg_inherits WHERE inhparent = c.oid),
                           (SELECT relkind::text FROM pg_class WHERE oid = to_regclass($2))
                    FROM pg_class c WHERE c.oid = to_regclass($1)
                    """, ["public.\(table)", "public.\(table)_retired"]).first!
                #expect(row[0] == "p", "\(table) is partitioned under its name")
                #expect(try row.decode(Int.self, at: 1) > 24, "\(table) has its monthly partitions")
                #expect(row[2] == "r", "the original \(table) is kept as \(table)_retired")
            }

            // Every write the live load was told succeeded, in the table now under the name.
            #expect(outcome.writes.count == 2)
            for load in outcome.writes {
                #expect(load.summary.failures.isEmpty)
                #expect(load.summary.operations > 0)
                #expect(try await load.mismatches(on: connection).isEmpty)
            }

            // RLS on the partitioned tables: a writer's user sees exactly their rows and no usage_logs; anon nothing.
            let user = try await AtlasSchema.users(1, on: connection)[0]
            let own = try await connection.query("SELECT count(*) FROM messages WHERE user_id = $1::uuid", [user])
                .first!.decode(Int.self, at: 0)
            let seen = try await connection.withTransaction(rollBack: true) { tx in
                try await tx.execute("SET LOCAL ROLE authenticated")
                try await tx.query("SELECT set_config('request.jwt.claim.sub', $1, true)", [user])
                let messages = try await tx.query(
                    "SELECT count(*), count(*) FILTER (WHERE user_id <> $1::uuid) FROM messages", [user]).first!
                let usage = try await tx.query("SELECT count(*) FROM usage_logs").first!.decode(Int.self, at: 0)
                return (try messages.decode(Int.self, at: 0), try messages.decode(Int.self, at: 1), usage)
            }
            #expect(own > 0 && seen.0 == own && seen.1 == 0 && seen.2 == 0, "authenticated sees \(seen), owns \(own)")
            let anon = try await connection.withTransaction(rollBack: true) { tx in
                try await tx.execute("SET LOCAL ROLE anon")
                return try await tx.query("SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM usage_logs)")
                    .first!.decode(Int.self, at: 0)
            }
            #expect(anon == 0)
            await #expect(throws: PostgresError.self) {
                try await connection.withTransaction(rollBack: true) { tx in
                    try await tx.execute("SET LOCAL ROLE authenticated")
                    try await tx.query("SELECT set_config('request.jwt.claim.sub', $1, true)", [user])
                    try await tx.execute("INSERT INTO messages (conversation_id, user_id, role, content) "
                        + "VALUES (gen_random_uuid(), gen_random_uuid(), 'user', 'not mine')")
                }
            }

            // Ids continue from the same sequence, which now belongs to the partitioned table.
            for table in ["messages", "usage_logs"] {
                let highest = try await connection.query(
                    "SELECT greatest((SELECT max(id) FROM \(table)), (SELECT max(id) FROM \(table)_retired))"
                ).first!.decode(Int64.self, at: 0)
                let values = table == "messages"
                    ? "(conversation_id, user_id, role, content) VALUES (gen_random_uuid(), gen_random_uuid(), 'user', 'x')"
                    : "(user_id, event) VALUES (gen_random_uuid(), 'completion')"
                let id = try await connection.query("INSERT INTO \(table) \(values) RETURNING id").first!
                    .decode(Int64.self, at: 0)
                #expect(id > highest, "\(table): new id \(id), highest before \(highest)")
                let owner: String? = try await connection.query(
                    "SELECT pg_get_serial_sequence($1, 'id')", ["public.\(table)"]).first![0]
                #expect(owner != nil, "\(table)'s id sequence belongs to the partitioned table")
            }

            // The reports.
            let report = try JSONDecoder().decode(DemoReport.self, from: Data(contentsOf: out.appendingPathComponent("demo.json")))
            #expect(report.passed && report.tables.count == 2 && report.proofs.count >= 13)
            #expect(report.tables.allSatisfy { $0.verdict == "equal" && $0.cutoverStallMilliseconds != nil })
            for table in ["messages", "usage_logs"] {
                let verify = try JSONDecoder().decode(
                    VerifyReport.self, from: Data(contentsOf: out.appendingPathComponent("\(table).verify.json")))
                #expect(verify.verdict == .equal && verify.sourceRows >= 4_000)
                let html = try String(contentsOf: out.appendingPathComponent("\(table).verify.html"), encoding: .utf8)
                #expect(html.contains("EQUAL"))
                let plan = try String(contentsOf: out.appendingPathComponent("\(table).plan.sql"), encoding: .utf8)
                #expect(plan.contains("PARTITION BY RANGE"))
            }
            let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(page.contains("PASSED") && page.contains("messages.verify.html"))
            await connection.close()
        }
    }

    @Test("partsync demo --database-url works in a scratch schema and removes it; a schema that is not empty is refused, changing nothing")
    func scratchSchema() async throws {
        try await TestDatabase.with { database in
            let out = try Self.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            let url = database.configuration.conninfo
            let connection = try await database.connect()

            try await connection.execute("CREATE SCHEMA busy; CREATE TABLE busy.keep_me (id int); INSERT INTO busy.keep_me VALUES (1)")
            let refused = try await Products.run(
                "partsync", ["demo", "--database-url", url, "--schema", "busy", "--rows", "1000", "--out", out.path])
            #expect(refused.status == 2, "\(refused.stderr)")
            #expect(refused.stderr.contains("busy") && refused.stderr.contains("create the Atlas schema"), "\(refused.stderr)")
            let left = try await connection.query(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'busy'"
            ).first!.decode(Int.self, at: 0)
            #expect(left == 1, "only busy.keep_me is there")
            #expect(try await connection.query("SELECT count(*) FROM busy.keep_me").first!.decode(Int.self, at: 0) == 1)

            let ran = try await Products.run(
                "partsync", ["demo", "--database-url", url, "--rows", "2000", "--writers", "2", "--out", out.path])
            #expect(ran.status == 0, "\(ran.stderr)")
            #expect(ran.stderr.contains("all 13 proofs hold"), "\(ran.stderr)")
            #expect(ran.stderr.contains("removed schema partsync_demo"), "\(ran.stderr)")
            let schema = try await connection.query("SELECT to_regnamespace('partsync_demo') IS NULL").first!
                .decode(Bool.self, at: 0)
            #expect(schema, "the scratch schema is gone")
            let migrations = try await connection.query(
                "SELECT count(*) FROM partsync.migrations WHERE source_schema = 'partsync_demo'").first!.decode(Int.self, at: 0)
            #expect(migrations == 0, "no migration state is left behind")
            let report = try JSONDecoder().decode(DemoReport.self, from: Data(contentsOf: out.appendingPathComponent("demo.json")))
            #expect(report.passed && report.schema == "partsync_demo")
            await connection.close()
        }
    }
}
