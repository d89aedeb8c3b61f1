import Foundation
@testable import PartSync
import PostgresClient
import Testing
import TestSupport

/// The HTML verify report (pure, no server) and the query check (against a real server).
@Suite struct ReportTests {
    static func period(_ start: String, _ source: Int64, _ target: Int64, same: Bool = true) -> VerifyReport.Period {
        VerifyReport.Period(period: start, sourceRows: source, targetRows: target, sourceChecksum: "123456789",
                            targetChecksum: same ? "123456789" : "-42")
    }

    static func report(divergent: [VerifyReport.Difference], inFlight: [VerifyReport.Difference] = []) -> VerifyReport {
        VerifyReport(
            table: "public.messages", source: "public.messages", target: "public.messages_partitioned",
            snapshotAt: "2024-07-01 12:00:00.123456+00", verdict: divergent.isEmpty ? .equal : .divergent, chunks: 12,
            mismatchedChunks: divergent.isEmpty ? 0 : 1, sourceRows: 3_000, targetRows: 2_999,
            periods: [period("2024-05-01 00:00:00+00", 1_500, 1_500),
                      period("2024-06-01 00:00:00+00", 1_500, 1_499, same: false)],
            divergent: divergent, inFlight: inFlight, inFlightKeys: inFlight.count, durationSeconds: 1.25, workers: 2,
            partsyncVersion: "0.0.0-test", method: "row hash: hashtextextended(ROW(every column)::text, 0)",
            mode: .oneSnapshot, snapshots: 1, longestSnapshotSeconds: 1.2, touchedKeys: 0)
    }

    static let hostile = VerifyReport.Difference(key: ["<b>&\"", "x'y"], class: .different, columns: ["<i>"],
                                                 partition: "p<1>")

    static func side(_ table: String, ms: Double, scanned: Int, total: Int, blocks: Int64) -> QueryCheck.Report.Side {
        QueryCheck.Report.Side(
            table: table, sql: "SELECT count(*) FROM \(table) WHERE a < 'x' && b > 2", medianMs: ms,
            medianPlanningMs: 0.1, runsMs: [ms, ms], sharedHitBlocks: blocks, sharedReadBlocks: 0, rows: 1,
            relations: [table], partitionsScanned: scanned, partitionsExecuted: scanned, partitionsTotal: total)
    }

    static let queries = QueryCheck.Report(
        source: "public.messages", target: "public.messages_partitioned", runs: 5, warmupRuns: 1,
        entries: [QueryCheck.Report.Entry(
            name: "one month of created_at (2024-05)",
            source: side("public.messages", ms: 2.3, scanned: 1, total: 1, blocks: 400),
            target: side("public.messages_2024_05", ms: 1.0, scanned: 1, total: 36, blocks: 40), ratio: 2.3)])

