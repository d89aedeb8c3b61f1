import Foundation
import Logging
import PartSync
import PostgresClient
import Workload

/// The stall a cutover and a rollback cause: 4 connections write to the table without pause (inserts,
/// updates, deletes, partition-key moves), `partsync sync --follow` runs, and each swap's longest writer
/// operation is measured from the writers' side; afterwards no write may have failed and every acknowledged
/// write must be in the table. Each repeat migrates the table afresh (prepare, backfill, sync, verify).
struct CutoverBench: Sendable {
    let session: BenchSession
    let rows: Int
    let writers = 4

    static let target = 200.0

    func measure(into results: inout Measurements) async throws {
        let table = BenchTable(name: "messages_cutover", keyType: .bigint)
        session.log("cutover: seeding \(table.argument) with \(rows) rows")
        try await table.seed(rows: rows, on: session.connection)
        var cutover: [Double] = [], rollback: [Double] = [], locked: [Double] = [], probe: [Double] = []
        var operations = 0
        var baselines: [Double] = []
        for index in 1...session.repeats {
            session.log("cutover, repeat \(index) of \(session.repeats): migrate, then cutover and rollback under "
                + "\(writers) writers")
            let run = try await once(table)
            session.log("cutover: under the lock: " + run.steps)
            cutover.append(run.cutover)
            rollback.append(run.rollback)
            locked += [run.cutoverLocked, run.rollbackLocked]
            probe += [run.cutoverProbe, run.rollbackProbe]
            operations += run.operations
            baselines.append(run.baseline)
            session.log(String(format: "cutover: longest write in a second before the swap %.0f ms", run.baseline))
            session.log(String(format: "cutover: writer stall %.0f ms (lock to commit %.0f ms), rollback %.0f ms "
                + "(lock to commit %.0f ms), %d writes, none failed, all present", run.cutover, run.cutoverLocked,
                run.rollback, run.rollbackLocked, run.operations))
        }
        let detail = "\(writers) writers, \(operations) writes over \(session.repeats) repeat(s), none failed; the "
            + "longest write in a second without a swap: " + BenchMath.list(baselines) + " ms; worst of: "
        results.add(Figure("cutover: longest writer stall (\(writers) writers)", value: cutover.max() ?? .nan, unit: "ms",
                           target: .atMost(Self.target), detail: detail + BenchMath.list(cutover) + " ms"),
                    samples: cutover)
        results.add(Figure("rollback: longest writer stall (\(writers) writers)", value: rollback.max() ?? .nan,
                           unit: "ms", target: .atMost(Self.target), detail: detail + BenchMath.list(rollback) + " ms"),
                    samples: rollback)
        results.add(Figure("swap: lock request to commit (cutover and rollback)", value: locked.max() ?? .nan,
                           unit: "ms", detail: "worst of " + BenchMath.list(locked) + " ms; probe writer's longest "
                            + "wait " + BenchMath.list(probe) + " ms"), samples: locked)
        try await session.connection.execute("DROP TABLE IF EXISTS \(table.identifier.sql) CASCADE")
    }

    struct Run {
        var cutover: Double, rollback: Double, cutoverLocked: Double, rollbackLocked: Double
        var cutoverProbe: Double, rollbackProbe: Double, operations: Int
        var steps: String
        /// The longest write in a second without a swap, for comparison.
        var baseline: Double
    }

    private func once(_ table: BenchTable) async throws -> Run {
        let connection = session.connection
        try await Migrations.abandon(table.identifier, on: connection)
        try Migrations.prepare(table, session: session)
        for arguments in [["backfill"], ["sync", "--until-caught-up"], ["verify"]] {
            try ChildRun.run(session.partsync, arguments + ["--database-url", session.conninfo, "--table", table.argument])
                .check("partsync \(arguments[0]) --table \(table.argument)")
        }
        let configuration = ConnectionConfiguration(conninfo: session.conninfo, applicationName: "partsync-bench")
        let quiet = Logger(label: "partsync-bench") { _ in SwiftLogNoOpLogHandler() }
        let stop = StopSignal()
        let follower = Task {
            try await SyncFollower(configuration: configuration, table: table.argument,
                                   options: .init(lagInterval: nil), logger: quiet).run(.follow, stop: stop)
        }
        let name = table.identifier.sql
        let load = WriteLoad(
            configuration: configuration,
            statements: WriteLoad.Statements(
                insert: "INSERT INTO \(name) (conversation_id, user_id, role, content, created_at) VALUES "
                    + "(gen_random_uuid(), gen_random_uuid(), 'user', $1, $2::timestamptz) RETURNING id",
                update: "UPDATE \(name) SET content = $2 WHERE id = $1",
                move: "UPDATE \(name) SET created_at = $2::timestamptz WHERE id = $1",
                delete: "DELETE FROM \(name) WHERE id = $1",
                read: "SELECT id, content FROM \(name)"),
            writers: writers, period: Date(timeIntervalSince1970: 1_704_067_200)...Date().addingTimeInterval(-86_400),
            pause: .zero)
        try await load.start()
        let swapper = Swapper(configuration: configuration, table: table.argument, logger: quiet)
        do {
            try await Task.sleep(for: .seconds(2))
            _ = load.takeLongest()
            try await Task.sleep(for: .seconds(1))
            let baseline = load.takeLongest()
            let cut = try await swapper.cutover()
            try await Task.sleep(for: .seconds(1))
            let cutStall = load.takeLongest()
            try await Task.sleep(for: .seconds(2))
            _ = load.takeLongest()
            let back = try await swapper.rollback()
            try await Task.sleep(for: .seconds(1))
            let backStall = load.takeLongest()
            let summary = await load.stop()
            guard summary.failures.isEmpty else {
                throw BenchError("\(summary.failures.count) writes failed, e.g. \(summary.failures[0])")
            }
            try await drained(table, on: connection)
            let missing = try await load.mismatches(on: connection)
            guard missing.isEmpty else {
                throw BenchError("\(missing.count) acknowledged writes are not in the table, e.g. \(missing[0])")
            }
            stop.stop()
            _ = try await follower.value
            _ = try await Finisher.finish(table: table.argument, dropRetired: true, on: connection)
            return Run(cutover: cutStall, rollback: backStall, cutoverLocked: cut.stallMilliseconds ?? .nan,
                       rollbackLocked: back.stallMilliseconds ?? .nan, cutoverProbe: cut.probeMaxMilliseconds ?? .nan,
                       rollbackProbe: back.probeMaxMilliseconds ?? .nan, operations: summary.operations,
                       steps: [cut, back].map { swap in
                           "\(swap.kind.rawValue) attempt \(swap.attempts), \(swap.drainedEntries) entries drained, "
                               + "\(swap.recheckedBeforeLock) keys rechecked before and \(swap.recheckedKeys) under the lock: " + swap.steps.map {
                               "\($0.name) \(Int($0.milliseconds)) ms" }.joined(separator: ", ")
                       }.joined(separator: "; "), baseline: baseline)
        } catch {
            _ = await load.stop()
            stop.stop()
            _ = try? await follower.value
            throw error
        }
    }

    /// Waits until every change log of the table's migration is empty.
    private func drained(_ table: BenchTable, on connection: Connection) async throws {
        guard let record = try await StateStore(connection).migration(forTable: table.identifier.sql) else { return }
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            var pending = 0
            for capture in record.captures { pending += try await session.count(capture.log) }
            if pending == 0 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError("the change logs of \(table.argument) did not drain within 60 s")
    }
}
