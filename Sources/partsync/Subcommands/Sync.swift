import ArgumentParser
import Logging
import PartSync
import PostgresClient

extension PartSyncCommand {
    struct Sync: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply captured changes to the partitioned table: until caught up, or continuously.",
            discussion: """
                --until-caught-up exits 0 once nothing committed before it started is pending. --follow keeps \
                applying (woken by NOTIFY when idle, polling every --poll-ms as a fallback) and prints a lag line \
                every --lag-every seconds. SIGINT or SIGTERM stops either after the batch in flight: --follow then \
                exits 0, an interrupted --until-caught-up exits 4; a rerun continues from the change log. A second \
                signal exits at once (4); nothing is lost, the batch in flight rolls back. Only one applier runs \
                per table; --wait makes another one wait for it instead of exiting 2.
                """)

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "The table being migrated.")
        var table: String

        @Flag(help: "Exit once nothing committed before the start is pending.")
        var untilCaughtUp = false

        @Flag(help: "Keep applying until stopped with SIGINT or SIGTERM.")
        var follow = false

        @Flag(help: "If another applier runs on this table, wait for it to stop instead of exiting.")
        var wait = false

        @Option(help: "Change-log entries per apply batch.")
        var batchSize = 5_000

        @Option(help: "Fallback poll interval in milliseconds (a notification normally wakes the applier first).")
        var pollMs = 1_000

        @Option(help: "Seconds between lag lines while following (0: none).")
        var lagEvery = 5

        @Option(help: """
            While following: after a batch of fewer than \(SyncFollower.Options().gatherBelow) entries, milliseconds \
            to let changes gather before \
            the next batch (0: apply at once). Fewer, larger batches cost the database less; the pause adds at \
            most this much apply lag.
            """)
        var gatherMs = 10

        func validate() throws {
            guard untilCaughtUp != follow else { throw ValidationError("give exactly one of --until-caught-up and --follow") }
            guard batchSize >= 1 else { throw ValidationError("--batch-size must be positive") }
            guard pollMs >= 10 else { throw ValidationError("--poll-ms must be at least 10") }
            guard lagEvery >= 0 else { throw ValidationError("--lag-every must not be negative") }
            guard (0...1_000).contains(gatherMs) else { throw ValidationError("--gather-ms must be between 0 and 1000") }
        }

        func run() async throws {
            let follower = SyncFollower(
                configuration: ConnectionConfiguration.resolve(databaseURL: connection.databaseURL), table: table,
                options: SyncFollower.Options(
                    batchSize: batchSize, pollInterval: .milliseconds(pollMs),
                    lagInterval: lagEvery > 0 ? .seconds(lagEvery) : nil, waitForLock: wait,
                    gather: gatherMs > 0 ? .milliseconds(gatherMs) : nil),
                logger: Logger(label: "partsync"))
            let stop = StopSignal()
            let summary = try await SignalTrap.withStopOnSignals(stop) {
                try await follower.run(follow ? .follow : .untilCaughtUp, stop: stop)
            }
            if follow {
                Output.info("\(table): sync stopped after its last batch, \(summary.applied) change-log entries applied")
            } else if summary.stopped {
                throw PartSyncError(
                    .interrupted, table: table, phase: .syncing,
                    message: "stopped before catching up (\(summary.applied) change-log entries applied)",
                    nextStep: "rerun the same command; it continues from the change log")
            } else {
                Output.info("\(table): caught up, \(summary.applied) change-log entries applied")
            }
        }
    }
}
