import Foundation
import PostgresClient

/// Where a backfill stands: what the progress bar, the log lines and `partsync status` show.
public struct BackfillProgress: Sendable, Codable, Equatable {
    public enum Stage: String, Sendable, Codable { case copying, indexing }

    public var stage: Stage
    /// Rows copied so far, by every run.
    public var copied: Int64
    /// The source's estimated row count.
    public var total: Int64
    public var rowsPerSecond: Double
    public var etaSeconds: Double?
    public var indexesBuilt: Int
    public var indexesTotal: Int

    public init(stage: Stage, copied: Int64, total: Int64, rowsPerSecond: Double, etaSeconds: Double?,
                indexesBuilt: Int, indexesTotal: Int) {
        self.stage = stage
        self.copied = copied
        self.total = total
        self.rowsPerSecond = rowsPerSecond
        self.etaSeconds = etaSeconds
        self.indexesBuilt = indexesBuilt
        self.indexesTotal = indexesTotal
    }

    public var percent: Int { total > 0 ? min(100, Int(Double(copied) * 100 / Double(total))) : 0 }

    /// `1200000 / ~2000000 rows (60%), 180000 rows/s, ETA 4 s` or `indexes 12 / 152 built`.
    public var summary: String {
        switch stage {
        case .copying:
            let eta = etaSeconds.map { "ETA \(Self.duration($0))" } ?? "ETA unknown"
            return "\(copied) / ~\(total) rows (\(percent)%), \(Int(rowsPerSecond)) rows/s, \(eta)"
        case .indexing:
            return "copied \(copied) rows; partition indexes \(indexesBuilt) / \(indexesTotal) built"
        }
    }

    /// A one-line bar for a terminal: `[##########----------]  50% 1000000/~2000000 rows 180000 rows/s ETA 5 s`.
    public func bar(width: Int = 30) -> String {
        let fraction: Double
        switch stage {
        case .copying: fraction = total > 0 ? min(1, Double(copied) / Double(total)) : 0
        case .indexing: fraction = indexesTotal > 0 ? Double(indexesBuilt) / Double(indexesTotal) : 0
        }
        return "\(Self.bar(fraction: fraction, width: width)) \(summary)"
    }

    /// `[##########----------]  50%`: `fraction` (clamped to 0…1) of `width` characters filled, and the percent.
    public static func bar(fraction: Double, width: Int = 30) -> String {
        let fraction = min(1, max(0, fraction))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
        let percent = String(repeating: " ", count: 3 - min(3, String(Int(fraction * 100)).count)) + "\(Int(fraction * 100))%"
        return "\(bar) \(percent)"
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 120 { return "\(whole) s" }
        if whole < 7_200 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3_600) h \(whole / 60 % 60) min"
    }
}

/// This process's progress, shared by its workers.
actor ProgressTracker {
    private var copiedNow: Int64 = 0
    private let alreadyCopied: Int64
    private let total: Int64
    private let started = ContinuousClock.now
    private var stage = BackfillProgress.Stage.copying
    private var indexesBuilt = 0
    private var indexesTotal = 0

    init(total: Int64, alreadyCopied: Int64) {
        self.total = max(total, alreadyCopied)
        self.alreadyCopied = alreadyCopied
    }

    func add(_ rows: Int) { copiedNow += Int64(rows) }

    func indexes(built: Int, of all: Int) {
        stage = .indexing
        indexesBuilt = built
        indexesTotal = all
    }

    func snapshot() -> BackfillProgress {
        let elapsed = (ContinuousClock.now - started).seconds
        let rate = elapsed > 0 ? Double(copiedNow) / elapsed : 0
        let copied = alreadyCopied + copiedNow
        let total = max(self.total, copied)
        return BackfillProgress(
            stage: stage, copied: copied, total: total, rowsPerSecond: rate,
            etaSeconds: rate > 0 ? Double(total - copied) / rate : nil, indexesBuilt: indexesBuilt,
            indexesTotal: indexesTotal)
    }

    /// The worker's identity in `partsync.backfill_progress`. `gethostname`, not `ProcessInfo.hostName`, which
    /// may resolve the name through DNS and block where there is none.
    static let worker: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        let host = gethostname(&buffer, buffer.count) == 0 ? String(cString: buffer) : "localhost"
        return "\(host):\(getpid())"
    }()
}
