import Foundation
import Logging
import PostgresClient

/// `partsync partitions`: keeps a range-partitioned table's future partitions there. Works on a migration's
/// partitioned twin before the cutover, on the live partitioned table after it, and on any range-partitioned
/// table it can recognise (`PartitionLayout`).
///
/// A partition is made without locking the application out: `CREATE TABLE … (LIKE parent …)` and then
/// `ALTER TABLE parent ATTACH PARTITION`, which takes SHARE UPDATE EXCLUSIVE on the parent (PostgreSQL 12 and
/// later; writes and reads go on) and ACCESS EXCLUSIVE only on the new, empty table, and on the default
/// partition when there is one. `CREATE TABLE … PARTITION OF` would take ACCESS EXCLUSIVE on the parent.
/// ATTACH builds the parent's indexes on the new partition (instant on an empty table). Each partition is
/// one transaction under a short `lock_timeout`, retried with backoff.
public enum PartitionMaintainer {
    public struct Options: Sendable {
        /// Periods after the current one that must have a partition.
        public var premake: Int
        /// Keep the current period and this many before it; older partitions are detached, archived to
        /// `archiveDirectory`, verified and dropped. Nil: no retention.
        public var retain: Int?
        public var archiveDirectory: URL?
        public var dryRun: Bool
        public var lockTimeoutMilliseconds: Int
        public var retry: RetryPolicy

        public init(premake: Int = 3, retain: Int? = nil, archiveDirectory: URL? = nil, dryRun: Bool = false,
                    lockTimeoutMilliseconds: Int = 500, retry: RetryPolicy = RetryPolicy(attempts: 10)) {
            self.premake = premake
            self.retain = retain
            self.archiveDirectory = archiveDirectory
            self.dryRun = dryRun
            self.lockTimeoutMilliseconds = lockTimeoutMilliseconds
            self.retry = retry
        }
    }

    /// One change, done or (with `dryRun`) to be done.
    public struct Action: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable { case create, detach, archive, drop }
        public var kind: Kind
        public var partition: String
        /// `2027-04-01` to `2027-05-01`.
        public var from: String
        public var to: String
        /// Rows and the archive's file, for archive actions.
        public var detail: String?

