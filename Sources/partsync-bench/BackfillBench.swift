import PartSync
import PostgresClient

/// Backfill to a fully indexed partitioned twin: the two hand-written baselines against `partsync backfill`, on
/// the same source table, each run into a fresh target after a CHECKPOINT.
struct BackfillBench: Sendable {
    let session: BenchSession

    struct Variants: Sendable {
        /// Also the pgslice-style 10k-row keyset loop.
        var keysetLoop: Bool
        /// Also `partsync backfill --workers 2`.
        var twoWorkers: Bool
    }

    /// Measures one table `session.repeats` times, the variants interleaved in each repeat; returns the peak RSS
    /// samples (bytes) of the one-worker `partsync backfill`.
    @discardableResult
    func measure(_ table: BenchTable, _ variants: Variants, into results: inout Measurements) async throws -> [Double] {
        let label = table.keyType.rawValue
        var insertSelect: [Double] = []
        var loop: [Double] = []
        var partsync: [Double] = []
        var partsyncTwo: [Double] = []
        var rss: [Double] = []
        for repeatIndex in 1...session.repeats {
            session.log("\(label) backfill, repeat \(repeatIndex) of \(session.repeats)")
            insertSelect.append(try await baselineInsertSelect(table))
            if variants.keysetLoop { loop.append(try await baselineKeysetLoop(table)) }
            let one = try await partsyncBackfill(table, workers: 1)
            partsync.append(one.seconds)
            rss.append(Double(one.peakRSSBytes))
            if variants.twoWorkers { partsyncTwo.append(try await partsyncBackfill(table, workers: 2).seconds) }
        }
        let goal = Target.atLeast(1.5)
        results.addSeconds("\(label): one INSERT … SELECT", insertSelect)
        if variants.keysetLoop { results.addSeconds("\(label): 10k-row keyset loop", loop) }
        results.addSeconds("\(label): partsync backfill", partsync)
        if variants.twoWorkers { results.addSeconds("\(label): partsync backfill --workers 2", partsyncTwo) }
        results.addSpeedup("\(label): INSERT … SELECT ÷ partsync backfill", baseline: insertSelect,
                           candidate: partsync, target: goal)
        if variants.keysetLoop {
            results.addSpeedup("\(label): keyset loop ÷ partsync backfill", baseline: loop, candidate: partsync,
                               target: goal)
        }
        if variants.twoWorkers {
            // DESIGN.md sets the target for one worker; two are reported beside it.
            results.addSpeedup("\(label): INSERT … SELECT ÷ partsync --workers 2", baseline: insertSelect,
                               candidate: partsyncTwo, target: nil)
            if variants.keysetLoop {
                results.addSpeedup("\(label): keyset loop ÷ partsync --workers 2", baseline: loop,
                                   candidate: partsyncTwo, target: nil)
            }
        }
        return rss
    }

    /// Baseline 1: one `INSERT INTO target SELECT * FROM source`.
    func baselineInsertSelect(_ table: BenchTable) async throws -> Double {
        let target = try await createBaselineTarget(table)
        session.log("  one INSERT … SELECT into \(target.displayName)")
        let seconds = try await session.timed("INSERT INTO \(target.sql) SELECT * FROM \(table.identifier.sql)")
        try await finishBaseline(table, target: target)
        session.log("    \(BenchMath.format(seconds)) s")
        return seconds
    }

    /// Baseline 2, the way pgslice's fill copies: `INSERT … SELECT … WHERE id > $last ORDER BY id LIMIT 10000`,
    /// each statement its own transaction, until a statement copies nothing.
    func baselineKeysetLoop(_ table: BenchTable) async throws -> Double {
        let target = try await createBaselineTarget(table)
        let source = table.identifier.sql
        let first = """
            WITH copied AS (INSERT INTO \(target.sql) SELECT * FROM \(source) ORDER BY id LIMIT 10000 RETURNING id)
            SELECT (SELECT c.id::text FROM copied c ORDER BY c.id DESC LIMIT 1)
            """
        let next = """
            WITH copied AS (
                INSERT INTO \(target.sql) SELECT * FROM \(source) WHERE id > $1 ORDER BY id LIMIT 10000 RETURNING id
            )
            SELECT (SELECT c.id::text FROM copied c ORDER BY c.id DESC LIMIT 1)
            """
        session.log("  10k-row keyset loop into \(target.displayName)")
        await session.checkpoint()
        let started = ContinuousClock.now
        var last = try await session.connection.query(first).first?[0]
        while let key = last {
            last = try await session.connection.query(next, [key]).first?[0]
        }
        let seconds = (ContinuousClock.now - started).seconds
        try await finishBaseline(table, target: target)
        session.log("    \(BenchMath.format(seconds)) s")
        return seconds
    }

