import Logging
import PostgresClient

/// One copy worker: claims a chunk, copies one batch of it and moves its checkpoint, all in one transaction;
/// repeats until no chunk is left.
struct CopyWorker {
    let backfiller: Backfiller
    let context: MigrationContext
    let chunking: Backfiller.Chunking
    let number: Int
    let tracker: ProgressTracker
    let stop: StopSignal
    /// Tagged with this worker's number.
    let logger: Logger

    private var options: Backfiller.Options { backfiller.options }

    enum Outcome: Sendable {
        case copied(rows: Int, nominalRows: Int, milliseconds: Double, conflicted: Bool)
        case busy, paused, finished
    }

    func run() async throws {
        var connection = try await backfiller.connect(logger: logger)
        var sizer = BatchSizer(fixedRows: options.batchRows, targetMilliseconds: Double(options.batchMilliseconds))
        let throttle = Throttle(
            maxRowsPerSecond: options.maxRowsPerSecond.map { Double($0) / Double(max(1, options.workers)) },
            maxReplicaLagSeconds: options.maxReplicaLagMilliseconds.map { Double($0) / 1_000 })
        let density = chunking == .blocks
            ? try await BlockMath.heapShape(of: context.source.identifier, on: connection).rowsPerBlock : 0
        let started = ContinuousClock.now
        var copiedByMe = 0
        var expectConflicts = false
        var replicaLag: Double? = nil
        var lagCheckedAt = ContinuousClock.now - .seconds(10)
        var throttledByLag = false
        while !stop.isStopped {
            try Task.checkCancellation()
            if throttle.watchesReplicas, ContinuousClock.now - lagCheckedAt >= .seconds(1) {
                replicaLag = try? await ReplicaLag.seconds(on: connection)
                lagCheckedAt = .now
            }
            let pause = throttle.pause(copied: copiedByMe, elapsed: (ContinuousClock.now - started).seconds,
                                       replicaLag: replicaLag)
            if pause.reason == .replicaLag, !throttledByLag, number == 0 {
                logger.warning("""
                    \(context.table): a replica's replay lag (\(Int(replicaLag ?? 0)) s) is above \
                    \(options.maxReplicaLagMilliseconds ?? 0) ms; copying slows down until it recovers
                    """)
            }
            throttledByLag = pause.reason == .replicaLag
            if pause.seconds > 0 {
                try await Task.sleep(for: .milliseconds(Int(pause.seconds * 1_000)))
                continue
            }
            let outcome: Outcome
            do {
                let rows = sizer.rows
                let conflicts = expectConflicts
                outcome = try await options.retry.run {
                    if !(await connection.isOpen) { connection = try await Connection.connect(backfiller.configuration) }
                    return try await copyBatch(rows: rows, rowsPerBlock: density, expectConflicts: conflicts, on: connection)
                } onRetry: { attempt, error, pause in
                    logger.warning("\(context.table): worker \(number): \(error.description); retry \(attempt) in \(Int(pause)) ms")
                }
            } catch {
                throw PartSyncError.database(error, table: context.table, phase: .backfilling, doing: "backfill batch")
            }
            switch outcome {
            case .finished:
                return
            case .paused:
                try await Task.sleep(for: .seconds(1))
            case .busy:
                // Every remaining chunk is being copied by another worker right now.
                try await Task.sleep(for: .milliseconds(200))
            case .copied(let rows, let nominalRows, let milliseconds, let conflicted):
                sizer.record(rows: nominalRows, milliseconds: milliseconds)
                expectConflicts = conflicted
                copiedByMe += rows
                await tracker.add(rows)
            }
        }
    }

    private func copyBatch(
        rows: Int, rowsPerBlock: Double, expectConflicts: Bool, on connection: Connection
    ) async throws -> Outcome {
        let started = ContinuousClock.now
        let context = self.context
        let chunking = self.chunking
        // synchronous_commit off: a crash can lose the last batches, but each loses its rows and its checkpoint
        // together (invariant 4), so the rerun copies them again; the worker does not wait for each WAL flush.
        return try await connection.withTransaction(settings: ["synchronous_commit": "off"]) { tx in
            try await tx.execute(context.copyLockSQL.shared)
            let store = StateStore(tx)
            if try await store.isPaused(context.record.key) { return .paused }
            guard let chunk = try await store.claimChunk(context.record.key) else {
                return try await store.unfinishedChunks(context.record.key) == 0 ? .finished : .busy
            }
            let batch: CopyBatch
            switch chunking {
            case .blocks:
                batch = CopyBatch.blocks(
                    context, from: Int64(chunk.from?.first ?? "0") ?? 0, upper: Int64(chunk.upper?.first ?? "0") ?? 0,
                    blocks: BlockMath.blocks(forRows: rows, rowsPerBlock: rowsPerBlock), rowsPerBlock: rowsPerBlock)
            case .keys:
                batch = CopyBatch.keys(context, after: chunk.from, upTo: chunk.upper, rows: rows)
            }
            // A plain INSERT is much cheaper than INSERT … ON CONFLICT; conflicts only arise where the applier
            // already wrote a key this batch reaches, so try without and fall back for that batch.
            var conflicted = expectConflicts
            var result: QueryResult
            if expectConflicts {
                result = try await tx.query(batch.sql(onConflictDoNothing: true), batch.parameters)
            } else {
                try await tx.execute("SAVEPOINT partsync_batch")
                do {
                    result = try await tx.query(batch.sql(onConflictDoNothing: false), batch.parameters)
                } catch let error as PostgresError where error.sqlState == .uniqueViolation {
                    try await tx.execute("ROLLBACK TO SAVEPOINT partsync_batch")
                    result = try await tx.query(batch.sql(onConflictDoNothing: true), batch.parameters)
                    conflicted = true
                }
            }
            let checkpoint = try batch.checkpoint(result)
            try await store.moveCheckpoint(context.record.key, chunk: chunk.number, lastKey: checkpoint.lastKey,
                                           rows: checkpoint.rows, done: checkpoint.done)
            return .copied(rows: checkpoint.rows, nominalRows: checkpoint.nominalRows,
                           milliseconds: (ContinuousClock.now - started).milliseconds, conflicted: conflicted)
        }
    }
}

