import Foundation
import Logging
import PostgresClient

/// The applier as a long-running worker: drains the change log in batches, sleeps on LISTEN when the log is
/// empty, polls as a fallback, survives lost connections, and reports its lag.
///
/// The log is the truth and NOTIFY only wakes (docs/change-capture.md, "The follow loop"): every decision is
/// taken from what the log holds now, never from what this process remembers, so a restart or a reconnect
/// resumes exactly. Writers notify only while `partsync.appliers.waiting` is set, which the loop does only
/// when the log is empty and its listener is connected.
public struct SyncFollower: Sendable {
    public enum Mode: Sendable, Equatable {
        /// Exit once nothing that was committed before the start is pending.
        case untilCaughtUp
        /// Run until the stop signal fires.
        case follow
    }

    public struct Options: Sendable {
        /// Log entries per apply batch.
        public var batchSize: Int
        /// How long the loop sleeps when no notification comes; bounds how late a missed wake-up is noticed.
        public var pollInterval: Duration
        /// How often a lag line is logged while following (nil: never).
        public var lagInterval: Duration?
        /// Wait for another applier to stop instead of failing.
        public var waitForLock: Bool
        /// Switch the change log's generation after this many applied entries (at most once a second), so
        /// the retired one can be truncated (see `LogRotation`).
        public var switchLogAfterEntries: Int
        /// Lost connections and lock timeouts.
        public var retry: RetryPolicy
        /// After a batch of fewer than `gatherBelow` entries, how long the loop lets entries gather before it
        /// applies again (nil: at once). A batch has a fixed cost (its transaction, and setting up each
        /// partition it writes); applied at once, a steady trickle of writes made a batch of a handful of
        /// entries every few milliseconds, and every time the log ran empty the applier went to sleep and a
        /// writer paid for the notification that woke it (docs/change-capture.md, "What sync costs the
        /// writers"). The pause adds at most its length to the apply lag.
        public var gather: Duration?
        public var gatherBelow: Int

        public init(
            batchSize: Int = 5_000, pollInterval: Duration = .seconds(1), lagInterval: Duration? = .seconds(5),
            waitForLock: Bool = false, switchLogAfterEntries: Int = 10_000,
            retry: RetryPolicy = RetryPolicy(attempts: 12, baseMilliseconds: 100, maxMilliseconds: 10_000),
            gather: Duration? = .milliseconds(10), gatherBelow: Int = 200
        ) {
            self.gather = gather
            self.gatherBelow = gatherBelow
            self.batchSize = batchSize
            self.pollInterval = pollInterval
            self.lagInterval = lagInterval
            self.waitForLock = waitForLock
            self.switchLogAfterEntries = switchLogAfterEntries
            self.retry = retry
        }
    }

    public struct Summary: Sendable, Equatable {
        /// Log entries applied by this run.
        public var applied: Int64
        /// True when the run ended because of the stop signal rather than by catching up.
        public var stopped: Bool
    }

    /// `application_name` of the applying session and of the listening one (find them in pg_stat_activity).
    public static let applierName = "partsync sync"
    public static let listenerName = "partsync listen"

    public let configuration: ConnectionConfiguration
    public let table: String
    public let options: Options
    /// Gets the lag lines, retries and reconnections, with `table`, `phase` and `worker` (`applier`, `listener`)
    /// metadata.
    let logger: Logger

    public init(
        configuration: ConnectionConfiguration, table: String, options: Options = Options(),
        logger: Logger = Logger(label: "partsync")
    ) {
        self.configuration = configuration
        self.table = table
        self.options = options
        self.logger = logger
    }