    /// partsync's own time: the whole `partsync backfill` child, from a fresh prepare to a fully copied and
    /// fully indexed target.
    func partsyncBackfill(_ table: BenchTable, workers: Int) async throws -> ChildRun {
        try await Migrations.abandon(table.identifier, on: session.connection)
        try Migrations.prepare(table, session: session)
        session.log("  partsync backfill --workers \(workers)")
        await session.checkpoint()
        var arguments = ["backfill", "--database-url", session.conninfo, "--table", table.argument]
        if workers != 1 { arguments += ["--workers", String(workers)] }
        let run = try ChildRun.run(session.partsync, arguments).check("partsync backfill --table \(table.argument)")
        session.log("    \(BenchMath.format(run.seconds)) s, peak RSS \(BenchMath.format(Double(run.peakRSSBytes) / 1_048_576)) MiB")
        guard let record = try await StateStore(session.connection).migration(forTable: table.identifier.sql) else {
            throw BenchError("partsync backfill left no migration of \(table.argument)")
        }
        try await expectCopy(of: table, in: record.target, what: "partsync backfill")
        let indexes = try await Migrations.validSecondaryIndexes(record.target, on: session.connection)
        if indexes < BenchTable.secondaryIndexes.count {
            session.log("warning: after partsync backfill \(record.target.displayName) has \(indexes) valid secondary "
                + "indexes, not \(BenchTable.secondaryIndexes.count): its time excludes building the rest")
        }
        try await Migrations.abandon(table.identifier, on: session.connection)
        return run
    }

    /// A fresh partitioned twin `<table>_baseline` with exactly the partitions, primary key and secondary indexes
    /// partsync would create: the planner's target DDL, no capture and no state.
    func createBaselineTarget(_ table: BenchTable) async throws -> SQLIdentifier {
        let name = table.name + "_baseline"
        try await session.connection.execute("DROP TABLE IF EXISTS \(SQLIdentifier(schema: BenchTable.schema, name: name).sql) CASCADE")
        let plan = try await Planner.plan(
            PlanOptions(table: table.argument, partitionKey: "created_at", target: name), on: session.connection)
        guard plan.blockers.isEmpty else {
            throw BenchError("the plan for \(table.argument) has blockers: \(plan.blockers)")
        }
        try await session.connection.withTransaction { tx in
            for statement in plan.targetStatements { try await tx.execute(statement) }
        }
        // partsync may create the secondary indexes `ON ONLY` the parent and build them per partition during
        // backfill; the baseline is the fully indexed target from the start, so it gets ordinary indexes.
        let indexes = try await session.connection.query(
            """
            SELECT c.relname, i.indisvalid FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = pg_catalog.to_regclass($1) AND NOT i.indisprimary
            """, [plan.target.sql])
        let allValid = try indexes.rows.allSatisfy { try $0.decode(Bool.self, at: 1) }
        if indexes.rows.count != BenchTable.secondaryIndexes.count || !allValid {
            for row in indexes.rows {
                let index = SQLIdentifier(schema: BenchTable.schema, name: try row.decode(String.self, at: 0))
                try await session.connection.execute("DROP INDEX \(index.sql)")
            }
            for statement in BenchTable.indexStatements(on: plan.target) {
                try await session.connection.execute(statement)
            }
        }
        return plan.target
    }

    private func finishBaseline(_ table: BenchTable, target: SQLIdentifier) async throws {
        try await expectCopy(of: table, in: target, what: "baseline")
        try await session.connection.execute("DROP TABLE \(target.sql) CASCADE")
    }

    private func expectCopy(of table: BenchTable, in target: SQLIdentifier, what: String) async throws {
        let source = try await session.count(table.identifier)
        let copied = try await session.count(target)
        guard source == copied else {
            throw BenchError("\(what) copied \(copied) of \(source) rows of \(table.argument)")
        }
    }
}
