import Logging
import PostgresClient

/// `partsync finish`: ends the rollback window. In one transaction under the same lock discipline as the swap
/// (`SwapLock`: the copy lock, then short `ACCESS EXCLUSIVE` attempts on both tables): applies what is left in
/// both change logs (writes that still reached the retired table by OID land in the live one), drops both
/// captures (triggers, logs, signals, functions) and their state rows, drops the retired table only with
/// `dropRetired`, and moves the migration to `finished`. Refused while an applier runs (stop `sync` first, so
/// nothing applies into a log that is being dropped). Idempotent: a finished migration has nothing to do.
///
/// After a cutover the retired table is the original one (`<table>_retired`); after a rollback it is the
/// partitioned twin. Either way the table in use keeps its ids: identity and serial sequences belong to it
/// since the swap (`SequenceHandover`), so dropping the retired one drops no sequence.
public enum Finisher {
    public struct Outcome: Sendable, Equatable, Codable {
        public var table: String
        /// Set when there was nothing to do (the reason).
        public var alreadyDone: String?
        /// The table in use and the retired one (dropped or kept).
        public var live: String
        public var retired: String
        public var retiredDropped: Bool
        /// Change-log entries applied before the captures were dropped.
        public var drainedEntries: Int64
        /// What was removed, one line each.
        public var removed: [String]
    }

    public static func finish(
        table: String, dropRetired: Bool, on connection: Connection, lock: SwapLock = SwapLock(),
        logger: Logger = Logger(label: "partsync")
    ) async throws -> Outcome {
        try await StateSchema.ensure(on: connection)
        if let record = try await StateStore(connection).migration(forTable: table), record.phase == .finished {
            return Outcome(table: record.source.displayName, alreadyDone: "already finished; nothing to do",
                           live: "", retired: "", retiredDropped: false, drainedEntries: 0, removed: [])
        }
        let context = try await MigrationContext.load(table: table, on: connection, phase: .finished)
        let record = context.record
        let name = context.table
        let (live, retired) = record.phase == .rolledBack
            ? (context.sourceTable, context.targetTable) : (context.targetTable, context.sourceTable)
        switch PhaseRule.finish(record.phase, failedFrom: record.failedFrom) {
        case .run: break
        case .alreadyDone(let reason):
            return Outcome(table: name, alreadyDone: reason, live: live.name.displayName,
                           retired: retired.name.displayName, retiredDropped: false, drainedEntries: 0, removed: [])
        case .refuse(let reason):
            throw PartSyncError(.usage, table: name, phase: record.phase, message: reason + "; nothing was changed",
                                nextStep: record.phase.nextStep(table: name))
        }
        try await SyncRunner.refuseWhileApplying(
            record, nextStep: "stop `partsync sync --table \(name)` (SIGTERM), then finish again: what it has not "
                + "applied yet is applied by finish", on: connection)
        let logger = logger.with(table: name, phase: .finished)
        do {
            // A WAL capture: most of what is still to decode goes into the log before the lock, so the settle
            // under it has little left (writers wait for it there).
            try await WALCapture.settle(context, configuration: connection.configuration, logger: logger)
            var outcome = try await lock.run([live.name, retired.name], table: name, prologue: [Swapper.noJIT, context.copyLockSQL.exclusive],
                                      on: connection) { tx, _ in
                // A WAL capture's last writes are in its log once the stream is past a marker committed now.
                try await WALCapture.settle(context, configuration: connection.configuration, logger: logger)
                let drained = try await Applier.drainAll(context, inTransaction: tx)
                var removed = try await CaptureSQL.drop(record.captures, on: tx)
                try await StateStore(tx).removeCaptures(record.key)
                removed.append("the captures' state (appliers, touched keys)")
                if dropRetired {
                    let partitions = try await tx.query(
                        "SELECT count(*) FROM pg_catalog.pg_partition_tree($1::oid::regclass) WHERE relid <> $1::oid::regclass",
                        [Int64(retired.oid)]).first!.decode(Int.self, at: 0)
                    try await tx.execute("DROP TABLE \(retired.name.sql)")
                    removed.append("the retired table \(retired.name.displayName)"
                        + (partitions > 0 ? " and its \(partitions) partition(s)" : ""))
                }
                try await StateStore(tx).move(
                    record.key, to: .finished,
                    message: "finished: \(live.name.displayName) is the table; \(retired.name.displayName) "
                        + (dropRetired ? "dropped" : "kept, no longer kept in sync")
                        + "; \(drained) change-log entries applied first")
                return Outcome(table: name, live: live.name.displayName, retired: retired.name.displayName,
                               retiredDropped: dropRetired, drainedEntries: drained, removed: removed)
            }
            // A slot is not transactional: dropped once the captures' removal committed.
            for capture in record.captures {
                if let line = await WALCapture.dropSlot(capture, on: connection) { outcome.removed.append(line) }
            }
            return outcome
        } catch let error as PostgresError where error.sqlState == .dependentObjectsStillExist {
            throw PartSyncError(
                .usage, table: name, phase: record.phase,
                message: "other objects depend on the retired table \(retired.name.displayName); nothing was changed"
                    + (error.detail.map { ":\n" + $0 } ?? ""),
                nextStep: "recreate or drop those objects over \(live.name.displayName), then finish again (or finish "
                    + "without --drop-retired and drop it later)")
        } catch let error as PartSyncError {
            throw error
        } catch {
            logger.error("\(name): finish failed: \(error)")
            throw PartSyncError.database(error, table: name, phase: record.phase, doing: "finish")
        }
    }
}
