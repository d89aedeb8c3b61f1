import Logging
import PostgresClient

/// `partsync abandon`: undoes a migration before its cutover. Drops the partitioned twin with its partitions,
/// the capture triggers on the source, every capture's change log, signal and function, and the migration's
/// state; the `partsync` schema too when no other migration is left. The source is then exactly as it was
/// before `prepare` (tested with a catalog fingerprint): partsync never changed its rows or definition.
///
/// One transaction with a short `lock_timeout` (dropping a trigger takes the source's `ACCESS EXCLUSIVE` lock,
/// briefly), retried with backoff, so it never queues in front of the application behind a long query
/// (invariant 7). It holds the copy lock exclusively, so no backfill batch is open meanwhile, and refuses while
/// an applier runs. Idempotent: a table partsync has no migration for has nothing to abandon.
public enum Abandoner {
    public static let defaultLockTimeoutMilliseconds = 500

    public struct Outcome: Sendable, Equatable {
        /// The table as people know it (the source's name).
        public var table: String
        /// What was dropped, one line each (empty: there was no migration).
        public var removed: [String]
    }

    public static func abandon(
        table: String, on connection: Connection, retry: RetryPolicy = RetryPolicy(),
        lockTimeoutMilliseconds: Int = defaultLockTimeoutMilliseconds, logger: Logger = Logger(label: "partsync")
    ) async throws -> Outcome {
        try await StateSchema.ensure(on: connection)
        let store = StateStore(connection)
        guard let record = try await store.migration(forTable: table) else { return Outcome(table: table, removed: []) }
        let name = record.source.displayName
        if case .refuse(let reason) = PhaseRule.abandon(record.phase, failedFrom: record.failedFrom) {
            throw PartSyncError(.usage, table: name, phase: record.phase, message: reason + "; nothing was changed",
                                nextStep: "use `partsync rollback --table \(name)` to go back to the original table")
        }
        try await SyncRunner.refuseWhileApplying(
            record, nextStep: "stop `partsync sync --table \(name)` (SIGTERM), then abandon again", on: connection)
        let logger = logger.with(table: name, phase: record.phase)
        do {
            var outcome = try await retry.run {
                try await connection.withTransaction(settings: ["lock_timeout": "\(lockTimeoutMilliseconds)ms"]) { tx in
                    try await tx.execute(AdvisoryLock.copy.call("pg_advisory_xact_lock", key: record.key))
                    let removed = try await drop(record, on: tx)
                    return Outcome(table: name, removed: removed)
                }
            } onRetry: { attempt, error, pause in
                logger.warning("""
                    \(name): abandon: attempt \(attempt) could not take its locks (\(error.message)); retrying in \
                    \(Int(pause)) ms
                    """)
            }
            // A slot is not transactional: dropped once the migration's removal committed.
            for capture in record.captures {
                if let line = await WALCapture.dropSlot(capture, on: connection) { outcome.removed.append(line) }
            }
            return outcome
        } catch let error as PostgresError where error.sqlState == .dependentObjectsStillExist {
            throw PartSyncError(
                .usage, table: name, phase: record.phase,
                message: "other objects depend on the twin \(record.target.displayName); nothing was changed"
                    + (error.detail.map { ":\n" + $0 } ?? ""),
                nextStep: "drop or change those objects (partsync did not create them), then abandon again")
        } catch {
            throw PartSyncError.database(error, table: name, phase: record.phase, doing: "abandon")
        }
    }

    /// Drops everything of the migration, in the caller's transaction; returns what it dropped.
    private static func drop(_ record: MigrationRecord, on tx: Connection) async throws -> [String] {
        var removed = try await CaptureSQL.drop(record.captures, on: tx)
        func current(_ oid: UInt32) async throws -> SQLIdentifier? { try await CatalogReader.name(of: oid, on: tx) }
        if let target = try await current(record.targetOID) {
            let partitions = try await tx.query(
                "SELECT count(*) FROM pg_catalog.pg_partition_tree($1::regclass) WHERE relid <> $1::regclass",
                [target.sql]).first!.decode(Int.self, at: 0)
            try await tx.execute("DROP TABLE \(target.sql)")
            removed.append("the twin \(target.displayName) and its \(partitions) partition(s)")
        }
        try await StateStore(tx).forget(record.key)
        removed.append("the migration's state (phase, checkpoints, verifications, events)")
        let others = try await tx.query("SELECT count(*) FROM partsync.migrations").first!.decode(Int.self, at: 0)
        if others == 0 {
            try await tx.execute("DROP SCHEMA partsync CASCADE")
            removed.append("the partsync schema (no other migration is left)")
        }
        return removed
    }
}
