import ArgumentParser
import Foundation
import Logging
import PartSync
import PostgresClient

@main
struct PartSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partsync",
        abstract: "Convert a live PostgreSQL table into a range-partitioned table without downtime.",
        discussion: """
            The database comes from --database-url, else DATABASE_URL, else libpq's PG* environment.
            Exit codes: 0 success, 1 divergence found, 2 bad usage or a plan blocker, 3 database error, \
            4 interrupted (resumable).
            """,
        version: PartSyncVersion.current,
        subcommands: [Plan.self, Prepare.self, Backfill.self, Sync.self, Verify.self, Cutover.self, Rollback.self,
                      Finish.self, Status.self, Abandon.self, Partitions.self, Demo.self]
    )

    /// Parses, runs, and maps every outcome to the documented exit codes (ArgumentParser alone would use 64 for
    /// bad usage). A failure prints its short `description`; with `--verbose`, its `debugDescription`.
    static func main() async {
        // Each message alone on stderr, through the progress display (a line replaces a drawn bar).
        LoggingSystem.bootstrap { _ in MessageLogHandler { ProgressDisplay.line($0) } }
        var verbose = false
        do {
            var command = try parseAsRoot()
            verbose = (command as? any ConnectingCommand)?.connection.verbose ?? false
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as PartSyncError {
            Output.info("partsync: " + (verbose ? error.debugDescription : error.description))
            Foundation.exit(error.exitCode)
        } catch let error as PostgresError {
            Output.info("partsync: " + (verbose ? error.debugDescription : error.description))
            Foundation.exit(3)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                FileHandle.standardOutput.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(0)
            }
            Output.info(fullMessage(for: error))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
