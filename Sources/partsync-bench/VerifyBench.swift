import Foundation
import PartSync
import PostgresClient

/// `partsync verify` beside reladiff's hashdiff and one plain hash pass, on the same source and its partitioned
/// twin: both identical, then with 3 differences injected into the twin; and verify's peak RSS at two table sizes.
struct VerifyBench: Sendable {
    let session: BenchSession
    let table: BenchTable
    let tableRows: Int
    /// The smaller table of the memory figure.
    let smallRows: Int
    let reladiff: String
    /// The database as reladiff takes it (a URL).
    let reladiffURL: String
    /// `partsync verify --workers` and `reladiff --threads`.
    let workers = 2

    /// The differences injected into the twin, by key: what partsync must report and what reladiff must print.
    struct Injected: Sendable {
        var deleted: String
        var changed: String
        var extra: String

        /// partsync's classes by key.
        var expected: [String: String] { [deleted: "missing", changed: "different", extra: "extra"] }
        /// reladiff's signs by key: `-` only in the source, `+` only in the target, both for a changed row.
        var expectedSigns: [String: Set<String>] { [deleted: ["-"], changed: ["-", "+"], extra: ["+"]] }
    }

    func measure(into results: inout Measurements) async throws {
        let repeats = session.repeats
        let target = try await migrate(table)
        let larger = try await largerTable(table.identifier, target)
        session.log("verify: \(larger.displayName) is the larger table (pg_total_relation_size); one untimed hash "
            + "pass to warm the cache")
        _ = try await hashPass(larger)
        session.log("verify: reladiff's start-up (reladiff --version)")
        let startup = try ChildRun.run(reladiff, ["--version"]).check("reladiff --version")
        if !startup.stdout.contains("0.6") {
            session.log("warning: \(reladiff) is \(startup.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "
                + "not reladiff 0.6")
        }

        var hash: [Double] = []
        var identical = (partsync: [Double](), reladiff: [Double](), rss: [Double](), own: [Double]())
        for index in 1...repeats {
            session.log("verify, identical tables, repeat \(index) of \(repeats)")
            hash.append(try await hashPass(larger))
            let run = try partsyncVerify(table, injected: nil)
            identical.partsync.append(run.child.seconds)
            identical.rss.append(Double(run.child.peakRSSBytes))
            identical.own.append(run.report.durationSeconds)
            identical.reladiff.append(try reladiffDiff(table, target, injected: nil))
        }

        let injected = try await inject(into: target)
        var diffs = (partsync: [Double](), reladiff: [Double]())
        for index in 1...repeats {
            session.log("verify, 3 differences, repeat \(index) of \(repeats)")
            diffs.partsync.append(try partsyncVerify(table, injected: injected).child.seconds)
            diffs.reladiff.append(try reladiffDiff(table, target, injected: injected))
        }
        try await Migrations.abandon(table.identifier, on: session.connection)

        let smallRSS = try await smallTableRSS()

        results.addSeconds("one sum(hashtextextended(t::text, 0)) pass over \(larger.name)", hash)
        results.addSeconds("identical: partsync verify --workers \(workers)", identical.partsync)
        results.addSeconds("identical: partsync verify's own durationSeconds", identical.own)
        results.addSeconds("identical: reladiff --algorithm hashdiff --threads \(workers)", identical.reladiff)
        results.add(Figure("reladiff start-up (--version), included in its times", value: startup.seconds,
                           unit: "s", detail: "one run"), samples: [startup.seconds])
        results.addSpeedup("verify, identical: reladiff ÷ partsync", baseline: identical.reladiff,
                           candidate: identical.partsync, target: .atLeast(3))
        results.addSpeedup("verify, identical: partsync ÷ one hash pass", baseline: identical.partsync,
                           candidate: hash, target: .atMost(1.3))
        results.addSeconds("3 differences: partsync verify --workers \(workers)", diffs.partsync)
        results.addSeconds("3 differences: reladiff --algorithm hashdiff --threads \(workers)", diffs.reladiff)
        results.addSpeedup("verify, 3 differences: reladiff ÷ partsync", baseline: diffs.reladiff,
                           candidate: diffs.partsync, target: .atLeast(3))
        results.addPeakRSS(
            "partsync verify", small: (smallRows, smallRSS), large: (tableRows, identical.rss),
            ratioName: "verify peak RSS at \(tableRows) ÷ at \(smallRows) rows (flat in table size)",
            detail: "identical tables, --workers \(workers)")
    }

