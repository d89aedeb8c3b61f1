import ArgumentParser
import Demo
import Foundation
import LocalPostgres
import Logging
import PartSync
import PostgresClient

extension PartSyncCommand {
    struct Demo: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Migrate the Atlas demo tables live, on a throwaway cluster: every phase, then the proofs.",
            discussion: """
                Starts a throwaway PostgreSQL cluster from the installed binaries (or, with --database-url, works \
                in a scratch schema that must be empty), creates the Atlas chat tables messages and usage_logs \
                with Supabase-style roles and row-level security, seeds them, and keeps an application's writes \
                going (users through RLS, the backend as service_role) while each table goes through plan, \
                prepare, backfill, sync, verify and cutover. Then it proves the outcome from the database: both \
                tables partitioned under their names, RLS holding, fresh ids, partition pruning, every \
                acknowledged write present. Reports (demo.json, index.html, each table's plan and verification) \
                go to --out. Exit 0 when every proof holds; otherwise the exit code of the step that failed (1 a \
                proof or a divergence, 2 usage, 3 database, 4 interrupted), which is named.
                """)

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "Rows seeded into each table.")
        var rows = AtlasDemo.defaultRows

        @Option(help: "Where the reports go.")
        var out = "partsync-demo"

        @Flag(help: "Keep the throwaway cluster running (or, with --database-url, the scratch schema) to look around.")
        var keep = false

        @Option(help: "With --database-url: the scratch schema to create the tables in (must be empty).")
        var schema = "partsync_demo"

        @Option(help: "Users writing messages during the demo (and half as many backend writers on usage_logs).")
        var writers = 4

        func validate() throws {
            guard (1_000...50_000_000).contains(rows) else { throw ValidationError("--rows must be 1000 to 50000000") }
            guard (1...32).contains(writers) else { throw ValidationError("--writers must be 1 to 32") }
            guard !schema.isEmpty else { throw ValidationError("--schema must not be empty") }
            if connection.databaseURL == nil && schema != "partsync_demo" {
                throw ValidationError("--schema needs --database-url (the throwaway cluster uses public)")
            }
        }

        func run() async throws {
            let started = Date()
            var cluster: LocalCluster?
            let configuration: ConnectionConfiguration
            if let url = connection.databaseURL {
                configuration = ConnectionConfiguration.resolve(databaseURL: url)
            } else {
                Output.info("partsync demo: starting a throwaway PostgreSQL cluster")
                do {
                    cluster = try LocalCluster.start()
                } catch {
                    throw PartSyncError(.database, message: "cannot start a throwaway cluster: \(error)",
                                        nextStep: "install the PostgreSQL server (./deploy/demo.sh does), or give "
                                            + "--database-url to run in a scratch schema of an existing database")
                }
                configuration = ConnectionConfiguration(conninfo: cluster!.conninfo, applicationName: "partsync demo")
            }
            let outDirectory = URL(fileURLWithPath: out).standardizedFileURL
            let display = ProgressDisplay(label: nil)
            var logger = Logger(label: "partsync")
            logger.logLevel = .warning
            let demo = AtlasDemo(
                configuration: configuration,
                options: AtlasDemo.Options(
                    rows: rows, schema: cluster == nil ? schema : "public", ownsDatabase: cluster != nil,
                    out: outDirectory, writers: writers, removeWhenDone: cluster == nil && !keep),
                logger: logger,
                events: { event in
                    switch event {
                    case .heading(let text): ProgressDisplay.line("\n\(text)")
                    case .progress(let bar, let summary): display.show(bar: "  " + bar, summary: "  " + summary)
                    case .line(let text): ProgressDisplay.line("  " + text)
                    }
                })
            let stop = StopSignal()
            var failure: DemoFailure?
            do {
                let report = try await SignalTrap.withStopOnSignals(stop) { try await demo.run(stop: stop) }.report
                Output.info("\n" + report.summaryTable)
                Output.info("\nall \(report.proofs.count) proofs hold; \(Int(Date().timeIntervalSince(started))) s in all")
            } catch let error as DemoFailure {
                failure = error
            }
            Output.info("reports: \(outDirectory.path)/index.html (and demo.json, each table's plan and verification)")
            finish(cluster)
            if let failure {
                Output.info("partsync demo: \(failure)")
                Foundation.exit(failure.exitCode)
            }
        }

        /// Stops the cluster unless --keep (the demo itself removes what it made in a --database-url database).
        private func finish(_ cluster: LocalCluster?) {
            guard let cluster else {
                if keep {
                    Output.info("kept schema \(SQLIdentifier.quote(schema)); when done: partsync finish --table "
                        + "\(schema).messages --drop-retired (and \(schema).usage_logs), then DROP SCHEMA "
                        + "\(SQLIdentifier.quote(schema)) CASCADE")
                }
                return
            }
            if keep {
                cluster.keep()
                Output.info("""
                    the cluster keeps running: psql '\(cluster.conninfo)'
                      stop it with: \(cluster.stopCommand)
                    """)
            } else {
                cluster.stop()
            }
        }
    }
}
