import Foundation
import PartSync
import PostgresClient

/// What every section of a run shares: the database, the executables, and the figures collected so far.
struct BenchSession: Sendable {
    let connection: Connection
    /// The conninfo or URL handed to `partsync` and `pgbench`.
    let conninfo: String
    let partsync: String
    let pgbench: String
    let repeats: Int

    func log(_ message: String) {
        FileHandle.standardError.write(Data("partsync-bench: \(message)\n".utf8))
    }

    /// Flushes dirty buffers so a timed run does not pay for the previous one's writes. Needs superuser (or
    /// pg_checkpoint); without it the figures are noisier, which is said once.
    func checkpoint() async {
        do {
            try await connection.execute("CHECKPOINT")
        } catch {
            if !Self.warnedAboutCheckpoint.exchange() {
                log("CHECKPOINT failed (\(error)); timed runs will include earlier runs' write-back")
            }
        }
    }

    private static let warnedAboutCheckpoint = OnceFlag()

    /// Times one statement (or script) on the bench connection, after a checkpoint.
    func timed(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) async throws -> Double {
        await checkpoint()
        let started = ContinuousClock.now
        if parameters.isEmpty {
            try await connection.execute(sql)
        } else {
            try await connection.query(sql, parameters)
        }
        return (ContinuousClock.now - started).seconds
    }

    func count(_ table: SQLIdentifier) async throws -> Int {
        try await connection.query("SELECT count(*) FROM \(table.sql)").first!.decode(Int.self, at: 0)
    }
}

/// Set once, read many: a tiny lock-protected flag.
final class OnceFlag: @unchecked Sendable {
    // Invariant: `set` only under `lock`.
    private let lock = NSLock()
    private var set = false

    /// Returns whether it was already set, and sets it.
    func exchange() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let was = set
        set = true
        return was
    }
}

/// Figures and their samples, as sections add them.
struct Measurements: Sendable {
    var figures: [Figure] = []
    var samples: [String: [Double]] = [:]
    /// `section: error` for each section that failed.
    var failures: [String] = []

    mutating func add(_ figure: Figure, samples: [Double]) {
        figures.append(figure)
        self.samples[figure.name] = samples
    }

    /// A median of seconds, with its samples in the detail.
    mutating func addSeconds(_ name: String, _ seconds: [Double]) {
        add(Figure(name, value: BenchMath.median(seconds), unit: "s",
                   detail: "median of \(seconds.count): \(BenchMath.list(seconds)) s"), samples: seconds)
    }

    /// A child's peak RSS at two table sizes (samples in bytes, figures in MiB) and `ratioName`: the median at the
    /// larger ÷ at the smaller, whose target is ≤ 1.25 (flat in table size: no per-row state).
    mutating func addPeakRSS(
        _ what: String, small: (rows: Int, bytes: [Double]), large: (rows: Int, bytes: [Double]), ratioName: String,
        detail: String
    ) {
        for (rows, bytes) in [small, large] {
            let mebibytes = bytes.map { $0 / 1_048_576 }
            add(Figure("\(what) peak RSS, \(rows) rows", value: BenchMath.median(mebibytes), unit: "MiB",
                       detail: "runs: \(BenchMath.list(mebibytes)) MiB"), samples: mebibytes)
        }
        add(Figure(ratioName, value: BenchMath.growth(small: small.bytes, large: large.bytes), unit: "",
                   target: .atMost(1.25), detail: detail), samples: [])
    }

    /// baseline time ÷ candidate time, from the medians of both.
    mutating func addSpeedup(_ name: String, baseline: [Double], candidate: [Double], target: Target?) {
        let value = BenchMath.speedup(baselineSeconds: baseline, candidateSeconds: candidate)
        add(Figure(name, value: value, unit: "×", target: target,
                   detail: "median \(BenchMath.format(BenchMath.median(baseline))) s ÷ median "
                       + "\(BenchMath.format(BenchMath.median(candidate))) s"),
            samples: zip(baseline, candidate).map { $0.0 / $0.1 })
    }
}