    /// `partsync prepare` and `partsync backfill --workers 2` (untimed), from nothing; checks the copy and that
    /// the change log is empty. Returns the twin.
    func migrate(_ table: BenchTable) async throws -> SQLIdentifier {
        try await Migrations.abandon(table.identifier, on: session.connection)
        try Migrations.prepare(table, session: session)
        session.log("verify: partsync backfill --workers 2 of \(table.argument) (untimed)")
        try ChildRun.run(session.partsync, [
            "backfill", "--database-url", session.conninfo, "--table", table.argument, "--workers", "2",
        ]).check("partsync backfill --table \(table.argument)")
        guard let record = try await StateStore(session.connection).migration(forTable: table.identifier.sql),
              let capture = record.capture(.forward)
        else {
            throw BenchError("partsync prepare and backfill left no migration of \(table.argument)")
        }
        let source = try await session.count(table.identifier)
        let copied = try await session.count(record.target)
        guard source == copied else { throw BenchError("partsync backfill copied \(copied) of \(source) rows") }
        let pending = try await session.count(capture.log)
        guard pending == 0 else { throw BenchError("the change log of \(table.argument) holds \(pending) entries") }
        // Hint bits and statistics of the fresh twin are set here, not in the first timed run.
        try await session.connection.execute("VACUUM (ANALYZE) \(record.target.sql)")
        return record.target
    }

    /// Whichever of the two is larger by `pg_total_relation_size` (a partitioned table: the sum of its tree).
    func largerTable(_ source: SQLIdentifier, _ target: SQLIdentifier) async throws -> SQLIdentifier {
        func size(_ table: SQLIdentifier) async throws -> Int64 {
            try await session.connection.query(
                """
                SELECT coalesce((SELECT sum(pg_catalog.pg_total_relation_size(relid))
                                 FROM pg_catalog.pg_partition_tree($1::regclass)),
                                pg_catalog.pg_total_relation_size($1::regclass))::int8
                """, [table.sql]).first!.decode(Int64.self, at: 0)
        }
        let source = try await size(source)
        let twin = try await size(target)
        session.log("verify: total size \(source / 1_048_576) MiB source, \(twin / 1_048_576) MiB twin")
        return twin > source ? target : self.table.identifier
    }

    /// One `SELECT sum(hashtextextended(t::text, 0)) FROM table t`: reading and hashing every row once.
    func hashPass(_ table: SQLIdentifier) async throws -> Double {
        let started = ContinuousClock.now
        try await session.connection.query("SELECT sum(pg_catalog.hashtextextended(t::text, 0)) FROM \(table.sql) t")
        let seconds = (ContinuousClock.now - started).seconds
        session.log("  hash pass over \(table.displayName): \(BenchMath.format(seconds)) s")
        return seconds
    }

    /// The fields of partsync's JSON report the bench checks.
    struct ReportSummary: Decodable {
        struct Difference: Decodable {
            var key: [String]
            var `class`: String
        }

        var verdict: String
        var divergent: [Difference]
        var inFlight: [Difference]
        var durationSeconds: Double
    }

