import Foundation
import PostgresClient

/// `partsync verify`: proves source and target equal (invariant 6 of the design).
///
/// - One snapshot: a coordinator opens a `REPEATABLE READ` transaction and exports its snapshot; every worker
///   imports it (`SET TRANSACTION SNAPSHOT`), so all of them, and the change log's pending keys, are read as of
///   one instant.
/// - Chunks: the period of the partition key (one per target partition) × a bucket of the primary key's hash.
///   Each side is read once, split among the workers by heap block ranges (on the target, the same ranges of
///   every partition), and summed per chunk in the server: a count and the sum of 64-bit row hashes.
/// - Exact differences: only chunks whose sums differ are read again, in the same snapshot, key by key: rows
///   with an identical copy on the other side drop out, the rest are joined by primary key and classified as
///   missing, extra or different (naming the columns).
/// - In flight: a differing key that is pending in the change log at the snapshot is reported as in flight,
///   not as divergence; the applier brings it over.
public struct Verifier: Sendable {
    public struct Options: Sendable {
        /// Rows per chunk (the key buckets per period follow from it).
        public var chunkRows: Int
        /// Connections reading in parallel (2: source and target at once).
        public var workers: Int
        /// The most differing keys listed in the report (all are counted).
        public var maxKeys: Int
        /// Re-sync divergent keys through the applier's key path, then verify again.
        public var repair: Bool

        public init(chunkRows: Int = 100_000, workers: Int = 2, maxKeys: Int = 1_000, repair: Bool = false) {
            self.chunkRows = chunkRows
            self.workers = workers
            self.maxKeys = maxKeys
            self.repair = repair
        }
    }

    public struct Outcome: Sendable {
        public var report: VerifyReport
        /// The report of the first pass when `repair` ran and verified again.
        public var beforeRepair: VerifyReport?
        /// Divergent keys sent through the applier by `repair`.
        public var repaired: Int
    }

    public let configuration: ConnectionConfiguration
    public let table: String
    public let options: Options

    public init(configuration: ConnectionConfiguration, table: String, options: Options = Options()) {
        self.configuration = configuration
        self.table = table
        self.options = options
    }

