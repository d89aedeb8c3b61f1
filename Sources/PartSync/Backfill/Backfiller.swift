import Foundation
import PostgresClient

/// `partsync backfill`: copies the source into the partitioned twin inside the server, in key-range chunks and
/// batches, each batch committed together with its checkpoint (invariant 4).
public struct Backfiller: Sendable {
    public struct Options: Sendable {
        public var batchRows: Int?
        public var batchMilliseconds: Int
        public var workers: Int
        public var maxRowsPerSecond: Int?
        /// Rows per chunk (the unit workers claim).
        public var chunkRows: Int
        public var retry: RetryPolicy

        public init(
            batchRows: Int? = nil, batchMilliseconds: Int = 250, workers: Int = 1, maxRowsPerSecond: Int? = nil,
            chunkRows: Int = 100_000, retry: RetryPolicy = RetryPolicy(attempts: 10)
        ) {
            self.batchRows = batchRows
            self.batchMilliseconds = batchMilliseconds
            self.workers = workers
            self.maxRowsPerSecond = maxRowsPerSecond
            self.chunkRows = chunkRows
            self.retry = retry
        }
    }

    public struct Summary: Sendable {
        public var rowsCopied: Int64
        public var chunks: Int
        public var alreadyDone: Bool
    }

    public let configuration: ConnectionConfiguration
    public let table: String
    public let options: Options
    public let log: @Sendable (String) -> Void

    public init(configuration: ConnectionConfiguration, table: String, options: Options,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.configuration = configuration
        self.table = table
        self.options = options
        self.log = log
    }

