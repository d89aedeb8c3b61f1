import ArgumentParser
import Logging
import PartSync

extension PartSyncCommand {
    struct Prepare: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the partitioned twin, its partitions, security, state and capture triggers.",
            discussion: """
                Runs the plan in one transaction with a short lock_timeout, retried with backoff. \
                Running it again on a prepared table changes nothing.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var plan: PlanOptionGroup

        @Option(help: "lock_timeout for the DDL, in milliseconds.")
        var lockTimeout = Preparer.defaultLockTimeoutMilliseconds

        func run() async throws {
            let database = try await connection.connect()
            let outcome = try await Preparer.prepare(
                plan.options, on: database, lockTimeoutMilliseconds: lockTimeout, logger: Logger(label: "partsync"))
            switch outcome {
            case .prepared(let result):
                Output.findings(result.findings.filter { $0.severity != .note })
                Output.info(
                    "prepared \(result.target.displayName) (\(result.partitions.count) partitions); capturing changes "
                        + "to \(result.source.identifier.displayName). Next: partsync backfill --table \(plan.table)")
            case .alreadyPrepared(let result):
                Output.info("\(result.source.identifier.displayName) is already prepared into "
                    + "\(result.target.displayName); nothing changed")
            }
        }
    }
}
