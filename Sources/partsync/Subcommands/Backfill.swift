import ArgumentParser
import Logging
import PartSync
import PostgresClient

extension PartSyncCommand {
    struct Backfill: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the rows into the partitioned table in checkpointed batches (resumable).",
            discussion: """
                Rows are copied inside the server, batch by batch, into partitions that carry only the primary \
                key; each batch commits with its checkpoint, so an interrupted run (even kill -9) resumes where it \
                stopped when started again. Then each partition's secondary indexes are built and attached to the \
                parent's. Several processes may run on one table: they claim chunks without copying the same one \
                at once. Progress: a bar on a terminal, a line every 5 s otherwise, and `partsync status` from \
                anywhere. Pause from anywhere with \
                UPDATE partsync.migrations SET paused = true WHERE source_table = '<table>'; set it back to resume.
                """)

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "The table being migrated (as given to prepare).")
        var table: String

        @Option(help: "Fixed rows per batch (default: adaptive, see --batch-ms).")
        var batchRows: Int?

        @Option(help: "Target duration of one batch, in milliseconds, when the size adapts.")
        var batchMs = 250

        @Option(help: "Parallel copy workers in this process.")
        var workers = 1

        @Option(help: "Cap on rows copied per second by this process.")
        var maxRowsPerSecond: Int?

        @Option(help: "Rows per chunk (the unit workers claim); fixed on the first run.")
        var chunkRows = 100_000

        @Option(help: "Chunk by heap block ranges (blocks: sequential reads, the default) or by key ranges (keys).")
        var chunkBy: ChunkBy?

        @Option(help: "Slow down while a streaming replica's replay lag exceeds this many milliseconds (0: never).")
        var maxReplicaLagMs = 10_000

        @Option(help: "Partitions above this many MB get CREATE INDEX CONCURRENTLY; smaller ones a plain, short build.")
        var onlineIndexAboveMb = 64

        @Option(help: .hidden)
        var retries = 10

        enum ChunkBy: String, ExpressibleByArgument, CaseIterable {
            case blocks, keys
        }

        func validate() throws {
            guard workers >= 1 && workers <= 32 else { throw ValidationError("--workers must be 1 to 32") }
            guard batchRows.map({ $0 >= 1 }) ?? true else { throw ValidationError("--batch-rows must be positive") }
            guard batchMs >= 10 else { throw ValidationError("--batch-ms must be at least 10") }
            guard chunkRows >= 100 else { throw ValidationError("--chunk-rows must be at least 100") }
            guard maxRowsPerSecond.map({ $0 >= 1 }) ?? true else {
                throw ValidationError("--max-rows-per-second must be positive")
            }
            guard maxReplicaLagMs >= 0 else { throw ValidationError("--max-replica-lag-ms must not be negative") }
            guard retries >= 1 else { throw ValidationError("--retries must be at least 1") }
            guard onlineIndexAboveMb >= 0 else { throw ValidationError("--online-index-above-mb must not be negative") }
        }

        func run() async throws {
            let display = ProgressDisplay(label: table)
            var options = Backfiller.Options(
                batchRows: batchRows, batchMilliseconds: batchMs, workers: workers,
                maxRowsPerSecond: maxRowsPerSecond, chunkRows: chunkRows,
                chunking: chunkBy.flatMap { Backfiller.Chunking(rawValue: $0.rawValue) },
                maxReplicaLagMilliseconds: maxReplicaLagMs > 0 ? maxReplicaLagMs : nil,
                retry: RetryPolicy(attempts: retries))
            options.plainIndexBuildMaxBytes = Int64(onlineIndexAboveMb) << 20
            let backfiller = Backfiller(
                configuration: ConnectionConfiguration.resolve(databaseURL: connection.databaseURL), table: table,
                options: options,
                logger: Logger(label: "partsync"), progress: display.show)
            let stop = StopSignal()
            _ = try await SignalTrap.withStopOnSignals(stop) { try await backfiller.run(stop: stop) }
        }
    }
}
