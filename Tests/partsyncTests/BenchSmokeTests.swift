import Foundation
import Testing
import TestSupport
@testable import partsync_bench

/// A tiny run of the real benchmark, so it cannot rot: every section, a few thousand rows, one repeat.
@Suite struct BenchSmokeTests {
    @Test("partsync-bench run measures every figure on a small table and writes them as JSON")
    func smallRun() async throws {
        try await TestDatabase.with { database in
            let json = NSTemporaryDirectory() + "/partsync-bench-smoke-\(UUID().uuidString).json"
            defer { unlink(json) }
            let outcome = try await Products.run("partsync-bench", [
                "run", "--database-url", database.configuration.conninfo, "--rows", "4000", "--repeat", "1",
                "--rounds", "1", "--pgbench-seconds", "1", "--bulk-rows", "1000", "--json", json,
                "--lag-rate", "400", "--lag-seconds", "2", "--burst-seconds", "2",
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let report = try JSONDecoder().decode(BenchReport.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
            #expect(report.failures.isEmpty, "\(report.failures)")
            let names = Set(report.figures.map(\.name))
            let expected = [
                "bigint: INSERT … SELECT ÷ partsync backfill", "bigint: keyset loop ÷ partsync backfill",
                "bigint: INSERT … SELECT ÷ partsync --workers 2", "uuid: INSERT … SELECT ÷ partsync backfill",
                "peak RSS at 4×N ÷ at N (flat in table size)",
                "single-row INSERT, 2 clients: partsync ÷ none", "single-row INSERT, 8 clients: partsync ÷ none",
                "single-row UPDATE, 2 clients: partsync ÷ none", "single-row UPDATE, 8 clients: partsync ÷ none",
                "single-row DELETE, 2 clients: partsync ÷ none",
                "single-row partition-key UPDATE, 8 clients: partsync ÷ none",
                "single-row UPDATE, 8 clients: logical replication ÷ none",
                "single-row UPDATE, 8 clients: capture only ÷ none",
                "single-row INSERT, 2 clients: partsync (wal) ÷ none", "single-row UPDATE, 8 clients: partsync (wal) ÷ none",
                "single-row DELETE, 8 clients: partsync (wal) ÷ none",
                "bulk UPDATE of 1000 rows: partsync (wal) ÷ none",
                "bulk INSERT … SELECT of 1000 rows: partsync ÷ none",
                "bulk UPDATE of 1000 rows: logical replication ÷ none",
                "sync apply lag p99: partsync ÷ logical replication",
                "change log: 2nd-half ÷ 1st-half peak size of the steady run",
                "catch-up after a burst: apply rate ÷ write rate",
                "sync apply lag p99: partsync (wal) ÷ logical replication", "catch-up after a burst (wal): apply rate ÷ write rate",
                "cutover: longest writer stall (4 writers)", "rollback: longest writer stall (4 writers)",
                "swap: lock request to commit (cutover and rollback)",
            ]
            for name in expected { #expect(names.contains(name), "missing figure \(name)") }
            for figure in report.figures {
                #expect(figure.value.isFinite && figure.value > 0, "\(figure.name) = \(figure.value)")
                #expect((figure.target == nil) == (figure.met == nil), "\(figure.name)")
            }
            #expect(outcome.stdout.contains("bigint: partsync backfill"))
            // The bench leaves nothing behind in the database it was given.
            let connection = try await database.connect()
            let left = try await connection.query(
                "SELECT count(*) FROM pg_namespace WHERE nspname = 'partsync_bench'").first!.decode(Int.self, at: 0)
            #expect(left == 0)
            let slots = try await connection.query(
                "SELECT count(*) FROM pg_replication_slots WHERE database = current_database()").first!.decode(Int.self, at: 0)
            #expect(slots == 0, "replication slots left behind")
        }
    }
}
