import Foundation
import LocalPostgres
import PartSync
import PostgresClient

/// What a migration costs the application's writes, measured whole: the throughput of single-row and bulk
/// writes with nothing running, with partsync's capture while `partsync sync --follow` applies it, and with
/// PostgreSQL's logical replication into a partitioned copy in a second database of the same cluster — the
/// same job of writing every change a second time on the same server. Capture without an applier is measured
/// too, as a diagnostic (it is the trigger's share).
///
/// Fairness:
/// - The modes take turns in every round (the order rotates from round to round), so slow drift of the
///   machine (checkpoints, table growth, other load) spreads over all of them; each figure is the median of
///   its per-round ratios to the round's own "none" run.
/// - Only the mode being measured runs: the capture triggers are disabled outside the partsync and
///   capture-only runs, the follower is a child process started for its run and stopped after it, and the
///   subscription is disabled outside its runs (its slot is advanced past the other runs' WAL while it is
///   disabled, so it never decodes a backlog during a timed run).
/// - Logical replication is set up so that it really applies UPDATE and DELETE into a partitioned copy. The
///   copy's unique key has to include the partition key, and with the source's default replica identity (its
///   primary key alone) the subscriber refuses every UPDATE and DELETE ("publisher did not send replica
///   identity column expected by the logical replication target relation") and stops applying — it then
///   costs nothing because it does nothing. The source therefore has `REPLICA IDENTITY FULL` during the
///   logical-replication runs (only then), the one setting that makes it work without a new index on the
///   source, and its extra WAL is part of what it costs.
/// - Every partsync and logical-replication run must keep up: the time from pgbench's end until everything it
///   wrote is applied is reported with each round, and a single-row partsync run that needed more than `keptUpSeconds`
///   does not count as cheaper (the figure's target is then not met). Logical replication's apply is checked
///   by its error counter and, for deletes and partition-key moves, by comparing the rows they touched.
/// - DELETE and partition-key UPDATE take each row once: before each such run, fresh rows are inserted (not
///   timed, with the mode's capture active, and applied before the run starts) and the statements take them
///   in order through a counter, so every statement finds its row in every mode.
struct WriteCostBench: Sendable {
    let session: BenchSession
    let table: BenchTable
    let pgbenchSeconds: Int
    let rounds: Int
    let bulkRows: Int
    let tableRows: Int
    /// How the migration captures: with `wal` there is no trigger, so no "capture only" mode either (a slot
    /// nobody reads costs the writers nothing but its WAL), and the figures are named "partsync (wal)".
    var capture: CaptureMethod = .trigger

    /// The modes measured, in the order of the first round.
    var modes: [Mode] { capture == .wal ? [.none, .partsync, .logical] : Mode.allCases }
    /// partsync's name in the figures.
    var partsyncName: String { capture == .wal ? "partsync (wal)" : "partsync" }

    /// A partsync run whose writes were not all applied this long after pgbench ended did not keep up.
    static let keptUpSeconds = 2.0
    static let clientCounts = [2, 8]

    enum Mode: String, CaseIterable, Sendable {
        case none
        case captureOnly = "capture only"
        case partsync
        case logical = "logical replication"
    }

    enum Kind: String, CaseIterable, Sendable {
        case insert = "INSERT"
        case update = "UPDATE"
        case delete = "DELETE"
        case keyMove = "partition-key UPDATE"

        /// Whether each statement takes one of the rows inserted before the run.
        var takesFreshRows: Bool { self == .delete || self == .keyMove }
    }

    /// One timed run: its throughput (TPS, or rows/s for bulk) and, where something applies the writes, how
    /// long after the end that took.
    struct Run: Sendable {
        var throughput: Double
        var applySeconds: Double?
    }