    @Test("the verdict comes first, then every divergent key, then the in-flight keys and the periods")
    func order() {
        let keys = (1...30).map { VerifyReport.Difference(key: ["\($0)"], class: .missing, columns: [], partition: nil) }
        let inFlight = [VerifyReport.Difference(key: ["in-flight-77"], class: .extra, columns: [], partition: "p")]
        let html = VerifyHTML.render(Self.report(divergent: keys, inFlight: inFlight), lag: [], queries: nil)
        let verdict = html.range(of: "DIVERGENT</div>")!.lowerBound
        let table = html.range(of: "<h2>Divergent keys</h2>")!.lowerBound
        #expect(verdict < table)
        for key in keys { #expect(html.contains("<code>\(key.key[0])</code>"), "key \(key.key[0])") }
        let flying = html.range(of: "in-flight-77")!.lowerBound
        let periods = html.range(of: "<h2>Per period")!.lowerBound
        #expect(table < flying && flying < periods)
        #expect(html.contains("class=\"mismatch\""), "the differing period is highlighted")
        let equal = VerifyHTML.render(Self.report(divergent: []), lag: [], queries: nil)
        #expect(equal.contains("class=\"verdict equal\">EQUAL</div>"))
    }

    @Test("every string from the report is escaped: a key <b>&\" shows as text, never as markup")
    func escaping() {
        let html = VerifyHTML.render(Self.report(divergent: [Self.hostile]), lag: [], queries: Self.queries)
        #expect(html.contains("<code>(&lt;b&gt;&amp;&quot;, x&#39;y)</code>"))
        #expect(html.contains("&lt;i&gt;") && html.contains("p&lt;1&gt;"))
        #expect(!html.contains("<b>") && !html.contains("<i>") && !html.contains("&\"") && !html.contains("p<1>"))
        #expect(html.contains("WHERE a &lt; &#39;x&#39; &amp;&amp; b &gt; 2"), "the query check's SQL is escaped")
    }

    @Test("the page is self-contained: no script, no address, no import, no url() — with charts and queries")
    func selfContained() {
        let lag = (10..<30).map { (second: Int) -> LagSample in
            LagSample(at: "2024-07-01 12:00:\(second)+00", pending: Int64(second * 3),
                      oldestAgeSeconds: second % 5 == 0 ? nil : Double(second) / 2)
        }
        let html = VerifyHTML.render(Self.report(divergent: [Self.hostile]), lag: lag, queries: Self.queries)
        for forbidden in ["http:", "https:", "//", "src=", "href=", "<script", "@import", "url(", "xmlns", "<link",
                          "<img", "<iframe"] {
            #expect(!html.lowercased().contains(forbidden), "the page contains \(forbidden)")
        }
        #expect(html.contains("<svg") && html.contains("<polyline") && html.contains("<rect"))
        #expect(html.contains("<style>"))
    }

    @Test("the lag chart says so when there are no samples, and places samples by time")
    func lagChart() {
        let none = VerifyHTML.render(Self.report(divergent: []), lag: [], queries: nil)
        #expect(none.contains("No lag samples"))
        #expect(!none.contains("<polyline"))
        #expect(VerifyHTML.seconds(fromTimestamp: "1970-01-02 00:00:01.5+00") == 86_401.5)
        #expect(VerifyHTML.seconds(fromTimestamp: "1970-01-01T02:00:00+02") == 0)
        #expect(VerifyHTML.seconds(fromTimestamp: "1970-01-01 00:00:00Z") == 0)
        #expect(VerifyHTML.seconds(fromTimestamp: "yesterday") == nil)
    }

    @Test("the query check table says in plain words how much faster the target is and how much it pruned")
    func queryWords() {
        let html = VerifyHTML.render(Self.report(divergent: []), lag: [], queries: Self.queries)
        #expect(html.contains("target is 2.3× faster"))
        #expect(html.contains("pruning: 1 of 36 partitions scanned"))
        #expect(html.contains("target reads 10× fewer buffers"))
        #expect(html.range(of: "<h2>Charts</h2>")!.lowerBound < html.range(of: "<h2>Query check</h2>")!.lowerBound)
        var slower = Self.queries.entries[0]
        slower.ratio = 0.5
        #expect(VerifyHTML.summary(slower).first == "target is 2.0× slower")
        slower.ratio = 1.02
        #expect(VerifyHTML.summary(slower).first == "about as fast on both sides")
    }

    @Test("a plan's JSON gives execution time, the top node's buffers and each scanned relation")
    func explainJSON() throws {
        let json = """
            [{"Plan": {"Node Type": "Limit", "Actual Rows": 50, "Actual Loops": 1, "Shared Hit Blocks": 12,
              "Shared Read Blocks": 3, "Plans": [{"Node Type": "Append", "Actual Loops": 1, "Plans": [
                {"Node Type": "Index Scan", "Relation Name": "m_2024_06", "Actual Loops": 1, "Shared Hit Blocks": 12},
                {"Node Type": "Index Scan", "Relation Name": "m_2024_05", "Actual Loops": 0},
                {"Node Type": "Bitmap Heap Scan", "Relation Name": "m_2024_04", "Actual Loops": 0,
                 "Plans": [{"Node Type": "Bitmap Index Scan", "Index Name": "m_2024_04_idx", "Actual Loops": 0}]}]}]},
              "Planning Time": 0.25, "Triggers": [], "Execution Time": 1.5}]
            """
        let explain = try QueryCheck.Explain(json: json)
        #expect(explain.executionMs == 1.5 && explain.planningMs == 0.25)
        #expect(explain.sharedHitBlocks == 12 && explain.sharedReadBlocks == 3 && explain.rows == 50)
        #expect(explain.relations == ["m_2024_06": true, "m_2024_05": false, "m_2024_04": false])
        let side = QueryCheck.side("t", "sql", [explain], leaves: ["m_2024_06", "m_2024_05", "m_2024_04", "m_2024_03"])
        #expect(side.partitionsScanned == 3 && side.partitionsExecuted == 1 && side.partitionsPruned == 1)
        #expect(QueryCheck.median([5, 1, 3]) == 3 && QueryCheck.median([4, 1, 3, 2]) == 2.5)
        #expect(throws: PostgresError.self) { try QueryCheck.Explain(json: "not json") }
    }

    @Test("a --query file: statements split on ;, named by -- name: lines, numbered when unnamed")
    func queryFile() throws {
        let file = """
            -- Queries the app runs most.
            -- name: one user's recent rows
            SELECT * FROM {table} WHERE user_id = 7 AND note <> 'a;b' ORDER BY created_at DESC LIMIT 50;

            /* no name; a ; in a comment */
            SELECT count(*) FROM {table} WHERE note = $$x;y$$ ;
            -- name:   by month
            WITH m AS (SELECT date_trunc('month', created_at) AS m FROM {table}) SELECT m, count(*) FROM m GROUP BY m;
            -- trailing comment only
            """
        let queries = try QueryCheck.parse(file)
        #expect(queries.map(\.name) == ["one user's recent rows", "query 2", "by month"])
        #expect(queries[0].sql == "SELECT * FROM {table} WHERE user_id = 7 AND note <> 'a;b' ORDER BY created_at DESC LIMIT 50")
        #expect(queries[1].sql == "SELECT count(*) FROM {table} WHERE note = $$x;y$$")
        #expect(queries[0].sql(for: SQLIdentifier(schema: "public", name: "t p")).contains("FROM \"public\".\"t p\" WHERE"))
    }

    @Test("a query that is not a SELECT, or lacks {table}, is refused as bad usage")
    func refusedInFile() {
        for text in ["-- name: wipe\nDELETE FROM {table}", "UPDATE {table} SET a = 1", "SELECT 1", "-- nothing", "",
                     "EXPLAIN SELECT * FROM {table}"] {
            #expect(throws: PartSyncError.self, "\(text)") { try QueryCheck.parse(text) }
            do {
                _ = try QueryCheck.parse(text)
            } catch let error as PartSyncError {
                #expect(error.kind == .usage)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
        #expect(throws: Never.self) { try QueryCheck.parse("(SELECT 1 FROM {table})") }
    }

    // MARK: Against a server

    /// Users 1…8 over 2024-01 … 2024-06, with an index on (user_id, created_at); the target gets monthly
    /// partitions through three months after today.
    static let events = """
        CREATE TABLE events (
            id bigint PRIMARY KEY, user_id int NOT NULL, kind text NOT NULL, created_at timestamptz NOT NULL);
        CREATE INDEX events_user_created ON events (user_id, created_at);
        CREATE INDEX events_kind_partial ON events (kind) WHERE kind <> 'view';
        INSERT INTO events
        SELECT g, 1 + g % 8 + CASE WHEN g % 3 = 0 THEN 0 ELSE g % 2 END, (ARRAY['view', 'click'])[1 + g % 2],
               timestamptz '2024-01-01 00:00:00+00' + ((g * 157) % (178 * 1440)) * interval '1 minute'
        FROM generate_series(1, 6000) g;
        ANALYZE events;
        """

    static func context(_ database: TestDatabase) async throws -> (Connection, MigrationContext) {
        let connection = try await VerifyTests.backfilled(database, setup: Self.events, table: "events")
        try await connection.execute("ANALYZE events_partitioned")
        return (connection, try await MigrationContext.load(table: "events", on: connection, phase: .syncing))
    }

    @Test("default queries are one month and one user; the target's month query scans one of its partitions")
    func defaultQueries() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.context(database)
            let queries = try await QueryCheck.defaultQueries(on: connection, context: context)
            #expect(queries.count == 2, "\(queries)")
            #expect(queries.first?.name == "one month of created_at (2024-05)")
            #expect(queries.first?.sql == "SELECT count(*) FROM {table} WHERE \"created_at\" >= '2024-05-01 00:00:00+00' "
                + "AND \"created_at\" < '2024-06-01 00:00:00+00'")
            #expect(queries.last?.name == "one user_id: newest 50 by created_at")
            #expect(queries.last?.sql.contains("WHERE \"user_id\" = '") == true, "\(queries)")
            #expect(queries.last?.sql.hasSuffix("ORDER BY \"created_at\" DESC LIMIT 50") == true)
            // The user is the most common one of the sample: the user with the most rows.
            let common = try await connection.query(
                "SELECT user_id FROM events GROUP BY 1 ORDER BY count(*) DESC, user_id::text LIMIT 1").first?[0]
            #expect(queries.last?.sql.contains("= '\(common ?? "")'") == true, "\(queries)")

            let report = try await QueryCheck(runs: 3).run(on: connection, context: context)
            #expect(report.runs == 3 && report.warmupRuns == 1 && report.entries.count == 2)
            let month = try #require(report.entries.first)
            #expect(month.target.partitionsTotal > 3, "the target has several partitions")
            #expect(month.target.partitionsScanned == 1)
            #expect(month.target.relations == ["events_2024_05"])
            #expect(month.target.partitionsPruned == month.target.partitionsTotal - 1)
            #expect(month.source.partitionsScanned == 1 && month.source.partitionsTotal == 1)
            #expect(month.source.relations == ["events"])
            #expect(month.source.runsMs.count == 3 && month.target.runsMs.count == 3)
            #expect(month.source.medianMs > 0 && month.target.medianMs > 0 && month.ratio != nil)
            #expect(month.source.sharedBlocks > 0 && month.target.sharedBlocks > 0)
            #expect(month.source.sql.contains("FROM \"public\".\"events\" WHERE"))
            #expect(month.target.sql.contains("FROM \"public\".\"events_partitioned\" WHERE"))
            let user = report.entries[1]
            #expect(user.source.rows == 50 && user.target.rows == 50)

            let verify = try await Verifier(configuration: database.configuration, table: "events").run()
            let html = VerifyHTML.render(verify.report, lag: [], queries: report)
            #expect(html.contains("pruning: 1 of \(month.target.partitionsTotal) partitions scanned"))
            #expect(html.contains("one user_id: newest 50 by created_at"))
            #expect(!html.contains("http:") && !html.contains("<script"))
        }
    }

