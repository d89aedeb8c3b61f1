import PostgresClient

/// A migration as a phase works on it: its record, the live definitions of both tables found by OID, and the
/// SQL helper over its frozen shape. Loading it checks that neither table's columns changed since prepare.
public struct MigrationContext: Sendable {
    public let record: MigrationRecord
    /// The source as it is now (its name may have changed since prepare; SQL uses this one).
    public let source: TableDefinition
    public let target: TableDefinition
    /// The forward capture (the source's).
    public let capture: CaptureRecord
    let key: KeySQL

    /// The name people know the table by: the source's name at prepare.
    public var table: String { record.source.displayName }
    var shape: MigrationShape { record.shape }

    /// Loads the migration of `--table` (its source or target, by OID, before or after a rename) for `phase`,
    /// upgrading an older state schema first.
    /// - Throws: `PartSyncError(.usage)` when partsync does not know the table (run `prepare` first), or when
    ///   a table's columns changed since prepare (naming each change; nothing is modified).
    /// - Parameter checkShape: false for read-only reports (`status`), which show `drift` instead of failing.
    public static func load(table: String, on connection: Connection, phase: MigrationPhase, checkShape: Bool = true)
        async throws -> MigrationContext
    {
        try await StateSchema.ensure(on: connection)
        guard let record = try await StateStore(connection).migration(forTable: table) else {
            throw PartSyncError(
                .usage, table: table, phase: phase, message: "partsync has no migration for \(table)",
                nextStep: "run `partsync prepare --table \(table) --partition-key <column>` first")
        }
        let name = record.source.displayName
        guard let capture = record.capture(.forward) else {
            throw PartSyncError(.database, table: name, phase: phase, message: "the migration has no forward capture",
                                nextStep: "the state was changed by hand; abandon the migration and prepare it again")
        }
        guard let source = try await CatalogReader.read(oid: record.sourceOID, on: connection),
              let target = try await CatalogReader.read(oid: record.targetOID, on: connection)
        else {
            throw PartSyncError(
                .usage, table: name, phase: phase, message: "the source or the target of this migration was dropped",
                nextStep: "abandon the migration (drop its capture and state) and prepare the table again")
        }
        let context = MigrationContext(record: record, source: source, target: target, capture: capture,
                                       key: KeySQL(record.shape))
        let changes = context.drift
        guard changes.isEmpty || !checkShape else {
            throw PartSyncError(
                .usage, table: name, phase: phase,
                message: "the tables changed since prepare; nothing was done:\n"
                    + changes.map { "  - \($0)" }.joined(separator: "\n"),
                nextStep: "undo the change (the migration copies the columns it was prepared with), or abandon the "
                    + "migration and prepare the table again")
        }
        return context
    }

    /// How the live tables differ from the frozen shape, one line per change naming the table.
    public var drift: [String] {
        record.shape.drift(from: source).map { "\(source.identifier.displayName): \($0)" }
            + record.shape.drift(from: target, primaryKey: record.shape.targetKey)
                .map { "\(target.identifier.displayName): \($0)" }
    }

    /// The capture of `direction`, if the migration has one (the reverse one exists from the first cutover).
    public func capture(_ direction: CaptureDirection) -> CaptureRecord? { record.capture(direction) }

    /// A table of the migration by its current name and its OID.
    public struct Table: Sendable, Equatable {
        public var name: SQLIdentifier
        public var oid: UInt32
    }

    public var sourceTable: Table { Table(name: source.identifier, oid: record.sourceOID) }
    public var targetTable: Table { Table(name: target.identifier, oid: record.targetOID) }

    /// Which table a capture's applier reads and which it writes.
    public struct Flow: Sendable, Equatable {
        public var from: SQLIdentifier
        public var fromOID: UInt32
        public var to: SQLIdentifier
        public var toOID: UInt32
        /// Whether the table written is the partitioned one (its unique key includes the partition key).
        public var toIsTarget: Bool
    }

    /// `forward`: source to target; `reverse`: target to source. Names as they are now.
    public func flow(_ direction: CaptureDirection) -> Flow {
        let source = (source.identifier, record.sourceOID)
        let target = (target.identifier, record.targetOID)
        return direction == .forward
            ? Flow(from: source.0, fromOID: source.1, to: target.0, toOID: target.1, toIsTarget: true)
            : Flow(from: target.0, fromOID: target.1, to: source.0, toOID: source.1, toIsTarget: false)
    }

    /// Backfill batches hold this shared, the applier exclusive: an applied change can never be overtaken by a
    /// batch that read the row before the change committed (see docs/change-capture.md).
    var copyLockSQL: (shared: String, exclusive: String) {
        (AdvisoryLock.copy.call("pg_advisory_xact_lock_shared", key: record.key),
         AdvisoryLock.copy.call("pg_advisory_xact_lock", key: record.key))
    }
}