    /// Applies until caught up, or follows until `stop` fires; the batch in flight finishes first. Cancelling
    /// the task instead aborts the statement in flight (the batch rolls back; its entries stay in the log) and
    /// throws `CancellationError`.
    ///
    /// Every capture the migration has is applied, each by its own loop, connection and listener: the forward
    /// one always, the reverse one from the first cutover on. When a cutover or rollback renames the tables
    /// under a running loop, its next batch finds out before applying anything (`Applier.renamedState`); the
    /// run then stops its loops after their batches, loads the migration again (new names, maybe a new
    /// capture) and goes on.
    /// - Throws: `PartSyncError(.usage)` for an unknown table or another applier (unless `waitForLock`);
    ///   `PartSyncError(.database)` when the database stays unreachable after the retries.
    public func run(_ mode: Mode, stop: StopSignal = StopSignal()) async throws -> Summary {
        var applied: Int64 = 0
        while true {
            let pass = try await runPass(mode, stop: stop)
            applied += pass.summary.applied
            if !pass.renamed { return Summary(applied: applied, stopped: pass.summary.stopped) }
            logger.info("\(table): sync: the tables were swapped; reloading the migration")
        }
    }

    /// One pass: a loop per capture, until caught up, stopped, or the tables were renamed.
    private func runPass(_ mode: Mode, stop: StopSignal) async throws -> (summary: Summary, renamed: Bool) {
        var forward = ApplierSession(follower: self, direction: .forward)
        let context: MigrationContext?
        do {
            context = try await forward.start(stop: stop)
        } catch {
            await forward.close()
            throw PartSyncError.database(error, table: table, phase: .syncing, doing: "starting the applier")
        }
        guard let context else {
            await forward.close()
            return (Summary(applied: 0, stopped: true), false)
        }
        let renamed = StopSignal()
        let started = forward
        return try await withThrowingTaskGroup(of: (Summary, Bool).self) { group in
            for capture in context.record.captures {
                group.addTask {
                    var session = capture.direction == .forward
                        ? started : ApplierSession(follower: self, direction: capture.direction)
                    if capture.direction != .forward {
                        guard try await session.start(stop: stop) != nil else { return (Summary(applied: 0, stopped: true), false) }
                    }
                    let outcome = try await follow(mode, context: context, capture: capture, session: &session,
                                                   stops: [stop, renamed])
                    if outcome.1 { renamed.stop() }
                    return outcome
                }
            }
            var total = Summary(applied: 0, stopped: false)
            var wasRenamed = false
            for try await (summary, rename) in group {
                total.applied += summary.applied
                // (When renamed, `run` goes on with the next pass and looks at nothing but `renamed`.)
                total.stopped = total.stopped || summary.stopped
                wasRenamed = wasRenamed || rename
            }
            return (total, wasRenamed)
        }
    }

