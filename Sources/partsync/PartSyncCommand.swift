import ArgumentParser
import PartSync

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
        subcommands: []
    )
}
