import Logging
import PostgresClient

/// `partsync cutover` and `partsync rollback`: the rename swap, in one transaction under a short lock
/// (invariants 5–9 of the design; docs/cutover.md).
///
/// Before the lock: the preflight, then the change logs are drained while writers run until at most
/// `drainBacklog` entries are left (by the running applier, or by this process when none runs). Then, in one
/// transaction asked for with `SwapLock` (short `lock_timeout`, retries with backoff and jitter; the copy
/// lock first, then `ACCESS EXCLUSIVE` on the dependent views, the table leaving its name and the one taking
/// it): the rest of every log is applied; every key changed since its chunk was last found equal is
/// compared exactly (writers are blocked, nothing is pending) and any difference aborts with nothing changed;
/// the dependent views' definitions are read; the tables are renamed; the ids are handed over
/// (`SequenceHandover`); the views are recreated over the table that took the name (`DependentViews`); at
/// the first cutover the reverse capture is created on the new table; the phase and a `partsync.swaps` row
/// are written. After the commit: `NOTIFY pgrst, 'reload schema'`, and the stall figures.
///
/// If the connection is lost while the transaction commits, the outcome is read back from the catalog on a
/// new connection (the retiring table's name tells, since everything happened in one transaction) and
/// reported either way; a swap that did not commit changed nothing and can simply be run again.
public struct Swapper: Sendable {
    public enum Kind: String, Sendable, Codable {
        case cutover, rollback
    }

    public struct Options: Sendable {
        public var lock: SwapLock
        /// Preflight: how old the oldest pending change may be.
        public var maxLagMilliseconds: Int
        /// Go on when preflight checks fail (each is printed as a warning).
        public var force: Bool
        /// Entries that may be left in a change log when the lock is asked for: applied under the lock.
        public var drainBacklog: Int
        /// How long the drain before the lock may take.
        public var drainTimeout: Duration
        /// Measure the longest wait of a stand-in writer (`StallProbe`).
        public var probe: Bool
        /// Called under the lock just before `COMMIT` with the swap's backend pid (tests end the backend here
        /// to lose the commit's acknowledgement).
        public var beforeCommit: (@Sendable (Int32) async throws -> Void)?

        public init(
            lock: SwapLock = SwapLock(), maxLagMilliseconds: Int = CutoverPreflight.defaultMaxLagMilliseconds,
            force: Bool = false, drainBacklog: Int = 500, drainTimeout: Duration = .seconds(120), probe: Bool = true,
            beforeCommit: (@Sendable (Int32) async throws -> Void)? = nil
        ) {
            self.lock = lock
            self.maxLagMilliseconds = maxLagMilliseconds
            self.force = force
            self.drainBacklog = drainBacklog
            self.drainTimeout = drainTimeout
            self.probe = probe
            self.beforeCommit = beforeCommit
        }
    }

    /// One step under the lock and its time.
    public struct Step: Sendable, Equatable, Codable {
        public var name: String
        public var milliseconds: Double
    }

    /// What a swap did.
    public struct Outcome: Sendable, Equatable, Codable {
        public var kind: Kind
        /// The table as people know it.
        public var table: String
        /// Set when there was nothing to do (the reason); everything else is then empty.
        public var alreadyDone: String?
        /// The partitioned table's name now, and the other one's.
        public var live: String
        public var retired: String
        public var attempts: Int
        public var cancelled: [CutoverPreflight.Holder]
        /// Change-log entries applied under the lock.
        public var drainedEntries: Int64
        /// Keys compared exactly under the lock.
        public var recheckedKeys: Int64
        /// Keys compared in one snapshot just before the lock (and forgotten when equal).
        public var recheckedBeforeLock: Int64 = 0
        public var views: [String]
        public var sequences: [String]
        /// Preflight warnings under `--force`, materialized views and functions to look at.
        public var notes: [String]
        /// From the lock request to the commit's acknowledgement.
        public var stallMilliseconds: Double?
        /// The longest wait of the stand-in writer.
        public var probeMaxMilliseconds: Double?
        /// How long each step under the lock took, in order (`drain`, `recheck`, `rename`, …), milliseconds.
        public var steps: [Step] = []
        /// How long the ANALYZE of a never-analyzed twin took, before the drain and the lock (nil: not needed).
        public var analyzedMilliseconds: Double?
        /// False when the connection was lost during the commit and the catalog said it had committed.
        public var acknowledged: Bool
    }

