import ArgumentParser
import PartSync
import PostgresClient

extension PartSyncCommand {
    struct Backfill: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the rows into the partitioned table in checkpointed batches (resumable).",
            discussion: """
                Rows are copied inside the server, batch by batch; each batch commits with its checkpoint, so an \
                interrupted run (even kill -9) resumes where it stopped when started again. Several processes may \
                run on one table: they claim chunks without copying the same one at once. Pause from anywhere with \
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

        func validate() throws {
            guard workers >= 1 && workers <= 32 else { throw ValidationError("--workers must be 1 to 32") }
            guard batchRows.map({ $0 >= 1 }) ?? true else { throw ValidationError("--batch-rows must be positive") }
            guard batchMs >= 10 else { throw ValidationError("--batch-ms must be at least 10") }
            guard chunkRows >= 100 else { throw ValidationError("--chunk-rows must be at least 100") }
        }

        func run() async throws {
            let backfiller = Backfiller(
                configuration: ConnectionConfiguration.resolve(databaseURL: connection.databaseURL), table: table,
                options: Backfiller.Options(batchRows: batchRows, batchMilliseconds: batchMs, workers: workers,
                                            maxRowsPerSecond: maxRowsPerSecond, chunkRows: chunkRows),
                log: Output.info)
            _ = try await backfiller.run()
        }
    }
}