    @Test("a --query file runs on both sides under its names; a non-SELECT is refused and nothing is changed")
    func configuredQueries() async throws {
        try await TestDatabase.with { database in
            let (connection, context) = try await Self.context(database)
            let file = """
                -- name: newest five
                SELECT id FROM {table} ORDER BY created_at DESC LIMIT 5;
                -- name: clicks in March
                SELECT count(*) FROM {table} WHERE kind = 'click'
                    AND created_at >= '2024-03-01 00:00:00+00' AND created_at < '2024-04-01 00:00:00+00';
                """
            let report = try await QueryCheck(queries: try QueryCheck.parse(file), runs: 1)
                .run(on: connection, context: context)
            #expect(report.entries.map(\.name) == ["newest five", "clicks in March"])
            #expect(report.entries[0].target.rows == 5)
            #expect(report.entries[1].target.partitionsScanned == 1)

            let before = try await connection.query("SELECT count(*) FROM events").first?[0]
            await #expect(throws: PartSyncError.self) {
                try await QueryCheck(queries: [.init(name: "wipe", sql: "DELETE FROM {table}")])
                    .run(on: connection, context: context)
            }
            do {
                _ = try await QueryCheck(queries: [.init(name: "wipe", sql: "DELETE FROM {table}")])
                    .run(on: connection, context: context)
            } catch let error as PartSyncError {
                #expect(error.kind == .usage && error.description.contains("\"wipe\" is not a SELECT"), "\(error)")
                #expect(error.table == "public.events")
            }
            // A data-modifying WITH passes the keyword check, and the READ ONLY transaction stops it.
            await #expect(throws: PartSyncError.self) {
                let sneaky = "WITH d AS (DELETE FROM {table} RETURNING 1) SELECT count(*) FROM d"
                _ = try await QueryCheck(queries: [.init(name: "sneaky", sql: sneaky)]).run(on: connection, context: context)
            }
            #expect(try await connection.query("SELECT count(*) FROM events").first?[0] == before)
            #expect(try await connection.query("SELECT count(*) FROM events_partitioned").first?[0] == before)
        }
    }

    @Test("verify --html writes the page: verdict, every divergent key, the query check, no external URL; --query is used")
    func htmlFromTheCommandLine() async throws {
        try await TestDatabase.with { database in
            let connection = try await VerifyTests.backfilled(database, setup: VerifyTests.things, table: "things")
            try await VerifyBoundedTests.injectThree(connection)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("html-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let html = directory.appendingPathComponent("verify.html").path
            let json = directory.appendingPathComponent("verify.json").path
            let queries = directory.appendingPathComponent("queries.sql").path
            try "-- name: one label\nSELECT * FROM {table} WHERE label = 'label 7';\n"
                .write(toFile: queries, atomically: true, encoding: .utf8)
            let environment = ["DATABASE_URL": database.configuration.conninfo]
            let run = try await Products.run("partsync", ["verify", "--table", "things", "--html", html, "--report", json,
                                                    "--query", queries, "--query-runs", "2"], environment: environment)
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stderr.contains("one label: source"), "the query check is summed up: \(run.stderr)")
            let page = try String(contentsOfFile: html, encoding: .utf8)
            let verdict = try #require(page.range(of: "DIVERGENT"))
            for key in ["<code>10</code>", "<code>5000</code>", "<code>1234</code>"] {
                let found = try #require(page.range(of: key), "key \(key) is on the page")
                #expect(verdict.lowerBound < found.lowerBound, "the verdict comes first")
            }
            #expect(page.contains("one label"))
            for forbidden in ["http:", "https:", "//", "src=", "href=", "<script", "url("] {
                #expect(!page.lowercased().contains(forbidden), "the page contains \(forbidden)")
            }
            let report = try JSONDecoder().decode(VerifyReport.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
            #expect(report.queries?.entries.map(\.name) == ["one label"])
            #expect(report.queries?.runs == 2)

            let bad = directory.appendingPathComponent("bad.sql").path
            try "DELETE FROM {table};".write(toFile: bad, atomically: true, encoding: .utf8)
            let refused = try await Products.run("partsync", ["verify", "--table", "things", "--query", bad],
                                           environment: environment)
            #expect(refused.status == 2, "\(refused.stderr)")
            #expect(try await connection.query("SELECT count(*) FROM partsync.verifications").first?[0] == "1",
                    "a bad query file is refused before anything runs")
        }
    }
}