    func measure(into results: inout Measurements) async throws {
        try await Migrations.abandon(table.identifier, on: session.connection)
        try Migrations.prepare(table, session: session, capture: capture)
        try ChildRun.run(session.partsync, [
            "backfill", "--database-url", session.conninfo, "--table", table.argument,
        ]).check("partsync backfill --table \(table.argument)")
        guard let record = try await StateStore(session.connection).migration(forTable: table.identifier.sql),
              let capture = record.capture(.forward)
        else {
            throw BenchError("partsync prepare left no migration of \(table.argument)")
        }
        let admin = ConnectionConfiguration(conninfo: session.conninfo, applicationName: "partsync-bench")
        let replica = try await LogicalCopy.create(of: table, target: record.target, admin: admin, session: session)
        let modes = Modes(session: session, table: table, record: record, capture: capture, replica: replica)
        do {
            try await session.connection.execute(
                "CREATE SEQUENCE IF NOT EXISTS \(Self.counter.sql) MINVALUE 0 START 0")
            let scripts = try Scripts(table: table.identifier, tableRows: tableRows)
            defer { scripts.remove() }
            try await measureSingleRow(modes, scripts, into: &results)
            try await measureBulk(modes, into: &results)
            try await modes.set(.none)
            try await replica.drop()
        } catch {
            try? await modes.set(.none)
            try? await replica.drop()
            throw error
        }
        try await session.connection.execute("DROP SEQUENCE IF EXISTS \(Self.counter.sql)")
        try await Migrations.abandon(table.identifier, on: session.connection)
    }

    /// The counter DELETE and partition-key UPDATE take their rows by.
    static let counter = SQLIdentifier(schema: BenchTable.schema, name: "write_cost_counter")

    private func measureSingleRow(_ modes: Modes, _ scripts: Scripts, into results: inout Measurements) async throws {
        var fastest: [Int: Double] = [:]
        for kind in Kind.allCases {
            for clients in Self.clientCounts {
                session.log("writes: single-row \(kind.rawValue), \(clients) clients, \(rounds) rounds of "
                            + self.modes.map(name).joined(separator: " | "))
                var runs: [Mode: [Run]] = [:]
                for round in 0..<rounds {
                    for mode in Self.rotated(self.modes, by: round) {
                        try await modes.set(mode)
                        var fresh: ClosedRange<Int64>?
                        if kind.takesFreshRows {
                            // Room for three times the fastest single-row rate seen at this client count (a
                            // DELETE can outrun the INSERTs and UPDATEs it is sized by; a short run's rate is noisy).
                            let perSecond = max(10_000, 3 * (fastest[clients] ?? 10_000))
                            let rows = Int(perSecond * Double(pgbenchSeconds))
                            fresh = try await modes.insertFreshRows(rows, mode)
                        }
                        let tps = try await pgbench(scripts.path(kind), clients: clients, base: fresh?.lowerBound)
                        let applied = try await modes.waitUntilApplied(mode)
                        if let fresh {
                            try await checkFreshRows(fresh, modes, mode, kind)
                        }
                        fastest[clients] = max(fastest[clients] ?? 0, tps)
                        runs[mode, default: []].append(Run(throughput: tps, applySeconds: applied))
                        session.log("  round \(round + 1), \(name(mode)): \(Int(tps)) TPS"
                                    + (applied.map { ", applied \(BenchMath.format($0)) s after the end" } ?? ""))
                    }
                }
                try await modes.set(.none)
                add("single-row \(kind.rawValue), \(clients) clients", runs, unit: "TPS", into: &results)
            }
        }
    }

