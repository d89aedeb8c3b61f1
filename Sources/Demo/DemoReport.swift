import Foundation
import PartSync

/// What a demo run did and proved: `demo.json` in the output directory, the summary table on the terminal, and
/// `index.html`.
public struct DemoReport: Sendable, Codable, Equatable {
    /// One migrated table.
    public struct Table: Sendable, Codable, Equatable {
        public var table: String
        /// Rows seeded before the migration started.
        public var seededRows: Int64
        /// Rows the backfill copied, and how fast.
        public var copiedRows: Int64 = 0
        public var copyRowsPerSecond: Double = 0
        public var partitions: Int = 0
        /// Changes captured during the backfill, applied when sync started, and how long that took.
        public var catchUpEntries: Int64 = 0
        public var catchUpSeconds: Double = 0
        /// The oldest pending change's age, sampled every 250 ms from catch-up to the cutover.
        public var maxSyncLagMilliseconds: Double?
        public var verdict: String?
        public var verifiedRows: Int64 = 0
        /// Lock request to commit of the swap, and the longest application write around it.
        public var cutoverStallMilliseconds: Double?
        public var longestWriteDuringCutoverMilliseconds: Double?
        /// The swap's steps under the lock, with their times.
        public var cutoverSteps: [Swapper.Step] = []
        /// Seconds per phase, in lifecycle order.
        public var phases: [Phase] = []
        /// Files written for this table, relative to the output directory.
        public var files: [String] = []

        public init(table: String, seededRows: Int64) {
            self.table = table
            self.seededRows = seededRows
        }
    }

    public struct Phase: Sendable, Codable, Equatable {
        public var name: String
        public var seconds: Double
    }

    /// One fact checked after the cutovers.
    public struct Proof: Sendable, Codable, Equatable {
        public var name: String
        public var passed: Bool
        public var detail: String
    }

    /// The live application load.
    public struct Writes: Sendable, Codable, Equatable {
        public var table: String
        /// As which role the writers wrote.
        public var role: String
        public var writers: Int
        public var acknowledged: Int
        public var failed: Int
        /// Ids inserted by the writers (and still expected or deleted).
        public var rows: Int
        public var longestMilliseconds: Double
    }

    public var partsyncVersion: String
    public var startedAt: String
    public var database: String
    public var schema: String
    public var rowsPerTable: Int
    public var tables: [Table] = []
    public var writes: [Writes] = []
    public var proofs: [Proof] = []
    /// The step that failed, when one did, and why.
    public var failedStep: String?
    public var failure: String?
    public var totalSeconds: Double = 0

    public var passed: Bool { failedStep == nil && !proofs.isEmpty && proofs.allSatisfy(\.passed) }

    /// The table printed at the end of a run.
    public var summaryTable: String {
        let header = ["table", "rows", "copy rate", "max sync lag", "verify", "cutover stall"]
        var rows = [header]
        for table in tables {
            rows.append([
                table.table, VerifyHTML.grouped(table.copiedRows > 0 ? table.copiedRows : table.seededRows),
                table.copyRowsPerSecond > 0 ? VerifyHTML.grouped(Int64(table.copyRowsPerSecond)) + " rows/s" : "-",
                table.maxSyncLagMilliseconds.map { Self.milliseconds($0) } ?? "-",
                table.verdict ?? "-",
                table.cutoverStallMilliseconds.map { Self.milliseconds($0) } ?? "-",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
        lines.insert(String(repeating: "-", count: lines[0].count), at: 1)
        lines.append("")
        for table in tables where !table.phases.isEmpty {
            lines.append("\(table.table): " + table.phases.map { "\($0.name) \(Self.seconds($0.seconds))" }
                .joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    static func milliseconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.1f ms", value) : String(format: "%.0f ms", value)
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.1f s", value) : String(format: "%.0f s", value)
    }
}
