import Logging
import PostgresClient

/// Applies a plan: the target, its partitions, security, the state schema and the capture triggers, in one
/// transaction with a short `lock_timeout`, retried with backoff. Idempotent: a second run on a prepared table
/// changes nothing and says so; a target that differs from the plan is refused.
public enum Preparer {
    public static let defaultLockTimeoutMilliseconds = 500

    public enum Outcome: Sendable {
        case prepared(PartitionPlan)
        case alreadyPrepared(PartitionPlan)
    }

    public static func prepare(
        _ options: PlanOptions, on connection: Connection, retry: RetryPolicy = RetryPolicy(),
        lockTimeoutMilliseconds: Int = defaultLockTimeoutMilliseconds, logger: Logger = Logger(label: "partsync")
    ) async throws -> Outcome {
        let plan = try await Planner.plan(options, on: connection)
        let table = plan.source.identifier.displayName
        let logger = logger.with(table: table, phase: .prepared)
        try await StateSchema.ensure(on: connection)
        if let existing = try await StateStore(connection).migration(forTable: plan.source.identifier.sql) {
            return try await confirmExisting(existing, plan: plan, on: connection)
        }
        guard plan.blockers.isEmpty else {
            throw PartSyncError(
                .usage, table: table, phase: .planned,
                message: "the plan has \(plan.blockers.count) blocker(s); nothing was changed:\n"
                    + plan.blockers.map { "  - \($0)" }.joined(separator: "\n"),
                nextStep: "resolve each blocker above, then run prepare again")
        }
        let wal = plan.capture?.record.method == .wal ? plan.capture : nil
        if let wal {
            do {
                try await createPublicationAndSlot(wal, on: connection)
            } catch {
                throw PartSyncError.database(error, table: table, phase: .planned, doing: "prepare (the replication slot)")
            }
        }
        do {
            try await retry.run {
                try await connection.withTransaction(settings: ["lock_timeout": "\(lockTimeoutMilliseconds)ms"]) { tx in
                    try await StateSchema.ensure(on: tx, inTransaction: true, create: true)
                    for statement in plan.statements { try await tx.execute(statement) }
                }
            } onRetry: { attempt, error, pause in
                logger.warning("""
                    \(table): attempt \(attempt) could not take its locks (\(error.message)); \
                    retrying in \(Int(pause)) ms
                    """)
            }
        } catch {
            if let wal { await removePublicationAndSlot(wal.record, on: connection) }
            throw PartSyncError.database(error, table: table, phase: .planned, doing: "prepare")
        }
        return .prepared(plan)
    }

    /// A WAL capture's publication and slot, before the capture's transaction: the publication committed first
    /// (a slot decodes each transaction with the catalog as it was then, and a transaction from before the
    /// publication existed cannot be decoded for it), the slot outside any transaction that wrote (PostgreSQL
    /// refuses it), and both before the transaction that makes the change log commits, so every write that
    /// commits after it is decoded (capture before copy: backfill starts after that commit). Making the slot
    /// waits for the transactions running at that moment to end. Leftovers of an earlier attempt that failed
    /// are removed first (there is no migration row, or `prepare` would not be here).
    static func createPublicationAndSlot(_ capture: CaptureSQL, on connection: Connection) async throws {
        await removePublicationAndSlot(capture.record, on: connection)
        try await connection.execute(capture.publicationSQL)
        do {
            try await connection.query("SELECT pg_catalog.pg_create_logical_replication_slot($1, 'pgoutput')",
                                       [capture.record.slot ?? ""])
        } catch {
            await removePublicationAndSlot(capture.record, on: connection)
            throw error
        }
    }

    /// Best effort: what `createPublicationAndSlot` made.
    static func removePublicationAndSlot(_ capture: CaptureRecord, on connection: Connection) async {
        _ = await WALCapture.dropSlot(capture, on: connection)
        if let publication = capture.publication {
            _ = try? await connection.execute("DROP PUBLICATION IF EXISTS \(SQLIdentifier.quote(publication))")
        }
    }

    /// A second `prepare`: fine if the target still matches the plan, refused otherwise.
    private static func confirmExisting(
        _ record: MigrationRecord, plan: PartitionPlan, on connection: Connection
    ) async throws -> Outcome {
        let table = plan.source.identifier.displayName
        let target = record.target
        let oid = record.targetOID
        guard let definition = try await CatalogReader.read(oid: oid, on: connection)
        else {
            throw PartSyncError(
                .usage, table: table, phase: record.phase,
                message: "partsync state says \(table) is being migrated into \(target.displayName), which no longer exists",
                nextStep: "abandon the migration (drop the partsync triggers and state rows) and prepare again")
        }
        let partitionKey = try await connection.query("SELECT pg_catalog.pg_get_partkeydef($1)", [oid]).first?[0]
        var differences: [String] = []
        if record.partitionKey != plan.options.partitionKey || record.interval != plan.options.interval {
            differences.append(
                "it was prepared with --partition-key \(record.partitionKey) --interval \(record.interval.rawValue), "
                    + "not \(plan.options.partitionKey) / \(plan.options.interval.rawValue)")
        }
        if target.name != plan.target.name {
            differences.append("it was prepared into \(target.displayName), not \(plan.target.displayName)")
        }
        if partitionKey != "RANGE (\(SQLIdentifier.quote(record.partitionKey)))"
            && partitionKey != "RANGE (\(record.partitionKey))"
        {
            differences.append("\(target.displayName) is partitioned by \(partitionKey ?? "nothing")")
        }
        let expected = plan.source.columns.map { "\($0.name) \($0.type)" }
        let actual = definition.columns.map { "\($0.name) \($0.type)" }
        if expected != actual {
            differences.append(
                "columns differ: source has [\(expected.joined(separator: ", "))], target has [\(actual.joined(separator: ", "))]")
        }
        if definition.primaryKey?.columns != record.shape.targetKey {
            differences.append(
                "primary key of \(target.displayName) is (\(definition.primaryKey?.columns.joined(separator: ", ") ?? "none")), "
                    + "expected (\(record.shape.targetKey.joined(separator: ", ")))")
        }
        guard differences.isEmpty else {
            throw PartSyncError(
                .usage, table: table, phase: record.phase,
                message: "already prepared, but the existing target differs from this plan:\n"
                    + differences.map { "  - \($0)" }.joined(separator: "\n"),
                nextStep: "rerun with the original options, or abandon the migration and prepare again")
        }
        return .alreadyPrepared(plan)
    }
}
