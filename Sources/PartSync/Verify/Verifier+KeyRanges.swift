import PostgresClient

/// Verification by key-range chunks, for tables one snapshot cannot cover within `maxSnapshotSeconds`, and
/// for rolling verification. The chunks are ranges of the source's primary key (boundaries sampled from the
/// source, kept in `partsync.verify_chunks`); each is read on both sides through the key's index.
///
/// A pass runs in rounds: each round opens a snapshot, and the workers sum as many chunks in it as the
/// deadline allows (a chunk starts only when the longest chunk so far would still finish in time, and every
/// query carries a `statement_timeout` of the time left). A chunk whose sums differ is narrowed afterwards in
/// a snapshot of its own: summed again, its pending keys read, its differences listed, all as of that one
/// instant. Each chunk's result goes into the state with the apply stamp its snapshot saw, and a clean result
/// forgets the touched keys of its range up to that stamp.
extension Verifier {
    /// One pass over every chunk. Nil when stopped (the chunk results so far stay stored).
    func verifyByKeyRanges(_ context: MigrationContext, hash: RowHash, on coordinator: Connection, pacer: RowPacer)
        async throws
        -> VerifyReport?
    {
        let started = ContinuousClock.now
        let store = StateStore(coordinator)
        let migration = context.record.key
        let layout = try await chunkLayout(context, on: coordinator)
        let queue = ChunkQueue(layout.map(\.chunk))
        let workers = max(1, options.workers)
        var connections: [Connection] = []
        do {
            for _ in 0..<workers { connections.append(try await workerConnection()) }
            let report = try await pass(context, hash: hash, layout: layout, queue: queue, connections: connections,
                                        pacer: pacer, on: coordinator, started: started)
            for connection in connections { await connection.close() }
            guard var report else { return nil }
            report.touchedKeys = try await store.touchedKeys(migration)
            report.durationSeconds = (ContinuousClock.now - started).seconds
            return report
        } catch {
            for connection in connections { await connection.close() }
            throw error
        }
    }

    private func pass(
        _ context: MigrationContext, hash: RowHash, layout: [StateStore.ChunkResult], queue: ChunkQueue, connections: [Connection],
        pacer: RowPacer, on coordinator: Connection, started: ContinuousClock.Instant
    ) async throws -> VerifyReport? {
        let store = StateStore(coordinator)
        let migration = context.record.key
        let bound = options.maxSnapshotSeconds
        let timer = WorkTimer()
        var sourceSums = ChunkSums()
        var targetSums = ChunkSums()
        var mismatched: [Int] = []
        var snapshots = 0
        var longest: Duration = .zero
        var firstSnapshot: String?
        var pendingKeys = 0

        while await !queue.isEmpty {
            if stop.isStopped { return nil }
            // Wait for the pace outside any snapshot, so a round starts with work it may do at once.
            let wait = await pacer.delay()
            if wait > .zero { try await Task.sleep(for: wait) }
            let round = try await Self.inSnapshot(context, on: coordinator) { tx, snapshot in
                let deadline = SnapshotDeadline(seconds: bound, from: snapshot.opened)
                try await tx.execute(deadline.timeoutSQL)
                let pending = try await Self.pendingKeys(context, on: tx)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for connection in connections {
                        group.addTask {
                            try await Self.sumRanges(queue, hash: hash, layout: layout, context: context, snapshot: snapshot.id,
                                                     deadline: deadline, pacer: pacer, timer: timer, on: connection)
                        }
                    }
                    try await group.waitForAll()
                }
                return (completed: await queue.takeCompleted(), snapshot: snapshot, pending: pending,
                        open: ContinuousClock.now - snapshot.opened)
            }
            snapshots += 1
            longest = max(longest, round.open)
            firstSnapshot = firstSnapshot ?? round.snapshot.takenAt
            pendingKeys = max(pendingKeys, round.pending)
            guard !round.completed.isEmpty else {
                throw PartSyncError(
                    .usage, table: context.table, phase: context.record.phase,
                    message: "a chunk of the key range could not be verified within --max-snapshot-seconds "
                        + "\(Self.seconds(bound)); nothing was recorded for it",
                    nextStep: "lower --chunk-rows, or raise --max-snapshot-seconds or --max-rows-per-second")
            }
            for done in round.completed {
                done.add(to: &sourceSums, &targetSums)
                if done.equal {
                    try await recordClean(done.chunk, layout: layout, sourceRows: done.sourceRows,
                                          targetRows: done.targetRows, inFlight: 0, position: round.snapshot.position,
                                          context, store: store)
                } else {
                    mismatched.append(done.chunk)
                }
            }
        }

