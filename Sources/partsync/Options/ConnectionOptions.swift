import ArgumentParser
import PostgresClient

/// `--database-url`, else `DATABASE_URL`, else libpq's `PG*` environment and service files.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("database-url"),
            help: "postgresql://user@host:port/db or a key=value conninfo (default: DATABASE_URL, then PG* variables).")
    var databaseURL: String?

    func connect() async throws -> Connection {
        try await Connection.connect(ConnectionConfiguration.resolve(databaseURL: databaseURL))
    }
}
