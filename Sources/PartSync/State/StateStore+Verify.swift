import Foundation
import PostgresClient

/// Verification runs.
extension StateStore {
    /// The latest verification of a migration, as `status` shows it.
    public struct VerificationSummary: Sendable, Codable, Equatable {
        public var finishedAt: String
        public var verdict: String
        public var sourceRows: Int64
        public var targetRows: Int64
        public var divergentKeys: Int
        public var inFlightKeys: Int
        public var seconds: Double
        /// Key-range chunks of bounded and rolling verification: how many, and how many are equal now.
        public var chunks: Int
        public var equalChunks: Int
        /// Keys changed since their chunk's last clean result (what cutover rechecks).
        public var touchedKeys: Int64

        public init(finishedAt: String, verdict: String, sourceRows: Int64, targetRows: Int64, divergentKeys: Int,
                    inFlightKeys: Int, seconds: Double, chunks: Int, equalChunks: Int, touchedKeys: Int64) {
            self.finishedAt = finishedAt
            self.verdict = verdict
            self.sourceRows = sourceRows
            self.targetRows = targetRows
            self.divergentKeys = divergentKeys
            self.inFlightKeys = inFlightKeys
            self.seconds = seconds
            self.chunks = chunks
            self.equalChunks = equalChunks
            self.touchedKeys = touchedKeys
        }
    }

    /// Stores a finished run with its report.
    func recordVerification(_ key: String, _ report: VerifyReport) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(report), as: UTF8.self)
        try await connection.query(
            """
            INSERT INTO partsync.verifications (migration, started_at, verdict, source_rows, target_rows, chunks,
                divergent_keys, in_flight_keys, report)
            VALUES ($1, now() - make_interval(secs => $2), $3, $4, $5, $6, $7, $8, $9::jsonb)
            """,
            [key, report.durationSeconds, report.verdict.rawValue, report.sourceRows, report.targetRows,
             report.chunks, report.divergent.count, report.inFlightKeys, json])
    }

    func latestVerification(_ key: String) async throws -> VerificationSummary? {
        let row = try await connection.query(
            """
            SELECT to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', verdict, source_rows,
                   target_rows, divergent_keys, in_flight_keys,
                   extract(epoch FROM finished_at - started_at)::float8,
                   (SELECT count(*) FROM partsync.verify_chunks c WHERE c.migration = $1),
                   (SELECT count(*) FROM partsync.verify_chunks c WHERE c.migration = $1 AND c.verdict = 'equal'),
                   (SELECT count(DISTINCT t.key) FROM partsync.touched_keys t WHERE t.migration = $1)
            FROM partsync.verifications WHERE migration = $1 ORDER BY id DESC LIMIT 1
            """, [key]).first
        guard let row else { return nil }
        return VerificationSummary(
            finishedAt: try row.decode(String.self, at: 0), verdict: try row.decode(String.self, at: 1),
            sourceRows: try row.decode(Int64.self, at: 2), targetRows: try row.decode(Int64.self, at: 3),
            divergentKeys: try row.decode(Int.self, at: 4), inFlightKeys: try row.decode(Int.self, at: 5),
            seconds: try row.decode(Double.self, at: 6), chunks: try row.decode(Int.self, at: 7),
            equalChunks: try row.decode(Int.self, at: 8), touchedKeys: try row.decode(Int64.self, at: 9))
    }
}

/// What bounded and rolling verification keep: the key-range chunks with their latest results, the keys the
/// applier touched since, and the change-log position (apply stamp) a snapshot saw.
extension StateStore {
    /// One key-range chunk and its latest result (nil fields: never verified).
    public struct ChunkResult: Sendable, Equatable {
        public var chunk: Int
        /// The chunk's first key (nil: from the lowest), as text in key order.
        public var lower: [String]?
        /// The next chunk's first key (nil: to the highest).
        public var upper: [String]?
        public var verdict: String?
        public var sourceRows: Int64?
        public var targetRows: Int64?
        public var divergentKeys: Int?
        public var inFlightKeys: Int?
        /// The apply stamp the chunk's snapshot saw: every apply batch numbered up to it was visible.
        public var logPosition: Int64?
    }

    /// Turns on the applier's record of touched keys for the migration (before the first snapshot of a
    /// verification: every batch that commits after it records its keys).
    func enableVerifyTracking(_ key: String) async throws {
        try await connection.query(
            "UPDATE partsync.migrations SET verify_tracking = true WHERE key = $1 AND NOT verify_tracking", [key])
    }

    /// The latest apply stamp handed out (0 when none). Read it while holding the copy lock shared, so no apply
    /// batch is between taking its stamp and committing.
    func applyStamp() async throws -> Int64 {
        try await connection.query("SELECT COALESCE(pg_catalog.pg_sequence_last_value('partsync.apply_stamp'), 0)")
            .first!.decode(Int64.self, at: 0)
    }

