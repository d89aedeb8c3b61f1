import Foundation
import PartSync
import PostgresClient
import Testing
import TestSupport

/// The cutover's preflight: each check on its own, without a server, and as `status` shows it on a real one.
@Suite struct CutoverPreflightTests {
    static let idle = SyncLag(pending: 0, oldestAgeSeconds: nil, appliedTotal: 10, applyRate: 5, lastBatchAgeSeconds: 1,
                              heartbeatAgeSeconds: 0.5, applierPID: 4242, applierWaiting: true, logBytes: 8_192)
    static let clean = StateStore.VerificationSummary(
        finishedAt: "2026-12-01 10:00:00 UTC", verdict: "equal", sourceRows: 10, targetRows: 10, divergentKeys: 0,
        inFlightKeys: 0, seconds: 1, chunks: 4, equalChunks: 4, touchedKeys: 3)
    static let ready = CutoverPreflight.Facts(
        phase: .verified, failedFrom: nil, lag: idle, verification: clean, holders: [], preparedTransactions: [],
        wraparoundVacuums: [])

    static func failing(_ facts: CutoverPreflight.Facts) -> [String: String] {
        Dictionary(uniqueKeysWithValues: CutoverPreflight.evaluate(
            facts, table: "messages", maxLagMilliseconds: 1_000, lockTimeoutMilliseconds: 200
        ).failed.map { ($0.name, $0.detail) })
    }

    @Test("a migration that is copied, caught up, verified and unobstructed passes every check")
    func allClear() {
        let preflight = CutoverPreflight.evaluate(Self.ready, table: "messages", maxLagMilliseconds: 1_000,
                                                  lockTimeoutMilliseconds: 200)
        #expect(preflight.ready)
        #expect(preflight.checks.map(\.name) == [
            "backfill complete", "sync lag", "verification clean", "no long transaction on the tables",
            "no prepared transaction on the tables", "no anti-wraparound autovacuum",
        ])
        #expect(preflight.checks[2].detail.contains("3 key(s) changed since"))
    }

    @Test("each obstacle fails its own check, naming the cause and the next step")
    func eachCheck() {
        var facts = Self.ready
        facts.phase = .backfilling
        #expect(Self.failing(facts)["backfill complete"]?.contains("partsync backfill --table messages") == true)
        #expect(Self.failing(facts).count == 1)

        facts = Self.ready
        facts.lag.applierPID = nil
        #expect(Self.failing(facts)["sync lag"]?.contains("no applier is running") == true)
        facts.lag.applierPID = 1
        facts.lag.pending = 12
        facts.lag.oldestAgeSeconds = 5
        #expect(Self.failing(facts)["sync lag"]?.contains("12 change(s) pending, the oldest 5000 ms old") == true)
        facts.lag.oldestAgeSeconds = 0.2
        #expect(Self.failing(facts).isEmpty, "a small, young backlog is drained under the lock")

        facts = Self.ready
        facts.verification = nil
        #expect(Self.failing(facts)["verification clean"]?.contains("never verified") == true)
        facts.verification = Self.clean
        facts.verification?.verdict = "divergent"
        facts.verification?.divergentKeys = 2
        #expect(Self.failing(facts)["verification clean"]?.contains("2 divergent key(s)") == true)
        facts.verification = Self.clean
        facts.verification?.equalChunks = 3
        #expect(Self.failing(facts)["verification clean"]?.contains("1 of 4 key-range chunks") == true)

        facts = Self.ready
        facts.holders = [.init(pid: 77, transactionSeconds: 0.05, state: "active", query: "SELECT 1")]
        #expect(Self.failing(facts).isEmpty, "a transaction younger than the lock timeout does not block")
        facts.holders.append(.init(pid: 78, transactionSeconds: 3_600, state: "idle in transaction", query: "SELECT *"))
        let long = Self.failing(facts)["no long transaction on the tables"]
        #expect(long?.contains("pid 78 (idle in transaction, open 3600 s)") == true && long?.contains("pid 77") == false)

        facts = Self.ready
        facts.preparedTransactions = ["tx-1"]
        facts.wraparoundVacuums = [99]
        let both = Self.failing(facts)
        #expect(both["no prepared transaction on the tables"]?.contains("tx-1") == true)
        #expect(both["no anti-wraparound autovacuum"]?.contains("99") == true)
    }

    @Test("status shows the preflight: a long transaction on the source blocks it until it ends")
    func statusShowsPreflight() async throws {
        try await TestDatabase.with { database in
            let connection = try await VerifyTests.backfilled(database, setup: VerifyTests.things, table: "things")
            _ = try await VerifyTests.verify(database, "things")
            let environment = ["DATABASE_URL": database.configuration.conninfo]
            let idle = try await Products.run("partsync", ["status", "--table", "things"], environment: environment)
            #expect(idle.stderr.contains("cutover preflight: not ready"), "\(idle.stderr)")
            #expect(idle.stderr.contains("no applier is running"), "\(idle.stderr)")

            let stop = StopSignal()
            let follower = Task {
                try await SyncFollower(configuration: database.configuration, table: "things").run(.follow, stop: stop)
            }
            try await waitFor(connection, "SELECT backend_pid IS NOT NULL FROM partsync.appliers")
            let holder = try await database.connect()
            try await holder.execute("BEGIN; SELECT count(*) FROM things")
            let pid = try await holder.query("SELECT pg_backend_pid()").first!.decode(Int32.self, at: 0)
            try await Task.sleep(for: .milliseconds(600))
            let blocked = try await Products.run("partsync", ["status", "--table", "things"], environment: environment)
            #expect(blocked.stderr.contains("no long transaction on the tables: pid \(pid) (idle in transaction"),
                    "\(blocked.stderr)")
            try await holder.execute("COMMIT")
            let ready = try await Products.run("partsync", ["status", "--table", "things"], environment: environment)
            #expect(ready.stderr.contains("cutover preflight: ready"), "\(ready.stderr)")
            stop.stop()
            _ = try await follower.value
        }
    }
}