    public let configuration: ConnectionConfiguration
    public let table: String
    public let options: Options
    let logger: Logger

    public init(configuration: ConnectionConfiguration, table: String, options: Options = Options(),
                logger: Logger = Logger(label: "partsync")) {
        self.configuration = configuration
        self.table = table
        self.options = options
        self.logger = logger
    }

    public func cutover() async throws -> Outcome { try await swap(.cutover) }
    public func rollback() async throws -> Outcome { try await swap(.rollback) }

    /// The tables' roles in one swap: `leaving` gives up the name, `taking` gets it.
    struct Plan: Sendable {
        var kind: Kind
        var leaving: MigrationContext.Table
        var taking: MigrationContext.Table
        /// The name `leaving` gets, in the same schema.
        var leavingName: SQLIdentifier
        var takingName: SQLIdentifier
        var nextPhase: MigrationPhase

        init(_ kind: Kind, _ context: MigrationContext) {
            self.kind = kind
            let schema = context.source.identifier.schema
            switch kind {
            case .cutover:
                leaving = context.sourceTable
                taking = context.targetTable
                leavingName = SQLIdentifier(schema: schema, name: Naming.fit(context.source.identifier.name, suffix: "_retired"))
                takingName = SQLIdentifier(schema: schema, name: context.source.identifier.name)
                nextPhase = .cutOver
            case .rollback:
                leaving = context.targetTable
                taking = context.sourceTable
                leavingName = SQLIdentifier(schema: schema, name: context.record.target.name)
                takingName = SQLIdentifier(schema: schema, name: context.target.identifier.name)
                nextPhase = .rolledBack
            }
        }
    }

    private var connectionConfiguration: ConnectionConfiguration {
        var configuration = configuration
        configuration.applicationName = "partsync cutover"
        return configuration
    }

