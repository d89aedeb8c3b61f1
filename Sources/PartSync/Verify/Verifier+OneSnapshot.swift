import PostgresClient

/// Verification in one snapshot: each side read once, by heap block slices shared among the workers, summed
/// per chunk (a period of the partition key × a bucket of the key's hash) in the server.
extension Verifier {
    /// The most heap blocks one query reads (32 MiB of 8 KiB blocks): small enough that the pace and the
    /// snapshot's deadline are checked often, large enough that a query's own cost is noise.
    static let sliceBlocks: Int64 = 4_096

    /// One pass in one snapshot.
    /// - Throws: `SnapshotExpired` when the snapshot would stay open longer than `maxSnapshotSeconds`.
    func verifyInOneSnapshot(_ context: MigrationContext, hash: RowHash, on coordinator: Connection, pacer: RowPacer)
        async throws
        -> VerifyReport
    {
        let started = ContinuousClock.now
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
        let workers = max(1, options.workers)
        let bound = options.maxSnapshotSeconds
        // Under a rate, a slice holds about a quarter second of reading, so the pace holds within a snapshot too.
        let sliceBlocks = options.maxRowsPerSecond.map { rate in
            max(1, min(Self.sliceBlocks, Int64(rate / 4 / max(1, Double(estimated) / Double(max(blocks.source, 1))))))
        } ?? Self.sliceBlocks
        let limit = options.maxKeys

        let (report, position) = try await Self.inSnapshot(context, on: coordinator) { tx, snapshot in
            let deadline = SnapshotDeadline(seconds: bound, from: snapshot.opened)
            do {
                try await tx.execute(deadline.timeoutSQL)
                let pending = try await Self.pendingKeys(context, on: tx)

                let work = WorkQueue(Self.items(source: source, target: target, blocks: blocks, workers: workers,
                                                sliceBlocks: sliceBlocks))
                let timer = WorkTimer()
                let sums = try await withThrowingTaskGroup(of: [(Side, ChunkSums.Chunk, Int64, Int128)].self) { group in
                    for _ in 0..<workers {
                        group.addTask {
                            let connection = try await workerConnection()
                            do {
                                let sums = try await Self.sumChunks(
                                    work, snapshot: snapshot.id, hash: hash, interval: interval, buckets: buckets,
                                    deadline: deadline, pacer: pacer, timer: timer, on: connection)
                                await connection.close()
                                return sums
                            } catch {
                                await connection.close()
                                throw error
                            }
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
                var differences: (divergent: [VerifyReport.Difference], inFlight: [VerifyReport.Difference]) = ([], [])
                if !mismatched.isEmpty {
                    try await tx.execute(deadline.timeoutSQL)
                    // The periods' ranges of the partition key first: the target reads only their partitions,
                    // and the source its partition-key index if it has one.
                    let inChunks = Self.periodRanges(hash, interval: interval, count: Set(mismatched.map(\.period)).count)
                        + " AND (\(hash.period("a", interval: interval))::text, \(hash.bucket("a", buckets: buckets))) IN "
                        + "(SELECT p, b FROM ROWS FROM (pg_catalog.unnest($1::text[]), pg_catalog.unnest($2::int8[])) AS picked(p, b))"
                    let periods = Set(mismatched.map(\.period)).sorted()
                    differences = try await Self.differences(
                        filter: (inChunks, [TextArray.literal(mismatched.map(\.period)),
                                            "{" + mismatched.map { String($0.bucket) }.joined(separator: ",") + "}"]
                                    + periods.map { $0 as (any PostgresEncodable)? }),
                        source: source, target: target, hash: hash, logs: [context.capture.log], limit: limit, on: tx)
                }
                let (divergent, inFlight) = differences
                let report = VerifyReport(
                    table: context.table, source: source.displayName, target: target.displayName,
                    snapshotAt: snapshot.takenAt, verdict: divergent.isEmpty ? .equal : .divergent,
                    chunks: Set(sums.0.chunks.keys).union(sums.1.chunks.keys).count, mismatchedChunks: mismatched.count,
                    sourceRows: sums.0.rows, targetRows: sums.1.rows, periods: ChunkSums.periods(sums.0, sums.1),
                    divergent: divergent, inFlight: inFlight, inFlightKeys: pending,
                    durationSeconds: 0, workers: workers, partsyncVersion: PartSyncVersion.current,
                    method: Self.method(hash, buckets: buckets, interval: interval), mode: .oneSnapshot, snapshots: 1,
                    longestSnapshotSeconds: (ContinuousClock.now - snapshot.opened).seconds, touchedKeys: 0)
                return (report, snapshot.position)
            } catch let error as PostgresError where error.isStatementTimeout {
                throw SnapshotExpired()
            }
        }
        var final = report
        // A WAL capture's writes reach the log a moment after they commit: what looked divergent may have been
        // in flight.
        let settled = try await WALCapture.reclassify(final.divergent, context, position: position,
                                                      configuration: configuration, on: coordinator)
        final.divergent = settled.divergent
        final.inFlight += settled.inFlight
        final.inFlightKeys = max(final.inFlightKeys, final.inFlight.count)
        if final.divergent.isEmpty { final.verdict = .equal }
        let store = StateStore(coordinator)
        // An equal result covers every key the applier touched up to the snapshot.
        if final.verdict == .equal { try await store.pruneTouched(context.record.key, upTo: position) }
        final.touchedKeys = try await store.touchedKeys(context.record.key)
        final.durationSeconds = (ContinuousClock.now - started).seconds
        return final
    }

    /// `(a.pk >= $3 AND a.pk < $3 + 1 period) OR …` for `count` periods given from `$3` as the text
    /// `date_trunc` printed, each bound cast to the partition key's own type (so both an index on it and
    /// partition pruning apply).
    static func periodRanges(_ hash: RowHash, interval: PartitionInterval, count: Int) -> String {
        let shape = hash.key.shape
        let column = "a." + SQLIdentifier.quote(shape.partitionKey)
        let type = shape.column(shape.partitionKey)?.type ?? "timestamp with time zone"
        let ranges = (0..<count).map { index in
            let start = "$\(index + 3)::timestamptz"
            return "(\(column) >= (\(start))::\(type) AND \(column) < (\(start) + interval '1 \(interval.rawValue)')::\(type))"
        }
        return "(" + ranges.joined(separator: " OR ") + ")"
    }

    static func method(_ hash: RowHash, buckets: Int, interval: PartitionInterval) -> String {
        "row hash: \(hash.description); chunk: (date_trunc('\(interval.rawValue)', "
            + "partition key), hash_record_extended(ROW(primary key), 1) mod \(buckets)); per chunk: count(*) and "
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

    /// Each side cut into block ranges: at least one per worker, none longer than `sliceBlocks`; the last slice
    /// of each side is open-ended (the table may have grown since its size was read).
    static func items(source: SQLIdentifier, target: SQLIdentifier, blocks: (source: Int64, target: Int64),
                      workers: Int, sliceBlocks: Int64 = sliceBlocks) -> [Item] {
        func slices(_ side: Side, _ table: SQLIdentifier, blocks: Int64) -> [Item] {
            let wanted = max((workers + 1) / 2, Int((blocks + sliceBlocks - 1) / sliceBlocks))
            let count = max(1, min(wanted, Int(max(blocks, 1))))
            let step = max(1, (blocks + Int64(count) - 1) / Int64(count))
            return (0..<count).map { index in
                let from = Int64(index) * step
                return Item(side: side, table: table, from: from, to: index == count - 1 ? nil : from + step)
            }
        }
        return slices(.source, source, blocks: blocks.source) + slices(.target, target, blocks: blocks.target)
    }

    /// One worker: imports the snapshot, then sums chunks of the items it takes until none is left, keeping to
    /// the pace and the deadline.
    private static func sumChunks(
        _ work: WorkQueue, snapshot: String, hash: RowHash, interval: PartitionInterval, buckets: Int,
        deadline: SnapshotDeadline, pacer: RowPacer, timer: WorkTimer, on connection: Connection
    ) async throws -> [(Side, ChunkSums.Chunk, Int64, Int128)] {
        try await connection.withTransaction(isolation: .repeatableRead, readOnly: true) { tx in
            try await tx.execute("SET TRANSACTION SNAPSHOT \(SQLLiteral.quote(snapshot)); " + RowHash.readSettings)
            var results: [(Side, ChunkSums.Chunk, Int64, Int128)] = []
            while let item = await work.next() {
                let wait = await pacer.delay()
                guard deadline.allows(await timer.longest, after: wait) else { throw SnapshotExpired() }
                if wait > .zero { try await Task.sleep(for: wait) }
                let begun = ContinuousClock.now
                try await tx.execute(deadline.timeoutSQL)
                var conditions = ["a.ctid >= $1::pg_catalog.tid"]
                var parameters: [(any PostgresEncodable)?] = ["(\(item.from),0)"]
                if let to = item.to {
                    conditions.append("a.ctid < $2::pg_catalog.tid")
                    parameters.append("(\(to),0)")
                }
                let rows = try await tx.query(
                    """
                    SELECT \(hash.period("a", interval: interval))::text, \(hash.bucket("a", buckets: buckets)), count(*),
                           sum(\(hash.row("a")))::text
                    FROM \(item.table.sql) a WHERE \(conditions.joined(separator: " AND "))
                    GROUP BY \(hash.period("a", interval: interval)), 2
                    """, parameters)
                var read: Int64 = 0
                for row in rows.rows {
                    let count = try row.decode(Int64.self, at: 2)
                    read += count
                    results.append((item.side, ChunkSums.Chunk(period: row[0] ?? "", bucket: try row.decode(Int.self, at: 1)),
                                    count, try checksum(row[3])))
                }
                await pacer.record(read)
                await timer.record(ContinuousClock.now - begun)
            }
            return results
        }
    }

    /// A chunk checksum as the server prints it (a `numeric` sum of 64-bit hashes; NULL for no rows).
    static func checksum(_ text: String?) throws -> Int128 {
        guard let text else { return 0 }
        guard let value = Int128(text) else {
            throw PostgresError(kind: .client, message: "a chunk checksum is not an integer: \(text)")
        }
        return value
    }
}
