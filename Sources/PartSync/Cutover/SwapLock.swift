import PostgresClient

/// How cutover (and rollback) take `ACCESS EXCLUSIVE` on the tables they swap (invariant 7): each attempt is
/// a transaction whose `LOCK TABLE` waits at most `lockTimeoutMilliseconds`, so it never queues in front of
/// the application behind a long query for longer than that; between attempts it backs off with jitter. The
/// caller's work runs under the lock in the same transaction. Out of attempts, nothing has changed and the
/// error names the sessions that held the tables. With `cancelBlockersAfterMilliseconds`, a session that
/// has held them longer than that is cancelled (its query), then terminated if it still holds them.
public struct SwapLock: Sendable {
    public var lockTimeoutMilliseconds: Int
    public var attempts: Int
    /// Cancel (then terminate) sessions whose transaction holding the tables is older than this; nil: never.
    public var cancelBlockersAfterMilliseconds: Int?
    /// Pauses between attempts: random in [cap/2, cap], the cap doubling from 100 ms up to 2 s.
    var backoff = RetryPolicy(attempts: .max, baseMilliseconds: 100, maxMilliseconds: 2_000)

    public init(lockTimeoutMilliseconds: Int = CutoverPreflight.defaultLockTimeoutMilliseconds, attempts: Int = 10,
                cancelBlockersAfterMilliseconds: Int? = nil) {
        self.lockTimeoutMilliseconds = lockTimeoutMilliseconds
        self.attempts = attempts
        self.cancelBlockersAfterMilliseconds = cancelBlockersAfterMilliseconds
    }

    /// What taking the lock took.
    public struct Taken: Sendable, Equatable {
        /// The attempt that got the lock (1: the first).
        public var attempt: Int
        /// Sessions cancelled or terminated on the way (`cancelBlockersAfterMilliseconds`).
        public var cancelled: [CutoverPreflight.Holder]
        /// When the attempt that got the lock asked for it: the start of the stall writers see.
        public var requestedAt: ContinuousClock.Instant
    }

    /// Runs `body` in a transaction that holds `ACCESS EXCLUSIVE` on `tables` (in that order).
    /// - Parameter prologue: statements each attempt runs before `LOCK TABLE`, under the same `lock_timeout`
    ///   (a swap takes the copy lock first, in the order the applier takes it).
    /// - Throws: `PartSyncError(.interrupted)` (exit 4) when every attempt timed out, naming the holders;
    ///   errors from `body` as they are (its transaction is rolled back).
    public func run<T: Sendable>(
        _ tables: [SQLIdentifier], table: String, prologue: [String] = [], on connection: Connection,
        _ body: @Sendable (Connection, Taken) async throws -> T
    ) async throws -> T {
        var cancelled: [CutoverPreflight.Holder] = []
        var holders: [CutoverPreflight.Holder] = []
        let names = tables.map(\.sql).joined(separator: ", ")
        for attempt in 1...max(1, attempts) {
            do {
                let taken = Taken(attempt: attempt, cancelled: cancelled, requestedAt: ContinuousClock.now)
                return try await connection.withTransaction(settings: ["lock_timeout": "\(lockTimeoutMilliseconds)ms"]) { tx in
                    for statement in prologue { try await tx.execute(statement) }
                    try await tx.execute("LOCK TABLE \(names) IN ACCESS EXCLUSIVE MODE")
                    return try await body(tx, taken)
                }
            } catch let error as PostgresError where error.sqlState == .lockNotAvailable {
                holders = try await CutoverPreflight.Holder.holding(tables, clientsOnly: false, on: connection)
                if let limit = cancelBlockersAfterMilliseconds {
                    let old = holders.filter { $0.transactionSeconds * 1000 >= Double(limit) }
                    for holder in old {
                        try await connection.query("SELECT pg_catalog.pg_cancel_backend($1)", [holder.pid])
                    }
                    try await Task.sleep(for: .milliseconds(50))
                    let still = Set(try await CutoverPreflight.Holder.holding(tables, clientsOnly: false, on: connection).map(\.pid))
                    for holder in old where still.contains(holder.pid) {
                        try await connection.query("SELECT pg_catalog.pg_terminate_backend($1)", [holder.pid])
                    }
                    cancelled += old
                }
                if attempt < attempts {
                    try await Task.sleep(for: .milliseconds(Int64(backoff.delay(forAttempt: attempt))))
                }
            }
        }
        throw PartSyncError(
            .interrupted, table: table,
            message: "could not lock \(names) in \(attempts) attempt(s) of \(lockTimeoutMilliseconds) ms; nothing "
                + "was changed" + (holders.isEmpty ? "" : "; held by " + holders.map {
                    "pid \($0.pid) (\($0.state), open \(Int($0.transactionSeconds)) s): \($0.query)"
                }.joined(separator: "; ")),
            nextStep: "let those sessions finish and run it again, or give --cancel-blockers-after MS")
    }
}