    private func swap(_ kind: Kind) async throws -> Outcome {
        let phase: MigrationPhase = kind == .cutover ? .cutOver : .rolledBack
        let connection = try await RetryPolicy().run { try await Connection.connect(connectionConfiguration) }
        let context: MigrationContext
        do {
            context = try await MigrationContext.load(table: table, on: connection, phase: phase)
        } catch {
            await connection.close()
            throw error
        }
        let name = context.table
        let logger = logger.with(table: name, phase: phase)
        let rule = kind == .cutover ? PhaseRule.cutover(context.record.phase, failedFrom: context.record.failedFrom)
            : PhaseRule.rollback(context.record.phase, failedFrom: context.record.failedFrom)
        let plan = Plan(kind, context)
        switch rule {
        case .run: break
        case .alreadyDone(let reason):
            await connection.close()
            // Already swapped: the table this swap would give the name to has it.
            return Outcome(kind: kind, table: name, alreadyDone: reason, live: plan.taking.name.displayName,
                           retired: plan.leaving.name.displayName, attempts: 0, cancelled: [], drainedEntries: 0,
                           recheckedKeys: 0, views: [], sequences: [], notes: [], acknowledged: true)
        case .refuse(let reason):
            await connection.close()
            throw PartSyncError(.usage, table: name, phase: context.record.phase, message: reason + "; nothing was changed",
                                nextStep: context.record.phase.nextStep(table: name))
        }
        do {
            // The lag is checked after the drain, and again while only the lag fails and the drain has time
            // left: a busy applier catches up in a moment, and refusing at once would only make the operator
            // retry by hand.
            // A missing applier is waited for a few seconds too: right after a swap the follower is reloading.
            // So is a transaction older than the lock timeout: on a busy or loaded server an ordinary write can
            // be caught at 300 ms; one that is still there after a few seconds of samples is a long one.
            let analyzed = try await analyzeIfNeverAnalyzed(plan.taking, context, on: connection, logger: logger)
            let deadline = ContinuousClock.now + options.drainTimeout
            let settleDeadline = ContinuousClock.now + .seconds(5)
            var notes: [String]
            while true {
                try await drainBeforeLock(context, on: connection, logger: logger)
                let (failed, applierRuns) = try await preflight(plan, context, on: connection)
                let settling = ContinuousClock.now < settleDeadline
                let passing = !failed.isEmpty && failed.allSatisfy { check in
                    switch check.name {
                    case CutoverPreflight.Check.syncLag: applierRuns || settling
                    case CutoverPreflight.Check.noLongTransaction: settling
                    default: false
                    }
                }
                if passing && !options.force && ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(100))
                    continue
                }
                notes = try refuseOrWarn(failed, plan, context, logger: logger)
                break
            }
            let ahead = try await Verifier.recheckAhead(context, configuration: connectionConfiguration, on: connection)
            try Self.refuse(ahead.divergent, table: context.table, phase: context.record.phase, where: "before the lock")
            var outcome = try await lockAndSwap(plan, context, notes: notes, connection: connection, logger: logger)
            outcome.recheckedBeforeLock = ahead.touchedKeys
            outcome.analyzedMilliseconds = analyzed
            return outcome
        } catch {
            await connection.close()
            throw error
        }
    }

    /// The checks no force overrides (thrown), and the failed ones `force` may override (returned), with whether
    /// the applier whose lag counts is running.
    private func preflight(_ plan: Plan, _ context: MigrationContext, on connection: Connection) async throws
        -> (failed: [CutoverPreflight.Check], applierRuns: Bool)
    {
        let name = context.table
        guard context.source.identifier.schema == context.target.identifier.schema else {
            throw PartSyncError(
                .usage, table: name, phase: context.record.phase,
                message: "the partitioned table \(context.target.identifier.displayName) is in another schema than "
                    + "\(context.source.identifier.displayName); a rename swap stays within one schema; nothing was changed",
                nextStep: "move it (ALTER TABLE … SET SCHEMA) or abandon and prepare with --target in the same schema")
        }
        if let taken = try await CatalogReader.resolve(plan.leavingName, on: connection), taken != plan.leaving.oid {
            throw PartSyncError(
                .usage, table: name, phase: context.record.phase,
                message: "\(plan.leavingName.displayName) already exists, and \(plan.leaving.name.displayName) is to be "
                    + "renamed to it; nothing was changed",
                nextStep: "rename or drop \(plan.leavingName.displayName), then run the command again")
        }
        let facts = try await CutoverPreflight.Facts.gather(
            context, direction: plan.kind == .cutover ? .forward : .reverse, on: connection)
        var checks = CutoverPreflight.evaluate(
            facts, table: name, maxLagMilliseconds: options.maxLagMilliseconds,
            lockTimeoutMilliseconds: options.lock.lockTimeoutMilliseconds).checks
        if plan.kind == .rollback {
            // Going back needs no verification or copy: the retired table was kept equal by the reverse capture,
            // and the recheck under the lock proves it for every key written since.
            checks.removeAll {
                $0.name == CutoverPreflight.Check.backfillComplete || $0.name == CutoverPreflight.Check.verificationClean
            }
        }
        return (checks.filter { !$0.passed }, facts.lag.applierPID != nil)
    }

    /// Refuses with every failed check, or with `force` warns about each and returns them as notes.
    private func refuseOrWarn(_ failed: [CutoverPreflight.Check], _ plan: Plan, _ context: MigrationContext,
                              logger: Logger) throws -> [String] {
        guard !failed.isEmpty else { return [] }
        let name = context.table
        let lines = failed.map { "\($0.name): \($0.detail)" }
        guard options.force else {
            throw PartSyncError(
                .usage, table: name, phase: context.record.phase,
                message: "not ready for \(plan.kind.rawValue); nothing was changed:\n"
                    + lines.map { "  - \($0)" }.joined(separator: "\n"),
                nextStep: "fix each of these, or give --force to go on anyway (the lock and the recheck still apply)")
        }
        for line in lines { logger.warning("\(name): \(plan.kind.rawValue) --force: preflight failed: \(line)") }
        return lines.map { "forced past: \($0)" }
    }

    /// `ANALYZE` of the table about to take the name when it has never been analyzed as a whole (no inherited
    /// statistics): a freshly backfilled twin. Autovacuum analyzes partitions in its own time and never a
    /// partitioned parent, so the application's first queries after the swap would be planned without
    /// statistics. Before the drain and the lock, so writers are not held up: its SHARE UPDATE EXCLUSIVE lock
    /// blocks no write and no apply. It samples `default_statistics_target` × 300 rows of every partition and
    /// of the parent; a partitioned table with many small partitions is read about whole (4.7 s for 400,000
    /// rows in 39 partitions here, against 0.5 s for the plain table). Kept off the backfill's path, like the
    /// bulk loads partsync is measured against, and done once: a rollback's table was analyzed before.
    /// - Returns: how long the ANALYZE took, in milliseconds; nil when none was needed.
    private func analyzeIfNeverAnalyzed(_ table: MigrationContext.Table, _ context: MigrationContext,
                                        on connection: Connection, logger: Logger) async throws -> Double? {
        let blind = try await connection.query(
            """
            SELECT relkind = 'p' AND NOT EXISTS (
                SELECT 1 FROM pg_catalog.pg_statistic WHERE starelid = c.oid AND stainherit)
            FROM pg_catalog.pg_class c WHERE c.oid = $1::oid
            """, [Int64(table.oid)]).first?.decode(Bool.self, at: 0) ?? false
        guard blind else { return nil }
        let started = ContinuousClock.now
        logger.info("""
            \(context.table): analyzing \(table.name.displayName) before the swap (never analyzed as a whole; \
            autovacuum never analyzes a partitioned table)
            """)
        do {
            try await connection.execute("ANALYZE \(table.name.sql)")
        } catch {
            throw PartSyncError.database(error, table: context.table, phase: context.record.phase,
                                         doing: "analyze \(table.name.displayName)")
        }
        let took = ContinuousClock.now - started
        logger.info("\(context.table): analyzed \(table.name.displayName) (\(String(format: "%.1f", took.seconds)) s)")
        return took.milliseconds
    }

    /// Drains every change log down to `drainBacklog` entries while writers run: waits for the running
    /// applier, or applies itself (taking the applier lock) when none runs.
    private func drainBeforeLock(_ context: MigrationContext, on connection: Connection, logger: Logger) async throws {
        let deadline = ContinuousClock.now + options.drainTimeout
        // A WAL capture's backlog is in the log only once decoded.
        try await WALCapture.settle(context, configuration: connectionConfiguration, logger: logger)
        for capture in context.record.captures {
            let applier = Applier(context: context, direction: capture.direction)
            var reported = false
            while true {
                let pending = try await ChangeLog(context: context, direction: capture.direction).pendingEntries(on: connection)
                if pending <= options.drainBacklog { break }
                if ContinuousClock.now > deadline {
                    throw PartSyncError(
                        .interrupted, table: context.table,
                        message: "the \(capture.direction.rawValue) change log still holds \(pending) entries after "
                            + "\(options.drainTimeout); nothing was changed",
                        nextStep: "let `partsync sync --table \(context.table) --follow` catch up (or write less), then "
                            + "run the command again")
                }
                if !reported {
                    logger.info("\(context.table): draining \(pending) \(capture.direction.rawValue) change-log entries before the lock")
                    reported = true
                }
                if try await SyncRunner.runs(context.record.key, capture, on: connection) {
                    try await Task.sleep(for: .milliseconds(50))
                } else {
                    try await SyncRunner.withApplierLock(context, direction: capture.direction, on: connection) {
                        while try await ChangeLog(context: context, direction: capture.direction).pendingEntries(on: connection) > options.drainBacklog,
                              ContinuousClock.now < deadline {
                            if try await applier.applyBatch(on: connection) == 0 { break }
                        }
                    }
                }
            }
        }
    }

    private struct Swapped: Sendable {
        var swapID: Int64
        var taken: SwapLock.Taken
        var drained: Int64
        var rechecked: Int64
        var views: [String]
        var sequences: [String]
        var notes: [String]
        var steps: [Step]
    }

    private func lockAndSwap(
        _ plan: Plan, _ context: MigrationContext, notes: [String], connection: Connection, logger: Logger
    ) async throws -> Outcome {
        let name = context.table
        let views = try await DependentViews.names(of: plan.leaving, on: connection)
        let probe = options.probe ? await StallProbe.start(plan.leaving.name, configuration: configuration) : nil
        let options = self.options
        let swapped: Swapped?
        var acknowledged = true
        do {
            swapped = try await options.lock.run(
                views + [plan.leaving.name, plan.taking.name], table: name,
                prologue: [Self.noJIT, context.copyLockSQL.exclusive], on: connection
            ) { tx, taken in
                try await Self.underLock(plan, context, notes: notes, taken: taken, options: options,
                                         configuration: connectionConfiguration, on: tx)
            }
        } catch {
            _ = await probe?.stop()
            guard !(await connection.isOpen) else { throw error }
            // The connection went while the transaction ran or committed: ask the catalog what happened.
            await connection.close()
            guard try await committed(plan, context) else {
                throw PartSyncError(
                    .interrupted, table: name, phase: context.record.phase,
                    message: "the connection was lost during the \(plan.kind.rawValue) (\(error)); the catalog shows it "
                        + "did not commit: nothing was changed",
                    nextStep: "run the same command again")
            }
            logger.warning("""
                \(name): the connection was lost while the \(plan.kind.rawValue) committed; the catalog shows it did \
                commit
                """)
            swapped = nil
            acknowledged = false
        }
        let committedAt = ContinuousClock.now
        let probeMax = await probe?.stop()
        let stall = swapped.map { (committedAt - $0.taken.requestedAt).milliseconds }
        var outcome = Outcome(
            kind: plan.kind, table: name, live: plan.takingName.displayName, retired: plan.leavingName.displayName,
            attempts: swapped?.taken.attempt ?? 0, cancelled: swapped?.taken.cancelled ?? [],
            drainedEntries: swapped?.drained ?? 0, recheckedKeys: swapped?.rechecked ?? 0,
            views: swapped?.views ?? [], sequences: swapped?.sequences ?? [], notes: swapped?.notes ?? notes,
            stallMilliseconds: stall, probeMaxMilliseconds: probeMax, steps: swapped?.steps ?? [],
            acknowledged: acknowledged)
        // After the commit, on a connection that works: the figures, and PostgREST's schema cache reload.
        let after = await connection.isOpen ? connection : try await RetryPolicy().run {
            try await Connection.connect(connectionConfiguration)
        }
        defer { Task { await after.close() } }
        let store = StateStore(after)
        if let swapped {
            try await store.recordSwapFigures(swapped.swapID, stallMilliseconds: stall, probeMaxMilliseconds: probeMax,
                                              acknowledged: true)
        } else if let last = try await store.swaps(context.record.key).last {
            try await store.recordSwapFigures(last.id, stallMilliseconds: nil, probeMaxMilliseconds: probeMax,
                                              acknowledged: false)
            outcome.attempts = last.attempts
            outcome.drainedEntries = last.drainedEntries
            outcome.recheckedKeys = last.recheckedKeys
            outcome.views = last.views
            outcome.sequences = last.sequences
            outcome.notes = last.notes
        }
        try await after.execute("NOTIFY pgrst, 'reload schema'")
        return outcome
    }

    /// Whether the swap committed, read on a new connection: the leaving table has its new name exactly when
    /// the transaction that renamed it committed.
    private func committed(_ plan: Plan, _ context: MigrationContext) async throws -> Bool {
        let connection = try await RetryPolicy(attempts: 12).run { try await Connection.connect(connectionConfiguration) }
        defer { Task { await connection.close() } }
        return try await CatalogReader.name(of: plan.leaving.oid, on: connection)?.name == plan.leavingName.name
    }

    /// Everything under a swap's lock is small work over big tables: JIT compilation of its statements (which
    /// their cost estimates would trigger) took seconds, measured, against milliseconds for running them.
    static let noJIT = "SELECT pg_catalog.set_config('jit', 'off', true)"

    /// Fails with exit 1, nothing changed, when keys differ.
    static func refuse(_ differences: [VerifyReport.Difference], table: String, phase: MigrationPhase, where: String) throws {
        guard !differences.isEmpty else { return }
        throw PartSyncError(
            .divergence, table: table, phase: phase,
            message: "\(differences.count) key(s) differ between the tables \(`where`) (for example "
                + differences.prefix(3).map { "(\($0.key.joined(separator: ", "))): \($0.class.rawValue)" }
                    .joined(separator: "; ") + "); nothing was changed",
            nextStep: "run `partsync verify --table \(table) --repair`, then run the command again")
    }

    /// Everything under the lock, in the swap's transaction.
    private static func underLock(
        _ plan: Plan, _ context: MigrationContext, notes: [String], taken: SwapLock.Taken, options: Options,
        configuration: ConnectionConfiguration, on tx: Connection
    ) async throws -> Swapped {
        let name = context.table
        let key = context.record.key
        var steps: [Step] = []
        var mark = ContinuousClock.now
        func step(_ name: String) {
            let now = ContinuousClock.now
            steps.append(Step(name: name, milliseconds: (now - mark).milliseconds))
            mark = now
        }
        step("lock")
        // Nobody swapped or changed phase since this process loaded the migration.
        let phase = try await tx.query("SELECT phase FROM partsync.migrations WHERE key = $1 FOR UPDATE", [key]).first?[0]
        let leavingNow = try await CatalogReader.resolve(plan.leaving.name, on: tx)
        let takingNow = try await CatalogReader.resolve(plan.taking.name, on: tx)
        guard phase == context.record.phase.rawValue, leavingNow == plan.leaving.oid, takingNow == plan.taking.oid else {
            throw PartSyncError(.interrupted, table: name, message: "another partsync changed the migration meanwhile; nothing was changed",
                                nextStep: "see `partsync status --table \(name)`, then run the command again")
        }
        // A WAL capture's last writes before the lock are in its log once the stream is past a marker
        // committed now (writers are blocked, so nothing of the source commits after it).
        if context.capture(.forward)?.method == .wal {
            try await WALCapture.settle(context, configuration: configuration)
            step("settle")
        }
        // The rest of every log: writers are blocked, so this ends.
        let drained = try await Applier.drainAll(context, inTransaction: tx) { direction, entries in
            step("drain \(direction.rawValue) (\(entries))")
        }
        let recheck = try await Verifier.recheck(context, limit: 20, on: tx)
        step("recheck")
        // Writers are blocked and the logs drained: a pending key would be a difference too.
        try Self.refuse(recheck.divergent + recheck.inFlight, table: name, phase: context.record.phase,
                        where: "under the lock")
        let dependents = try await DependentViews.read(of: plan.leaving, on: tx)
        try await tx.execute("ALTER TABLE \(plan.leaving.name.sql) RENAME TO \(SQLIdentifier.quote(plan.leavingName.name))")
        try await tx.execute("ALTER TABLE \(plan.taking.name.sql) RENAME TO \(SQLIdentifier.quote(plan.takingName.name))")
        step("rename")
        let leaving = MigrationContext.Table(name: plan.leavingName, oid: plan.leaving.oid)
        let taking = MigrationContext.Table(name: plan.takingName, oid: plan.taking.oid)
        let sequences = try await SequenceHandover.move(from: leaving, to: taking, on: tx)
        step("sequences")
        let views = try await dependents.recreate(on: tx)
        step("views")
        if plan.kind == .cutover, context.capture(.reverse) == nil {
            let reverse = CaptureRecord.named(migrationKey: key, direction: .reverse, tableOID: context.record.targetOID)
            for statement in CaptureSQL(record: reverse, table: taking.name, shape: context.record.shape).statements {
                try await tx.execute(statement)
            }
            try await StateStore(tx).addCapture(key, reverse)
            step("reverse capture")
        }
        // User triggers are not copied by prepare (plan warns): say which stop firing when the name moves.
        let leavingTriggers = Set((plan.kind == .cutover ? context.source : context.target).triggers)
        let takingTriggers = Set((plan.kind == .cutover ? context.target : context.source).triggers)
        let lost = leavingTriggers.subtracting(takingTriggers).sorted()
        let allNotes = notes + dependents.reported + (lost.isEmpty ? [] : [
            "trigger(s) \(lost.joined(separator: ", ")) of \(leaving.name.displayName) are not on \(taking.name.displayName): "
                + "they no longer fire for writes to \(taking.name.displayName); create them there if they are needed",
        ])
        let store = StateStore(tx)
        try await store.move(
            key, to: plan.nextPhase,
            message: "\(plan.kind.rawValue): \(taking.name.displayName) is the table now, \(leaving.name.displayName) "
                + "kept in sync; \(drained) entries drained and \(recheck.touchedKeys) key(s) rechecked under the lock")
        let id = try await store.recordSwap(
            key, kind: plan.kind.rawValue, attempts: taken.attempt, drained: drained, rechecked: recheck.touchedKeys,
            views: views, sequences: sequences, notes: allNotes)
        step("state")
        if let hook = options.beforeCommit { try await hook(tx.backendPID) }
        return Swapped(swapID: id, taken: taken, drained: drained, rechecked: recheck.touchedKeys, views: views,
                       sequences: sequences, notes: allNotes, steps: steps)
    }
}