    /// One capture's loop, with its listener when following. Returns whether it ended because the tables were
    /// renamed.
    private func follow(
        _ mode: Mode, context: MigrationContext, capture: CaptureRecord, session: inout ApplierSession,
        stops: [StopSignal]
    ) async throws -> (Summary, Bool) {
        let wakeups = Wakeups()
        for stop in stops { stop.attach(wakeups) }
        if mode == .untilCaughtUp {
            return try await applyLoop(mode, context: context, capture: capture, session: &session, wakeups: wakeups,
                                       stops: stops)
        }
        // A WAL capture's decoder runs beside the applier; when it fails for good, the applier stops after its
        // batch and the run reports the decoder's error.
        let decoderFailed = StopSignal()
        decoderFailed.attach(wakeups)
        let failure = FailureBox()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await listen(context, capture: capture, wakeups: wakeups, stops: stops) }
            if capture.method == .wal {
                let decoder = WALDecoder(context: context, configuration: configuration, logger: logger)
                let retry = options.retry
                group.addTask {
                    do {
                        try await decoder.follow(stops: stops, retry: retry) { wakeups.ring() }
                    } catch {
                        failure.record(error)
                        decoderFailed.stop()
                    }
                }
            }
            let outcome = try await applyLoop(mode, context: context, capture: capture, session: &session,
                                              wakeups: wakeups, stops: stops + [decoderFailed])
            group.cancelAll()
            if let error = failure.error { throw error }
            return outcome
        }
    }

    private func applyLoop(
        _ mode: Mode, context: MigrationContext, capture: CaptureRecord, session: inout ApplierSession,
        wakeups: Wakeups, stops: [StopSignal]
    ) async throws -> (Summary, Bool) {
        let applier = Applier(context: context, direction: capture.direction, batchSize: options.batchSize)
        let changeLog = ChangeLog(context: context, direction: capture.direction)
        let name = capture.direction == .forward ? "sync" : "sync (reverse)"
        var stopped: Bool { stops.contains { $0.isStopped } }
        let logger = session.logger
        var figures = ApplierFigures()
        var rotation = LogRotation(switchAfterEntries: options.switchLogAfterEntries)
        let clock = ContinuousClock()
        var lastLagLine = clock.now
        var ended = false
        do {
            // A WAL capture logs a write a moment after it committed: "caught up" is measured from a point in
            // the stream that everything committed before the start is behind.
            if mode == .untilCaughtUp && capture.method == .wal {
                try await WALCapture.settle(context, configuration: configuration, logger: logger)
            }
            let high = try await session.run { try await applier.highWater(on: $0) }
            loop: while true {
                if stopped || Task.isCancelled {
                    ended = true
                    break
                }
                let applied = try await session.run { try await applier.applyBatch(on: $0) }
                figures.record(applied: applied, at: clock.now)
                rotation.record(applied: applied, at: clock.now)
                try await housekeeping(context, changeLog, figures: &figures, rotation: &rotation,
                                       drained: applied < options.batchSize, session: &session, clock: clock)
                if mode == .follow, let interval = options.lagInterval, clock.now - lastLagLine >= interval {
                    lastLagLine = clock.now
                    let lag = try await session.run { try await SyncLag.load(context, direction: capture.direction, on: $0) }
                    logger.info("\(context.table): \(name): \(lag.line)")
                }
                if applied > 0 {
                    if mode == .follow, applied < options.gatherBelow, let gather = options.gather {
                        await wakeups.wait(upTo: gather)
                    }
                    continue
                }
                switch mode {
                case .untilCaughtUp:
                    if try await !session.run({ try await applier.pending(upTo: high, on: $0) }) { break loop }
                    await wakeups.wait(upTo: .milliseconds(50))
                case .follow:
                    guard wakeups.isListening else {
                        await wakeups.wait(upTo: options.pollInterval)
                        continue
                    }
                    // The race: a writer whose trigger read the signal before it was set does not notify, so
                    // set it first, then look once more, and only then sleep. A writer that still slips through
                    // (it read the signal just before, and committed after the last look) is picked up by the poll.
                    try await session.run { try await changeLog.setWaiting(true, on: $0) }
                    wakeups.reset()
                    let late = try await session.run { try await applier.applyBatch(on: $0) }
                    // `reset` also forgot the ring of a stop that came since the top of the loop; the stop
                    // flag is set before it rings, so looking at it after the reset closes that window.
                    if late == 0 && !stopped { await wakeups.wait(upTo: options.pollInterval) }
                    figures.record(applied: late, at: clock.now)
                    rotation.record(applied: late, at: clock.now)
                    try await session.run { try await changeLog.setWaiting(false, on: $0) }
                }
            }
        } catch let error as PostgresError where error.sqlState == Applier.renamedState {
            await session.finish(context, figures: figures)
            return (Summary(applied: figures.total, stopped: false), true)
        } catch {
            await session.finish(context, figures: figures)
            // A cancelled task cancels the statement in flight (57014): the batch rolled back, nothing is lost.
            if Task.isCancelled { throw CancellationError() }
            let failure = PartSyncError.database(error, table: context.table, phase: .syncing,
                                                 doing: "applying the change log")
            await recordFailure(failure, context: context)
            throw failure
        }
        await session.finish(context, figures: figures)
        return (Summary(applied: figures.total, stopped: ended), false)
    }

    /// Moves a migration whose sync phase stopped on a database error to `failed`, on a fresh connection (the
    /// applier's may be what failed); best effort, the error itself is what the caller reports.
    private func recordFailure(_ failure: PartSyncError, context: MigrationContext) async {
        guard failure.kind == .database, let connection = try? await Connection.connect(configuration) else { return }
        _ = try? await StateStore(connection).recordFailure(context.record.key, during: .syncing,
                                                            reason: failure.shortCause)
        await connection.close()
    }

    /// Writes the applier's figures at most once a second, switches the log's generation and truncates the
    /// retired one when `rotation` says so.
    private func housekeeping(
        _ context: MigrationContext, _ changeLog: ChangeLog, figures: inout ApplierFigures,
        rotation: inout LogRotation, drained: Bool, session: inout ApplierSession, clock: ContinuousClock
    ) async throws {
        let now = clock.now
        switch rotation.next(at: now, drained: drained) {
        case .switchGeneration:
            let next = 1 - (try await session.run { try await changeLog.activeGeneration(on: $0) })
            try await session.run { try await changeLog.switchGeneration(to: next, on: $0) }
            rotation.switched(at: now)
        case .truncateRetired:
            let outcome = try await session.run { try await changeLog.truncateRetired(on: $0) }
            rotation.truncateAttempted(succeeded: outcome == .truncated, at: now)
            if case .lockBusy(let holders) = outcome, rotation.shouldReportBlockedTruncation(at: now) {
                session.logger.warning("""
                    \(context.table): sync: the retired change-log generation cannot be truncated yet: its lock is \
                    held (\(holders)); the log grows until those transactions end
                    """)
            }
        case nil:
            break
        }
        if let report = figures.report(at: now) {
            try await session.run { try await report.write(context, changeLog.capture, on: $0) }
        }
    }

    /// Keeps a LISTEN connection open and forwards every notification as a ring; reconnects with backoff when
    /// it is lost. Rings once after each (re)connect: whatever was written while nobody listened is drained.
    private func listen(_ context: MigrationContext, capture: CaptureRecord, wakeups: Wakeups, stops: [StopSignal]) async {
        var stopped: Bool { stops.contains { $0.isStopped } }
        var listenConfiguration = configuration
        listenConfiguration.applicationName = Self.listenerName
        let logger = self.logger.with(table: context.table, phase: .syncing).with(worker: "listener")
        var failures = 0
        while !Task.isCancelled && !stopped {
            do {
                try await NotificationListener.withListener(listenConfiguration, channels: [capture.channel]) {
                    stream in
                    if failures > 0 { logger.info("\(context.table): sync: listening again") }
                    failures = 0
                    wakeups.isListening = true
                    wakeups.ring()
                    for try await _ in stream { wakeups.ring() }
                }
            } catch {
                if failures == 0 {
                    logger.warning("""
                        \(context.table): sync: the listener connection failed (\(error)); reconnecting, \
                        the fallback poll keeps applying
                        """)
                }
                failures += 1
            }
            wakeups.isListening = false
            if Task.isCancelled || stopped { return }
            let pause = options.retry.delay(forAttempt: min(max(failures, 1), 8))
            try? await Task.sleep(for: .milliseconds(Int(pause)))
        }
    }
}

