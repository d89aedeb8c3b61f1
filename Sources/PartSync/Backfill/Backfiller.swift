import Foundation
import Logging
import PostgresClient

/// `partsync backfill`: copies the source into the partitioned twin inside the server, chunk by chunk and batch
/// by batch, each batch committed together with its checkpoint (invariant 4); then builds the target's deferred
/// secondary indexes partition by partition (`IndexBuilder`).
public struct Backfiller: Sendable {
    /// How the source is cut into chunks.
    public enum Chunking: String, Sendable, CaseIterable {
        /// Physical block ranges (`ctid`): sequential reads whatever the key; the default.
        case blocks
        /// Primary-key ranges (keyset pagination).
        case keys
    }

    public struct Options: Sendable {
        public var batchRows: Int?
        public var batchMilliseconds: Int
        public var workers: Int
        public var maxRowsPerSecond: Int?
        /// Rows per chunk (the unit workers claim).
        public var chunkRows: Int
        /// nil: blocks for a new plan, or whatever the stored plan used.
        public var chunking: Chunking?
        /// Pause while a streaming replica's replay lag is above this (nil: never).
        public var maxReplicaLagMilliseconds: Int?
        /// Partitions up to this size get their indexes with a plain `CREATE INDEX` in one short transaction;
        /// larger ones with `CREATE INDEX CONCURRENTLY` (see `IndexBuilder`).
        public var plainIndexBuildMaxBytes: Int64 = 64 << 20
        /// Connections building small partitions' indexes in parallel.
        public var indexConnections = 2
        public var retry: RetryPolicy

        public init(
            batchRows: Int? = nil, batchMilliseconds: Int = 250, workers: Int = 1, maxRowsPerSecond: Int? = nil,
            chunkRows: Int = 100_000, chunking: Chunking? = nil, maxReplicaLagMilliseconds: Int? = 10_000,
            retry: RetryPolicy = RetryPolicy(attempts: 10)
        ) {
            self.batchRows = batchRows
            self.batchMilliseconds = batchMilliseconds
            self.workers = workers
            self.maxRowsPerSecond = maxRowsPerSecond
            self.chunkRows = chunkRows
            self.chunking = chunking
            self.maxReplicaLagMilliseconds = maxReplicaLagMilliseconds
            self.retry = retry
        }
    }

    public struct Summary: Sendable {
        public var rowsCopied: Int64
        public var chunks: Int
        public var indexesBuilt: Int
        public var alreadyDone: Bool
    }

    public let configuration: ConnectionConfiguration
    public let table: String
    public let options: Options
    /// Gets the progress lines and the retries, with `table` and `phase` metadata (and `worker` from the copy).
    public let logger: Logger
    /// Told about progress about once a second (the CLI draws a bar or prints a line from it).
    public let progress: @Sendable (BackfillProgress) -> Void

    public init(
        configuration: ConnectionConfiguration, table: String, options: Options,
        logger: Logger = Logger(label: "partsync"),
        progress: @escaping @Sendable (BackfillProgress) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.table = table
        self.options = options
        self.logger = logger
        self.progress = progress
    }

    /// Copies, then builds the indexes. `stop` (SIGINT/SIGTERM in the executable) lets every batch in flight
    /// commit with its checkpoint and then ends the run with `PartSyncError(.interrupted)`: rerun to resume.
    public func run(stop: StopSignal = StopSignal()) async throws -> Summary {
        let connection = try await connect(logger: logger.with(table: table, phase: .backfilling))
        let context = try await MigrationContext.load(table: table, on: connection, phase: .backfilling)
        let logger = self.logger.with(table: context.table, phase: .backfilling)
        let record = context.record
        switch PhaseRule.backfill(record.phase, failedFrom: record.failedFrom) {
        case .run: break
        case .alreadyDone(let reason):
            logger.info("\(context.table): \(reason)")
            return Summary(rowsCopied: 0, chunks: 0, indexesBuilt: 0, alreadyDone: true)
        case .refuse(let reason):
            throw PartSyncError(.usage, table: context.table, phase: record.phase, message: reason,
                                nextStep: record.phase.nextStep(table: context.table))
        }
        let store = StateStore(connection)
        try await store.transition(record.key, to: .backfilling,
                                   message: record.phase == .failed ? "backfill resumed" : "backfill started")
        do {
            return try await copyAndIndex(context, on: connection, logger: logger, stop: stop)
        } catch let error as PartSyncError where error.kind == .database {
            _ = try? await store.recordFailure(record.key, during: .backfilling, reason: error.shortCause)
            throw error
        }
    }