    /// The whole `partsync verify --workers 2` child, timed from spawn to exit. Identical tables must exit 0 and
    /// report equal; with the injected differences it must exit 1 and report exactly those keys, divergent.
    func partsyncVerify(_ table: BenchTable, injected: Injected?) throws -> (child: ChildRun, report: ReportSummary) {
        let reportPath = NSTemporaryDirectory() + "/partsync-bench-verify-\(UUID().uuidString).json"
        defer { unlink(reportPath) }
        let run = try ChildRun.run(session.partsync, [
            "verify", "--database-url", session.conninfo, "--table", table.argument,
            "--workers", String(workers), "--report", reportPath,
        ])
        let what = "partsync verify --table \(table.argument)"
        guard run.status == (injected == nil ? 0 : 1) else {
            throw BenchError("\(what) exited with \(run.status), not \(injected == nil ? 0 : 1):\n"
                + "\(run.stderr.suffix(2000))")
        }
        let report = try JSONDecoder().decode(
            ReportSummary.self, from: Data(contentsOf: URL(fileURLWithPath: reportPath)))
        var found: [String: String] = [:]
        for difference in report.divergent { found[difference.key.joined(separator: ","), default: ""] += difference.class }
        let expected = injected?.expected ?? [:]
        guard found == expected, report.inFlight.isEmpty else {
            throw BenchError("\(what) reported \(found) divergent and \(report.inFlight.count) in flight; expected "
                + "\(expected) and none in flight")
        }
        session.log("  partsync verify: \(BenchMath.format(run.seconds)) s (its own \(BenchMath.format(report.durationSeconds)) s), "
            + "exit \(run.status), \(report.divergent.count) divergent, peak RSS "
            + "\(BenchMath.format(Double(run.peakRSSBytes) / 1_048_576)) MiB")
        return (run, report)
    }

    /// `reladiff DB source target -k id -c % --algorithm hashdiff --threads 2 --json`, timed from spawn to exit;
    /// checks that it prints exactly the injected differences (none for identical tables).
    func reladiffDiff(_ table: BenchTable, _ target: SQLIdentifier, injected: Injected?) throws -> Double {
        let run = try ChildRun.run(
            reladiff, Self.reladiffArguments(url: reladiffURL, source: table.identifier, target: target,
                                             threads: workers),
            // Its JSON lines are wrapped at the terminal's width, which is 80 columns without a terminal.
            environment: ["COLUMNS": "100000"]
        ).check("reladiff")
        let found = Self.reladiffKeys(run.stdout)
        let expected = injected?.expectedSigns ?? [:]
        guard found == expected else {
            throw BenchError("reladiff printed the differences \(found), expected \(expected):\n\(run.stdout.prefix(2000))")
        }
        session.log("  reladiff: \(BenchMath.format(run.seconds)) s, \(found.count) differing keys")
        return run.seconds
    }

    /// reladiff's arguments for the in-database diff of `source` and `target` on key `id`, comparing every column
    /// (`-c %` matches every column name).
    static func reladiffArguments(url: String, source: SQLIdentifier, target: SQLIdentifier, threads: Int) -> [String] {
        [url, "\(source.schema ?? "public").\(source.name)", "\(target.schema ?? "public").\(target.name)",
         "--key-columns", "id", "--columns", "%", "--algorithm", "hashdiff", "--threads", String(threads), "--json"]
    }

    /// The keys in reladiff's `--json` output (`["-", ["key", …]]` per line; `-`: the row of the first table,
    /// `+`: of the second), with the signs printed for each. A line that is not yet a whole JSON array is a wrapped
    /// one and continues on the next. Pure.
    static func reladiffKeys(_ output: String) -> [String: Set<String>] {
        var keys: [String: Set<String>] = [:]
        var pending = ""
        for line in output.split(separator: "\n") {
            pending += line
            guard let data = pending.data(using: .utf8),
                  let entry = try? JSONSerialization.jsonObject(with: data) as? [Any]
            else { continue }
            pending = ""
            guard entry.count == 2, let sign = entry[0] as? String, let values = entry[1] as? [Any],
                  let key = values.first
            else { continue }
            keys["\(key)", default: []].insert(sign)
        }
        return keys
    }