/// The applying connection: reconnects on a lost connection and takes the applier lock again before it
/// applies anything (the lock went with the old session).
struct ApplierSession: Sendable {
    let follower: SyncFollower
    let direction: CaptureDirection
    /// The follower's, tagged `applier`; names the migration's table once `start` has loaded it.
    private(set) var logger: Logger
    private var connection: Connection?
    private var context: MigrationContext?
    private var capture: CaptureRecord? { context?.capture(direction) }

    init(follower: SyncFollower, direction: CaptureDirection) {
        self.follower = follower
        self.direction = direction
        logger = follower.logger.with(table: follower.table, phase: .syncing).with(worker: Self.worker(direction))
    }

    private static func worker(_ direction: CaptureDirection) -> String {
        direction == .forward ? "applier" : "reverse applier"
    }

    private var connectionConfiguration: ConnectionConfiguration {
        var configuration = follower.configuration
        configuration.applicationName = SyncFollower.applierName
        return configuration
    }

    /// Connects, loads the migration, takes the applier lock (waiting for it if asked) and resets the
    /// applier's figures. Nil when stopped while waiting for the lock.
    mutating func start(stop: StopSignal) async throws -> MigrationContext? {
        let connection = try await follower.options.retry.run {
            try await Connection.connect(connectionConfiguration)
        }
        self.connection = connection
        let context = try await MigrationContext.load(table: follower.table, on: connection, phase: .syncing)
        let record = context.record
        if case .refuse(let reason) = PhaseRule.sync(record.phase, failedFrom: record.failedFrom) {
            throw PartSyncError(.usage, table: context.table, phase: record.phase, message: reason,
                                nextStep: record.phase.nextStep(table: context.table))
        }
        guard let capture = context.capture(direction) else {
            throw PartSyncError(.database, table: context.table, phase: record.phase,
                                message: "the migration has no \(direction.rawValue) capture",
                                nextStep: "the state was changed by hand; see `partsync status --table \(context.table)`")
        }
        try await ChangeLog(context: context, direction: direction).checkShape(on: connection)
        self.context = context
        logger = follower.logger.with(table: context.table, phase: .syncing).with(worker: Self.worker(direction))
        var reported = false
        while true {
            do {
                try await SyncRunner.acquire(context, capture, on: connection)
                break
            } catch {
                guard follower.options.waitForLock, !stop.isStopped, !Task.isCancelled,
                    (error as? PartSyncError)?.kind == .usage
                else { throw error }
                if !reported { logger.info("\(context.table): sync: \((error as? PartSyncError)?.message ?? ""); waiting") }
                reported = true
                try? await Task.sleep(for: .seconds(1))
                if stop.isStopped || Task.isCancelled { return nil }
            }
        }
        try await StateStore(connection).applierStarted(record.key, capture)
        // A sync phase that stopped on an error resumes here.
        if direction == .forward && record.phase == .failed && record.failedFrom == .syncing {
            try await StateStore(connection).transition(record.key, to: .syncing, message: "sync resumed")
        }
        try await ChangeLog(context: context, direction: direction).setWaiting(false, on: connection)
        return context
    }

