/// Decides the next batch size from how long the last one took. Pure.
public struct BatchSizer: Sendable, Equatable {
    public var rows: Int
    public let targetMilliseconds: Double?
    public let minimum = 500
    public let maximum = 200_000

    /// A fixed size (`--batch-rows`), or adaptive towards `targetMilliseconds` (`--batch-ms`).
    public init(fixedRows: Int?, targetMilliseconds: Double) {
        if let fixedRows {
            rows = fixedRows
            self.targetMilliseconds = nil
        } else {
            rows = 5_000
            self.targetMilliseconds = targetMilliseconds
        }
    }

    /// Scales towards the target, at most doubling or halving per batch so one slow batch (a checkpoint, a
    /// lock) does not swing the size.
    public mutating func record(rows copied: Int, milliseconds: Double) {
        guard let targetMilliseconds, copied >= rows / 2, milliseconds > 0 else { return }
        let scaled = Double(rows) * targetMilliseconds / milliseconds
        rows = Int(min(Double(rows) * 2, max(Double(rows) / 2, scaled)))
        rows = min(maximum, max(minimum, rows))
    }
}