        init(_ kind: Kind, _ member: PartitionLayout.Member, detail: String? = nil) {
            self.kind = kind
            partition = member.name.displayName
            from = DayText.text(member.from)
            to = DayText.text(member.to)
            self.detail = detail
        }
    }

    public struct Outcome: Sendable, Codable, Equatable {
        /// The partitioned table maintained.
        public var table: String
        public var interval: String
        public var dryRun: Bool
        public var actions: [Action]
        public var partitions: Int
        /// Whole periods after the current one with a partition, after the actions (-1: not even the current).
        public var runway: Int
        /// Set when the runway is below 2 periods.
        public var warning: String?
    }

    /// The smallest runway that does not warn.
    public static let minimumRunway = 2

    /// Creates the missing partitions of `table` (or only lists them with `dryRun`).
    /// - Parameter table: a partitioned table, or a table whose migration's twin is to be maintained.
    /// - Throws: `PartSyncError(.usage)` for a table partsync cannot maintain (naming why), `.database` when
    ///   a step fails after the retries (nothing half-made: each partition is one transaction).
    public static func run(table: String, options: Options = Options(), on connection: Connection,
                           today: Int64? = nil, logger: Logger = Logger(label: "partsync")) async throws -> Outcome {
        let oid = try await resolve(table, on: connection)
        var layout: PartitionLayout
        do {
            layout = try await PartitionLayout.read(oid: oid, on: connection)
        } catch let error as PartitionLayout.Unrecognised {
            throw PartSyncError(.usage, table: table, message: error.reason + "; nothing was changed",
                                nextStep: "partsync maintains tables range-partitioned by day, week, month or year on a "
                                    + "date or timestamp column, as `partsync prepare` makes them")
        }
        let name = layout.table.displayName
        var logger = logger
        logger[metadataKey: "table"] = .string(name)
        let day: Int64
        if let today { day = today } else { day = try await currentDay(on: connection) }
        if options.retain != nil { try await refuseRetentionDuringMigration(layout, on: connection) }
        let missing = layout.missing(today: day, premake: options.premake)
        var actions: [Action] = []
        for member in missing {
            var action = Action(.create, member)
            if options.dryRun {
                let stray = try await layout.strayRows(member, on: connection)
                if stray > 0, let defaultPartition = layout.defaultPartition {
                    action.detail = "\(stray) row(s) to move in from \(defaultPartition.displayName)"
                }
            } else {
                let moved = try await create(member, in: layout, options: options, on: connection, logger: logger)
                if moved > 0, let defaultPartition = layout.defaultPartition {
                    action.detail = "\(moved) row(s) moved in from \(defaultPartition.displayName)"
                }
                layout.members.append(member)
                layout.members.sort { $0.from < $1.from }
            }
            actions.append(action)
        }
        if let retain = options.retain, let directory = options.archiveDirectory {
            let cutoff = layout.retentionCutoff(today: day, retain: retain)
            let archive = PartitionArchive(directory: directory)
            for member in layout.members where member.to <= cutoff {
                if options.dryRun {
                    let rows = try await connection.query(
                        "SELECT reltuples::int8 FROM pg_catalog.pg_class WHERE oid = to_regclass($1)", [member.name.sql])
                        .first?.decodeIfPresent(Int64.self, at: 0) ?? 0
                    actions += [Action(.detach, member),
                                Action(.archive, member, detail: "about \(max(rows, 0)) rows to \(directory.path)"),
                                Action(.drop, member)]
                    continue
                }
                actions += try await retire(member, in: layout, archive: archive, options: options, on: connection,
                                            logger: logger)
                layout.members.removeAll { $0.name == member.name }
            }
        }
        let runway = layout.runway(today: day)
        return Outcome(table: name, interval: layout.interval.rawValue, dryRun: options.dryRun, actions: actions,
                       partitions: layout.members.count + (layout.defaultPartition == nil ? 0 : 1), runway: runway,
                       warning: runwayWarning(layout, runway: runway))
    }

    /// Retention drops rows: before the migration is finished they are still in the other table (the source
    /// before the cutover, the retired one after it), and the tables would no longer be equal.
    static func refuseRetentionDuringMigration(_ layout: PartitionLayout, on connection: Connection) async throws {
        try await StateSchema.ensure(on: connection)
        guard let record = try await StateStore(connection).migration(forTable: layout.table.sql),
              record.phase != .finished else { return }
        throw PartSyncError(
            .usage, table: layout.table.displayName, phase: record.phase,
            message: "retention is refused while the migration of \(record.source.displayName) is \(record.phase.rawValue): "
                + "dropping partitions would make the tables differ; nothing was changed",
            nextStep: "run it after `partsync finish --table \(record.source.displayName)`; premake alone (no --retain) "
                + "works in every phase")
    }

    /// Detaches, archives, verifies and drops one partition. Nothing is dropped without a verified archive:
    /// a failure before the detach leaves the partition attached, one after it leaves it detached (the error
    /// says which, and how to attach it again).
    private static func retire(_ member: PartitionLayout.Member, in layout: PartitionLayout, archive: PartitionArchive,
                               options: Options, on connection: Connection, logger: Logger) async throws -> [Action] {
        let name = layout.table.displayName, partition = member.name
        let size = try await connection.query("SELECT pg_catalog.pg_total_relation_size($1::regclass)", [partition.sql])
            .first!.decode(Int64.self, at: 0)
        do {
            try archive.check(room: size)
        } catch {
            throw PartSyncError(.usage, table: name, message: "\(error); nothing was detached or dropped, "
                                    + "\(partition.displayName) is still attached",
                                nextStep: "give a writable --archive-dir with room, then run the command again")
        }
        try await detach(partition, from: layout, options: options, on: connection)
        let reattach = "ALTER TABLE \(layout.table.sql) ATTACH PARTITION \(partition.sql) \(layout.boundSQL(member))"
        do {
            let before = try await PartitionArchive.figures(of: partition.sql, on: connection)
            let partial = try await archive.write(partition, on: connection)
            let back = try await archive.readBack(partial, like: partition, on: connection)
            guard back == before else {
                throw PartitionArchive.ArchiveError(
                    "the archive read back holds \(back.rows) rows (checksum \(back.checksum)), the partition "
                        + "\(before.rows) (checksum \(before.checksum))")
            }
            let final = archive.directory.appendingPathComponent(PartitionArchive.fileName(partition))
            try? FileManager.default.removeItem(at: final)
            try FileManager.default.moveItem(at: partial, to: final)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: final.path)[.size] as? Int64) ?? 0
            let columns = try await connection.query(
                """
                SELECT attname || ' ' || pg_catalog.format_type(atttypid, atttypmod) FROM pg_catalog.pg_attribute
                WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum
                """, [partition.sql]).rows.map { try $0.decode(String.self, at: 0) }
            try archive.writeManifest(PartitionArchive.Manifest(
                table: name, partition: partition.displayName, from: DayText.text(member.from), to: DayText.text(member.to),
                rows: before.rows, checksum: before.checksum, file: final.lastPathComponent, bytes: bytes,
                columns: columns, partsyncVersion: PartSyncVersion.current,
                archivedAt: ISO8601DateFormatter().string(from: Date())))
            _ = try await options.retry.run {
                try await connection.withTransaction(settings: ["lock_timeout": "\(options.lockTimeoutMilliseconds)ms"]) { tx in
                    try await tx.execute("DROP TABLE \(partition.sql)")
                }
            }
            logger.info("\(name): archived \(before.rows) rows of \(partition.displayName) to \(final.path), verified, dropped")
            return [Action(.detach, member),
                    Action(.archive, member, detail: "\(before.rows) rows to \(final.path), read back and verified"),
                    Action(.drop, member)]
        } catch {
            let cause = (error as? PartitionArchive.ArchiveError)?.description ?? "\(error)"
            throw PartSyncError(.database, table: name,
                                message: "archiving \(partition.displayName) failed: \(cause); it is detached and was NOT "
                                    + "dropped",
                                nextStep: "attach it back (\(reattach)), fix the cause, and run the command again")
        }
    }

    /// `DETACH PARTITION … CONCURRENTLY` when the table has no default partition (PostgreSQL 14+: SHARE UPDATE
    /// EXCLUSIVE on the parent, so reads and writes go on; not in a transaction block, and not allowed with a
    /// default partition); otherwise a plain DETACH (ACCESS EXCLUSIVE on the parent) under the short
    /// `lock_timeout`, retried. A concurrent detach interrupted half-way is finished (`FINALIZE`).
    private static func detach(_ partition: SQLIdentifier, from layout: PartitionLayout, options: Options,
                               on connection: Connection) async throws {
        let parent = layout.table.sql
        do {
            if layout.defaultPartition == nil {
                try await connection.execute("SET lock_timeout = \(options.lockTimeoutMilliseconds)")
                do {
                    try await options.retry.run {
                        let pending = try await connection.query(
                            "SELECT inhdetachpending FROM pg_catalog.pg_inherits WHERE inhrelid = $1::regclass",
                            [partition.sql]).first?.decode(Bool.self, at: 0) ?? false
                        try await connection.execute(
                            "ALTER TABLE \(parent) DETACH PARTITION \(partition.sql) \(pending ? "FINALIZE" : "CONCURRENTLY")")
                    }
                } catch {
                    _ = try? await connection.execute("RESET lock_timeout")
                    throw error
                }
                try await connection.execute("RESET lock_timeout")
            } else {
                _ = try await options.retry.run {
                    try await connection.withTransaction(settings: ["lock_timeout": "\(options.lockTimeoutMilliseconds)ms"]) { tx in
                        try await tx.execute("ALTER TABLE \(parent) DETACH PARTITION \(partition.sql)")
                    }
                }
            }
        } catch {
            throw PartSyncError.database(error, table: layout.table.displayName, phase: nil,
                                         doing: "detach \(partition.displayName) (it is still attached unless the "
                                            + "catalog shows it detach-pending; rerun to finish)")
        }
    }

    /// The warning for a runway below `minimumRunway`, with the command that fixes it; nil otherwise.
    static func runwayWarning(_ layout: PartitionLayout, runway: Int) -> String? {
        guard runway < minimumRunway else { return nil }
        let name = layout.table.displayName, interval = layout.interval.rawValue
        return runway < 0
            ? "\(name) has no partition for the current \(interval): rows for now go to the default partition or "
                + "fail; run `partsync partitions --table \(name)`"
            : "\(name) has partitions for only \(runway) \(interval)(s) after the current one; run "
                + "`partsync partitions --table \(name) --premake N` with N ≥ \(minimumRunway)"
    }

    /// The partitioned table `table` names, or its migration's twin when `table` is the plain source.
    static func resolve(_ table: String, on connection: Connection) async throws -> UInt32 {
        let identifier: SQLIdentifier
        do {
            identifier = try SQLIdentifier.parse(table)
        } catch {
            throw PartSyncError(.usage, table: table, message: "\(error)", nextStep: "give --table as name or schema.name")
        }
        guard let oid = try await CatalogReader.resolve(identifier, on: connection) else {
            throw PartSyncError(.usage, table: table, message: "no table \(table) here",
                                nextStep: "check the name and the search_path (or give schema.name)")
        }
        let partitioned = try await connection.query(
            "SELECT relkind = 'p' FROM pg_catalog.pg_class WHERE oid = $1::oid", [Int64(oid)]).first!
            .decode(Bool.self, at: 0)
        if partitioned { return oid }
        try await StateSchema.ensure(on: connection)
        if let record = try await StateStore(connection).migration(forTable: table), record.sourceOID == oid {
            return record.targetOID
        }
        throw PartSyncError(.usage, table: table, message: "\(identifier.displayName) is not partitioned and has no "
                                + "migration; nothing was changed",
                            nextStep: "partition it first: `partsync plan --table \(table) --partition-key <column>`")
    }

    static func currentDay(on connection: Connection) async throws -> Int64 {
        try await connection.query("SELECT (now() AT TIME ZONE 'UTC')::date - date '1970-01-01'").first!
            .decode(Int64.self, at: 0)
    }

    /// Rows of one period moved out of the default partition under one lock, at most.
    public static let maxMoveRows: Int64 = 50_000

    /// One partition in one transaction: the table made like the parent, owned by the parent's owner, the rows
    /// of its period moved out of the default partition (when there are any), then attached. Returns the rows
    /// moved. A name taken by something else stops with the reason.
    ///
    /// Without rows to move, ATTACH alone: SHARE UPDATE EXCLUSIVE on the parent, ACCESS EXCLUSIVE on the new
    /// table and on the default partition (which it scans). With rows to move, the transaction first takes
    /// ACCESS EXCLUSIVE on the parent, under the lock timeout: a statement planned before the new partition
    /// was attached but run after the move would not see the moved rows, and a DELETE or UPDATE of one would
    /// silently do nothing (PostgreSQL reports a cross-partition UPDATE it knows about; a DELETE and INSERT
    /// it cannot tell from any other). Under the lock every statement on the table is planned after the
    /// commit. The move (`DELETE … RETURNING` into the new table) and the ATTACH commit together, so readers see
    /// the rows in the default partition before and in the new one after, never neither; the lock lasts as
    /// long as the move, so more than `maxMoveRows` rows in one period are refused. A long query on the table
    /// makes the attempt give up after the lock timeout and retry with backoff, so it never queues in front of
    /// the application for longer. No capture needs to see the move: the rows stay in the partitioned table
    /// (statement-level capture triggers sit on the parent and do not fire for statements on a partition).
    private static func create(_ member: PartitionLayout.Member, in layout: PartitionLayout, options: Options,
                               on connection: Connection, logger: Logger) async throws -> Int64 {
        let parent = layout.table.sql, partition = member.name.sql
        let inPeriod = layout.periodCondition(member)
        let stray = try await layout.strayRows(member, on: connection)
        func attempt(moving: Bool) async throws -> Int64 {
            try await options.retry.run({
                try await connection.withTransaction(settings: ["lock_timeout": "\(options.lockTimeoutMilliseconds)ms"]) { tx in
                    if try await CatalogReader.resolve(member.name, on: tx) != nil {
                        throw PartSyncError(
                            .usage, table: layout.table.displayName,
                            message: "\(member.name.displayName) already exists but is not a partition of "
                                + "\(layout.table.displayName) for \(DayText.text(member.from)) to \(DayText.text(member.to))",
                            nextStep: "rename or drop it, or attach it yourself, then run the command again")
                    }
                    if moving {
                        try await tx.execute("LOCK TABLE \(parent) IN ACCESS EXCLUSIVE MODE")
                    }
                    try await tx.execute(
                        "CREATE TABLE \(partition) (LIKE \(parent) INCLUDING DEFAULTS INCLUDING CONSTRAINTS "
                            + "INCLUDING GENERATED INCLUDING STORAGE INCLUDING COMPRESSION INCLUDING COMMENTS)")
                    let owner = try await tx.query(
                        "SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = $1::oid",
                        [Int64(layout.oid)]).first!.decode(String.self, at: 0)
                    try await tx.execute("ALTER TABLE \(partition) OWNER TO \(SQLIdentifier.quote(owner))")
                    var moved: Int64 = 0
                    if moving, let defaultPartition = layout.defaultPartition {
                        let count = try await layout.strayRows(member, on: tx)
                        guard count <= maxMoveRows else {
                            throw PartSyncError(
                                .usage, table: layout.table.displayName,
                                message: "\(count) rows for \(DayText.text(member.from)) to \(DayText.text(member.to)) are in "
                                    + "\(defaultPartition.displayName): more than \(maxMoveRows) to move under one lock of the "
                                    + "table; nothing was changed for this period",
                                nextStep: "find what writes them there (rows beyond the premade partitions), run "
                                    + "`partsync partitions` with a larger --premake before they arrive, or move them in a "
                                    + "maintenance window")
                        }
                        // Generated columns are computed again on insert; every other column is copied.
                        let columns = try await tx.query(
                            """
                            SELECT string_agg(pg_catalog.quote_ident(attname), ', ' ORDER BY attnum)
                            FROM pg_catalog.pg_attribute
                            WHERE attrelid = $1::oid AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
                            """, [Int64(layout.oid)]).first!.decode(String.self, at: 0)
                        moved = try await tx.query(
                            """
                            WITH gone AS (DELETE FROM \(defaultPartition.sql) WHERE \(inPeriod) RETURNING \(columns)),
                            arrived AS (INSERT INTO \(partition) (\(columns)) SELECT \(columns) FROM gone RETURNING 1)
                            SELECT count(*) FROM arrived
                            """).first!.decode(Int64.self, at: 0)
                    }
                    try await tx.execute("ALTER TABLE \(parent) ATTACH PARTITION \(partition) \(layout.boundSQL(member))")
                    return moved
                }
            }, onRetry: { attempt, error, pause in
                logger.info("""
                    \(layout.table.displayName): creating \(member.name.displayName): \(error.message); \
                    retry \(attempt) in \(Int(pause)) ms
                    """)
            })
        }
        let moved: Int64
        do {
            do {
                moved = try await attempt(moving: stray > 0)
            } catch let error as PostgresError where error.sqlState == .checkViolation && stray == 0 {
                // A row of the period reached the default partition after it was counted: move it too.
                moved = try await attempt(moving: true)
            }
        } catch let error as PartSyncError {
            throw error
        } catch {
            throw PartSyncError.database(error, table: layout.table.displayName, phase: nil,
                                         doing: "create partition \(member.name.displayName) (nothing was changed for "
                                            + "this period)")
        }
        logger.info("""
            \(layout.table.displayName): created \(member.name.displayName) for \(DayText.text(member.from)) to \
            \(DayText.text(member.to))\(moved > 0 ? ", \(moved) row(s) moved in from the default partition" : "")
            """)
        return moved
    }
}
