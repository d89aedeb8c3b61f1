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
                   extract(epoch FROM finished_at - started_at)::float8
            FROM partsync.verifications WHERE migration = $1 ORDER BY id DESC LIMIT 1
            """, [key]).first
        guard let row else { return nil }
        return VerificationSummary(
            finishedAt: try row.decode(String.self, at: 0), verdict: try row.decode(String.self, at: 1),
            sourceRows: try row.decode(Int64.self, at: 2), targetRows: try row.decode(Int64.self, at: 3),
            divergentKeys: try row.decode(Int.self, at: 4), inFlightKeys: try row.decode(Int.self, at: 5),
            seconds: try row.decode(Double.self, at: 6))
    }
}
