/// What `partsync verify` found, as written to `--report FILE.json` and stored in `partsync.verifications`.
/// The schema is documented in docs/verification.md; fields are only ever added.
public struct VerifyReport: Sendable, Codable, Equatable {
    public enum Verdict: String, Sendable, Codable {
        /// Every row outside the in-flight keys is the same on both sides.
        case equal
        case divergent
    }

    /// How a key differs.
    public enum Class: String, Sendable, Codable {
        /// In the source, not in the target.
        case missing
        /// In the target, not in the source (also a second copy of a key in another partition).
        case extra
        /// On both sides with different values (`columns` names them; a moved partition key is one of them).
        case different
    }

    public struct Difference: Sendable, Codable, Equatable {
        /// The source's primary-key values, as text, in key order.
        public var key: [String]
        public var `class`: Class
        /// The columns whose values differ (`different` only).
        public var columns: [String]
        /// The target partition holding the target's row (`extra`, `different`).
        public var partition: String?

        public init(key: [String], class: Class, columns: [String], partition: String?) {
            self.key = key
            self.class = `class`
            self.columns = columns
            self.partition = partition
        }
    }

    /// One period of the partition key (one partition of the target): rows and checksum on each side.
    public struct Period: Sendable, Codable, Equatable {
        /// The period's start, as the server prints `date_trunc` of the partition key.
        public var period: String
        public var sourceRows: Int64
        public var targetRows: Int64
        /// Sum of the 64-bit row hashes, as decimal text (it outgrows 64 bits).
        public var sourceChecksum: String
        public var targetChecksum: String

        public var equal: Bool { sourceRows == targetRows && sourceChecksum == targetChecksum }
    }

    public var table: String
    public var source: String
    public var target: String
    /// When the snapshot was taken (server time, UTC).
    public var snapshotAt: String
    public var verdict: Verdict
    /// Chunks compared: periods × key buckets.
    public var chunks: Int
    public var mismatchedChunks: Int
    public var sourceRows: Int64
    public var targetRows: Int64
    public var periods: [Period]
    /// Keys that differ and are not pending in the change log.
    public var divergent: [Difference]
    /// Keys that differ but are pending in the change log at the snapshot (the applier has not reached them).
    public var inFlight: [Difference]
    /// Distinct keys pending in the change log at the snapshot.
    public var inFlightKeys: Int
    public var durationSeconds: Double
    public var workers: Int
    public var partsyncVersion: String
    /// The row hash and chunking, spelled out (docs/verification.md).
    public var method: String

    /// How the run read the tables.
    public enum Mode: String, Sendable, Codable {
        /// Both whole tables in one snapshot.
        case oneSnapshot
        /// Key-range chunks in several snapshots, each within `--max-snapshot-seconds`.
        case keyRanges
        /// One pass of rolling verification (key-range chunks, at a bounded rate).
        case rolling
    }

    public var mode: Mode
    /// Snapshots the run opened (1 in `oneSnapshot` mode).
    public var snapshots: Int
    /// How long the longest of them stayed open.
    public var longestSnapshotSeconds: Double
    /// Keys the applier changed since their chunk's last clean result, after this run: what cutover rechecks.
    public var touchedKeys: Int64
    /// The query check, when it ran (`--html`, `--query`): EXPLAIN ANALYZE of representative queries on both.
    public var queries: QueryCheck.Report?
}
