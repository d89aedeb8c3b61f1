import Foundation
import PartSync
import PostgresClient
import Testing
import TestSupport

/// Cutover's lock discipline against a real server: short attempts, the holders named when they run out,
/// nothing changed then, and opt-in cancelling of the sessions in the way.
@Suite struct SwapLockTests {
    static let tables = [SQLIdentifier(schema: "public", name: "things"),
                         SQLIdentifier(schema: "public", name: "things_partitioned")]

    @Test("uncontended: the body runs in the transaction that holds ACCESS EXCLUSIVE on both tables")
    func uncontended() async throws {
        try await TestDatabase.with { database in
            let connection = try await VerifyTests.backfilled(database, setup: VerifyTests.things, table: "things")
            let held = try await SwapLock().run(Self.tables, table: "things", on: connection) { tx, taken in
                #expect(taken.attempt == 1 && taken.cancelled.isEmpty)
                return try await tx.query(
                    """
                    SELECT string_agg(relation::regclass::text, ',' ORDER BY relation::regclass::text) FROM pg_locks
                    WHERE pid = pg_backend_pid() AND locktype = 'relation' AND mode = 'AccessExclusiveLock'
                      AND relation IN ('things'::regclass, 'things_partitioned'::regclass)
                    """).first?[0]
            }
            #expect(held == "things,things_partitioned")
        }
    }

    @Test("a transaction holding the source makes every attempt time out: exit 4 names it, nothing changed")
    func outOfAttempts() async throws {
        try await TestDatabase.with { database in
            let connection = try await VerifyTests.backfilled(database, setup: VerifyTests.things, table: "things")
            let holder = try await database.connect()
            try await holder.execute("BEGIN; SELECT count(*) FROM things")
            let pid = try await holder.query("SELECT pg_backend_pid()").first!.decode(Int32.self, at: 0)
            let before = try await Fixtures.catalogFingerprint(connection)
            do {
                _ = try await SwapLock(lockTimeoutMilliseconds: 100, attempts: 3).run(Self.tables, table: "things",
                                                                                      on: connection) { tx, _ in
                    try await tx.execute("CREATE TABLE swapped_here (x int)")
                }
                Issue.record("the lock was taken past a holder")
            } catch let error as PartSyncError {
                #expect(error.kind == .interrupted, "exit 4")
                #expect(error.message.contains("in 3 attempt(s) of 100 ms; nothing was changed"), "\(error.message)")
                #expect(error.message.contains("pid \(pid) (idle in transaction"), "\(error.message)")
            }
            #expect(try await Fixtures.catalogFingerprint(connection) == before)
            // The holder was never disturbed: its transaction goes on and commits.
            try await holder.execute("SELECT 1; COMMIT")
        }
    }

    @Test("--cancel-blockers-after: a session idle in its transaction past the limit is ended, then the lock is taken")
    func cancelBlockers() async throws {
        try await TestDatabase.with { database in
            let connection = try await VerifyTests.backfilled(database, setup: VerifyTests.things, table: "things")
            let holder = try await database.connect()
            try await holder.execute("BEGIN; SELECT count(*) FROM things_partitioned")
            let pid = try await holder.query("SELECT pg_backend_pid()").first!.decode(Int32.self, at: 0)
            try await Task.sleep(for: .milliseconds(300))
            let taken = try await SwapLock(lockTimeoutMilliseconds: 100, attempts: 5, cancelBlockersAfterMilliseconds: 200)
                .run(Self.tables, table: "things", on: connection) { _, taken in taken }
            #expect(taken.attempt >= 2)
            #expect(taken.cancelled.map(\.pid).contains(pid))
            await #expect(throws: (any Error).self, "the holder's session was terminated") {
                try await holder.execute("SELECT 1")
            }
        }
    }
}