/// One batch's statement and how its result moves the checkpoint.
struct CopyBatch {
    struct Checkpoint {
        var lastKey: [String]?
        var rows: Int
        /// The rows the batch size asked for, for the sizer (a block range asks for blocks, not rows).
        var nominalRows: Int
        var done: Bool
    }

    let statement: (_ onConflictDoNothing: Bool) -> String
    let parameters: [(any PostgresEncodable)?]
    let checkpoint: (QueryResult) throws -> Checkpoint

    func sql(onConflictDoNothing: Bool) -> String { statement(onConflictDoNothing) }

    /// Heap blocks `[from, min(from + blocks, upper))`, read with a TID range scan.
    static func blocks(
        _ context: MigrationContext, from: Int64, upper: Int64, blocks: Int64, rowsPerBlock: Double
    ) -> CopyBatch {
        let end = min(upper, from + blocks)
        let key = context.key
        return CopyBatch(
            statement: { conflicts in
                """
                INSERT INTO \(context.target.identifier.sql) (\(key.list(.insert)))
                SELECT \(key.list(.insert, prefix: "s")) FROM \(context.source.identifier.sql) s
                WHERE s.ctid >= $1::pg_catalog.tid AND s.ctid < $2::pg_catalog.tid\(conflicts ? " ON CONFLICT DO NOTHING" : "")
                """
            },
            parameters: ["(\(from),0)", "(\(end),0)"],
            checkpoint: { result in
                Checkpoint(lastKey: [String(end)], rows: result.affectedRows ?? 0,
                           nominalRows: Int(Double(end - from) * max(rowsPerBlock, 1)), done: end >= upper)
            })
    }

    /// The next `rows` keys after `after` (exclusive) up to `upTo` (inclusive), in key order.
    static func keys(_ context: MigrationContext, after lower: [String]?, upTo upper: [String]?, rows: Int) -> CopyBatch {
        let key = context.key
        var conditions: [String] = []
        var parameters: [(any PostgresEncodable)?] = [rows]
        if let lower {
            conditions.append("\(key.row("s")) > \(key.parameters(from: parameters.count + 1))")
            parameters += lower.map { $0 as (any PostgresEncodable)? }
        }
        if let upper {
            conditions.append("\(key.row("s")) <= \(key.parameters(from: parameters.count + 1))")
            parameters += upper.map { $0 as (any PostgresEncodable)? }
        }
        return CopyBatch(
            statement: { conflicts in
                """
                WITH batch AS (
                    SELECT \(key.list(.insert, prefix: "s")) FROM \(context.source.identifier.sql) s
                    \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                    ORDER BY \(key.list(prefix: "s")) LIMIT $1
                ), copied AS (
                    INSERT INTO \(context.target.identifier.sql) (\(key.list(.insert)))
                    SELECT \(key.list(.insert)) FROM batch\(conflicts ? " ON CONFLICT DO NOTHING" : "")
                )
                SELECT (SELECT count(*) FROM batch),
                       (SELECT \(key.textArray("b")) FROM batch b ORDER BY \(key.list(prefix: "b")) DESC LIMIT 1)
                """
            },
            parameters: parameters,
            checkpoint: { result in
                let count = try result.first!.decode(Int.self, at: 0)
                return Checkpoint(lastKey: TextArray.parse(result.first![1]), rows: count, nominalRows: count,
                                  done: count < rows)
            })
    }
}

/// The largest replay lag of this server's streaming replicas, in seconds (nil: none, or not visible to this
/// role — `pg_stat_replication` shows lag columns only to members of `pg_monitor` or superusers).
enum ReplicaLag {
    static func seconds(on connection: Connection) async throws -> Double? {
        let row = try await connection.query(
            "SELECT max(extract(epoch FROM replay_lag))::float8 FROM pg_catalog.pg_stat_replication").first
        return try row?.decodeIfPresent(Double.self, at: 0) ?? nil
    }
}

/// Whether to wait before the next batch: the rate cap and replicas' replay lag. Pure.
public struct Throttle: Sendable, Equatable {
    public enum Reason: Sendable, Equatable { case none, rate, replicaLag }

    public var maxRowsPerSecond: Double?
    public var maxReplicaLagSeconds: Double?

    public init(maxRowsPerSecond: Double?, maxReplicaLagSeconds: Double?) {
        self.maxRowsPerSecond = maxRowsPerSecond
        self.maxReplicaLagSeconds = maxReplicaLagSeconds
    }

    public var watchesReplicas: Bool { maxReplicaLagSeconds != nil }

    /// - Parameters:
    ///   - copied: rows this worker copied since it started, `elapsed` seconds ago.
    ///   - replicaLag: the largest replay lag now, nil when there are no replicas.
    /// - Returns: seconds to wait, and why. A lagging replica pauses in steps of a second, re-checked each time.
    public func pause(copied: Int, elapsed: Double, replicaLag: Double?) -> (seconds: Double, reason: Reason) {
        if let limit = maxReplicaLagSeconds, let replicaLag, replicaLag > limit { return (1, .replicaLag) }
        if let limit = maxRowsPerSecond, limit > 0 {
            let due = Double(copied) / limit
            if due > elapsed { return (due - elapsed, .rate) }
        }
        return (0, .none)
    }
}
