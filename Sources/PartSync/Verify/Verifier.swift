import Foundation
import Logging
import PostgresClient

/// `partsync verify`: proves source and target equal (invariant 6 of the design).
///
/// - One snapshot (`Verifier+OneSnapshot`): a coordinator opens a `REPEATABLE READ` transaction and exports
///   its snapshot; every worker imports it (`SET TRANSACTION SNAPSHOT`), so all of them, and the change log's
///   pending keys, are read as of one instant. Each side is read once, by heap block slices, and summed per
///   chunk (a period of the partition key × a bucket of the key's hash) in the server.
/// - Bounded snapshots (`Verifier+KeyRanges`): no snapshot stays open longer than `maxSnapshotSeconds`. A
///   table that would need longer is verified by key-range chunks instead, as many per snapshot as fit, and
///   each mismatching chunk is narrowed in a snapshot of its own with its own pending keys. Rolling
///   verification cycles through the same chunks, storing each one's latest result.
/// - Exact differences: only chunks whose sums differ are read again, key by key: rows with an identical copy
///   on the other side drop out, the rest are joined by primary key and classified as missing, extra or
///   different (naming the columns).
/// - In flight: a differing key that is pending in the change log at the snapshot is reported as in flight,
///   not as divergence; the applier brings it over.
/// - Touched keys: from the first verification on, the applier records every key it applies; a clean result
///   forgets the keys its snapshot saw, so what is left is exactly what cutover has to recheck.
public struct Verifier: Sendable {
    public struct Options: Sendable {
        /// Rows per chunk (the key buckets per period, or the key ranges, follow from it).
        public var chunkRows: Int
        /// Connections reading in parallel (2: source and target at once).
        public var workers: Int
        /// The most differing keys listed in the report (all are counted).
        public var maxKeys: Int
        /// Re-sync divergent keys through the applier's key path, then verify again.
        public var repair: Bool
        /// No snapshot (no transaction of verify) stays open longer than this.
        public var maxSnapshotSeconds: Double
        /// Rows read per second at most, both sides counted (nil: as fast as the server reads).
        public var maxRowsPerSecond: Double?
        /// Cycle through the key-range chunks continuously, recording each pass, until stopped.
        public var rolling: Bool
        /// Rolling: stop after this many passes (nil: until stopped).
        public var passes: Int?

        public init(chunkRows: Int = 100_000, workers: Int = 2, maxKeys: Int = 1_000, repair: Bool = false,
                    maxSnapshotSeconds: Double = 60, maxRowsPerSecond: Double? = nil, rolling: Bool = false,
                    passes: Int? = nil) {
            self.chunkRows = chunkRows
            self.workers = workers
            self.maxKeys = maxKeys
            self.repair = repair
            self.maxSnapshotSeconds = maxSnapshotSeconds
            self.maxRowsPerSecond = maxRowsPerSecond
            self.rolling = rolling
            self.passes = passes
        }
    }

    public struct Outcome: Sendable {
        public var report: VerifyReport
        /// The report of the first pass when `repair` ran and verified again.
        public var beforeRepair: VerifyReport?
        /// Divergent keys sent through the applier by `repair`.
        public var repaired: Int
        /// Rolling: the passes completed.
        public var passes: Int
    }

    public let configuration: ConnectionConfiguration
    public let table: String
    public let options: Options
    let logger: Logger
    let stop: StopSignal

    public init(configuration: ConnectionConfiguration, table: String, options: Options = Options(),
                logger: Logger = Logger(label: "partsync"), stop: StopSignal = StopSignal()) {
        self.configuration = configuration
        self.table = table
        self.options = options
        self.logger = logger
        self.stop = stop
    }

    /// Verifies, stores the run in the state and, when the tables are equal while syncing, moves the migration
    /// to `verified` (a divergent run moves a verified migration back to `syncing`). Rolling: pass after pass
    /// until stopped or `passes` are done; the outcome is the last pass's.
    /// - Throws: `PartSyncError(.usage)` for an unknown table or a phase that has nothing to verify;
    ///   `PartSyncError(.interrupted)` when stopped before a whole pass.
    public func run() async throws -> Outcome {
        let connection = try await connect()
        do {
            let outcome = try await run(on: connection)
            await connection.close()
            return outcome
        } catch {
            await connection.close()
            throw error
        }
    }

