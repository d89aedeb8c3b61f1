import Logging
import PostgresClient

/// Cuts the source into chunks once and stores them; a rerun (or a second process) reuses the stored plan.
///
/// - `blocks`: ranges of heap blocks, `lower_key <= block < upper_key`, read with a TID range scan. Planning is
///   instant (it needs only the relation's size) and every read is sequential, also for a random `uuid` key.
///   The last range ends at the size measured now: any row stored beyond it was written after the capture
///   trigger was committed (prepare precedes backfill), so the change log has it and the applier copies it.
/// - `keys`: primary-key ranges, `lower_key < key <= upper_key`, found with one ordered pass over the key.
struct ChunkPlanner {
    struct Plan {
        var chunking: Backfiller.Chunking
        var chunks: Int
        var rowsCopied: Int64
    }

    let context: MigrationContext
    let chunkRows: Int
    let requested: Backfiller.Chunking?

    func plan(on connection: Connection, logger: Logger) async throws -> Plan {
        try await connection.withTransaction { tx in
            // Serialises planning between processes started together.
            let store = StateStore(tx)
            try await store.lockMigration(context.record.key)
            let existing = try await store.chunkTotals(context.record.key)
            let count = existing.chunks
            if count > 0 {
                let stored = Backfiller.Chunking(rawValue: existing.unit ?? "") ?? .keys
                if let requested, requested != stored {
                    logger.warning("""
                        \(context.table): chunks were planned by \(stored.rawValue) on the first run; keeping that \
                        (--chunk-by \(requested.rawValue) ignored)
                        """)
                }
                return Plan(chunking: stored, chunks: count, rowsCopied: existing.rowsCopied)
            }
            let chunking = requested ?? .blocks
            let ranges: [(lower: [String]?, upper: [String]?)]
            switch chunking {
            case .blocks: ranges = try await blockRanges(tx)
            case .keys: ranges = try await keyRanges(tx)
            }
            for (number, range) in ranges.enumerated() {
                try await store.insertChunk(context.record.key, number: number, unit: chunking.rawValue,
                                            lower: range.lower, upper: range.upper)
            }
            try await store.event(context.record.key, phase: .backfilling,
                                  "planned \(ranges.count) chunks by \(chunking.rawValue) of about \(chunkRows) rows")
            return Plan(chunking: chunking, chunks: ranges.count, rowsCopied: 0)
        }
    }

    private func blockRanges(_ tx: isolated Connection) async throws -> [(lower: [String]?, upper: [String]?)] {
        let (blocks, density) = try await BlockMath.heapShape(of: context.source.identifier, on: tx)
        let perChunk = BlockMath.blocks(forRows: chunkRows, rowsPerBlock: density)
        return BlockMath.ranges(blocks: blocks, perChunk: perChunk).map { ([String($0.lower)], [String($0.upper)]) }
    }

    private func keyRanges(_ tx: isolated Connection) async throws -> [(lower: [String]?, upper: [String]?)] {
        let key = context.key
        let boundaries = try await tx.query(
            """
            SELECT \(key.textArray("s")) FROM (
                SELECT \(key.list()), row_number() OVER (ORDER BY \(key.list())) AS partsync_rn
                FROM \(context.source.identifier.sql)
            ) s WHERE s.partsync_rn % $1 = 0 ORDER BY \(key.list(prefix: "s"))
            """, [chunkRows])
        var ranges: [(lower: [String]?, upper: [String]?)] = []
        var lower: [String]? = nil
        for row in boundaries.rows {
            let upper = TextArray.parse(row[0])
            ranges.append((lower, upper))
            lower = upper
        }
        ranges.append((lower, nil))
        return ranges
    }
}

/// Block arithmetic of the `blocks` chunking. Pure, apart from reading the heap's shape.
enum BlockMath {
    /// The table's size in blocks now, and its rows per block from the last VACUUM/ANALYZE (0: never analysed).
    static func heapShape(of table: SQLIdentifier, on connection: Connection) async throws
        -> (blocks: Int64, rowsPerBlock: Double)
    {
        let row = try await connection.query(
            """
            SELECT pg_catalog.pg_relation_size(c.oid) / pg_catalog.current_setting('block_size')::int8,
                   CASE WHEN c.reltuples > 0 AND c.relpages > 0 THEN c.reltuples / c.relpages ELSE 0 END::float8
            FROM pg_catalog.pg_class c WHERE c.oid = $1::regclass
            """, [table.sql]).first!
        return (try row.decode(Int64.self, at: 0), try row.decode(Double.self, at: 1))
    }

    /// Blocks that hold about `rows` rows; a table never analysed is assumed to hold 50 rows a block.
    static func blocks(forRows rows: Int, rowsPerBlock: Double) -> Int64 {
        let density = rowsPerBlock > 0 ? rowsPerBlock : 50
        return max(1, Int64((Double(rows) / density).rounded(.up)))
    }

    /// `[0, blocks)` cut into ranges of `perChunk`; one empty range for an empty table.
    static func ranges(blocks: Int64, perChunk: Int64) -> [(lower: Int64, upper: Int64)] {
        guard blocks > 0 else { return [(0, 0)] }
        return stride(from: Int64(0), to: blocks, by: Int(max(1, perChunk))).map { ($0, min(blocks, $0 + max(1, perChunk))) }
    }
}
