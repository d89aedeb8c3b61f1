import ArgumentParser
import Logging
import PartSync

extension PartSyncCommand {
    struct Abandon: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo a migration before its cutover: drop the twin, the capture and the state.",
            discussion: """
                Leaves the source exactly as it was before prepare (partsync never changed its rows or \
                definition, only added triggers). One transaction with a short lock_timeout, retried with \
                backoff. Refused after cutover (use rollback) and while sync is running. Running it again \
                finds nothing to do.
                """)

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "The table whose migration to abandon (its name or its twin's).")
        var table: String

        @Option(help: "lock_timeout for the DDL, in milliseconds.")
        var lockTimeout = Abandoner.defaultLockTimeoutMilliseconds

        func validate() throws {
            guard lockTimeout >= 1 else { throw ValidationError("--lock-timeout must be positive") }
        }

        func run() async throws {
            let database = try await connection.connect()
            let outcome = try await Abandoner.abandon(
                table: table, on: database, lockTimeoutMilliseconds: lockTimeout, logger: Logger(label: "partsync"))
            guard !outcome.removed.isEmpty else {
                Output.info("\(table): partsync has no migration for this table; nothing to abandon")
                return
            }
            Output.info("\(outcome.table): abandoned; the source is as it was before prepare. Removed:\n"
                + outcome.removed.map { "  - \($0)" }.joined(separator: "\n"))
        }
    }
}