    private func run(on connection: Connection) async throws -> Outcome {
        var last: Outcome?
        var passes = 0
        repeat {
            let context = try await MigrationContext.load(table: table, on: connection, phase: .syncing)
            if case .refuse(let reason) = PhaseRule.verify(context.record.phase, failedFrom: context.record.failedFrom) {
                throw PartSyncError(.usage, table: context.table, phase: context.record.phase, message: reason,
                                    nextStep: context.record.phase.nextStep(table: context.table))
            }
            do {
                guard let outcome = try await pass(context, on: connection) else { break }
                passes += 1
                last = outcome
                last?.passes = passes
                if options.rolling {
                    logger.with(table: context.table, phase: context.record.phase)
                        .info("rolling verify: pass \(passes): \(Self.summary(outcome.report))")
                }
            } catch let error as PartSyncError {
                throw error
            } catch {
                throw PartSyncError.database(error, table: context.table, phase: context.record.phase, doing: "verify")
            }
        } while options.rolling && !stop.isStopped && options.passes.map { passes < $0 } ?? true
        guard let last else {
            throw PartSyncError(
                .interrupted, table: table, phase: .syncing, message: "stopped before a whole verification pass",
                nextStep: "rerun the same command; the chunk results so far are kept in partsync.verify_chunks")
        }
        return last
    }

    /// One verification (and, with `repair`, the repair and a second one), recorded. Nil when stopped.
    private func pass(_ context: MigrationContext, on connection: Connection) async throws -> Outcome? {
        try await StateStore(connection).enableVerifyTracking(context.record.key)
        let pacer = RowPacer(rowsPerSecond: options.maxRowsPerSecond)
        guard let first = try await verify(context, on: connection, pacer: pacer) else { return nil }
        guard options.repair, !first.divergent.isEmpty else {
            try await record(first, context, on: connection)
            return Outcome(report: first, beforeRepair: nil, repaired: 0, passes: 1)
        }
        let repaired = try await repair(first.divergent, context, on: connection)
        guard let second = try await verify(context, on: connection, pacer: pacer) else { return nil }
        try await record(second, context, on: connection)
        return Outcome(report: second, beforeRepair: first, repaired: repaired, passes: 1)
    }

    /// One verification: in one snapshot when it fits the bound, else (and always when rolling) by key ranges.
    func verify(_ context: MigrationContext, on connection: Connection, pacer: RowPacer) async throws
        -> VerifyReport?
    {
        let hash = try await RowHash.probe(context.key, on: connection)
        if !options.rolling {
            do {
                return try await verifyInOneSnapshot(context, hash: hash, on: connection, pacer: pacer)
            } catch is SnapshotExpired {
                logger.with(table: context.table, phase: context.record.phase).notice("""
                    verify: one snapshot of the whole table would stay open longer than \
                    \(Self.seconds(options.maxSnapshotSeconds)) (--max-snapshot-seconds); verifying it chunk by \
                    chunk, each key range in a snapshot of its own
                    """)
            }
        }
        return try await verifyByKeyRanges(context, hash: hash, on: connection, pacer: pacer)
    }

    /// Distinct keys pending in the migration's change log, in the caller's snapshot.
    static func pendingKeys(_ context: MigrationContext, on tx: Connection) async throws -> Int {
        try await tx.query(
            "SELECT count(*) FROM (SELECT DISTINCT \(context.key.list(.key)) FROM \(context.capture.log.sql)) l"
        ).first!.decode(Int.self, at: 0)
    }

    /// Runs the query check (EXPLAIN ANALYZE of representative queries on both tables) for the reports.
    public func queryCheck(_ check: QueryCheck) async throws -> QueryCheck.Report {
        try await withContext(doing: "run the query check") { context, connection in
            try await check.run(on: connection, context: context)
        }
    }

    /// The forward capture's sync lag over the last day, for the HTML report's chart.
    public func lagSamples() async throws -> [LagSample] {
        try await withContext(doing: "read the sync lag samples") { context, connection in
            try await StateStore(connection).lagSamples(context.record.key)
        }
    }

