import ArgumentParser
import Foundation
import Logging
import PartSync
import PostgresClient

extension PartSyncCommand {
    struct Partitions: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the coming periods' partitions of a range-partitioned table (idempotent).",
            discussion: """
                Works on a migration's partitioned twin before the cutover (give the table's name), on the live \
                partitioned table after it, and on any table range-partitioned by day, week, month or year on a \
                date or timestamp column. Each missing partition from the current period through --premake \
                periods ahead is created like the parent and attached (SHARE UPDATE EXCLUSIVE on the parent: \
                writes go on), with the parent's indexes, in one short transaction under --lock-timeout, retried. \
                Warns when fewer than 2 periods after the current one have a partition. --dry-run lists what it \
                would create and changes nothing.
                """)

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "The partitioned table, or a table being migrated (its partitioned twin is maintained).")
        var table: String

        @Option(help: "Periods after the current one that must have a partition.")
        var premake = 3

        @Flag(help: "List what would be created; change nothing.")
        var dryRun = false

        @Option(help: "lock_timeout of each attempt, in milliseconds.")
        var lockTimeout = 500

        @Flag(help: "Print the outcome as JSON on stdout.")
        var json = false

        func validate() throws {
            guard (0...120).contains(premake) else { throw ValidationError("--premake must be between 0 and 120") }
            guard lockTimeout >= 1 else { throw ValidationError("--lock-timeout must be positive") }
        }

        func run() async throws {
            let database = try await connection.connect()
            let outcome = try await PartitionMaintainer.run(
                table: table,
                options: PartitionMaintainer.Options(premake: premake, dryRun: dryRun, lockTimeoutMilliseconds: lockTimeout),
                on: database, logger: Logger(label: "partsync"))
            await database.close()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                FileHandle.standardOutput.write(try encoder.encode(outcome) + Data("\n".utf8))
            }
            let verb = dryRun ? "would create" : "created"
            var lines = outcome.actions.map { "  \(verb) \($0.partition) for \($0.from) to \($0.to)" }
            if outcome.actions.isEmpty { lines.append("  nothing to create") }
            lines.insert("\(outcome.table): \(outcome.partitions) partition(s) by \(outcome.interval); runway "
                + "\(outcome.runway) \(outcome.interval)(s) after the current one" + (dryRun ? " (dry run)" : ""), at: 0)
            if let warning = outcome.warning { lines.append("warning: \(warning)") }
            Output.info(lines.joined(separator: "\n"))
        }
    }
}
