import Foundation
import Logging
import PartSync
import PostgresClient
import Synchronization
import Workload

/// `partsync demo`: the whole migration of the Atlas tables, live. Creates the schema and seeds it, starts an
/// application's write load (users writing their own messages through row-level security, the backend logging
/// usage as the service role), then takes each table through plan, prepare, backfill, sync, verify and cutover
/// while the writes go on, and proves the outcome: both tables partitioned under their names, RLS holding,
/// fresh ids, partition pruning, and every acknowledged write in the table.
///
/// The engine is called in-process, exactly as the commands call it; the demo adds only the schema, the load,
/// the proofs and the report. It works in whatever database `configuration` names, inside `options.schema`
/// (which must be empty); the command gives it a throwaway cluster or a scratch schema.
public struct AtlasDemo: Sendable {
    public struct Options: Sendable {
        /// Rows seeded into each table.
        public var rows: Int
        /// The schema to create the tables in; must hold no relation.
        public var schema: String
        /// True on a throwaway cluster: the demo may create the `auth` schema.
        public var ownsDatabase: Bool
        /// Where the reports go (created when missing).
        public var out: URL
        /// Writers per table: `messages` as that many users, `usage_logs` as the service role (half as many).
        public var writers: Int
        /// Each writer's pause between writes.
        public var writerPause: Duration
        public var backfillWorkers: Int
        public var verifyWorkers: Int
        /// At the end, remove what the demo made: its migrations, its tables, and the schema when it created it.
        public var removeWhenDone: Bool

        public init(rows: Int, schema: String = "public", ownsDatabase: Bool, out: URL, writers: Int = 4,
                    writerPause: Duration = .milliseconds(10), backfillWorkers: Int = 2, verifyWorkers: Int = 2,
                    removeWhenDone: Bool = false) {
            self.rows = rows
            self.schema = schema
            self.ownsDatabase = ownsDatabase
            self.out = out
            self.writers = writers
            self.writerPause = writerPause
            self.backfillWorkers = backfillWorkers
            self.verifyWorkers = verifyWorkers
            self.removeWhenDone = removeWhenDone
        }
    }

    /// What the terminal shows.
    public enum Event: Sendable {
        /// A heading: a table's migration or the proofs begin.
        case heading(String)
        /// A bar redrawn in place on a terminal (`summary` is the line for a log).
        case progress(bar: String, summary: String)
        /// A step's result.
        case line(String)
    }

    /// Rows per table by default: the whole demo takes about a minute on 2 cores.
    public static let defaultRows = 400_000

    public let configuration: ConnectionConfiguration
    public let options: Options
    let logger: Logger
    let events: @Sendable (Event) -> Void

    /// - Parameter logger: the engine's logger (the command passes one at `warning`, so the demo's own lines
    ///   are not drowned in the phases' progress lines).
    public init(configuration: ConnectionConfiguration, options: Options, logger: Logger,
                events: @escaping @Sendable (Event) -> Void) {
        self.configuration = configuration
        self.options = options
        self.logger = logger
        self.events = events
    }

    /// What a run that passed returns: its report, and the application's writes (stopped), which remember every
    /// write acknowledged to them, for a test to compare the tables with on its own.
    public struct Outcome: Sendable {
        public var report: DemoReport
        public var writes: [WriteLoad]
    }

    /// Runs the demo and writes its reports.
    /// - Throws: `DemoFailure` naming the step that failed (its report, with the failure, is written too).
    public func run(stop: StopSignal = StopSignal()) async throws -> Outcome {
        let started = ContinuousClock.now
        let run = DemoRun(demo: self, stop: stop)
        var report = DemoReport(
            partsyncVersion: PartSyncVersion.current, startedAt: ISO8601DateFormatter().string(from: Date()),
            database: "", schema: options.schema, rowsPerTable: options.rows)
        do {
            try await run.execute(into: &report)
        } catch let failure as DemoFailure {
            report.failedStep = failure.step
            report.failure = failure.reason
            report.totalSeconds = (ContinuousClock.now - started).seconds
            await run.tearDown()
            if options.removeWhenDone { try? await run.removeWhatItMade() }
            try? DemoFiles.write(report, to: options.out)
            throw failure
        }
        report.totalSeconds = (ContinuousClock.now - started).seconds
        await run.tearDown()
        if options.removeWhenDone {
            do {
                try await run.removeWhatItMade()
            } catch {
                throw DemoFailure.wrapping(error, step: "remove the demo's tables")
            }
        }
        try DemoFiles.write(report, to: options.out)
        if let failed = report.proofs.first(where: { !$0.passed }) {
            throw DemoFailure(step: "prove: \(failed.name)", reason: failed.detail, exitCode: 1)
        }
        return Outcome(report: report, writes: await run.stoppedLoads)
    }
}

/// A demo step that failed: which one, why, and the exit code the command ends with.
public struct DemoFailure: Error, CustomStringConvertible {
    public var step: String
    public var reason: String
    public var exitCode: Int32

    public var description: String { "demo failed at \"\(step)\": \(reason)" }

    /// Wraps any error of a step, keeping the engine's exit code (2 usage, 3 database, 4 interrupted).
    static func wrapping(_ error: any Error, step: String) -> DemoFailure {
        switch error {
        case let failure as DemoFailure: return failure
        case let error as PartSyncError: return DemoFailure(step: step, reason: error.description, exitCode: error.exitCode)
        case let error as PostgresError: return DemoFailure(step: step, reason: error.description, exitCode: 3)
        case is CancellationError: return DemoFailure(step: step, reason: "interrupted", exitCode: 4)
        default: return DemoFailure(step: step, reason: "\(error)", exitCode: 3)
        }
    }
}