    private func measureBulk(_ modes: Modes, into results: inout Measurements) async throws {
        let rows = min(bulkRows, tableRows)
        let source = table.identifier.sql
        for statement in ["INSERT … SELECT", "UPDATE"] {
            session.log("writes: bulk \(statement) of \(rows) rows, \(rounds) rounds")
            var runs: [Mode: [Run]] = [:]
            for round in 0..<rounds {
                for mode in Self.rotated(self.modes, by: round) {
                    try await modes.set(mode)
                    let seconds: Double
                    var inserted: Int64 = 0
                    if statement == "UPDATE" {
                        // The seeded keys are 1 … tableRows.
                        seconds = try await session.timed(
                            "UPDATE \(source) SET tokens = tokens + 1 WHERE id <= $1", [rows])
                    } else {
                        inserted = try await session.connection.query("SELECT coalesce(max(id), 0) FROM \(source)")
                            .first!.decode(Int64.self, at: 0)
                        seconds = try await session.timed(
                            "INSERT INTO \(source) (\(table.insertColumns)) \(table.rowsSelect)", [1, rows, rows])
                    }
                    let applied = try await modes.waitUntilApplied(mode, timeout: .seconds(600))
                    runs[mode, default: []].append(Run(throughput: Double(rows) / seconds, applySeconds: applied))
                    session.log("  round \(round + 1), \(name(mode)): \(BenchMath.format(seconds)) s"
                                + (applied.map { ", applied \(BenchMath.format($0)) s after the end" } ?? ""))
                    // Back to the table as it was, with nothing running: the copies keep the inserted rows (new
                    // ids every time, so they never collide).
                    try await modes.set(.none)
                    if statement != "UPDATE" {
                        try await session.connection.query("DELETE FROM \(source) WHERE id > $1", [inserted])
                    }
                    try await session.connection.execute("VACUUM \(source)")
                }
            }
            add("bulk \(statement) of \(rows) rows", runs, unit: "rows/s", into: &results)
        }
    }

    private func name(_ mode: Mode) -> String { mode == .partsync ? partsyncName : mode.rawValue }

    /// The figures of one workload: each mode's throughput ÷ the same round's "none", median over the rounds.
    /// partsync's target is logical replication's median (and, for bulk statements, DESIGN.md's 0.80 as well);
    /// for single-row writes it is not met when any partsync run fell behind.
    private func add(_ name: String, _ runs: [Mode: [Run]], unit: String, into results: inout Measurements) {
        let none = runs[.none]!.map(\.throughput)
        func ratios(_ mode: Mode) -> [Double] {
            BenchMath.pairRatios(without: none, with: runs[mode]!.map(\.throughput))
        }
        func listed(_ mode: Mode) -> String { BenchMath.list(runs[mode]!.map(\.throughput)) }
        func applied(_ mode: Mode) -> String {
            BenchMath.list(runs[mode]!.compactMap(\.applySeconds))
        }
        let bulk = unit != "TPS"
        let logical = BenchMath.median(ratios(.logical))
        // A bulk statement leaves a backlog by nature (logical replication's too): its apply time is reported,
        // not held against a bound.
        let keptUp = bulk || runs[.partsync]!.allSatisfy { ($0.applySeconds ?? .infinity) <= Self.keptUpSeconds }
        let partsyncTarget = Target.atLeast(bulk ? max(0.80, logical) : logical)
        var figure = Figure(
            "\(name): \(partsyncName) ÷ none", value: BenchMath.median(ratios(.partsync)), unit: "",
            target: partsyncTarget,
            detail: "median of \(rounds) round ratios \(BenchMath.list(ratios(.partsync))); "
                + "\(unit) none \(listed(.none)); "
                + "\(partsyncName) \(listed(.partsync)); applier done \(applied(.partsync)) s after each run"
                + (keptUp ? "" : " (fell behind: more than \(BenchMath.format(Self.keptUpSeconds)) s)")
                + "; target: logical replication's ratio" + (bulk ? " and at least 0.80" : ""))
        if !keptUp { figure.met = false }
        results.add(figure, samples: ratios(.partsync))
        results.add(Figure(
            "\(name): logical replication ÷ none", value: logical, unit: "",
            detail: "median of \(rounds) round ratios \(BenchMath.list(ratios(.logical))); \(unit) "
                + "\(listed(.logical)); subscriber done \(applied(.logical)) s after each run; "
                + "source with REPLICA IDENTITY FULL"), samples: ratios(.logical))
        guard runs[.captureOnly] != nil else { return }
        results.add(Figure(
            "\(name): capture only ÷ none", value: BenchMath.median(ratios(.captureOnly)), unit: "",
            target: .atLeast(bulk ? 0.80 : 0.95),
            detail: "diagnostic, no applier running: median of \(rounds) round ratios "
                + "\(BenchMath.list(ratios(.captureOnly))); \(unit) \(listed(.captureOnly))"),
            samples: ratios(.captureOnly))
    }