    /// The applier's statement part that records the pairs of a batch (`picked`: its logged source keys with
    /// their partition-key values, old and new) with one new stamp, when the migration's tracking is on: the
    /// source key as `key`, the whole pair as `target_key` (so the recheck finds the target's rows through its
    /// primary key and prunes partitions, instead of looking for the source key in every partition). `$2` is
    /// the migration's key. An insert, not an upsert: it costs a batch about a quarter of what updating one
    /// row per key did.
    static func touchedKeysCTE(_ key: KeySQL) -> String {
        """
        touched AS (
            INSERT INTO partsync.touched_keys (migration, key, target_key, stamp)
            SELECT $2, \(key.textArray("p")), \(key.textArray("p", .target)),
                   (SELECT pg_catalog.nextval('partsync.apply_stamp'))
            FROM (SELECT DISTINCT \(key.list(.target)) FROM picked) p
            WHERE (SELECT m.verify_tracking FROM partsync.migrations m WHERE m.key = $2)
            RETURNING 1
        )
        """
    }

    /// Forgets touched keys a clean result covers: stamped at or before `position` and, when given, inside a
    /// key range (`inRange`, a condition over `t.key`, with its parameters from `$3`). Apply batches only ever
    /// insert rows (stamped past any position taken before them), so this never waits for one.
    func pruneTouched(_ key: String, upTo position: Int64, inRange: (sql: String, parameters: [String?])? = nil)
        async throws
    {
        var parameters: [(any PostgresEncodable)?] = [key, position]
        parameters += (inRange?.parameters ?? []).map { $0 as (any PostgresEncodable)? }
        try await connection.query(
            """
            DELETE FROM partsync.touched_keys t WHERE t.migration = $1 AND t.stamp <= $2
            \(inRange.map { "AND \($0.sql)" } ?? "")
            """, parameters)
    }

    /// Keys the applier changed since their chunk's last clean result.
    func touchedKeys(_ key: String) async throws -> Int64 {
        try await connection.query(
            "SELECT count(*) FROM (SELECT DISTINCT key FROM partsync.touched_keys WHERE migration = $1) t", [key])
            .first!.decode(Int64.self, at: 0)
    }

    /// The migration's chunk layout with each chunk's latest result, in key order.
    func chunkResults(_ key: String) async throws -> [ChunkResult] {
        try await connection.query(
            """
            SELECT chunk, lower_key, upper_key, verdict, source_rows, target_rows, divergent_keys, in_flight_keys,
                   log_position
            FROM partsync.verify_chunks WHERE migration = $1 ORDER BY chunk
            """, [key]).rows.map { row in
            ChunkResult(
                chunk: try row.decode(Int.self, at: 0), lower: TextArray.parse(row[1]), upper: TextArray.parse(row[2]),
                verdict: row[3], sourceRows: try row.decodeIfPresent(Int64.self, at: 4),
                targetRows: try row.decodeIfPresent(Int64.self, at: 5),
                divergentKeys: try row.decodeIfPresent(Int.self, at: 6),
                inFlightKeys: try row.decodeIfPresent(Int.self, at: 7),
                logPosition: try row.decodeIfPresent(Int64.self, at: 8))
        }
    }

    /// Replaces the chunk layout (dropping every stored result).
    func replaceChunkLayout(_ key: String, bounds: [(lower: [String]?, upper: [String]?)]) async throws {
        try await connection.query("DELETE FROM partsync.verify_chunks WHERE migration = $1", [key])
        try await connection.query(
            """
            INSERT INTO partsync.verify_chunks (migration, chunk, lower_key, upper_key)
            SELECT $1, n - 1, pg_catalog.string_to_array(l, E'\\x1f'), pg_catalog.string_to_array(u, E'\\x1f')
            FROM ROWS FROM (pg_catalog.unnest($2::text[]), pg_catalog.unnest($3::text[])) WITH ORDINALITY AS b(l, u, n)
            """,
            [key, Self.boundsLiteral(bounds.map(\.lower)), Self.boundsLiteral(bounds.map(\.upper))])
    }

    /// A text[] literal of bounds, each key joined with U+001F, NULL for an open end.
    private static func boundsLiteral(_ bounds: [[String]?]) -> String {
        "{" + bounds.map { bound in
            guard let bound else { return "NULL" }
            let joined = bound.joined(separator: "\u{1F}")
            return "\"" + joined.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        }.joined(separator: ",") + "}"
    }

    /// Stores a chunk's latest result.
    func recordChunk(_ key: String, _ result: ChunkResult) async throws {
        try await connection.query(
            """
            UPDATE partsync.verify_chunks SET verdict = $3, source_rows = $4, target_rows = $5, divergent_keys = $6,
                in_flight_keys = $7, log_position = $8, verified_at = now()
            WHERE migration = $1 AND chunk = $2
            """,
            [key, result.chunk, result.verdict, result.sourceRows, result.targetRows, result.divergentKeys,
             result.inFlightKeys, result.logPosition])
    }

    /// The sync lag samples of a capture since `hours` ago, oldest first.
    public func lagSamples(_ key: String, direction: CaptureDirection = .forward, hours: Double = 24)
        async throws -> [LagSample]
    {
        try await connection.query(
            """
            SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), pending, oldest_age_seconds
            FROM partsync.lag_samples
            WHERE migration = $1 AND direction = $2 AND at > now() - make_interval(secs => $3)
            ORDER BY at
            """, [key, direction.rawValue, hours * 3600]).rows.map { row in
            LagSample(at: try row.decode(String.self, at: 0), pending: try row.decode(Int64.self, at: 1),
                      oldestAgeSeconds: try row.decodeIfPresent(Double.self, at: 2))
        }
    }
}
