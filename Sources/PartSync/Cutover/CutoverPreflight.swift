import PostgresClient

/// Whether a migration is ready to cut over, as named checks, each with its reason. `evaluate` is pure (unit
/// tested without a server); `Facts.gather` reads what it needs from the state and the server's activity.
///
/// A cutover asks for `ACCESS EXCLUSIVE` on both tables with a short `lock_timeout`. It is ready when the copy
/// is done, the applier keeps up, the latest verification is clean, and nothing holds the tables in a way that
/// would make every attempt time out: a long transaction that has touched them, a prepared transaction that
/// holds a lock on them (it lasts until someone commits it), or an autovacuum run to prevent wraparound (which
/// does not give way to a lock request, unlike an ordinary one).
public struct CutoverPreflight: Sendable, Codable, Equatable {
    public struct Check: Sendable, Codable, Equatable {
        public var name: String
        public var passed: Bool
        /// Why it passed or failed, with the next step when it failed.
        public var detail: String

        /// The checks' names, as printed.
        public static let backfillComplete = "backfill complete"
        public static let syncLag = "sync lag"
        public static let verificationClean = "verification clean"
        public static let noLongTransaction = "no long transaction on the tables"
    }

    /// A session that holds a lock on the source or the target.
    public struct Holder: Sendable, Codable, Equatable {
        public var pid: Int32
        /// How long its transaction has been open.
        public var transactionSeconds: Double
        public var state: String
        /// The start of its current or last statement (first 120 characters).
        public var query: String

        public init(pid: Int32, transactionSeconds: Double, state: String, query: String) {
            self.pid = pid
            self.transactionSeconds = transactionSeconds
            self.state = state
            self.query = query
        }
    }

    /// What the checks look at.
    public struct Facts: Sendable, Equatable {
        public var phase: MigrationPhase
        public var failedFrom: MigrationPhase?
        public var lag: SyncLag
        public var verification: StateStore.VerificationSummary?
        public var holders: [Holder]
        /// Prepared transactions holding a lock on either table: their global ids.
        public var preparedTransactions: [String]
        /// Backend pids of autovacuum workers vacuuming either table to prevent wraparound.
        public var wraparoundVacuums: [Int32]

        public init(phase: MigrationPhase, failedFrom: MigrationPhase?, lag: SyncLag,
                    verification: StateStore.VerificationSummary?, holders: [Holder], preparedTransactions: [String],
                    wraparoundVacuums: [Int32]) {
            self.phase = phase
            self.failedFrom = failedFrom
            self.lag = lag
            self.verification = verification
            self.holders = holders
            self.preparedTransactions = preparedTransactions
            self.wraparoundVacuums = wraparoundVacuums
        }
    }

    /// `cutover`'s defaults: how old the oldest pending change may be, and each lock attempt's `lock_timeout`.
    public static let defaultMaxLagMilliseconds = 1_000
    public static let defaultLockTimeoutMilliseconds = 200

    public var checks: [Check]

    /// True when every check passed.
    public var ready: Bool { checks.allSatisfy(\.passed) }
    public var failed: [Check] { checks.filter { !$0.passed } }

    /// The checks, in the order a DBA would fix them.
    /// - Parameters:
    ///   - maxLagMilliseconds: the oldest pending change may be at most this old.
    ///   - lockTimeoutMilliseconds: a transaction open longer than this on a table would outlast each attempt.
    public static func evaluate(_ facts: Facts, table: String, maxLagMilliseconds: Int, lockTimeoutMilliseconds: Int)
        -> CutoverPreflight
    {
        var checks: [Check] = []
        let copied = [.syncing, .verified, .rolledBack].contains(facts.phase)
        checks.append(Check(
            name: Check.backfillComplete, passed: copied,
            detail: copied ? "copied; phase \(facts.phase.rawValue)"
                : "phase \(facts.phase.rawValue): \(facts.phase.nextStep(table: table))"))

        let lag = facts.lag
        if lag.applierPID == nil {
            checks.append(Check(name: Check.syncLag, passed: false,
                                detail: "no applier is running; start `partsync sync --table \(table) --follow`"))
        } else {
            let age = (lag.oldestAgeSeconds ?? 0) * 1000
            let passed = lag.pending == 0 || age <= Double(maxLagMilliseconds)
            checks.append(Check(
                name: Check.syncLag, passed: passed,
                detail: lag.pending == 0 ? "nothing pending"
                    : "\(lag.pending) change(s) pending, the oldest \(Int(age)) ms old"
                        + (passed ? "" : " (more than \(maxLagMilliseconds) ms; wait for the applier to catch up)")))
        }

        if let verification = facts.verification {
            var problems: [String] = []
            if verification.verdict != "equal" {
                problems.append("the latest verification found \(verification.divergentKeys) divergent key(s)")
            }
            if verification.chunks > 0 && verification.equalChunks < verification.chunks {
                problems.append("\(verification.chunks - verification.equalChunks) of \(verification.chunks) "
                    + "key-range chunks are not equal at their latest check")
            }
            checks.append(Check(
                name: Check.verificationClean, passed: problems.isEmpty,
                detail: problems.isEmpty
                    ? "equal at \(verification.finishedAt); \(verification.touchedKeys) key(s) changed since, which "
                        + "the cutover rechecks under its lock"
                    : problems.joined(separator: "; ") + "; run `partsync verify --table \(table) --repair`"))
        } else {
            checks.append(Check(name: Check.verificationClean, passed: false,
                                detail: "never verified; run `partsync verify --table \(table)`"))
        }

        let long = facts.holders.filter { $0.transactionSeconds * 1000 > Double(lockTimeoutMilliseconds) }
        checks.append(Check(
            name: Check.noLongTransaction, passed: long.isEmpty,
            detail: long.isEmpty ? "no transaction holding them is older than the lock timeout"
                : long.map { "pid \($0.pid) (\($0.state), open \(Int($0.transactionSeconds)) s): \($0.query)" }
                    .joined(separator: "; ") + "; each lock attempt would time out behind it: let it finish, or "
                    + "cancel it (pg_cancel_backend)"))
        checks.append(Check(
            name: "no prepared transaction on the tables", passed: facts.preparedTransactions.isEmpty,
            detail: facts.preparedTransactions.isEmpty ? "none"
                : "prepared transaction(s) \(facts.preparedTransactions.joined(separator: ", ")) hold a lock until "
                    + "committed or rolled back (COMMIT PREPARED / ROLLBACK PREPARED)"))
        checks.append(Check(
            name: "no anti-wraparound autovacuum", passed: facts.wraparoundVacuums.isEmpty,
            detail: facts.wraparoundVacuums.isEmpty ? "none running on the tables"
                : "autovacuum pid(s) \(facts.wraparoundVacuums.map(String.init).joined(separator: ", ")) run to prevent "
                    + "wraparound and do not yield to a lock request; wait for them to finish"))
        return CutoverPreflight(checks: checks)
    }
}