    /// After a DELETE or partition-key UPDATE run: the rows it took are in the same state in the copy that
    /// the mode keeps (the partitioned twin, or the subscriber's table) as in the source.
    private func checkFreshRows(_ rows: ClosedRange<Int64>, _ modes: Modes, _ mode: Mode, _ kind: Kind) async throws {
        let used = try await session.connection.query("SELECT last_value FROM \(Self.counter.sql)")
            .first!.decode(Int64.self, at: 0)
        guard rows.lowerBound + used < rows.upperBound else {
            throw BenchError("the \(kind.rawValue) run (\(mode.rawValue)) took all \(rows.count) rows inserted for it: "
                             + "raise their number")
        }
        let copy: Connection
        let copyTable: SQLIdentifier
        switch mode {
        case .partsync: (copy, copyTable) = (session.connection, modes.record.target)
        case .logical: (copy, copyTable) = (modes.replica.subscriber, table.identifier)
        case .none, .captureOnly: return
        }
        let sql = { (table: SQLIdentifier) in
            "SELECT count(*), coalesce(sum(extract(epoch FROM created_at)), 0)::bigint FROM \(table.sql) "
                + "WHERE id BETWEEN $1 AND $2"
        }
        let bounds = [rows.lowerBound, rows.upperBound]
        let expected = try await session.connection.query(sql(table.identifier), bounds).first!
        let actual = try await copy.query(sql(copyTable), bounds).first!
        guard expected[0] == actual[0], expected[1] == actual[1] else {
            throw BenchError("after the \(kind.rawValue) run, \(mode.rawValue)'s copy differs from the source in ids "
                             + "\(rows): count/epoch-sum \(expected[0] ?? "?")/\(expected[1] ?? "?") in the source, "
                             + "\(actual[0] ?? "?")/\(actual[1] ?? "?") in \(copyTable.displayName)")
        }
    }

    /// pgbench for `pgbenchSeconds` with `clients` connections; returns its TPS. `base`: the first fresh row.
    private func pgbench(_ script: String, clients: Int, base: Int64?) async throws -> Double {
        await session.checkpoint()
        if base != nil { try await session.connection.execute("ALTER SEQUENCE \(Self.counter.sql) RESTART") }
        let threads = min(clients, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let run = try ChildRun.run(session.pgbench, [
            "-n", "-c", String(clients), "-j", String(threads), "-T", String(pgbenchSeconds), "-f", script,
        ] + (base.map { ["-D", "base=\($0)"] } ?? []) + [session.conninfo]).check("pgbench -c \(clients) -f \(script)")
        guard let tps = BenchMath.pgbenchTPS(run.stdout) else {
            throw BenchError("no TPS in pgbench's output:\n\(run.stdout.suffix(1000))")
        }
        return tps
    }

    static func rotated<T>(_ items: [T], by count: Int) -> [T] {
        let shift = count % items.count
        return Array(items[shift...] + items[..<shift])
    }
}

extension WriteCostBench {
    /// pgbench script files, one statement each.
    struct Scripts {
        var paths: [Kind: String] = [:]

