import Foundation

/// What a figure has to reach, from DESIGN.md's "Performance targets".
struct Target: Codable, Sendable, Equatable, CustomStringConvertible {
    enum Comparison: String, Codable, Sendable {
        case atLeast, atMost
    }

    var comparison: Comparison
    var value: Double

    static func atLeast(_ value: Double) -> Target { Target(comparison: .atLeast, value: value) }
    static func atMost(_ value: Double) -> Target { Target(comparison: .atMost, value: value) }

    func isMet(by measured: Double) -> Bool {
        guard measured.isFinite else { return false }
        switch comparison {
        case .atLeast: return measured >= value
        case .atMost: return measured <= value
        }
    }

    var description: String { (comparison == .atLeast ? "≥ " : "≤ ") + String(format: "%.2f", value) }
}

/// One measured figure: a median, its unit, and — where DESIGN.md sets one — its target and whether it was met.
struct Figure: Codable, Sendable, Equatable {
    var name: String
    var value: Double
    var unit: String
    var target: Target?
    /// nil for figures without a target (absolute times, memory).
    var met: Bool?
    /// How it was obtained, e.g. the samples the median came from.
    var detail: String

    init(_ name: String, value: Double, unit: String, target: Target? = nil, detail: String = "") {
        self.name = name
        self.value = value
        self.unit = unit
        self.target = target
        self.met = target.map { $0.isMet(by: value) }
        self.detail = detail
    }
}

/// The decisions and arithmetic of the benchmark. Pure, so they are unit tested without a server.
enum BenchMath {
    /// The median; the mean of the two middle values for an even count.
    static func median(_ samples: [Double]) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// How many times faster the candidate is than the baseline: baseline time ÷ candidate time.
    static func speedup(baselineSeconds: [Double], candidateSeconds: [Double]) -> Double {
        median(baselineSeconds) / median(candidateSeconds)
    }

    /// Throughput kept with capture on, one ratio per back-to-back pair, and their median. Pairs keep slow drift
    /// of the machine (other builds, checkpoints, table growth) out of each ratio.
    /// - Parameters:
    ///   - without: throughput (e.g. TPS) of each pair's run without capture.
    ///   - with: throughput of each pair's run with capture, in the same order.
    static func pairRatios(without: [Double], with: [Double]) -> [Double] {
        zip(without, with).map { $0.1 / $0.0 }
    }

    /// The same for durations of a fixed amount of work: kept throughput = time without ÷ time with.
    static func pairRatios(withoutSeconds: [Double], withSeconds: [Double]) -> [Double] {
        zip(withoutSeconds, withSeconds).map { $0.0 / $0.1 }
    }

    /// Whether memory stayed flat: peak at the larger table ÷ peak at the smaller one.
    static func growth(small: [Double], large: [Double]) -> Double {
        median(large) / median(small)
    }

    /// No exponent; three decimals below 10, so a ratio just under its target (1.498) never shows as the
    /// target itself: `1.498`, `0.951`, `10.4`, `2048`.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 3
        return String(format: "%.\(decimals)f", value)
    }

    /// `1.52, 1.49, 1.61`: samples as listed in a figure's detail.
    static func list(_ samples: [Double]) -> String {
        samples.map(format).joined(separator: ", ")
    }

    /// Parses pgbench's `tps = 1234.56 (without initial connection time)` line.
    static func pgbenchTPS(_ output: String) -> Double? {
        for line in output.split(separator: "\n") where line.hasPrefix("tps = ") {
            let number = line.dropFirst("tps = ".count).prefix { !$0.isWhitespace }
            if let value = Double(number) { return value }
        }
        return nil
    }
}

/// Everything one run measured, as written by `--json`.
struct BenchReport: Codable, Sendable {
    struct Machine: Codable, Sendable {
        var cores: Int
        var memoryGiB: Double
        var serverVersion: String
        /// fsync, synchronous_commit, full_page_writes, shared_buffers, max_wal_size, …
        var settings: [String: String]
    }

    var startedAt: String
    var command: String
    var rows: Int
    var repeats: Int
    var machine: Machine
    var figures: [Figure]
    /// The raw samples behind the figures, by name.
    var samples: [String: [Double]]
    /// `section: error` for each section that failed (its figures are missing).
    var failures: [String]

    /// Every target met (figures without a target do not count).
    var allTargetsMet: Bool { figures.allSatisfy { $0.met != false } }
}

/// The human table on stdout.
enum ReportTable {
    static func render(_ figures: [Figure]) -> String {
        let header = ["figure", "value", "target", "met"]
        let rows = figures.map { figure in
            [figure.name, BenchMath.format(figure.value) + (figure.unit.isEmpty ? "" : " " + figure.unit),
             figure.target?.description ?? "—", figure.met.map { $0 ? "yes" : "NO" } ?? ""]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