    /// Runs `body` on the connection, reconnecting (and re-taking the applier lock) between retries.
    mutating func run<T>(_ body: (Connection) async throws -> T) async throws -> T {
        let follower = follower
        let logger = logger
        return try await follower.options.retry.run {
            if connection == nil { try await reconnect() }
            guard let connection else { throw PostgresError(kind: .connectionLost, message: "not connected") }
            do {
                return try await body(connection)
            } catch {
                if !(await connection.isOpen) { self.connection = nil }
                throw error
            }
        } onRetry: { attempt, error, pause in
            logger.warning("\(follower.table): sync: \(error.description); retry \(attempt) in \(Int(pause)) ms")
        }
    }

    private mutating func reconnect() async throws {
        guard let context, let capture else { return }
        let connection = try await Connection.connect(connectionConfiguration)
        // The old session's lock is released when its backend exits, which may take a moment after a
        // network failure: give it a few seconds before reporting another applier.
        for attempt in 1...20 {
            do {
                try await SyncRunner.acquire(context, capture, on: connection)
                break
            } catch {
                guard (error as? PartSyncError)?.kind == .usage, attempt < 20 else {
                    await connection.close()
                    throw error
                }
                try await Task.sleep(for: .milliseconds(250))
            }
        }
        self.connection = connection
        logger.info("\(context.table): sync: reconnected (backend pid \(connection.backendPID))")
    }

    /// Clears the waiting mark, writes the final figures and releases the lock; best effort (the connection
    /// may be gone, and then so are the lock and the need to clear anything but the mark).
    mutating func finish(_ context: MigrationContext, figures: ApplierFigures) async {
        if connection == nil { try? await reconnect() }
        guard let connection, let capture else { return }
        try? await ChangeLog(context: context, direction: direction).setWaiting(false, on: connection)
        if let report = figures.finalReport() { try? await report.write(context, capture, on: connection) }
        await SyncRunner.release(context, capture, on: connection)
        await close()
    }

    mutating func close() async {
        await connection?.close()
        connection = nil
    }
}

/// The first error of a child task that must not end its task group at once.
///
/// Invariant behind `@unchecked Sendable`: `stored` is read and written only under `lock`.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    func record(_ error: any Error) { lock.withLock { if stored == nil { stored = error } } }
    var error: (any Error)? { lock.withLock { stored } }
}