    public func run() async throws -> Summary {
        let connection = try await Connection.connect(configuration)
        let context = try await MigrationContext.load(table: table, on: connection, phase: .backfilling)
        switch context.record.phase {
        case .prepared, .backfilling, .failed: break
        default:
            log("\(context.table): already backfilled (phase \(context.record.phase.rawValue)); nothing to do")
            return Summary(rowsCopied: 0, chunks: 0, alreadyDone: true)
        }
        try await StateSchema.ensure(on: connection)
        let chunks = try await planChunks(context, on: connection)
        try await context.setPhase(.backfilling, from: [.prepared, .failed], message: "backfill started", on: connection)
        let progress = Progress(total: max(context.source.estimatedRows, 1))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<max(1, options.workers) {
                group.addTask { try await copyLoop(context, worker: worker, progress: progress) }
            }
            group.addTask { try await report(context, progress: progress) }
            // The reporter never ends on its own: wait for the workers, then stop it.
            for _ in 0..<max(1, options.workers) { try await group.next() }
            group.cancelAll()
        }
        let copied = try await connection.query(
            "SELECT coalesce(sum(rows_copied), 0)::int8, count(*) FILTER (WHERE NOT done) FROM partsync.backfill_chunks "
                + "WHERE migration = $1", [context.record.key]).first!
        let remaining = try copied.decode(Int.self, at: 1)
        guard remaining == 0 else {
            throw PartSyncError(.interrupted, table: context.table, phase: .backfilling,
                                message: "\(remaining) chunk(s) left", nextStep: "run backfill again to resume")
        }
        try await context.setPhase(.syncing, from: [.backfilling], message: "backfill complete", on: connection)
        let total = try copied.decode(Int64.self, at: 0)
        log("\(context.table): backfill complete, \(total) rows in \(chunks) chunks. "
            + "Next: partsync sync --table \(table) --until-caught-up")
        return Summary(rowsCopied: total, chunks: chunks, alreadyDone: false)
    }

    /// Splits the key space into ranges of about `chunkRows` rows, once; a rerun reuses the stored chunks.
    private func planChunks(_ context: MigrationContext, on connection: Connection) async throws -> Int {
        try await connection.withTransaction { tx in
            try await tx.query("SELECT 1 FROM partsync.migrations WHERE key = $1 FOR UPDATE", [context.record.key])
            let existing = try await tx.query(
                "SELECT count(*) FROM partsync.backfill_chunks WHERE migration = $1", [context.record.key])
            let count = try existing.first!.decode(Int.self, at: 0)
            if count > 0 { return count }
            let key = context.key
            let boundaries = try await tx.query(
                """
                SELECT \(key.textArray("s")) FROM (
                    SELECT \(key.list()), row_number() OVER (ORDER BY \(key.list())) AS partsync_rn
                    FROM \(context.record.source.sql)
                ) s WHERE s.partsync_rn % $1 = 0 ORDER BY \(key.list(prefix: "s"))
                """, [options.chunkRows])
            var lower: String? = nil
            var chunk = 0
            for row in boundaries.rows {
                try await tx.query(
                    "INSERT INTO partsync.backfill_chunks (migration, chunk, lower_key, upper_key) VALUES ($1, $2, $3, $4)",
                    [context.record.key, chunk, lower, row[0]])
                lower = row[0]
                chunk += 1
            }
            try await tx.query(
                "INSERT INTO partsync.backfill_chunks (migration, chunk, lower_key, upper_key) VALUES ($1, $2, $3, NULL)",
                [context.record.key, chunk, lower])
            try await tx.query("INSERT INTO partsync.events (migration, phase, message) VALUES ($1, 'backfilling', $2)",
                               [context.record.key, "planned \(chunk + 1) chunks of about \(options.chunkRows) rows"])
            return chunk + 1
        }
    }

    /// One worker: claims a chunk, copies one batch of it and moves its checkpoint, all in one transaction;
    /// repeats until no chunk is left.
    private func copyLoop(_ context: MigrationContext, worker: Int, progress: Progress) async throws {
        var connection = try await Connection.connect(configuration)
        var sizer = BatchSizer(fixedRows: options.batchRows, targetMilliseconds: Double(options.batchMilliseconds))
        let started = ContinuousClock.now
        var copiedByMe = 0
        while true {
            try Task.checkCancellation()
            let outcome: BatchOutcome
            do {
                outcome = try await options.retry.run {
                    if !(await connection.isOpen) { connection = try await Connection.connect(configuration) }
                    return try await copyBatch(context, rows: sizer.rows, on: connection)
                } onRetry: { attempt, error, pause in
                    log("\(context.table): worker \(worker): \(error.description); retry \(attempt) in \(Int(pause)) ms")
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
            case .copied(let rows, let milliseconds):
                sizer.record(rows: rows, milliseconds: milliseconds)
                copiedByMe += rows
                await progress.add(rows)
                if let limit = options.maxRowsPerSecond {
                    let share = Double(limit) / Double(max(1, options.workers))
                    let due = Double(copiedByMe) / share
                    let elapsed = (ContinuousClock.now - started).seconds
                    if due > elapsed { try await Task.sleep(for: .milliseconds(Int((due - elapsed) * 1000))) }
                }
            }
        }
    }

    enum BatchOutcome: Sendable {
        case copied(rows: Int, milliseconds: Double)
        case busy, paused, finished
    }

    private func copyBatch(_ context: MigrationContext, rows: Int, on connection: Connection) async throws -> BatchOutcome {
        let key = context.key
        let started = ContinuousClock.now
        return try await connection.withTransaction { tx in
            try await tx.execute(context.copyLockSQL.shared)
            let paused = try await tx.query("SELECT paused FROM partsync.migrations WHERE key = $1", [context.record.key])
            if try paused.first?.decode(Bool.self, at: 0) == true { return .paused }
            let claimed = try await tx.query(
                """
                SELECT chunk, coalesce(last_key, lower_key), upper_key FROM partsync.backfill_chunks
                WHERE migration = $1 AND NOT done ORDER BY chunk LIMIT 1 FOR UPDATE SKIP LOCKED
                """, [context.record.key])
            guard let chunk = claimed.first else {
                let left = try await tx.query(
                    "SELECT count(*) FROM partsync.backfill_chunks WHERE migration = $1 AND NOT done", [context.record.key])
                return try left.first!.decode(Int.self, at: 0) == 0 ? .finished : .busy
            }
            let number = try chunk.decode(Int.self, at: 0)
            let lower = TextArray.parse(chunk[1])
            let upper = TextArray.parse(chunk[2])
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
            let copied = try await tx.query(
                """
                WITH batch AS (
                    SELECT \(context.columnList(prefix: "s")) FROM \(context.record.source.sql) s
                    \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                    ORDER BY \(key.list(prefix: "s")) LIMIT $1
                ), copied AS (
                    INSERT INTO \(context.record.target.sql) (\(context.columnList))
                    SELECT \(context.columnList) FROM batch ON CONFLICT DO NOTHING
                )
                SELECT (SELECT count(*) FROM batch),
                       (SELECT \(key.textArray("b")) FROM batch b ORDER BY \(key.list(prefix: "b")) DESC LIMIT 1)
                """, parameters)
            let count = try copied.first!.decode(Int.self, at: 0)
            try await tx.query(
                """
                UPDATE partsync.backfill_chunks
                SET last_key = coalesce($3::text[], last_key), rows_copied = rows_copied + $4, done = $5, updated_at = now()
                WHERE migration = $1 AND chunk = $2
                """, [context.record.key, number, copied.first![1], count, count < rows])
            return .copied(rows: count, milliseconds: (ContinuousClock.now - started).milliseconds)
        }
    }

    /// Logs rows, percent, rate and ETA every few seconds.
    private func report(_ context: MigrationContext, progress: Progress) async throws {
        let started = ContinuousClock.now
        while true {
            try await Task.sleep(for: .seconds(5))
            let copied = await progress.copied
            let elapsed = (ContinuousClock.now - started).seconds
            log(ProgressLine.format(table: context.table, copied: copied, total: await progress.total, seconds: elapsed))
        }
    }
}

/// Rows copied by this process's workers.
actor Progress {
    var copied: Int64 = 0
    let total: Int64
    init(total: Int64) { self.total = total }
    func add(_ rows: Int) { copied += Int64(rows) }
}

/// `public.messages: 1200000 / ~2000000 rows (60%), 180000 rows/s, ETA 4 s`. Pure.
public enum ProgressLine {
    public static func format(table: String, copied: Int64, total: Int64, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(copied) / seconds : 0
        let percent = total > 0 ? min(100, Int(Double(copied) * 100 / Double(total))) : 0
        let eta = rate > 0 ? max(0, Double(total - copied) / rate) : 0
        return "\(table): \(copied) / ~\(total) rows (\(percent)%), \(Int(rate)) rows/s, ETA \(Int(eta.rounded())) s"
    }
}

extension Duration {
    /// The duration in (fractional) milliseconds, for rates and latency figures.
    public var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }

    public var seconds: Double { milliseconds / 1_000 }
}
