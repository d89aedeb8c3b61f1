import PostgresClient

/// How long one snapshot of verify may stay open (`--max-snapshot-seconds`): every query in it runs with a
/// `statement_timeout` of the time left, and no new piece of work starts that the longest one so far would not
/// finish in time. A long snapshot holds back vacuum cluster-wide; this bounds how long.
struct SnapshotDeadline: Sendable {
    let end: ContinuousClock.Instant

    init(seconds: Double, from start: ContinuousClock.Instant = .now) {
        end = start + .milliseconds(Int64(seconds * 1000))
    }

    var remaining: Duration { end - .now }

    /// Whether work expected to take `estimate` (and a wait before it) still ends in time.
    func allows(_ estimate: Duration, after wait: Duration = .zero) -> Bool { .now + wait + estimate < end }

    /// `SET LOCAL statement_timeout` to the time left (at least 1 ms, so 0 never means "no limit").
    var timeoutSQL: String {
        let milliseconds = max(1, Int64(remaining.seconds * 1000))
        return "SET LOCAL statement_timeout = \(milliseconds)"
    }
}

/// The snapshot would outlast its bound: the work in it is given up (nothing was written).
struct SnapshotExpired: Error {}

extension PostgresError {
    /// The server cancelled the statement (`statement_timeout`): the snapshot's time is up.
    var isStatementTimeout: Bool { sqlState == .statementTimeout }
}

/// Holds verify to a rate of rows read from the source (`--max-rows-per-second`), shared by all workers and
/// all snapshots of a run: the next read waits until the rows read so far fit the rate.
actor RowPacer {
    let rowsPerSecond: Double?
    private var start: ContinuousClock.Instant?
    private var rows: Int64 = 0

    init(rowsPerSecond: Double?) { self.rowsPerSecond = rowsPerSecond }

    /// Counts rows just read.
    func record(_ count: Int64) {
        if start == nil { start = .now }
        rows += count
    }

    /// How long to wait before reading more (zero without a rate).
    func delay() -> Duration {
        guard let rowsPerSecond, let start else { return .zero }
        let due = start + .milliseconds(Int64(Double(rows) / rowsPerSecond * 1000))
        return max(.zero, due - .now)
    }
}

/// The longest a piece of work took so far: what the next one is expected to take.
actor WorkTimer {
    private(set) var longest: Duration = .zero
    func record(_ duration: Duration) { longest = max(longest, duration) }
}

extension Verifier {
    /// A snapshot for verify: taken while holding the migration's copy lock shared (session level, released
    /// right after), so no apply batch is between taking its apply stamp and committing. Every batch stamped
    /// up to `position` is visible in it, and every later batch's keys are recorded with a larger stamp.
    struct Snapshot: Sendable {
        var id: String
        var takenAt: String
        var position: Int64
        var opened: ContinuousClock.Instant
    }

    /// Opens a `REPEATABLE READ READ ONLY` transaction on `connection` with a new exported snapshot and runs
    /// `body` in it.
    static func inSnapshot<T: Sendable>(
        _ context: MigrationContext, on connection: Connection, _ body: @Sendable (Connection, Snapshot) async throws -> T
    ) async throws -> T {
        let key = context.record.key
        try await connection.execute(AdvisoryLock.copy.call("pg_advisory_lock_shared", key: key))
        let unlock = AdvisoryLock.copy.call("pg_advisory_unlock_shared", key: key)
        do {
            return try await connection.withTransaction(isolation: .repeatableRead, readOnly: true) { tx in
                let row = try await tx.query(
                    """
                    SELECT pg_catalog.pg_export_snapshot(), now()::text,
                           COALESCE(pg_catalog.pg_sequence_last_value('partsync.apply_stamp'), 0)
                    """).first!
                try await tx.execute(unlock + "; " + RowHash.readSettings)
                let snapshot = Snapshot(id: try row.decode(String.self, at: 0), takenAt: try row.decode(String.self, at: 1),
                                        position: try row.decode(Int64.self, at: 2), opened: .now)
                return try await body(tx, snapshot)
            }
        } catch {
            // The unlock inside the transaction may not have run; a second unlock only warns.
            if await connection.isOpen { _ = try? await connection.execute(unlock) }
            throw error
        }
    }
}