    /// Verifies, stores the run in the state and, when the tables are equal while syncing, moves the migration
    /// to `verified` (a divergent run moves a verified migration back to `syncing`).
    /// - Throws: `PartSyncError(.usage)` for an unknown table or a phase that has nothing to verify.
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
        let context = try await MigrationContext.load(table: table, on: connection, phase: .syncing)
        if case .refuse(let reason) = PhaseRule.verify(context.record.phase, failedFrom: context.record.failedFrom) {
            throw PartSyncError(.usage, table: context.table, phase: context.record.phase, message: reason,
                                nextStep: context.record.phase.nextStep(table: context.table))
        }
        do {
            let first = try await verify(context, on: connection)
            guard options.repair, !first.divergent.isEmpty else {
                try await record(first, context, on: connection)
                return Outcome(report: first, beforeRepair: nil, repaired: 0)
            }
            let repaired = try await repair(first.divergent, context, on: connection)
            let second = try await verify(context, on: connection)
            try await record(second, context, on: connection)
            return Outcome(report: second, beforeRepair: first, repaired: repaired)
        } catch let error as PartSyncError {
            throw error
        } catch {
            throw PartSyncError.database(error, table: context.table, phase: context.record.phase, doing: "verify")
        }
    }

    private func connect() async throws -> Connection {
        do {
            return try await RetryPolicy(attempts: 5).run { try await Connection.connect(configuration) }
        } catch {
            throw PartSyncError.database(error, table: table, phase: nil, doing: "connect")
        }
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

    /// One pass in one snapshot.
    func verify(_ context: MigrationContext, on coordinator: Connection) async throws -> VerifyReport {
        let started = ContinuousClock.now
        let key = context.key
        let source = context.source.identifier
        let target = context.target.identifier
        let interval = context.record.interval
        // Buckets per period so that a chunk holds about `chunkRows` rows, counting the partitions that hold data.
        let partitions = max(1, try await coordinator.query(
            """
            SELECT count(*) FROM pg_catalog.pg_partition_tree($1::regclass)
            WHERE isleaf AND pg_catalog.pg_relation_size(relid) > 0
            """, [target.sql]).first!.decode(Int.self, at: 0))
        let blocks = try await Self.blocks(source: source, target: target, on: coordinator)
        // A table never analysed has no row estimate: assume 50 rows a block, as the backfill does.
        let estimated = max(context.source.estimatedRows, blocks.source * 50, 1)
        let buckets = Int(min(4_096, max(1, (estimated + Int64(partitions * options.chunkRows) - 1)
            / Int64(partitions * options.chunkRows))))

        return try await coordinator.withTransaction(isolation: .repeatableRead, readOnly: true) { tx in
            let snapshot = try await tx.query("SELECT pg_catalog.pg_export_snapshot(), now()::text").first!
            let snapshotID = try snapshot.decode(String.self, at: 0)
            let pending = Set(try await tx.query(
                "SELECT DISTINCT \(key.textArray("l")) FROM \(context.capture.log.sql) l"
            ).rows.compactMap { TextArray.parse($0[0]) })

            let work = WorkQueue(Self.items(source: source, target: target, blocks: blocks,
                                            workers: max(1, options.workers)))
            let sums = try await withThrowingTaskGroup(of: [(Side, ChunkSums.Chunk, Int64, Int128)].self) { group in
                for _ in 0..<max(1, options.workers) {
                    group.addTask {
                        try await Self.sumChunks(work, snapshot: snapshotID, key: key, interval: interval,
                                                 buckets: buckets, configuration: configuration)
                    }
                }
                var sourceSums = ChunkSums()
                var targetSums = ChunkSums()
                for try await partial in group {
                    for (side, chunk, rows, checksum) in partial {
                        if side == .source {
                            sourceSums.add(chunk, rows: rows, checksum: checksum)
                        } else {
                            targetSums.add(chunk, rows: rows, checksum: checksum)
                        }
                    }
                }
                return (sourceSums, targetSums)
            }
            let mismatched = ChunkSums.mismatched(sums.0, sums.1)
            let differences = mismatched.isEmpty ? [] : try await Self.differences(
                in: mismatched, source: source, target: target, key: key, interval: interval, buckets: buckets,
                limit: options.maxKeys, on: tx)
            let divergent = differences.filter { !pending.contains($0.key) }
            let inFlight = differences.filter { pending.contains($0.key) }
            return VerifyReport(
                table: context.table, source: source.displayName, target: target.displayName,
                snapshotAt: try snapshot.decode(String.self, at: 1),
                verdict: divergent.isEmpty ? .equal : .divergent,
                chunks: Set(sums.0.chunks.keys).union(sums.1.chunks.keys).count, mismatchedChunks: mismatched.count,
                sourceRows: sums.0.rows, targetRows: sums.1.rows, periods: ChunkSums.periods(sums.0, sums.1),
                divergent: divergent, inFlight: inFlight, inFlightKeys: pending.count,
                durationSeconds: (ContinuousClock.now - started).seconds, workers: max(1, options.workers),
                partsyncVersion: PartSyncVersion.current, method: Self.method(buckets: buckets, interval: interval))
        }
    }

    static func method(buckets: Int, interval: PartitionInterval) -> String {
        "row hash: hashtextextended(ROW(every column)::text, 0); chunk: (date_trunc('\(interval.rawValue)', "
            + "partition key), hashtextextended(ROW(primary key)::text, 1) mod \(buckets)); per chunk: count(*) and "
            + "sum of row hashes, both sides in one REPEATABLE READ snapshot"
    }

    enum Side: Sendable { case source, target }

    /// A slice of one side: heap blocks `[from, to)` (`to` nil: to the end).
    struct Item: Sendable {
        var side: Side
        var table: SQLIdentifier
        var from: Int64
        var to: Int64?
    }

    /// Hands out items to the workers.
    actor WorkQueue {
        private var items: [Item]
        init(_ items: [Item]) { self.items = items.reversed() }
        func next() -> Item? { items.popLast() }
    }

    /// The source's size in blocks and the largest target partition's.
    static func blocks(source: SQLIdentifier, target: SQLIdentifier, on connection: Connection) async throws
        -> (source: Int64, target: Int64)
    {
        let row = try await connection.query(
            """
            SELECT pg_catalog.pg_relation_size($1::regclass) / pg_catalog.current_setting('block_size')::int8,
                   coalesce((SELECT max(pg_catalog.pg_relation_size(relid)) FROM pg_catalog.pg_partition_tree($2::regclass)
                             WHERE isleaf), 0) / pg_catalog.current_setting('block_size')::int8
            """, [source.sql, target.sql]).first!
        return (try row.decode(Int64.self, at: 0), try row.decode(Int64.self, at: 1))
    }

    /// Each side cut into block ranges, about as many slices as workers in all; the last slice of each side is
    /// open-ended.
    static func items(source: SQLIdentifier, target: SQLIdentifier, blocks: (source: Int64, target: Int64),
                      workers: Int) -> [Item] {
        func slices(_ side: Side, _ table: SQLIdentifier, blocks: Int64, count: Int) -> [Item] {
            let count = max(1, min(count, Int(max(blocks, 1))))
            let step = max(1, (blocks + Int64(count) - 1) / Int64(count))
            return (0..<count).map { index in
                let from = Int64(index) * step
                return Item(side: side, table: table, from: from, to: index == count - 1 ? nil : from + step)
            }
        }
        let perSide = max(1, (workers + 1) / 2)
        return slices(.source, source, blocks: blocks.source, count: perSide)
            + slices(.target, target, blocks: blocks.target, count: perSide)
    }

    /// One worker: imports the snapshot, then sums chunks of the items it takes until none is left.
    static func sumChunks(
        _ work: WorkQueue, snapshot: String, key: KeySQL, interval: PartitionInterval, buckets: Int,
        configuration: ConnectionConfiguration
    ) async throws -> [(Side, ChunkSums.Chunk, Int64, Int128)] {
        var configuration = configuration
        configuration.applicationName = "partsync verify"
        let connection = try await Connection.connect(configuration)
        do {
            let sums = try await sumChunks(work, snapshot: snapshot, key: key, interval: interval, buckets: buckets,
                                           on: connection)
            await connection.close()
            return sums
        } catch {
            await connection.close()
            throw error
        }
    }

    private static func sumChunks(
        _ work: WorkQueue, snapshot: String, key: KeySQL, interval: PartitionInterval, buckets: Int,
        on connection: Connection
    ) async throws -> [(Side, ChunkSums.Chunk, Int64, Int128)] {
        try await connection.withTransaction(isolation: .repeatableRead, readOnly: true) { tx in
            try await tx.execute("SET TRANSACTION SNAPSHOT \(SQLLiteral.quote(snapshot))")
            var results: [(Side, ChunkSums.Chunk, Int64, Int128)] = []
            while let item = await work.next() {
                var conditions = ["a.ctid >= $1::pg_catalog.tid"]
                var parameters: [(any PostgresEncodable)?] = ["(\(item.from),0)"]
                if let to = item.to {
                    conditions.append("a.ctid < $2::pg_catalog.tid")
                    parameters.append("(\(to),0)")
                }
                let rows = try await tx.query(
                    """
                    SELECT \(key.period("a", interval: interval)), \(key.bucket("a", buckets: buckets)), count(*),
                           sum(\(key.rowHash("a")))::text
                    FROM \(item.table.sql) a WHERE \(conditions.joined(separator: " AND "))
                    GROUP BY 1, 2
                    """, parameters)
                for row in rows.rows {
                    guard let checksum = Int128(try row.decode(String.self, at: 3)) else {
                        throw PostgresError(kind: .client, message: "a chunk checksum is not an integer: \(row[3] ?? "")")
                    }
                    results.append((item.side, ChunkSums.Chunk(period: row[0] ?? "", bucket: try row.decode(Int.self, at: 1)),
                                    try row.decode(Int64.self, at: 2), checksum))
                }
            }
            return results
        }
    }

    /// The exact differences inside `chunks`, in the caller's snapshot.
    static func differences(
        in chunks: [ChunkSums.Chunk], source: SQLIdentifier, target: SQLIdentifier, key: KeySQL,
        interval: PartitionInterval, buckets: Int, limit: Int, on tx: Connection
    ) async throws -> [VerifyReport.Difference] {
        let inChunks = "(\(key.period("a", interval: interval)), \(key.bucket("a", buckets: buckets))) IN "
            + "(SELECT p, b FROM ROWS FROM (pg_catalog.unnest($1::text[]), pg_catalog.unnest($2::int8[])) AS picked(p, b))"
        let columns = key.names(.all)
        let differing = columns.map { column in
            let name = SQLIdentifier.quote(column)
            return "CASE WHEN sl.partsync_h IS NOT NULL AND tl.partsync_h IS NOT NULL "
                + "AND sl.\(name)::text IS DISTINCT FROM tl.\(name)::text THEN \(SQLLiteral.quote(column)) END"
        }.joined(separator: ", ")
        let keyText = key.names(.key).map { "COALESCE(sl.\(SQLIdentifier.quote($0)), tl.\(SQLIdentifier.quote($0)))::text" }
            .joined(separator: ", ")
        let rows = try await tx.query(
            """
            WITH s AS (
                SELECT a.*, \(key.rowHash("a")) AS partsync_h FROM \(source.sql) a WHERE \(inChunks)
            ), t AS (
                SELECT a.*, \(key.rowHash("a")) AS partsync_h, a.tableoid::regclass::text AS partsync_partition
                FROM \(target.sql) a WHERE \(inChunks)
            ), sl AS (
                SELECT * FROM s WHERE NOT EXISTS (
                    SELECT 1 FROM t WHERE \(key.equal(.key, "t", "s")) AND t.partsync_h = s.partsync_h)
            ), tl AS (
                SELECT * FROM t WHERE NOT EXISTS (
                    SELECT 1 FROM s WHERE \(key.equal(.key, "s", "t")) AND s.partsync_h = t.partsync_h)
            )
            SELECT ARRAY[\(keyText)],
                   CASE WHEN sl.partsync_h IS NULL THEN 'extra' WHEN tl.partsync_h IS NULL THEN 'missing'
                        ELSE 'different' END,
                   pg_catalog.array_remove(ARRAY[\(differing)]::text[], NULL),
                   tl.partsync_partition
            FROM sl FULL JOIN tl ON \(key.equal(.key, "sl", "tl"))
            ORDER BY 1, 2 LIMIT $3
            """, [TextArray.literal(chunks.map(\.period)), "{" + chunks.map { String($0.bucket) }.joined(separator: ",") + "}",
                  limit])
        return try rows.rows.map { row in
            VerifyReport.Difference(
                key: TextArray.parse(row[0]) ?? [], class: VerifyReport.Class(rawValue: try row.decode(String.self, at: 1))!,
                columns: TextArray.parse(row[2]) ?? [], partition: row[3])
        }
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
        let match = context.shape.primaryKey.enumerated().map { index, column in
            "a.\(SQLIdentifier.quote(column)) = (k.v)[\(index + 1)]::\(context.shape.keyColumns[index].type)"
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