        init(table: SQLIdentifier, tableRows: Int) throws {
            let table = table.sql
            let next = "(SELECT :base + nextval('\(WriteCostBench.counter.sql)'))"
            let texts: [Kind: String] = [
                .insert: """
                    \\set c random(0, 49999)
                    INSERT INTO \(table) (conversation_id, user_id, role, content, tokens, metadata) VALUES (md5('c' || :c)::uuid, md5('u' || (:c % 5000))::uuid, 'user', repeat(md5(:c::text), 8), :c % 500, '{"model": "bench"}');

                    """,
                .update: """
                    \\set id random(1, \(tableRows))
                    UPDATE \(table) SET tokens = tokens + 1 WHERE id = :id;

                    """,
                .delete: "DELETE FROM \(table) WHERE id = \(next);\n",
                .keyMove: "UPDATE \(table) SET created_at = created_at + interval '40 days' WHERE id = \(next);\n",
            ]
            for (kind, text) in texts {
                let path = NSTemporaryDirectory() + "/partsync-bench-\(getpid())-\(kind).sql"
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                paths[kind] = path
            }
        }

        func path(_ kind: Kind) -> String { paths[kind]! }
        func remove() { for path in paths.values { unlink(path) } }
    }

    /// Switching between the modes, and waiting for what a mode runs to apply the writes.
    struct Modes: Sendable {
        let session: BenchSession
        let table: BenchTable
        let record: MigrationRecord
        let capture: CaptureRecord
        let replica: LogicalCopy
        private let follower = FollowerSlot()

        init(session: BenchSession, table: BenchTable, record: MigrationRecord, capture: CaptureRecord,
             replica: LogicalCopy) {
            self.session = session
            self.table = table
            self.record = record
            self.capture = capture
            self.replica = replica
        }

        /// Leaves every other mode and enters `mode`; `.none` stops everything. A WAL capture's slot is advanced
        /// past the other modes' writes before its run (as the trigger capture's log is emptied), so its decoder
        /// never reads a backlog during a timed run.
        func set(_ mode: Mode) async throws {
            try await follower.stop()
            try await replica.stop()
            try await setTriggers(false)
            try await session.connection.execute("TRUNCATE \(capture.log.sql)")
            switch mode {
            case .none: break
            case .captureOnly: try await setTriggers(true)
            case .partsync:
                try await setTriggers(true)
                if let slot = capture.slot {
                    try await session.connection.query(
                        "SELECT pg_catalog.pg_replication_slot_advance($1, pg_catalog.pg_current_wal_lsn())", [slot])
                }
                try await follower.start(session: session, table: table, migration: record.key)
            case .logical: try await replica.start()
            }
        }

        private func setTriggers(_ on: Bool) async throws {
            guard capture.method == .trigger else { return }
            let action = on ? "ENABLE" : "DISABLE"
            for trigger in [CaptureSQL.insertTrigger, CaptureSQL.updateTrigger, CaptureSQL.deleteTrigger] {
                try await session.connection.execute(
                    "ALTER TABLE \(table.identifier.sql) \(action) TRIGGER \(SQLIdentifier.quote(trigger))")
            }
        }

        /// Inserts `count` rows dated March 2024 (a partition-key UPDATE moves them 40 days on, into April) and
        /// waits until the mode has applied them; returns their ids (contiguous: nothing else inserts).
        func insertFreshRows(_ count: Int, _ mode: Mode) async throws -> ClosedRange<Int64> {
            let row = try await session.connection.query(
                """
                WITH inserted AS (
                    INSERT INTO \(table.identifier.sql)
                        (conversation_id, user_id, role, content, tokens, metadata, created_at)
                    SELECT md5('c' || g)::uuid, md5('u' || (g % 5000))::uuid, 'user', repeat(md5(g::text), 8), g % 500,
                           '{"model": "bench"}', timestamptz '2024-03-01 00:00:00+00' + g * interval '1 second'
                    FROM generate_series(1, $1::int) g
                    RETURNING id)
                SELECT min(id), max(id) FROM inserted
                """, [count]).first!
            let first = try row.decode(Int64.self, at: 0), last = try row.decode(Int64.self, at: 1)
            guard last - first + 1 == Int64(count) else {
                throw BenchError("the \(count) rows inserted for a run got ids \(first) … \(last), not contiguous")
            }
            _ = try await waitUntilApplied(mode, timeout: .seconds(300))
            if mode == .captureOnly { try await session.connection.execute("TRUNCATE \(capture.log.sql)") }
            return first...last
        }

