import Foundation
import PartSync
import PostgresClient

/// Write throughput with the capture triggers ÷ without, as back-to-back pairs (without, with, without, with, …)
/// on the same table: single-row statements from pgbench clients and one bulk statement.
struct WriteBench: Sendable {
    let session: BenchSession
    let table: BenchTable
    let pgbenchSeconds: Int
    let pairs: Int
    let bulkRows: Int
    let tableRows: Int

    enum Workload: String, Sendable, CaseIterable {
        case insert = "INSERT"
        case update = "UPDATE"
    }

    func measure(into results: inout Measurements) async throws {
        try await Migrations.abandon(table.identifier, on: session.connection)
        try Migrations.prepare(table, session: session)
        guard let capture = try await StateStore(session.connection).migration(forTable: table.identifier.sql)?
            .capture(.forward)
        else {
            throw BenchError("partsync prepare left no migration of \(table.argument)")
        }
        let scripts = try writeScripts()
        defer { for path in scripts.values { unlink(path) } }
        for workload in Workload.allCases {
            for clients in [2, 8] {
                let script = scripts[workload]!
                session.log("writes: single-row \(workload.rawValue), \(clients) clients, \(pairs) pairs")
                let (without, with) = try await pairs { try await pgbench(script, clients: clients) }
                    toggle: { try await setCapture($0, capture) }
                results.addKept("single-row \(workload.rawValue), \(clients) clients: TPS with capture ÷ without",
                                BenchMath.pairRatios(without: without, with: with), target: .atLeast(0.95),
                                note: "TPS without \(BenchMath.list(without)); with \(BenchMath.list(with))")
            }
        }
        let bulk = min(bulkRows, tableRows)
        for statement in ["INSERT … SELECT", "UPDATE"] {
            session.log("writes: bulk \(statement) of \(bulk) rows, \(pairs) pairs")
            let (without, with) = try await pairs {
                statement == "UPDATE" ? try await bulkUpdate(rows: bulk, capture) : try await bulkInsert(rows: bulk, capture)
            } toggle: { try await setCapture($0, capture) }
            results.addKept("bulk \(statement) of \(bulk) rows: with capture ÷ without",
                            BenchMath.pairRatios(withoutSeconds: without, withSeconds: with), target: .atLeast(0.80),
                            note: "seconds without \(BenchMath.list(without)); with \(BenchMath.list(with))")
        }
        try await Migrations.abandon(table.identifier, on: session.connection)
    }

    /// Runs `measure` in `pairs` back-to-back pairs, capture off then on; returns the two series in pair order.
    private func pairs(
        _ measure: () async throws -> Double, toggle: (Bool) async throws -> Void
    ) async throws -> (without: [Double], with: [Double]) {
        var without: [Double] = []
        var with: [Double] = []
        for _ in 0..<pairs {
            try await toggle(false)
            without.append(try await measure())
            try await toggle(true)
            with.append(try await measure())
        }
        try await toggle(false)
        return (without, with)
    }

    /// Turns the capture triggers on or off, and empties the change log so every run starts from the same log.
    private func setCapture(_ on: Bool, _ capture: CaptureRecord) async throws {
        let action = on ? "ENABLE" : "DISABLE"
        for trigger in [CaptureSQL.insertTrigger, CaptureSQL.updateTrigger, CaptureSQL.deleteTrigger] {
            try await session.connection.execute(
                "ALTER TABLE \(table.identifier.sql) \(action) TRIGGER \(SQLIdentifier.quote(trigger))")
        }
        try await session.connection.execute("TRUNCATE \(capture.log.sql)")
    }

    /// pgbench for `pgbenchSeconds` with `clients` connections; returns its TPS.
    private func pgbench(_ script: String, clients: Int) async throws -> Double {
        await session.checkpoint()
        let threads = min(clients, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let run = try ChildRun.run(session.pgbench, [
            "-n", "-c", String(clients), "-j", String(threads), "-T", String(pgbenchSeconds), "-f", script,
            session.conninfo,
        ]).check("pgbench -c \(clients) -f \(script)")
        guard let tps = BenchMath.pgbenchTPS(run.stdout) else {
            throw BenchError("no TPS in pgbench's output:\n\(run.stdout.suffix(1000))")
        }
        return tps
    }

    /// One INSERT … SELECT of `rows` new rows, timed; the rows are removed (capture off) afterwards.
    private func bulkInsert(rows: Int, _ capture: CaptureRecord) async throws -> Double {
        let before = try await session.connection.query("SELECT coalesce(max(id), 0) FROM \(table.identifier.sql)")
            .first!.decode(Int64.self, at: 0)
        let seconds = try await session.timed(
            "INSERT INTO \(table.identifier.sql) (\(table.insertColumns)) \(table.rowsSelect)", [1, rows, rows])
        try await withCaptureOffAfterwards(capture) {
            try await session.connection.query("DELETE FROM \(table.identifier.sql) WHERE id > $1", [before])
        }
        return seconds
    }

    /// One UPDATE of `rows` existing rows, timed.
    private func bulkUpdate(rows: Int, _ capture: CaptureRecord) async throws -> Double {
        // The seeded keys are 1 … tableRows.
        let seconds = try await session.timed(
            "UPDATE \(table.identifier.sql) SET tokens = tokens + 1 WHERE id <= $1", [rows])
        try await withCaptureOffAfterwards(capture) {}
        return seconds
    }

    /// Clean-up after a bulk run, outside the timing: with capture off, `body`, then VACUUM so the next run
    /// finds the table as this one did. Capture is set again by the next run's toggle.
    private func withCaptureOffAfterwards(_ capture: CaptureRecord, _ body: () async throws -> Void) async throws {
        try await setCapture(false, capture)
        try await body()
        try await session.connection.execute("VACUUM \(table.identifier.sql)")
    }

    /// pgbench script files, one statement each: a new message, or one existing message's tokens bumped.
    private func writeScripts() throws -> [Workload: String] {
        let table = self.table.identifier.sql
        let insert = """
            \\set c random(0, 49999)
            INSERT INTO \(table) (conversation_id, user_id, role, content, tokens, metadata) VALUES (md5('c' || :c)::uuid, md5('u' || (:c % 5000))::uuid, 'user', repeat(md5(:c::text), 8), :c % 500, '{"model": "bench"}');

            """
        let update = """
            \\set id random(1, \(tableRows))
            UPDATE \(table) SET tokens = tokens + 1 WHERE id = :id;

            """
        var paths: [Workload: String] = [:]
        for (workload, text) in [(Workload.insert, insert), (.update, update)] {
            let path = NSTemporaryDirectory() + "/partsync-bench-\(getpid())-\(workload.rawValue.lowercased()).sql"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            paths[workload] = path
        }
        return paths
    }
}

extension Measurements {
    /// Throughput kept with capture: the median of the per-pair ratios.
    mutating func addKept(_ name: String, _ ratios: [Double], target: Target, note: String) {
        add(Figure(name, value: BenchMath.median(ratios), unit: "", target: target,
                   detail: "median of \(ratios.count) pair ratios \(BenchMath.list(ratios)); \(note)"),
            samples: ratios)
    }
}
