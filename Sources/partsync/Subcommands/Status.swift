import ArgumentParser
import Foundation
import PartSync

extension PartSyncCommand {
    struct Status: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each migration's phase, backfill progress, indexes, change-log backlog and applier.",
            discussion: "Read-only; safe to run from any terminal while backfill and sync are running.")

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "Only this table (default: every table partsync knows in the database).")
        var table: String?

        @Flag(help: "Print JSON on stdout instead of the human report.")
        var json = false

        func run() async throws {
            let database = try await connection.connect()
            let statuses = try await MigrationStatus.load(table: table, on: database)
            if json {
                let encoder = JSONEncoder.readable()
                FileHandle.standardOutput.write(try encoder.encode(statuses) + Data("\n".utf8))
                return
            }
            if statuses.isEmpty {
                Output.info("partsync has no migrations in this database")
                return
            }
            for status in statuses { Output.info(status.description) }
        }
    }
}
