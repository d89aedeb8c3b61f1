import Foundation
import PostgresClient

/// What `partsync status` shows for one table: phase, backfill progress (stored chunks plus the live figures
/// of running processes), deferred indexes, and the change log's backlog and applier (`SyncLag`). Read-only.
public struct MigrationStatus: Sendable, Codable, Equatable {
    public struct Backfill: Sendable, Codable, Equatable {
        public var chunks: Int
        public var chunksDone: Int
        public var rowsCopied: Int64
        public var estimatedRows: Int64
        public var percent: Int
        /// Sum over backfill processes that reported in the last 30 seconds.
        public var rowsPerSecond: Double?
        public var etaSeconds: Double?
        public var runningProcesses: Int
        public var stage: BackfillProgress.Stage?
    }

    public struct Indexes: Sendable, Codable, Equatable {
        /// Secondary indexes of the target still waiting for their partitions' builds.
        public var pending: Int
        public var total: Int
    }

    /// The partitioned table's partitions (the twin before cutover, the live table after it).
    public struct Partitions: Sendable, Codable, Equatable {
        public var count: Int
        /// Day, week, month or year; nil when `partsync partitions` cannot read the layout (`unrecognised`).
        public var interval: String?
        /// Whole periods after the current one with a partition (-1: not even the current one).
        public var runway: Int?
        public var totalBytes: Int64
        public var warning: String?
        public var unrecognised: String?
    }

    public var table: String
    public var target: String
    public var phase: MigrationPhase
    /// While `phase` is `failed`: the phase that stopped, and why.
    public var failedFrom: MigrationPhase?
    public var failure: String?
    public var paused: Bool
    /// Columns changed on either table since prepare: every phase refuses to run until they are undone.
    public var drift: [String]
    public var backfill: Backfill
    public var indexes: Indexes
    /// The change log's backlog and the applier.
    public var sync: SyncLag
    /// A WAL capture's replication slot: who streams it and how much WAL it keeps (nil for a trigger capture).
    public var slot: WALCapture.SlotReport?
    /// The latest `partsync verify`, if any.
    public var verification: StateStore.VerificationSummary?
    /// Before cutover (syncing, verified): the cutover's preflight checks with their default bounds.
    public var cutoverPreflight: CutoverPreflight?
    public var partitions: Partitions
    public var lastEvents: [String]

    /// Every migration partsync knows in this database, or the one of `table`.
    /// - Throws: `PartSyncError(.usage)` for a table partsync does not know.
    public static func load(table: String?, on connection: Connection) async throws -> [MigrationStatus] {
        try await StateSchema.ensure(on: connection)
        let tables: [String]
        if let table {
            tables = [table]
        } else {
            tables = try await StateStore(connection).migrations().map(\.source.sql)
        }
        var result: [MigrationStatus] = []
        for table in tables {
            let context = try await MigrationContext.load(table: table, on: connection, phase: .planned,
                                                          checkShape: false)
            result.append(try await load(context, on: connection))
        }
        return result
    }

    static func load(_ context: MigrationContext, on connection: Connection) async throws -> MigrationStatus {
        let record = context.record
        let store = StateStore(connection)
        let chunks = try await store.chunkTotals(record.key)
        let live = try await store.liveProgress(record.key)
        let rowsCopied = chunks.rowsCopied
        let estimated = max(context.source.estimatedRows, rowsCopied)
        let rate = live.isEmpty ? nil : live.map(\.rowsPerSecond).reduce(0, +)
        let backfill = Backfill(
            chunks: chunks.chunks, chunksDone: chunks.done,
            rowsCopied: rowsCopied, estimatedRows: estimated,
            percent: record.phase.isPastBackfill ? 100 : (estimated > 0 ? Int(rowsCopied * 100 / estimated) : 0),
            rowsPerSecond: rate,
            etaSeconds: rate.flatMap { $0 > 0 ? Double(estimated - rowsCopied) / $0 : nil },
            runningProcesses: live.count,
            stage: live.contains { $0.stage == .indexing } ? .indexing : live.first?.stage)

        let indexes = try await connection.query(
            """
            SELECT count(*) FILTER (WHERE NOT x.indisvalid), count(*)
            FROM pg_catalog.pg_index x WHERE x.indrelid = $1 AND NOT x.indisprimary
            """, [record.targetOID]).first!
        let sync = try await SyncLag.load(context, on: connection)
        let preflight = record.phase == .syncing || record.phase == .verified
            ? CutoverPreflight.evaluate(
                try await CutoverPreflight.Facts.gather(context, on: connection), table: record.source.displayName,
                maxLagMilliseconds: CutoverPreflight.defaultMaxLagMilliseconds,
                lockTimeoutMilliseconds: CutoverPreflight.defaultLockTimeoutMilliseconds)
            : nil
        return MigrationStatus(
            table: record.source.displayName, target: record.target.displayName, phase: record.phase,
            failedFrom: record.failedFrom, failure: record.failure, paused: record.paused, drift: context.drift,
            backfill: backfill,
            indexes: Indexes(pending: try indexes.decode(Int.self, at: 0), total: try indexes.decode(Int.self, at: 1)),
            sync: sync, slot: try await WALCapture.slotReport(context, on: connection),
            verification: try await store.latestVerification(record.key), cutoverPreflight: preflight,
            partitions: try await partitions(of: record.targetOID, on: connection),
            lastEvents: try await store.recentEvents(record.key))
    }

