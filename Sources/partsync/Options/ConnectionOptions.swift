import ArgumentParser
import PostgresClient

/// `--database-url`, else `DATABASE_URL`, else libpq's `PG*` environment and service files.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("database-url"),
            help: "postgresql://user@host:port/db or a key=value conninfo (default: DATABASE_URL, then PG* variables).")
    var databaseURL: String?

    @Flag(help: "On failure, also print the server's DETAIL, HINT, CONTEXT and the statement (may show row data).")
    var verbose = false

    func connect() async throws -> Connection {
        try await Connection.connect(ConnectionConfiguration.resolve(databaseURL: databaseURL))
    }
}

/// A subcommand that talks to the database, and so takes `--verbose`: `main()` reads it from the parsed command to
/// choose between a failure's `description` and its `debugDescription`.
protocol ConnectingCommand: ParsableCommand {
    var connection: ConnectionOptions { get }
}
