import Logging
import PostgresClient

/// Builds the target's deferred secondary indexes after the copy.
///
/// `prepare` creates each secondary index `ON ONLY` the partitioned parent, so it is invalid and the partitions
/// have none while rows are loaded. For every partition still missing one, this builds the partition's index
/// and attaches it with `ALTER INDEX … ATTACH PARTITION`; once every partition's index is attached, PostgreSQL
/// marks the parent valid. Two ways, by partition size:
/// - a partition up to `plainBuildMaxBytes` gets all its missing indexes with plain `CREATE INDEX` and the
///   attach in one short transaction (asked for with a `lock_timeout`): it blocks the applier's writes to that
///   one partition for the build, well under a second at that size, and a killed build leaves nothing behind.
///   These run on `connections` connections in parallel, as PostgreSQL's own parallel index build would.
/// - a larger partition gets `CREATE INDEX CONCURRENTLY`, one at a time (two concurrent builds wait for each
///   other's snapshots and deadlock), which never blocks the applier's writes.
/// Everything needed is in the catalog, so a killed run resumes: an invalid leftover of an interrupted
/// concurrent build is dropped and built again, a finished but unattached one is attached.
struct IndexBuilder {
    struct Build: Sendable, Equatable {
        var parentIndex: SQLIdentifier
        var partition: SQLIdentifier
        var partitionBytes: Int64
        var index: SQLIdentifier
        var unique: Bool
        /// The definition after `ON table`: ` USING method (…) [INCLUDE …] [WHERE …]`.
        var tail: String

        func create(concurrently: Bool) -> String {
            "CREATE \(unique ? "UNIQUE " : "")INDEX \(concurrently ? "CONCURRENTLY " : "")"
                + "\(SQLIdentifier.quote(index.name)) ON \(partition.sql)\(tail)"
        }

        var attach: String { "ALTER INDEX \(parentIndex.sql) ATTACH PARTITION \(index.sql)" }
    }

    let context: MigrationContext
    let configuration: ConnectionConfiguration
    let retry: RetryPolicy
    let logger: Logger
    var connections = 2
    var plainBuildMaxBytes: Int64 = 64 << 20
    var stop = StopSignal()
    var lockTimeoutMilliseconds = 500

    /// Builds every missing partition index; returns how many it built. One process builds at a time: another
    /// that finishes its copy waits for the lock, then finds nothing left to build.
    func run(progress: @escaping @Sendable (Int, Int) async -> Void) async throws -> Int {
        let leader: Connection
        do {
            leader = try await retry.run { try await Connection.connect(configuration) }
            try await takeBuildLock(on: leader)
        } catch {
            throw PartSyncError.database(error, table: context.table, phase: .backfilling, doing: "start the index build")
        }
        do {
            var built = 0
            // A partition created meanwhile (maintenance) gets its indexes from the parent; a second pass catches
            // anything the first could not see.
            for _ in 0..<3 {
                let builds = try await pending(on: leader)
                if builds.isEmpty { break }
                built += try await build(builds, progress: progress)
            }
            await leader.close()
            return built
        } catch {
            await leader.close()
            throw error
        }
    }