    /// The partitions of the partitioned table `oid`: count, total size, and the layout's runway when it is one
    /// `partsync partitions` maintains.
    public static func partitions(of oid: UInt32, on connection: Connection) async throws -> Partitions {
        let sizes = try await connection.query(
            """
            SELECT count(*), coalesce(sum(pg_catalog.pg_total_relation_size(relid)), 0)::int8
            FROM pg_catalog.pg_partition_tree($1::regclass) WHERE isleaf AND relid <> $1::regclass
            """, [Int64(oid)]).first!
        let count = try sizes.decode(Int.self, at: 0), bytes = try sizes.decode(Int64.self, at: 1)
        do {
            let layout = try await PartitionLayout.read(oid: oid, on: connection)
            let runway = layout.runway(today: try await PartitionMaintainer.currentDay(on: connection))
            return Partitions(count: count, interval: layout.interval.rawValue, runway: runway, totalBytes: bytes,
                              warning: PartitionMaintainer.runwayWarning(layout, runway: runway), unrecognised: nil)
        } catch let error as PartitionLayout.Unrecognised {
            return Partitions(count: count, interval: nil, runway: nil, totalBytes: bytes, warning: nil,
                              unrecognised: error.reason)
        }
    }

    /// The human report.
    public var description: String {
        var lines = ["\(table) → \(target): \(phase.rawValue)\(paused ? " (PAUSED)" : "")"]
        if let failedFrom {
            lines.append("  failed while \(failedFrom.rawValue): \(failure ?? "no reason recorded"); rerun its command "
                + "to resume")
        }
        if !drift.isEmpty {
            lines.append("  the tables changed since prepare; every phase refuses to run until this is undone:")
            lines += drift.map { "    \($0)" }
        }
        var copy = "  backfill: \(backfill.rowsCopied) / ~\(backfill.estimatedRows) rows (\(backfill.percent)%), "
            + "chunks \(backfill.chunksDone) / \(backfill.chunks) done"
        if let rate = backfill.rowsPerSecond {
            copy += "; \(backfill.runningProcesses) process(es) running, \(Int(rate)) rows/s"
            if let eta = backfill.etaSeconds { copy += ", ETA \(BackfillProgress.duration(eta))" }
        }
        lines.append(copy)
        lines.append("  secondary indexes: \(indexes.total - indexes.pending) / \(indexes.total) built on every partition"
            + (indexes.pending > 0 ? " (the rest are built at the end of backfill)" : ""))
        lines.append("  change log: \(sync.line)")
        if let slot {
            lines.append("  " + slot.line)
            if let warning = slot.warning { lines.append("  warning: \(warning)") }
        }
        lines.append("  applier: " + (sync.applierPID.map { "running (backend pid \($0))\(sync.applierWaiting ? ", idle" : "")" }
            ?? "not running"))
        if let verification {
            lines.append("  last verification: \(verification.verdict) at \(verification.finishedAt), "
                + "\(verification.sourceRows) / \(verification.targetRows) rows, \(verification.divergentKeys) divergent, "
                + "\(verification.inFlightKeys) in flight (\(BackfillProgress.duration(verification.seconds)))")
            if verification.chunks > 0 {
                lines.append("  key-range chunks: \(verification.equalChunks) of \(verification.chunks) equal at their "
                    + "latest check; \(verification.touchedKeys) key(s) changed since (cutover rechecks them)")
            }
        } else {
            lines.append("  last verification: none yet")
        }
        if let cutoverPreflight {
            if cutoverPreflight.ready {
                lines.append("  cutover preflight: ready (\(cutoverPreflight.checks.map(\.name).joined(separator: ", ")))")
            } else {
                lines.append("  cutover preflight: not ready")
                lines += cutoverPreflight.failed.map { "    - \($0.name): \($0.detail)" }
            }
        }
        var parts = "  partitions: \(partitions.count), \(ByteCountFormatter.string(fromByteCount: partitions.totalBytes, countStyle: .binary))"
        if let interval = partitions.interval, let runway = partitions.runway {
            parts += " by \(interval); runway \(runway) \(interval)(s) after the current one"
        } else if let unrecognised = partitions.unrecognised {
            parts += "; not maintained by `partsync partitions`: \(unrecognised)"
        }
        lines.append(parts)
        if let warning = partitions.warning { lines.append("  warning: \(warning)") }
        if !lastEvents.isEmpty {
            lines.append("  recent events:")
            lines += lastEvents.map { "    \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}

extension MigrationPhase {
    /// The copy is finished in every phase after backfilling.
    var isPastBackfill: Bool {
        switch self {
        case .planned, .prepared, .backfilling, .failed: false
        default: true
        }
    }
}
