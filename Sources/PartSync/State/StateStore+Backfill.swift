import Foundation
import PostgresClient

/// The backfill's chunks, checkpoints and live progress.
extension StateStore {
    /// One stored chunk: where its next batch starts and where it ends.
    struct ClaimedChunk: Sendable {
        var number: Int
        /// The checkpoint, or the chunk's lower bound before its first batch.
        var from: [String]?
        var upper: [String]?
    }

    struct ChunkTotals: Sendable, Equatable {
        var chunks: Int
        var done: Int
        var rowsCopied: Int64
        /// How the stored chunks were cut (nil before planning).
        var unit: String?
    }

    func chunkTotals(_ key: String) async throws -> ChunkTotals {
        let row = try await connection.query(
            """
            SELECT count(*), count(*) FILTER (WHERE done), coalesce(sum(rows_copied), 0)::int8, min(unit)
            FROM partsync.backfill_chunks WHERE migration = $1
            """, [key]).first!
        return ChunkTotals(chunks: try row.decode(Int.self, at: 0), done: try row.decode(Int.self, at: 1),
                           rowsCopied: try row.decode(Int64.self, at: 2), unit: row[3])
    }

    func insertChunk(_ key: String, number: Int, unit: String, lower: [String]?, upper: [String]?) async throws {
        try await connection.query(
            """
            INSERT INTO partsync.backfill_chunks (migration, chunk, unit, lower_key, upper_key)
            VALUES ($1, $2, $3, $4, $5)
            """, [key, number, unit, lower.map(TextArray.literal), upper.map(TextArray.literal)])
    }

    /// Claims the first unfinished chunk nobody else holds, locked until the transaction ends.
    /// - Returns: nil when every unfinished chunk is held by another worker, or none is left.
    func claimChunk(_ key: String) async throws -> ClaimedChunk? {
        let row = try await connection.query(
            """
            SELECT chunk, coalesce(last_key, lower_key), upper_key FROM partsync.backfill_chunks
            WHERE migration = $1 AND NOT done ORDER BY chunk LIMIT 1 FOR UPDATE SKIP LOCKED
            """, [key]).first
        guard let row else { return nil }
        return ClaimedChunk(number: try row.decode(Int.self, at: 0), from: TextArray.parse(row[1]),
                            upper: TextArray.parse(row[2]))
    }

    func unfinishedChunks(_ key: String) async throws -> Int {
        try await connection.query(
            "SELECT count(*) FROM partsync.backfill_chunks WHERE migration = $1 AND NOT done", [key]
        ).first!.decode(Int.self, at: 0)
    }

    /// Moves a chunk's checkpoint: in the transaction of the batch it describes (invariant 4).
    func moveCheckpoint(_ key: String, chunk: Int, lastKey: [String]?, rows: Int, done: Bool) async throws {
        try await connection.query(
            """
            UPDATE partsync.backfill_chunks
            SET last_key = coalesce($3::text[], last_key), rows_copied = rows_copied + $4, done = $5, updated_at = now()
            WHERE migration = $1 AND chunk = $2
            """, [key, chunk, lastKey.map(TextArray.literal), rows, done])
    }

    func storeProgress(_ key: String, worker: String, _ progress: BackfillProgress) async throws {
        let json = String(decoding: try JSONEncoder().encode(progress), as: UTF8.self)
        try await connection.query(
            """
            INSERT INTO partsync.backfill_progress (migration, worker, progress, updated_at) VALUES ($1, $2, $3::jsonb, now())
            ON CONFLICT (migration, worker) DO UPDATE SET progress = EXCLUDED.progress, updated_at = now()
            """, [key, worker, json])
    }

    func clearProgress(_ key: String) async throws {
        try await connection.query("DELETE FROM partsync.backfill_progress WHERE migration = $1", [key])
    }

    /// Progress of the backfill processes that reported in the last 30 seconds.
    func liveProgress(_ key: String) async throws -> [BackfillProgress] {
        try await connection.query(
            """
            SELECT progress::text FROM partsync.backfill_progress
            WHERE migration = $1 AND updated_at > now() - interval '30 seconds'
            """, [key]).rows.compactMap { row in
            try row[0].flatMap { try JSONDecoder().decode(BackfillProgress.self, from: Data($0.utf8)) }
        }
    }

    /// Records where the WAL was once every chunk had committed (the first time only): a WAL capture's decoder
    /// logs key-only entries for the changes committed before it (see `TransactionDecoder.entries`).
    func recordBackfilled(_ key: String) async throws {
        try await connection.query(
            "UPDATE partsync.migrations SET backfilled_lsn = COALESCE(backfilled_lsn, pg_catalog.pg_current_wal_lsn()) "
                + "WHERE key = $1", [key])
    }
}