        var divergent: [VerifyReport.Difference] = []
        var inFlight: [VerifyReport.Difference] = []
        for chunk in mismatched.sorted() {
            if stop.isStopped { return nil }
            let narrowed = try await narrow(chunk, hash: hash, layout: layout, context: context, on: coordinator)
            snapshots += 1
            longest = max(longest, narrowed.open)
            sourceSums.removeAll(bucket: chunk)
            targetSums.removeAll(bucket: chunk)
            narrowed.sums.add(to: &sourceSums, &targetSums)
            divergent += narrowed.divergent
            inFlight += narrowed.inFlight
            if narrowed.divergent.isEmpty {
                try await recordClean(chunk, layout: layout, sourceRows: narrowed.sums.sourceRows,
                                      targetRows: narrowed.sums.targetRows, inFlight: narrowed.inFlight.count,
                                      position: narrowed.position, context, store: store)
            } else {
                try await store.recordChunk(migration, StateStore.ChunkResult(
                    chunk: chunk, verdict: VerifyReport.Verdict.divergent.rawValue,
                    sourceRows: narrowed.sums.sourceRows, targetRows: narrowed.sums.targetRows,
                    divergentKeys: narrowed.divergent.count, inFlightKeys: narrowed.inFlight.count,
                    logPosition: narrowed.position))
            }
        }
        let source = context.source.identifier
        let target = context.target.identifier
        return VerifyReport(
            table: context.table, source: source.displayName, target: target.displayName,
            snapshotAt: firstSnapshot ?? "", verdict: divergent.isEmpty ? .equal : .divergent,
            chunks: layout.count, mismatchedChunks: mismatched.count,
            sourceRows: sourceSums.rows, targetRows: targetSums.rows, periods: ChunkSums.periods(sourceSums, targetSums),
            divergent: Array(divergent.prefix(options.maxKeys)), inFlight: inFlight,
            inFlightKeys: max(pendingKeys, inFlight.count), durationSeconds: 0, workers: connections.count,
            partsyncVersion: PartSyncVersion.current, method: Self.keyRangeMethod(hash, chunks: layout.count),
            mode: options.rolling ? .rolling : .keyRanges, snapshots: snapshots,
            longestSnapshotSeconds: longest.seconds, touchedKeys: 0)
    }

    static func keyRangeMethod(_ hash: RowHash, chunks: Int) -> String {
        "row hash: \(hash.description); chunk: \(chunks) ranges of the primary key "
            + "(boundaries sampled from the source), split by date_trunc of the partition key; per chunk: count(*) "
            + "and sum of row hashes, both sides in the same REPEATABLE READ snapshot, several snapshots in all"
    }

    /// Stores a clean chunk and forgets the touched keys of its range that its snapshot saw.
    private func recordClean(
        _ chunk: Int, layout: [StateStore.ChunkResult], sourceRows: Int64, targetRows: Int64, inFlight: Int,
        position: Int64, _ context: MigrationContext, store: StateStore
    ) async throws {
        let range = layout[chunk]
        try await store.recordChunk(context.record.key, StateStore.ChunkResult(
            chunk: chunk, verdict: VerifyReport.Verdict.equal.rawValue, sourceRows: sourceRows,
            targetRows: targetRows, divergentKeys: 0, inFlightKeys: inFlight, logPosition: position))
        try await store.pruneTouched(
            context.record.key, upTo: position,
            inRange: context.key.inRange(.text("t.key"), lower: range.lower, upper: range.upper, first: 3))
    }

    /// Sums of one chunk on both sides, per period.
    struct RangeSums: Sendable {
        var chunk: Int
        var source: [(period: String, rows: Int64, checksum: Int128)]
        var target: [(period: String, rows: Int64, checksum: Int128)]

        var sourceRows: Int64 { source.reduce(0) { $0 + $1.rows } }
        var targetRows: Int64 { target.reduce(0) { $0 + $1.rows } }

        var equal: Bool {
            func keyed(_ sums: [(period: String, rows: Int64, checksum: Int128)]) -> [String: [Int128]] {
                Dictionary(grouping: sums, by: \.period).mapValues { [Int128($0.reduce(0) { $0 + $1.rows }),
                                                                       $0.reduce(0) { $0 + $1.checksum }] }
            }
            return keyed(source) == keyed(target)
        }

        func add(to sourceSums: inout ChunkSums, _ targetSums: inout ChunkSums) {
            for sum in source { sourceSums.add(.init(period: sum.period, bucket: chunk), rows: sum.rows, checksum: sum.checksum) }
            for sum in target { targetSums.add(.init(period: sum.period, bucket: chunk), rows: sum.rows, checksum: sum.checksum) }
        }
    }

    /// The chunks of a pass still to sum, and those summed in the current round.
    actor ChunkQueue {
        private var pending: [Int]
        private var completed: [RangeSums] = []

        init(_ chunks: [Int]) { pending = chunks.reversed() }

        var isEmpty: Bool { pending.isEmpty }
        func take() -> Int? { pending.popLast() }
        /// A chunk the round could not finish goes back to the front.
        func giveBack(_ chunk: Int) { pending.append(chunk) }
        func complete(_ sums: RangeSums) { completed.append(sums) }

        func takeCompleted() -> [RangeSums] {
            defer { completed = [] }
            return completed.sorted { $0.chunk < $1.chunk }
        }
    }

    /// One worker in one round: imports the snapshot and sums chunks while the deadline allows.
    private static func sumRanges(
        _ queue: ChunkQueue, hash: RowHash, layout: [StateStore.ChunkResult], context: MigrationContext, snapshot: String,
        deadline: SnapshotDeadline, pacer: RowPacer, timer: WorkTimer, on connection: Connection
    ) async throws {
        do {
            try await connection.withTransaction(isolation: .repeatableRead, readOnly: true) { tx in
                try await tx.execute("SET TRANSACTION SNAPSHOT \(SQLLiteral.quote(snapshot)); " + RowHash.readSettings)
                while let chunk = await queue.take() {
                    let wait = await pacer.delay()
                    guard deadline.allows(await timer.longest, after: wait) else {
                        await queue.giveBack(chunk)
                        return
                    }
                    if wait > .zero { try await Task.sleep(for: wait) }
                    let begun = ContinuousClock.now
                    do {
                        try await tx.execute(deadline.timeoutSQL)
                        let sums = try await rangeSums(chunk, hash: hash, layout: layout, context: context, on: tx)
                        await queue.complete(sums)
                        await pacer.record(sums.sourceRows + sums.targetRows)
                        await timer.record(ContinuousClock.now - begun)
                    } catch {
                        await queue.giveBack(chunk)
                        throw error
                    }
                }
            }
        } catch let error as PostgresError where error.isStatementTimeout {
            // The round's time is up; the chunk is summed in the next snapshot.
        }
    }

    /// Both sides' sums of one chunk in the caller's snapshot.
    static func rangeSums(_ chunk: Int, hash: RowHash, layout: [StateStore.ChunkResult], context: MigrationContext,
                          on tx: Connection) async throws -> RangeSums {
        let key = context.key
        let range = key.inRange(.columns("a"), lower: layout[chunk].lower, upper: layout[chunk].upper, first: 1)
        let parameters = range.parameters.map { $0 as (any PostgresEncodable)? }
        func sums(_ table: SQLIdentifier) async throws -> [(period: String, rows: Int64, checksum: Int128)] {
            try await tx.query(
                """
                SELECT \(hash.period("a", interval: context.record.interval))::text, count(*), sum(\(hash.row("a")))::text
                FROM \(table.sql) a WHERE \(range.sql) GROUP BY \(hash.period("a", interval: context.record.interval))
                """, parameters).rows.map { row in
                (row[0] ?? "", try row.decode(Int64.self, at: 1), try checksum(row[2]))
            }
        }
        return RangeSums(chunk: chunk, source: try await sums(context.source.identifier),
                         target: try await sums(context.target.identifier))
    }

    /// A mismatching chunk, again in a snapshot of its own: its sums, its pending keys and its differences,
    /// all as of that instant.
    private func narrow(_ chunk: Int, hash: RowHash, layout: [StateStore.ChunkResult], context: MigrationContext,
                        on coordinator: Connection) async throws
        -> (sums: RangeSums, divergent: [VerifyReport.Difference], inFlight: [VerifyReport.Difference],
            position: Int64, open: Duration)
    {
        let key = context.key
        let limit = options.maxKeys
        let bound = options.maxSnapshotSeconds
        do {
            var narrowed = try await Self.inSnapshot(context, on: coordinator) { tx, snapshot in
                let deadline = SnapshotDeadline(seconds: bound, from: snapshot.opened)
                try await tx.execute(deadline.timeoutSQL)
                let sums = try await Self.rangeSums(chunk, hash: hash, layout: layout, context: context, on: tx)
                let range = key.inRange(.columns("a"), lower: layout[chunk].lower, upper: layout[chunk].upper, first: 1)
                let differences = try await Self.differences(
                    filter: (range.sql, range.parameters.map { $0 as (any PostgresEncodable)? }),
                    source: context.source.identifier, target: context.target.identifier, hash: hash,
                    logs: [context.capture.log], limit: limit, on: tx)
                return (sums: sums, divergent: differences.divergent, inFlight: differences.inFlight,
                        position: snapshot.position, open: ContinuousClock.now - snapshot.opened)
            }
            let settled = try await WALCapture.reclassify(narrowed.divergent, context, position: narrowed.position,
                                                          configuration: configuration, on: coordinator)
            narrowed.divergent = settled.divergent
            narrowed.inFlight += settled.inFlight
            return narrowed
        } catch let error as PostgresError where error.isStatementTimeout {
            throw PartSyncError(
                .usage, table: context.table, phase: context.record.phase,
                message: "narrowing chunk \(chunk) to its differing keys took longer than --max-snapshot-seconds "
                    + "\(Self.seconds(bound))", nextStep: "lower --chunk-rows so each chunk is smaller")
        }
    }

    /// The chunk layout: the stored one while its size still suits the table, else new boundaries sampled from
    /// the source (dropping the old results).
    func chunkLayout(_ context: MigrationContext, on connection: Connection) async throws -> [StateStore.ChunkResult] {
        let store = StateStore(connection)
        let source = context.source.identifier
        let blocks = try await Self.blocks(source: source, target: context.target.identifier, on: connection)
        let estimated = max(context.source.estimatedRows, blocks.source * 50, 1)
        // A chunk reads its rows twice (both sides); under a rate it must fit a quarter of a snapshot.
        var rows = Int64(options.chunkRows)
        if let rate = options.maxRowsPerSecond {
            rows = max(100, min(rows, Int64(rate * options.maxSnapshotSeconds / 8)))
        }
        let wanted = Int(max(1, (estimated + rows - 1) / rows))
        let stored = try await store.chunkResults(context.record.key)
        if !stored.isEmpty && stored.count <= max(2, wanted * 2) && stored.count * 2 >= wanted { return stored }

        let key = context.key
        // Every key of a small table; a block sample of about 100 keys per chunk of a large one.
        let sample = estimated <= 200_000 ? ""
            : "TABLESAMPLE SYSTEM (\(min(100, max(0.01, Double(wanted * 100) * 100 / Double(estimated)))))"
        let boundaries = try await connection.query(
            """
            SELECT b FROM (
                SELECT \(key.textArray("a")) AS b, row_number() OVER (ORDER BY \(key.orderBy("a"))) AS n,
                       count(*) OVER () AS total
                FROM \(source.sql) a \(sample)
            ) s
            WHERE n > 1 AND (n - 1) % GREATEST(1, ceil(total::numeric / $1)::int8) = 0
            """, [wanted]).rows.compactMap { TextArray.parse($0[0]) }
        let lowers: [[String]?] = [nil] + boundaries.map { $0 }
        let uppers: [[String]?] = boundaries.map { $0 } + [nil]
        try await store.replaceChunkLayout(context.record.key, bounds: Array(zip(lowers, uppers)))
        return try await store.chunkResults(context.record.key)
    }
}