    private func copyAndIndex(
        _ context: MigrationContext, on connection: Connection, logger: Logger, stop: StopSignal
    ) async throws -> Summary {
        let store = StateStore(connection)
        let plan = try await ChunkPlanner(context: context, chunkRows: options.chunkRows, requested: options.chunking)
            .plan(on: connection, logger: logger)
        let copyStarted = ContinuousClock.now
        let tracker = ProgressTracker(total: max(context.source.estimatedRows, 1), alreadyCopied: plan.rowsCopied)
        try await reportingProgress(context, tracker: tracker) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<max(1, options.workers) {
                    group.addTask {
                        try await CopyWorker(backfiller: self, context: context, chunking: plan.chunking, number: worker,
                                             tracker: tracker, stop: stop, logger: logger.with(worker: "\(worker)"))
                            .run()
                    }
                }
                try await group.waitForAll()
            }
        }
        let copied = try await store.chunkTotals(context.record.key)
        let remaining = copied.chunks - copied.done
        guard remaining == 0 else {
            throw PartSyncError(.interrupted, table: context.table, phase: .backfilling,
                                message: "stopped with \(remaining) chunk(s) left; every committed batch is kept",
                                nextStep: "run backfill again to resume")
        }
        try await store.recordBackfilled(context.record.key)
        let total = copied.rowsCopied
        logger.info("""
            \(context.table): copy complete, \(total) rows in \(plan.chunks) chunks \
            (\(Self.seconds(ContinuousClock.now - copyStarted)) s); building secondary indexes
            """)
        let indexStarted = ContinuousClock.now

        let builder = IndexBuilder(
            context: context, configuration: configuration, retry: options.retry, logger: logger,
            connections: options.indexConnections, plainBuildMaxBytes: options.plainIndexBuildMaxBytes, stop: stop)
        let built = try await reportingProgress(context, tracker: tracker) {
            try await builder.run { done, all in await tracker.indexes(built: done, of: all) }
        }
        try await store.transition(context.record.key, to: .syncing, message: "backfill complete")
        try? await store.clearProgress(context.record.key)
        logger.info("""
            \(context.table): backfill complete, \(total) rows, \(built) partition index(es) built \
            (\(Self.seconds(ContinuousClock.now - indexStarted)) s). Next: partsync sync --table \(table) --follow
            """)
        return Summary(rowsCopied: total, chunks: plan.chunks, indexesBuilt: built, alreadyDone: false)
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", duration.seconds)
    }

    /// - Parameter logger: gets the retries.
    func connect(logger: Logger) async throws -> Connection {
        do {
            return try await options.retry.run { try await Connection.connect(configuration) } onRetry: { attempt, error, pause in
                logger.warning("\(table): cannot connect (\(error.description)); retry \(attempt) in \(Int(pause)) ms")
            }
        } catch {
            throw PartSyncError.database(error, table: table, phase: .backfilling, doing: "connect")
        }
    }

    /// Runs `body` with the progress reporter beside it; the reporter never ends on its own and stops with it.
    private func reportingProgress<T: Sendable>(
        _ context: MigrationContext, tracker: ProgressTracker, _ body: () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await report(context, tracker: tracker) }
            defer { group.cancelAll() }
            return try await body()
        }
    }

    /// Hands progress to the caller every second and stores it for `partsync status` every five.
    private func report(_ context: MigrationContext, tracker: ProgressTracker) async throws {
        var connection: Connection? = nil
        var tick = 0
        while true {
            try await Task.sleep(for: .seconds(1))
            tick += 1
            let snapshot = await tracker.snapshot()
            progress(snapshot)
            guard tick % 5 == 0 else { continue }
            do {
                let open: Connection
                if let connection, await connection.isOpen {
                    open = connection
                } else {
                    open = try await Connection.connect(configuration)
                    connection = open
                }
                try await StateStore(open).storeProgress(context.record.key, worker: ProgressTracker.worker, snapshot)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // Progress for `status` is best effort; the copy's own error handling reports real failures.
                connection = nil
            }
        }
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
