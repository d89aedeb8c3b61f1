/// Per-chunk row counts and checksums of one side, merged from several workers' partial sums, and the
/// comparison of two sides. Pure, so it is unit tested without a server.
public struct ChunkSums: Sendable, Equatable {
    /// A chunk: a period of the partition key and a bucket of the primary key's hash.
    public struct Chunk: Sendable, Hashable, Comparable {
        public var period: String
        public var bucket: Int

        public init(period: String, bucket: Int) {
            self.period = period
            self.bucket = bucket
        }

        public static func < (a: Chunk, b: Chunk) -> Bool { (a.period, a.bucket) < (b.period, b.bucket) }
    }

    public struct Sum: Sendable, Equatable {
        public var rows: Int64 = 0
        /// Sum of the signed 64-bit row hashes: up to 2^31 rows of 2^63 fit with room to spare.
        public var checksum: Int128 = 0
    }

    public private(set) var chunks: [Chunk: Sum] = [:]

    public init() {}

    /// Adds one worker's partial sum of a chunk.
    public mutating func add(_ chunk: Chunk, rows: Int64, checksum: Int128) {
        chunks[chunk, default: Sum()].rows += rows
        chunks[chunk, default: Sum()].checksum += checksum
    }

    /// Drops every chunk of a bucket (a key range, in key-range verification), to be summed again.
    public mutating func removeAll(bucket: Int) {
        chunks = chunks.filter { $0.key.bucket != bucket }
    }

    public var rows: Int64 { chunks.values.reduce(0) { $0 + $1.rows } }

    /// The chunks whose count or checksum differs, or that only one side has, in order.
    public static func mismatched(_ source: ChunkSums, _ target: ChunkSums) -> [Chunk] {
        Set(source.chunks.keys).union(target.chunks.keys)
            .filter { source.chunks[$0] ?? Sum() != target.chunks[$0] ?? Sum() }
            .sorted()
    }

    /// Rows and checksum per period (summed over buckets), both sides, in order.
    public static func periods(_ source: ChunkSums, _ target: ChunkSums) -> [VerifyReport.Period] {
        func byPeriod(_ sums: ChunkSums) -> [String: Sum] {
            var result: [String: Sum] = [:]
            for (chunk, sum) in sums.chunks {
                result[chunk.period, default: Sum()].rows += sum.rows
                result[chunk.period, default: Sum()].checksum += sum.checksum
            }
            return result
        }
        let left = byPeriod(source)
        let right = byPeriod(target)
        return Set(left.keys).union(right.keys).sorted().map { period in
            VerifyReport.Period(
                period: period, sourceRows: left[period]?.rows ?? 0, targetRows: right[period]?.rows ?? 0,
                sourceChecksum: String(left[period]?.checksum ?? 0), targetChecksum: String(right[period]?.checksum ?? 0))
        }
    }
}