    private func build(_ builds: [Build], progress: @escaping @Sendable (Int, Int) async -> Void) async throws -> Int {
        let small = builds.filter { $0.partitionBytes <= plainBuildMaxBytes }
        let large = builds.filter { $0.partitionBytes > plainBuildMaxBytes }
        let byPartition = Dictionary(grouping: small, by: \.partition.sql).values.sorted { $0[0].partition.name < $1[0].partition.name }
        logger.info("""
            \(context.table): building \(builds.count) partition index(es): \(small.count) on \(byPartition.count) \
            small partition(s) in one short transaction each, \(large.count) concurrently on larger ones
            """)
        let counter = BuildCounter(total: builds.count, progress: progress)
        await progress(0, builds.count)
        let queue = WorkQueue(byPartition)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, min(connections, byPartition.count)) {
                group.addTask {
                    var connection = try await Connection.connect(configuration)
                    while !stop.isStopped, let partition = await queue.next() {
                        try await withRetry(partition[0], connection: &connection) { connection in
                            try await buildInTransaction(partition, on: connection)
                        }
                        await counter.add(partition.count)
                    }
                    await connection.close()
                }
            }
            try await group.waitForAll()
        }
        if !large.isEmpty {
            var connection = try await Connection.connect(configuration)
            for build in large where !stop.isStopped {
                try await withRetry(build, connection: &connection) { connection in
                    try await buildConcurrently(build, on: connection)
                }
                await counter.add(1)
            }
            await connection.close()
        }
        if stop.isStopped {
            throw PartSyncError(.interrupted, table: context.table, phase: .backfilling,
                                message: "stopped while building indexes; every finished partition is kept",
                                nextStep: "run backfill again to build the rest")
        }
        return builds.count
    }

    private func withRetry(
        _ build: Build, connection: inout Connection, _ body: (Connection) async throws -> Void
    ) async throws {
        do {
            try await retry.run {
                if !(await connection.isOpen) { connection = try await Connection.connect(configuration) }
                try await body(connection)
            } onRetry: { attempt, error, pause in
                logger.warning("""
                    \(context.table): index on \(build.partition.displayName): \(error.description); \
                    retry \(attempt) in \(Int(pause)) ms
                    """)
            }
        } catch {
            throw PartSyncError.database(
                error, table: context.table, phase: .backfilling, doing: "build indexes on \(build.partition.displayName)")
        }
    }

    /// All of one partition's missing indexes and their attachment, in one transaction.
    private func buildInTransaction(_ builds: [Build], on connection: Connection) async throws {
        let settings = ["lock_timeout": "\(lockTimeoutMilliseconds)ms", "synchronous_commit": "off"]
        _ = try await connection.withTransaction(settings: settings) { tx in
            for build in builds {
                let valid = try await Self.existing(build, on: tx)
                if valid == false { try await tx.execute("DROP INDEX \(build.index.sql)") }
                if valid != true { try await tx.execute(build.create(concurrently: false)) }
            }
            // Attaching locks the parent index until commit: last, so parallel builders do not queue on it.
            for build in builds { try await tx.execute(build.attach) }
        }
    }

    private func buildConcurrently(_ build: Build, on connection: Connection) async throws {
        let valid = try await Self.existing(build, on: connection)
        if valid == false {
            // The leftover of a concurrent build that was interrupted: unusable, and in the way of a new one.
            try await connection.execute("DROP INDEX CONCURRENTLY IF EXISTS \(build.index.sql)")
        }
        if valid != true { try await connection.execute(build.create(concurrently: true)) }
        _ = try await connection.withTransaction(settings: ["lock_timeout": "\(lockTimeoutMilliseconds)ms"]) { tx in
            try await tx.execute(build.attach)
        }
    }

    /// Whether the partition already has an index of that name: nil none, false an invalid leftover.
    private static func existing(_ build: Build, on connection: isolated Connection) async throws -> Bool? {
        let row = try await connection.query(
            """
            SELECT x.indisvalid FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class c ON c.oid = x.indexrelid
            WHERE x.indrelid = $1::regclass AND c.relname = $2
            """, [build.partition.sql, build.index.name]).first
        return try row?.decode(Bool.self, at: 0)
    }

    /// Polls with `pg_try_advisory_lock`: a session blocked inside a statement would be a transaction that
    /// the holder's `CREATE INDEX CONCURRENTLY` waits for — a deadlock.
    private func takeBuildLock(on connection: Connection) async throws {
        var told = false
        while true {
            let locked = try await connection.query(
                "SELECT pg_catalog.pg_try_advisory_lock($2, pg_catalog.hashtext($1))",
                [context.record.key, AdvisoryLock.indexBuild.rawValue])
            if try locked.first!.decode(Bool.self, at: 0) { return }
            if !told {
                logger.info("\(context.table): another process is building the indexes; waiting for it")
                told = true
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// The partition indexes still missing: one per (invalid parent index, partition without an attached child).
    func pending(on connection: Connection) async throws -> [Build] {
        let oid = context.record.targetOID
        guard let target = try await CatalogReader.read(oid: oid, on: connection) else {
            throw PartSyncError(.usage, table: context.table, phase: .backfilling,
                                message: "the target \(context.record.target.displayName) no longer exists",
                                nextStep: "abandon the migration and prepare again")
        }
        let missing = try await connection.query(
            """
            SELECT pic.relname, pn.nspname, pc.relname, pcn.nspname, pg_catalog.pg_relation_size(pc.oid)
            FROM pg_catalog.pg_index px
            JOIN pg_catalog.pg_class pic ON pic.oid = px.indexrelid
            JOIN pg_catalog.pg_namespace pn ON pn.oid = pic.relnamespace
            JOIN pg_catalog.pg_inherits inh ON inh.inhparent = px.indrelid
            JOIN pg_catalog.pg_class pc ON pc.oid = inh.inhrelid
            JOIN pg_catalog.pg_namespace pcn ON pcn.oid = pc.relnamespace
            WHERE px.indrelid = $1 AND NOT px.indisvalid
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits ii
                              JOIN pg_catalog.pg_index cx ON cx.indexrelid = ii.inhrelid
                              WHERE ii.inhparent = px.indexrelid AND cx.indrelid = inh.inhrelid)
            ORDER BY pc.relname, pic.relname
            """, [oid])
        return try missing.rows.map { row in
            let parentName = try row.decode(String.self, at: 0)
            let partitionName = try row.decode(String.self, at: 2)
            guard let parent = target.indexes.first(where: { $0.name == parentName }), let tail = parent.definitionTail
            else {
                throw PartSyncError(.database, table: context.table, phase: .backfilling,
                                    message: "cannot read the definition of index \(parentName)",
                                    nextStep: "build it by hand on each partition, or report this")
            }
            let partition = SQLIdentifier(schema: try row.decode(String.self, at: 3), name: partitionName)
            return Build(
                parentIndex: SQLIdentifier(schema: try row.decode(String.self, at: 1), name: parentName),
                partition: partition, partitionBytes: try row.decode(Int64.self, at: 4),
                index: SQLIdentifier(
                    schema: partition.schema,
                    name: Naming.partitionIndex(parentIndex: parentName, parent: target.identifier.name,
                                                partition: partitionName)),
                unique: parent.isUnique, tail: tail)
        }
    }
}

/// Hands out work items to parallel builders.
private actor WorkQueue<Item: Sendable> {
    private var items: [Item]
    init(_ items: [Item]) { self.items = items.reversed() }
    func next() -> Item? { items.popLast() }
}

private actor BuildCounter {
    private var built = 0
    private let total: Int
    private let progress: @Sendable (Int, Int) async -> Void

    init(total: Int, progress: @escaping @Sendable (Int, Int) async -> Void) {
        self.total = total
        self.progress = progress
    }

    func add(_ count: Int) async {
        built += count
        await progress(built, total)
    }
}