extension CutoverPreflight.Holder {
    /// The relations `$1` (a `regclass[]`) names, with all their partitions (`pg_partition_tree` lists
    /// nothing for a table that is not partitioned, so the tables themselves come first).
    static let relationsSQL = "SELECT t FROM pg_catalog.unnest($1::regclass[]) t UNION "
        + "SELECT p.relid FROM pg_catalog.unnest($1::regclass[]) t, LATERAL pg_catalog.pg_partition_tree(t) p"

    /// Other sessions holding a lock on any of `tables` or their partitions (a `LOCK TABLE` of a partitioned
    /// table waits for those too), oldest transaction first. `clientsOnly`: client backends inside a
    /// transaction, leaving out autovacuum and other background workers, and partsync's own appliers (the
    /// swap takes the copy lock before the tables, so an apply batch in flight ends first and the next waits).
    static func holding(_ tables: [SQLIdentifier], clientsOnly: Bool, on connection: Connection) async throws -> [Self] {
        try await connection.query(
            """
            SELECT DISTINCT a.pid, COALESCE(extract(epoch FROM pg_catalog.clock_timestamp() - a.xact_start), 0)::float8,
                   COALESCE(a.state, ''), left(COALESCE(a.query, ''), 120)
            FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'relation' AND l.granted AND a.pid <> pg_catalog.pg_backend_pid()
              AND l.relation IN (\(relationsSQL))
              \(clientsOnly ? """
                AND a.xact_start IS NOT NULL AND a.backend_type = 'client backend'
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_locks p WHERE p.pid = a.pid AND p.locktype = 'advisory'
                                AND p.granted AND p.classid = \(AdvisoryLock.applier.rawValue)::oid)
                """ : "")
            ORDER BY 2 DESC
            """, [TextArray.literal(tables.map(\.sql))]).rows.map { row in
            Self(pid: try row.decode(Int32.self, at: 0), transactionSeconds: try row.decode(Double.self, at: 1),
                 state: row[2] ?? "", query: row[3] ?? "")
        }
    }
}

extension CutoverPreflight.Facts {
    /// Reads the facts of a loaded migration from the state and `pg_stat_activity` / `pg_locks`.
    /// - Parameter direction: whose applier's lag counts (`reverse` before a rollback).
    static func gather(_ context: MigrationContext, direction: CaptureDirection = .forward, on connection: Connection)
        async throws -> Self
    {
        let tables = [context.source.identifier, context.target.identifier]
        let names = TextArray.literal(tables.map(\.sql))
        let holders = try await CutoverPreflight.Holder.holding(tables, clientsOnly: true, on: connection)
        let prepared = try await connection.query(
            """
            SELECT DISTINCT p.gid FROM pg_catalog.pg_prepared_xacts p
            JOIN pg_catalog.pg_locks l ON l.virtualtransaction = '-1/' || p.transaction::text
            WHERE l.locktype = 'relation' AND l.relation IN (\(CutoverPreflight.Holder.relationsSQL))
            ORDER BY 1
            """, [names]).rows.compactMap { $0[0] }
        let vacuums = try await connection.query(
            """
            SELECT a.pid FROM pg_catalog.pg_stat_progress_vacuum v JOIN pg_catalog.pg_stat_activity a ON a.pid = v.pid
            WHERE a.backend_type = 'autovacuum worker' AND a.query LIKE '%(to prevent wraparound)%'
              AND v.relid IN (\(CutoverPreflight.Holder.relationsSQL))
            """, [names]).rows.map { try $0.decode(Int32.self, at: 0) }
        return Self(
            phase: context.record.phase, failedFrom: context.record.failedFrom,
            lag: try await SyncLag.load(context, direction: direction, on: connection),
            verification: try await StateStore(connection).latestVerification(context.record.key),
            holders: holders, preparedTransactions: prepared, wraparoundVacuums: vacuums)
    }
}