        /// How long after this call the mode had applied every write committed before it (nil: nothing applies
        /// writes in this mode). partsync: its change log is empty. Logical replication: a marker row written
        /// now has reached the subscriber (it applies in commit order).
        func waitUntilApplied(_ mode: Mode, timeout: Duration = .seconds(120)) async throws -> Double? {
            let started = ContinuousClock.now
            switch mode {
            case .none, .captureOnly: return nil
            case .partsync:
                if capture.method == .wal {
                    // Everything committed so far is in the log once the decoder is past a marker committed now.
                    let marker = try await session.connection.query(
                        "SELECT pg_catalog.pg_logical_emit_message(true, 'partsync', 'bench')::text"
                    ).first!.decode(String.self, at: 0)
                    let decoded = "SELECT coalesce(decoded_lsn >= $1::pg_lsn, false) FROM partsync.captures "
                        + "WHERE migration = $2 AND direction = 'forward'"
                    while try await !session.connection.query(decoded, [marker, record.key]).first!.decode(Bool.self, at: 0) {
                        guard ContinuousClock.now - started < timeout else {
                            throw BenchError("partsync's decoder did not reach \(marker) within \(timeout)")
                        }
                        try await Task.sleep(for: .milliseconds(5))
                    }
                }
                let empty = "SELECT NOT EXISTS (SELECT 1 FROM \(capture.log.sql))"
                while try await !session.connection.query(empty).first!.decode(Bool.self, at: 0) {
                    guard ContinuousClock.now - started < timeout else {
                        throw BenchError("partsync's applier did not empty the change log within \(timeout)")
                    }
                    try await Task.sleep(for: .milliseconds(10))
                }
            case .logical:
                try await replica.waitForMarker(timeout: timeout)
            }
            return (ContinuousClock.now - started).seconds
        }
    }

    /// `partsync sync --follow` as a child process, started for a partsync run and stopped after it.
    final class FollowerSlot: @unchecked Sendable {
        // Invariant: used from one task at a time (the bench runs its steps in sequence).
        private var child: ChildProcess?

        func start(session: BenchSession, table: BenchTable, migration: String) async throws {
            let child = try ChildProcess.spawn(session.partsync, [
                "sync", "--follow", "--table", table.argument, "--database-url", session.conninfo, "--lag-every", "0",
            ])
            self.child = child
            // Ready once it has applied the log and sleeps on LISTEN.
            let started = ContinuousClock.now
            while try await !session.connection.query(
                "SELECT coalesce(bool_and(waiting AND backend_pid IS NOT NULL), false) FROM partsync.appliers "
                    + "WHERE migration = $1 AND direction = 'forward'", [migration]
            ).first!.decode(Bool.self, at: 0) {
                var status: Int32 = 0
                if waitpid(child.pid, &status, WNOHANG) == child.pid {
                    self.child = nil
                    throw BenchError("partsync sync --follow ended at once:\n\(child.stderr.suffix(2000))")
                }
                guard ContinuousClock.now - started < .seconds(60) else {
                    throw BenchError("partsync sync --follow did not start applying within 60 s")
                }
                try await Task.sleep(for: .milliseconds(20))
            }
        }

        /// SIGTERM: the batch in flight commits, the follower clears its waiting mark and exits 0.
        func stop() async throws {
            guard let child else { return }
            self.child = nil
            child.signal(SIGTERM)
            let status = await Task.detached { child.wait() }.value
            defer { child.removeOutput() }
            guard status == 0 else {
                throw BenchError("partsync sync --follow exited \(status):\n\(child.stderr.suffix(2000))")
            }
        }
    }
}
