import ArgumentParser
import Foundation
import LocalPostgres
import PostgresClient

@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partsync-bench",
        abstract: "Measure partsync's performance figures beside their baselines, in one run on the same data.",
        subcommands: [RunBenchmark.self, NotifyLatency.self, HoldCluster.self, SyncLagBench.self]
    )
}

/// Where a benchmark runs: a given database, or a fresh durable throwaway cluster.
struct BenchTarget: ParsableArguments {
    @Option(help: "Use this database instead of starting a throwaway cluster.")
    var databaseURL: String?

    func withDatabase<T>(_ body: (ConnectionConfiguration) async throws -> T) async throws -> T {
        if let databaseURL {
            return try await body(ConnectionConfiguration(conninfo: databaseURL, applicationName: "partsync-bench"))
        }
        let cluster = try LocalCluster.start(LocalCluster.Options(durable: true))
        defer { cluster.stop() }
        return try await body(ConnectionConfiguration(conninfo: cluster.conninfo, applicationName: "partsync-bench"))
    }
}