    private func withContext<T: Sendable>(
        doing: String, _ body: (MigrationContext, Connection) async throws -> T
    ) async throws -> T {
        let connection = try await connect()
        do {
            let context = try await MigrationContext.load(table: table, on: connection, phase: .syncing)
            do {
                let value = try await body(context, connection)
                await connection.close()
                return value
            } catch let error as PartSyncError {
                throw error
            } catch {
                throw PartSyncError.database(error, table: context.table, phase: context.record.phase, doing: doing)
            }
        } catch {
            await connection.close()
            throw error
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    /// One line: the verdict and its counts.
    public static func summary(_ report: VerifyReport) -> String {
        "\(report.verdict == .equal ? "EQUAL" : "DIVERGENT") — \(report.sourceRows) rows in \(report.source), "
            + "\(report.targetRows) in \(report.target); \(report.chunks) chunks, \(report.mismatchedChunks) "
            + "differing; \(report.divergent.count) divergent, \(report.inFlightKeys) key(s) in flight; "
            + "\(report.snapshots) snapshot(s); " + String(format: "%.1f s", report.durationSeconds)
    }

    private func connect() async throws -> Connection {
        do {
            return try await RetryPolicy(attempts: 5).run { try await Connection.connect(configuration) }
        } catch {
            throw PartSyncError.database(error, table: table, phase: nil, doing: "connect")
        }
    }

    /// A worker's connection.
    func workerConnection() async throws -> Connection {
        var configuration = configuration
        configuration.applicationName = "partsync verify"
        return try await Connection.connect(configuration)
    }

    private func record(_ report: VerifyReport, _ context: MigrationContext, on connection: Connection) async throws {
        let store = StateStore(connection)
        try await store.recordVerification(context.record.key, report)
        let phase = context.record.phase
        let summary = "verify: \(report.verdict.rawValue), \(report.sourceRows) / \(report.targetRows) rows, "
            + "\(report.divergent.count) divergent, \(report.inFlight.count) in flight"
        if report.verdict == .equal && phase == .syncing {
            try await store.transition(context.record.key, to: .verified, message: summary)
        } else if report.verdict == .divergent && phase == .verified {
            try await store.transition(context.record.key, to: .syncing, message: summary)
        } else {
            try await store.event(context.record.key, phase: phase, summary)
        }
    }

    /// The exact differences among the rows `filter` selects (a condition over alias `a`, its parameters from
    /// `$1`), in the caller's snapshot: those whose key is not pending in the change log `log` (divergent) and
    /// those whose key is (in flight), at most `limit` of each. Pending keys are matched in the server (a hash
    /// join with the log's distinct keys), so a long backlog costs the server a hash table, not this process.
    /// - Parameter lookup: instead of `filter`, the rows to compare as `FROM` items that yield each table's
    ///   rows as `a` (the touched-keys recheck reads them by key through `LATERAL`), and the target's partition
    ///   as the column `a.partsync_tableoid`.
    static func differences(
        filter: (sql: String, parameters: [(any PostgresEncodable)?]), source: SQLIdentifier, target: SQLIdentifier,
        hash: RowHash, logs: [SQLIdentifier], limit: Int, lookup: (source: String, target: String)? = nil,
        on tx: Connection
    ) async throws -> (divergent: [VerifyReport.Difference], inFlight: [VerifyReport.Difference]) {
        let key = hash.key
        let sourceRows = lookup?.source ?? "\(source.sql) a WHERE \(filter.sql)"
        let targetRows = lookup?.target ?? "\(target.sql) a WHERE \(filter.sql)"
        let partition = lookup == nil ? "a.tableoid" : "a.partsync_tableoid"
        let columns = key.names(.all)
        let differing = columns.map { column in
            let name = SQLIdentifier.quote(column)
            return "CASE WHEN sl.partsync_h IS NOT NULL AND tl.partsync_h IS NOT NULL "
                + "AND sl.\(name)::text IS DISTINCT FROM tl.\(name)::text THEN \(SQLLiteral.quote(column)) END"
        }.joined(separator: ", ")
        let keyText = key.names(.key).map { "COALESCE(sl.\(SQLIdentifier.quote($0)), tl.\(SQLIdentifier.quote($0)))::text" }
            .joined(separator: ", ")
        let pendingMatch = key.names(.key).map {
            "p.\(SQLIdentifier.quote($0)) = COALESCE(sl.\(SQLIdentifier.quote($0)), tl.\(SQLIdentifier.quote($0)))"
        }.joined(separator: " AND ")
        let rows = try await tx.query(
            """
            WITH s AS (
                SELECT a.*, \(hash.row("a")) AS partsync_h FROM \(sourceRows)
            ), t AS (
                SELECT a.*, \(hash.row("a")) AS partsync_h, \(partition)::regclass::text AS partsync_partition
                FROM \(targetRows)
            ), sl AS (
                SELECT * FROM s WHERE NOT EXISTS (
                    SELECT 1 FROM t WHERE \(key.equal(.key, "t", "s")) AND t.partsync_h = s.partsync_h)
            ), tl AS (
                SELECT * FROM t WHERE NOT EXISTS (
                    SELECT 1 FROM s WHERE \(key.equal(.key, "s", "t")) AND s.partsync_h = t.partsync_h)
            ), p AS (
                SELECT DISTINCT \(key.list(.key)) FROM (\(logs.map { "SELECT \(key.list(.key)) FROM \($0.sql)" }
                    .joined(separator: " UNION ALL "))) logged
            ), found AS (
                SELECT ARRAY[\(keyText)] AS k,
                       CASE WHEN sl.partsync_h IS NULL THEN 'extra' WHEN tl.partsync_h IS NULL THEN 'missing'
                            ELSE 'different' END AS c,
                       pg_catalog.array_remove(ARRAY[\(differing)]::text[], NULL) AS d,
                       tl.partsync_partition AS part,
                       p.\(SQLIdentifier.quote(key.names(.key)[0])) IS NOT NULL AS pending
                FROM sl FULL JOIN tl ON \(key.equal(.key, "sl", "tl"))
                LEFT JOIN p ON \(pendingMatch)
            )
            (SELECT * FROM found WHERE NOT pending ORDER BY k, c LIMIT $\(filter.parameters.count + 1))
            UNION ALL
            (SELECT * FROM found WHERE pending ORDER BY k, c LIMIT $\(filter.parameters.count + 1))
            """, filter.parameters + [limit])
        var divergent: [VerifyReport.Difference] = []
        var inFlight: [VerifyReport.Difference] = []
        for row in rows.rows {
            let difference = VerifyReport.Difference(
                key: TextArray.parse(row[0]) ?? [], class: VerifyReport.Class(rawValue: try row.decode(String.self, at: 1))!,
                columns: TextArray.parse(row[2]) ?? [], partition: row[3])
            if try row.decode(Bool.self, at: 4) { inFlight.append(difference) } else { divergent.append(difference) }
        }
        return (divergent, inFlight)
    }

    /// Sends every divergent key through the applier's key path: its entries go into the change log (the pair
    /// the source has and the pair the target has), and the applier re-reads the source for them. When no
    /// applier runs, this process applies them under the applier lock; otherwise it waits for the running one.
    /// - Returns: the keys repaired.
    func repair(_ divergent: [VerifyReport.Difference], _ context: MigrationContext, on connection: Connection)
        async throws -> Int
    {
        let key = context.key
        let keys = divergent.map(\.key)
        let match = zip(context.shape.primaryKey, key.typed("k.v")).map { column, value in
            "a.\(SQLIdentifier.quote(column)) = \(value)"
        }.joined(separator: " AND ")
        let logged = key.list(.target)
        let generation = try await StateStore(connection).activeGeneration(context.capture)
        // The pairs of both sides for each key: the applier upserts the source's and deletes the rest.
        try await connection.query(
            """
            INSERT INTO \(context.capture.log.sql) (partsync_generation, \(logged))
            SELECT $2::int2, \(key.list(.target, prefix: "a")) FROM (
                SELECT \(logged) FROM \(context.source.identifier.sql)
                UNION ALL
                SELECT \(logged) FROM \(context.target.identifier.sql)
            ) a
            JOIN (SELECT pg_catalog.string_to_array(x, E'\\x1f') AS v FROM pg_catalog.unnest($1::text[]) AS x) k
              ON \(match)
            """, [TextArray.literal(keys.map { $0.joined(separator: "\u{1F}") }), generation])
        let applier = Applier(context: context)
        do {
            try await SyncRunner.withApplierLock(context, on: connection) {
                _ = try await applier.catchUp(on: connection)
            }
        } catch let error as PartSyncError where error.kind == .usage {
            // Another applier is running: it applies the entries; wait until it has.
            let high = try await applier.highWater(on: connection)
            while try await applier.pending(upTo: high, on: connection) {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        return keys.count
    }
}
