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

    public var table: String
    public var target: String
    public var phase: MigrationPhase
    public var paused: Bool
    public var backfill: Backfill
    public var indexes: Indexes
    /// The change log's backlog and the applier.
    public var sync: SyncLag
    public var lastEvents: [String]

    /// Every migration partsync knows in this database, or the one of `table`.
    /// - Throws: `PartSyncError(.usage)` for a table partsync does not know.
    public static func load(table: String?, on connection: Connection) async throws -> [MigrationStatus] {
        let exists = try await connection.query("SELECT pg_catalog.to_regclass('partsync.migrations') IS NOT NULL")
        guard try exists.first!.decode(Bool.self, at: 0) else {
            if let table {
                throw PartSyncError(.usage, table: table, message: "partsync has not prepared any table in this database",
                                    nextStep: "run `partsync prepare --table \(table) --partition-key <column>` first")
            }
            return []
        }
        let tables: [String]
        if let table {
            tables = [table]
        } else {
            tables = try await connection.query(
                "SELECT source_schema, source_table FROM partsync.migrations ORDER BY source_schema, source_table"
            ).rows.map { SQLIdentifier(schema: try $0.decode(String.self, at: 0), name: try $0.decode(String.self, at: 1)).sql }
        }
        var result: [MigrationStatus] = []
        for table in tables {
            let context = try await MigrationContext.load(table: table, on: connection, phase: .planned)
            result.append(try await load(context, on: connection))
        }
        return result
    }

    static func load(_ context: MigrationContext, on connection: Connection) async throws -> MigrationStatus {
        let record = context.record
        let key = record.key
        let paused = try await connection.query("SELECT paused FROM partsync.migrations WHERE key = $1", [key])
            .first!.decode(Bool.self, at: 0)
        let chunks = try await connection.query(
            """
            SELECT count(*), count(*) FILTER (WHERE done), coalesce(sum(rows_copied), 0)::int8
            FROM partsync.backfill_chunks WHERE migration = $1
            """, [key]).first!
        let live = try await connection.query(
            """
            SELECT progress::text FROM partsync.backfill_progress
            WHERE migration = $1 AND updated_at > now() - interval '30 seconds'
            """, [key]).rows.compactMap { row in
            try row[0].flatMap { try JSONDecoder().decode(BackfillProgress.self, from: Data($0.utf8)) }
        }
        let rowsCopied = try chunks.decode(Int64.self, at: 2)
        let estimated = max(context.source.estimatedRows, rowsCopied)
        let rate = live.isEmpty ? nil : live.map(\.rowsPerSecond).reduce(0, +)
        let backfill = Backfill(
            chunks: try chunks.decode(Int.self, at: 0), chunksDone: try chunks.decode(Int.self, at: 1),
            rowsCopied: rowsCopied, estimatedRows: estimated,
            percent: record.phase.isPastBackfill ? 100 : (estimated > 0 ? Int(rowsCopied * 100 / estimated) : 0),
            rowsPerSecond: rate,
            etaSeconds: rate.flatMap { $0 > 0 ? Double(estimated - rowsCopied) / $0 : nil },
            runningProcesses: live.count,
            stage: live.contains { $0.stage == .indexing } ? .indexing : live.first?.stage)

        let indexes = try await connection.query(
            """
            SELECT count(*) FILTER (WHERE NOT x.indisvalid), count(*)
            FROM pg_catalog.pg_index x WHERE x.indrelid = pg_catalog.to_regclass($1) AND NOT x.indisprimary
            """, [record.target.sql]).first!
        let sync = try await SyncLag.load(context, on: connection)
        let events = try await connection.query(
            """
            SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC ' || phase || ': ' || message
            FROM partsync.events WHERE migration = $1 ORDER BY at DESC, id DESC LIMIT 5
            """, [key]).rows.map { try $0.decode(String.self, at: 0) }
        return MigrationStatus(
            table: record.source.displayName, target: record.target.displayName, phase: record.phase, paused: paused,
            backfill: backfill,
            indexes: Indexes(pending: try indexes.decode(Int.self, at: 0), total: try indexes.decode(Int.self, at: 1)),
            sync: sync,
            lastEvents: events)
    }

    /// The human report.
    public var description: String {
        var lines = ["\(table) → \(target): \(phase.rawValue)\(paused ? " (PAUSED)" : "")"]
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
        lines.append("  applier: " + (sync.applierPID.map { "running (backend pid \($0))\(sync.applierWaiting ? ", idle" : "")" }
            ?? "not running"))
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
