import ArgumentParser
import Foundation
import PartSync

extension PartSyncCommand {
    struct Plan: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the DDL that would partition a table, with every blocker and warning. Changes nothing.",
            discussion: """
                The SQL goes to stdout (or --out), findings to stderr, so `partsync plan … > migration.sql` works. \
                Exits 2 when the plan has blockers.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var plan: PlanOptionGroup

        @Option(help: "Write the migration here instead of stdout; a directory gets YYYYMMDDHHMMSS_partition_<table>.sql.")
        var out: String?

        func run() async throws {
            let database = try await connection.connect()
            let result = try await Planner.plan(plan.options, on: database)
            Output.findings(result.findings)
            guard result.blockers.isEmpty else {
                throw PartSyncError(
                    .usage, table: result.source.identifier.displayName, phase: .planned,
                    message: "\(result.blockers.count) blocker(s); no SQL was written",
                    nextStep: "resolve the blockers listed above and plan again")
            }
            let now = Date()
            let script = result.script(generatedAt: Output.timestamp(now))
            if let out {
                let path = try Output.migrationPath(out, table: result.source.identifier.name, at: now)
                try Data(script.utf8).write(to: URL(fileURLWithPath: path))
                Output.info("wrote \(path): \(result.partitions.count) partitions; apply with partsync prepare "
                    + "(same options) or psql -v ON_ERROR_STOP=1 -f \(path)")
            } else {
                FileHandle.standardOutput.write(Data(script.utf8))
            }
        }
    }
}
