import Foundation
import PostgresClient
import Testing
import TestSupport

@Suite struct CommandLineTests {
    @Test("--help lists only the subcommands that work, and --version prints the version")
    func helpAndVersion() async throws {
        let help = try await Products.run("partsync", ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("plan"))
        #expect(help.stdout.contains("prepare"))
        #expect(help.stdout.contains("backfill"))
        #expect(help.stdout.contains("verify"))
        for command in ["cutover", "rollback", "finish", "abandon", "partitions", "demo"] {
            #expect(help.stdout.contains("  \(command)"), "\(command) is listed")
        }
        for later in ["run"] {
            #expect(!help.stdout.contains("  \(later)"), "\(later) is not implemented yet")
        }
        let version = try await Products.run("partsync", ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test("a missing required option is bad usage: exit 2")
    func missingOption() async throws {
        let outcome = try await Products.run("partsync", ["prepare", "--partition-key", "created_at"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--table"))
    }

    @Test("sync takes exactly one of --follow and --until-caught-up: neither or both is bad usage (exit 2)")
    func syncModes() async throws {
        for flags in [[], ["--follow", "--until-caught-up"]] {
            let outcome = try await Products.run("partsync", ["sync", "--table", "t"] + flags)
            #expect(outcome.status == 2, "\(flags)")
            #expect(outcome.stderr.contains("exactly one of --until-caught-up and --follow"), "\(outcome.stderr)")
        }
    }

    @Test("every subcommand lists --verbose in its help")
    func verboseIsEverywhere() async throws {
        for subcommand in ["plan", "prepare", "backfill", "sync", "verify", "status"] {
            let help = try await Products.run("partsync", [subcommand, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("--verbose"), "\(subcommand)")
        }
    }

    @Test("a failed connection prints each line once and never the password; --verbose adds the hint")
    func connectionFailure() async throws {
        let password = "s3cr3t-Pa55word"
        let url = "postgresql://alice:\(password)@localhost:1/appdb"
        let short = try await Products.run("partsync", ["status", "--database-url", url])
        let verbose = try await Products.run("partsync", ["status", "--database-url", url, "--verbose"])
        for outcome in [short, verbose] {
            #expect(outcome.status == 3, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("cannot connect to PostgreSQL at localhost:1/appdb as alice"))
            #expect(!outcome.stderr.contains(password), "\(outcome.stderr)")
            #expect(Self.repeatedLines(outcome.stderr).isEmpty, "\(outcome.stderr)")
        }
        #expect(!short.stderr.contains("HINT"), "\(short.stderr)")
        #expect(verbose.stderr.contains("HINT: check --database-url"), "\(verbose.stderr)")
    }

    @Test("a batch that fails on a row names table, phase, SQLSTATE and next step, not the row; --verbose shows it")
    func failingRowStaysOutOfTheShortError() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute("""
                CREATE TABLE events (id bigint PRIMARY KEY, note text NOT NULL, created_at timestamptz NOT NULL);
                INSERT INTO events VALUES (1, 'ordinary', now()), (2, 'secret-row-data', now());
                """)
            let url = database.configuration.conninfo
            let prepare = try await Products.run(
                "partsync", ["prepare", "--database-url", url, "--table", "events", "--partition-key", "created_at"])
            #expect(prepare.status == 0, "\(prepare.stderr)")
            // The target refuses one source row, so the backfill's batch fails with the row in its DETAIL.
            try await connection.execute(
                "ALTER TABLE events_partitioned ADD CONSTRAINT no_secrets CHECK (note <> 'secret-row-data')")
            await connection.close()

            let backfill = ["backfill", "--database-url", url, "--table", "events"]
            let short = try await Products.run("partsync", backfill)
            #expect(short.status == 3, "\(short.stderr)")
            let failure = try #require(short.stderr.split(separator: "\n").firstIndex { $0.hasPrefix("partsync: ") })
            let block = short.stderr.split(separator: "\n")[failure...].map(String.init)
            #expect(block.count == 3, "\(short.stderr)")
            #expect(block[0].hasPrefix("partsync: public.events: [backfilling] "), "\(short.stderr)")
            #expect(block[1].hasPrefix("  cause: PostgreSQL error [23514]: "), "\(short.stderr)")
            #expect(block[1].contains("no_secrets"), "\(short.stderr)")
            #expect(block[2].hasPrefix("  next: "), "\(short.stderr)")
            for hidden in ["secret-row-data", "Failing row", "DETAIL", "STATEMENT", "INSERT"] {
                #expect(!short.stderr.contains(hidden), "\(hidden) in \(short.stderr)")
            }
            #expect(Self.repeatedLines(short.stderr).isEmpty, "\(short.stderr)")

            let verbose = try await Products.run("partsync", backfill + ["--verbose"])
            #expect(verbose.status == 3, "\(verbose.stderr)")
            #expect(verbose.stderr.contains(block.joined(separator: "\n")), "\(verbose.stderr)")
            #expect(verbose.stderr.contains("  DETAIL: Failing row contains (2, secret-row-data"), "\(verbose.stderr)")
            #expect(verbose.stderr.contains("  STATEMENT: "), "\(verbose.stderr)")
            #expect(verbose.stderr.split(separator: "\n").count > short.stderr.split(separator: "\n").count)
        }
    }

    /// Lines that appear more than once (ignoring indentation).
    static func repeatedLines(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !seen.insert($0).inserted }
    }
}