    /// Deletes one row of the twin, changes one value and adds one row that the source does not have (straight
    /// into the twin: only the source has capture triggers before cutover); checks the change log stays empty.
    func inject(into target: SQLIdentifier) async throws -> Injected {
        let deleted = tableRows / 3
        let changed = tableRows / 2
        let extra = try await session.connection.query("SELECT max(id) + 1 FROM \(table.identifier.sql)").first!
            .decode(Int64.self, at: 0)
        session.log("verify: injecting 3 differences into \(target.displayName): id \(deleted) deleted, tokens of "
            + "id \(changed) changed, id \(extra) added")
        try await session.connection.withTransaction { tx in
            try await tx.query("DELETE FROM \(target.sql) WHERE id = $1", [Int64(deleted)])
            try await tx.query("UPDATE \(target.sql) SET tokens = coalesce(tokens, 0) + 1 WHERE id = $1", [Int64(changed)])
            try await tx.query(
                """
                INSERT INTO \(target.sql) OVERRIDING SYSTEM VALUE
                SELECT $1::int8, conversation_id, user_id, role, content, tokens, metadata, created_at
                FROM \(table.identifier.sql) WHERE id = $2
                """, [extra, Int64(deleted + 1)])
        }
        guard let capture = try await StateStore(session.connection).migration(forTable: table.identifier.sql)?
            .capture(.forward)
        else { throw BenchError("no migration of \(table.argument)") }
        let pending = try await session.count(capture.log)
        guard pending == 0 else { throw BenchError("injecting into the twin wrote \(pending) change-log entries") }
        return Injected(deleted: String(deleted), changed: String(changed), extra: String(extra))
    }

    /// partsync verify's peak RSS on a second, smaller pair of tables (identical), `repeats` runs.
    func smallTableRSS() async throws -> [Double] {
        let small = BenchTable(name: "messages_verify_small", keyType: .bigint)
        session.log("verify memory: seeding \(small.argument) with \(smallRows) rows")
        try await small.seed(rows: smallRows, on: session.connection)
        _ = try await migrate(small)
        var samples: [Double] = []
        for index in 1...session.repeats {
            session.log("verify memory, \(smallRows) rows, repeat \(index) of \(session.repeats)")
            samples.append(Double(try partsyncVerify(small, injected: nil).child.peakRSSBytes))
        }
        try await Migrations.abandon(small.identifier, on: session.connection)
        try await session.connection.execute("DROP TABLE \(small.identifier.sql)")
        return samples
    }
}

/// The database URL reladiff takes, from the conninfo or URL the bench uses.
enum ReladiffURL {
    /// A URL is used as it is. A `key=value` conninfo becomes `postgresql://user[:password]@host:port/dbname`;
    /// a socket directory as host becomes 127.0.0.1 (the throwaway cluster listens on both; for another server
    /// pass --reladiff-url). Pure.
    static func from(conninfo: String) -> String {
        if conninfo.hasPrefix("postgresql://") || conninfo.hasPrefix("postgres://") { return conninfo }
        let values = parse(conninfo)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        var host = values["host"] ?? values["hostaddr"] ?? "127.0.0.1"
        if host.hasPrefix("/") || host.isEmpty { host = "127.0.0.1" }
        let user = values["user"] ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let password = values["password"].map { ":" + encoded($0) } ?? ""
        let port = values["port"].map { ":" + $0 } ?? ""
        return "postgresql://\(encoded(user))\(password)@\(host)\(port)/\(encoded(values["dbname"] ?? user))"
    }

    /// libpq's `key=value` pairs, values optionally in single quotes with backslash escapes. Pure.
    static func parse(_ conninfo: String) -> [String: String] {
        var values: [String: String] = [:]
        var characters = Substring(conninfo)
        while true {
            characters = characters.drop { $0.isWhitespace }
            guard let equals = characters.firstIndex(of: "=") else { break }
            let key = characters[..<equals].trimmingCharacters(in: .whitespaces)
            characters = characters[characters.index(after: equals)...].drop { $0 == " " }
            var value = ""
            if characters.first == "'" {
                characters = characters.dropFirst()
                while let character = characters.first, character != "'" {
                    characters = characters.dropFirst()
                    if character == "\\", let escaped = characters.first {
                        value.append(escaped)
                        characters = characters.dropFirst()
                    } else {
                        value.append(character)
                    }
                }
                characters = characters.dropFirst()
            } else {
                value = String(characters.prefix { !$0.isWhitespace })
                characters = characters.drop { !$0.isWhitespace }
            }
            values[key] = value
        }
        return values
    }
}
