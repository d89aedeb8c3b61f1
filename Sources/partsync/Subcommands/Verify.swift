import ArgumentParser
import Foundation
import Logging
import PartSync
import PostgresClient

extension PartSyncCommand {
    struct Verify: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove the partitioned table equal to the source: checksums of both sides in one snapshot.",
            discussion: """
                Both tables are read in one REPEATABLE READ snapshot, in parallel, and compared per chunk (a period \
                of the partition key × a bucket of the key's hash) by row count and a sum of 64-bit row hashes; \
                differing chunks are narrowed to the exact keys: missing in the target, extra in the target, or \
                different (with the columns). Keys still pending in the change log are in flight, not divergent. \
                --repair re-syncs divergent keys from the source through the applier and verifies again. \
                No snapshot stays open longer than --max-snapshot-seconds: a table that needs longer is verified \
                by key ranges, each in a snapshot of its own. --rolling cycles through those chunks at a bounded \
                rate until stopped, storing each chunk's latest result for cutover. \
                Exit 0 when equal, 1 when divergent (docs/verification.md documents the JSON report).
                """)

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "The table being migrated (its name before or after cutover).")
        var table: String

        @Option(help: "Rows per chunk: smaller chunks narrow differences with less re-reading.")
        var chunkRows = 100_000

        @Option(help: "Connections reading in parallel (2: source and target at once).")
        var workers = 2

        @Option(help: "Write the JSON report to this file.")
        var report: String?

        @Option(help: "Write a self-contained HTML report to this file (with the query check).")
        var html: String?

        @Option(help: "Queries for the query check, one per statement with {table} for the table (docs/reports.md).")
        var query: String?

        @Option(help: "Timed runs of each query-check query per table (after one warm-up run); the median counts.")
        var queryRuns = 5

        @Option(help: "List at most this many differing keys (all are counted).")
        var maxKeys = 1_000

        @Flag(help: "Re-sync divergent keys from the source through the applier's key path, then verify again.")
        var repair = false

        @Flag(help: "Print the JSON report on stdout.")
        var json = false

        @Option(help: "No snapshot stays open longer than this (it holds back vacuum meanwhile).")
        var maxSnapshotSeconds: Double = 60

        @Option(help: "Read at most this many rows a second, both tables counted (default: no limit; rolling: 50000).")
        var maxRowsPerSecond: Double?

        @Flag(help: "Verify continuously, chunk after chunk at a bounded rate, until SIGINT/SIGTERM or --passes.")
        var rolling = false

        @Option(help: "With --rolling: stop after this many whole passes.")
        var passes: Int?

        func validate() throws {
            guard chunkRows >= 100 else { throw ValidationError("--chunk-rows must be at least 100") }
            guard (1...64).contains(workers) else { throw ValidationError("--workers must be between 1 and 64") }
            guard maxKeys >= 1 else { throw ValidationError("--max-keys must be positive") }
            guard maxSnapshotSeconds >= 0.5 else { throw ValidationError("--max-snapshot-seconds must be at least 0.5") }
            if let maxRowsPerSecond, maxRowsPerSecond < 100 {
                throw ValidationError("--max-rows-per-second must be at least 100")
            }
            guard (1...50).contains(queryRuns) else { throw ValidationError("--query-runs must be between 1 and 50") }
            if let passes {
                guard rolling else { throw ValidationError("--passes needs --rolling") }
                guard passes >= 1 else { throw ValidationError("--passes must be positive") }
            }
        }

        func run() async throws {
            let stop = StopSignal()
            let verifier = Verifier(
                configuration: ConnectionConfiguration.resolve(databaseURL: connection.databaseURL), table: table,
                options: Verifier.Options(
                    chunkRows: chunkRows, workers: workers, maxKeys: maxKeys, repair: repair,
                    maxSnapshotSeconds: maxSnapshotSeconds,
                    maxRowsPerSecond: maxRowsPerSecond ?? (rolling ? 50_000 : nil), rolling: rolling, passes: passes),
                logger: Logger(label: "partsync"), stop: stop)
            // A bad query file is refused before anything is read.
            let queries = try query.map { path in try QueryCheck.parse(try Self.read(path, table: table)) }
            let outcome = try await SignalTrap.withStopOnSignals(stop) { try await verifier.run() }
            var result = outcome.report
            if html != nil || queries != nil {
                result.queries = try await verifier.queryCheck(QueryCheck(queries: queries, runs: queryRuns))
            }
            let encoder = JSONEncoder.readable()
            let data = try encoder.encode(result)
            if let report { try Self.write(data, to: report, table: result.table, option: "--report") }
            if let html {
                let page = VerifyHTML.render(result, lag: try await verifier.lagSamples(), queries: result.queries)
                try Self.write(Data(page.utf8), to: html, table: result.table, option: "--html")
            }
            if json { FileHandle.standardOutput.write(data + Data("\n".utf8)) }
            if let checked = result.queries { Output.info(VerifyHTML.queryLines(checked)) }
            if let before = outcome.beforeRepair {
                Output.info("\(before.table): \(before.divergent.count) divergent key(s) found; repaired "
                    + "\(outcome.repaired) through the applier and verified again")
            }
            Output.info(Self.summary(outcome.report))
            if outcome.report.verdict == .divergent {
                throw PartSyncError(
                    .divergence, table: outcome.report.table, phase: .syncing,
                    message: "\(outcome.report.divergent.count) key(s) differ between the tables",
                    nextStep: "rerun with --repair to re-sync them from the source, and find what wrote to the target")
            }
        }

        static func read(_ path: String, table: String) throws -> String {
            do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw PartSyncError(.usage, table: table, message: "cannot read the query file \(path): "
                                        + error.localizedDescription, nextStep: "give a readable --query file")
            }
        }

        static func write(_ data: Data, to path: String, table: String, option: String) throws {
            do { try data.write(to: URL(fileURLWithPath: path)) } catch {
                throw PartSyncError(.usage, table: table,
                                    message: "cannot write the report to \(path): \(error.localizedDescription)",
                                    nextStep: "choose a writable \(option) path")
            }
        }

        static func summary(_ report: VerifyReport) -> String {
            var lines = ["\(report.table): " + Verifier.summary(report)]
            for difference in report.divergent.prefix(20) {
                var line = "  \(difference.class.rawValue): (\(difference.key.joined(separator: ", ")))"
                if !difference.columns.isEmpty { line += " columns \(difference.columns.joined(separator: ", "))" }
                if let partition = difference.partition { line += " in \(partition)" }
                lines.append(line)
            }
            if report.divergent.count > 20 { lines.append("  … \(report.divergent.count - 20) more in the report") }
            return lines.joined(separator: "\n")
        }
    }
}
