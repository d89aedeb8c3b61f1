import ArgumentParser
import Foundation
import Logging
import PartSync
import PostgresClient

extension PartSyncCommand {
    struct Partitions: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the coming periods' partitions; with --retain, archive and drop the old ones (idempotent).",
            discussion: """
                Works on a migration's partitioned twin before the cutover (give the table's name), on the live \
                partitioned table after it, and on any table range-partitioned by day, week, month or year on a \
                date or timestamp column. Each missing partition from the current period through --premake \
                periods ahead is created like the parent and attached (SHARE UPDATE EXCLUSIVE on the parent: \
                writes go on), with the parent's indexes, in one short transaction under --lock-timeout, retried. \
                Warns when fewer than 2 periods after the current one have a partition. --retain N --archive-dir \
                DIR (after `partsync finish`, or on a table without a migration): partitions entirely older than the \
                current period and the N before it are detached (CONCURRENTLY without a default partition), \
                written to DIR as gzip-compressed COPY files with a manifest, read back and checked (row count and \
                checksum, computed by the server), and only then dropped. --dry-run lists every action and changes \
                nothing.
                """)

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "The partitioned table, or a table being migrated (its partitioned twin is maintained).")
        var table: String

        @Option(help: "Periods after the current one that must have a partition.")
        var premake = 3

        @Option(help: "Keep the current period and this many before it; detach, archive, verify and drop older partitions.")
        var retain: Int?

        @Option(help: "With --retain: the directory for the archives (<partition>.copy.gz and a manifest each).")
        var archiveDir: String?

        @Flag(help: "List what would be created, archived and dropped; change nothing.")
        var dryRun = false

        @Option(help: "lock_timeout of each attempt, in milliseconds.")
        var lockTimeout = 500

        @Flag(help: "Print the outcome as JSON on stdout.")
        var json = false

        func validate() throws {
            guard (0...120).contains(premake) else { throw ValidationError("--premake must be between 0 and 120") }
            guard lockTimeout >= 1 else { throw ValidationError("--lock-timeout must be positive") }
            guard (retain == nil) == (archiveDir == nil) else {
                throw ValidationError("--retain and --archive-dir go together: nothing is dropped without an archive")
            }
            if let retain, retain < 1 { throw ValidationError("--retain must be at least 1") }
        }

        func run() async throws {
            let database = try await connection.connect()
            let outcome = try await PartitionMaintainer.run(
                table: table,
                options: PartitionMaintainer.Options(
                    premake: premake, retain: retain, archiveDirectory: archiveDir.map { URL(fileURLWithPath: $0) },
                    dryRun: dryRun, lockTimeoutMilliseconds: lockTimeout),
                on: database, logger: Logger(label: "partsync"))
            await database.close()
            if json {
                let encoder = JSONEncoder.readable()
                FileHandle.standardOutput.write(try encoder.encode(outcome) + Data("\n".utf8))
            }
            var lines = outcome.actions.map { action in
                let verb: String
                switch action.kind {
                case .create: verb = dryRun ? "would create" : "created"
                case .detach: verb = dryRun ? "would detach" : "detached"
                case .archive: verb = dryRun ? "would archive" : "archived"
                case .drop: verb = dryRun ? "would drop" : "dropped"
                }
                return "  \(verb) \(action.partition) (\(action.from) to \(action.to))"
                    + (action.detail.map { ": \($0)" } ?? "")
            }
            if outcome.actions.isEmpty { lines.append("  nothing to do") }
            lines.insert("\(outcome.table): \(outcome.partitions) partition(s) by \(outcome.interval); runway "
                + "\(outcome.runway) \(outcome.interval)(s) after the current one" + (dryRun ? " (dry run)" : ""), at: 0)
            if let warning = outcome.warning { lines.append("warning: \(warning)") }
            Output.info(lines.joined(separator: "\n"))
        }
    }
}
