import PostgresClient

/// What the backfill and the applier need to know about a prepared migration, read from state and catalog.
public struct MigrationContext: Sendable {
    public let record: MigrationRecord
    public let source: TableDefinition
    let key: KeySQL
    /// Columns written by INSERT (generated columns are computed by the target itself).
    let insertColumns: [String]
    let partitionKey: String

    public var table: String { record.source.displayName }

    /// Loads the migration of `--table`.
    /// - Throws: `PartSyncError(.usage)` when partsync does not know the table (run `prepare` first).
    public static func load(table: String, on connection: Connection, phase: MigrationPhase) async throws -> MigrationContext {
        let identifier: SQLIdentifier
        do { identifier = try SQLIdentifier.parse(table) } catch {
            throw PartSyncError(.usage, table: table, message: "\(error)")
        }
        guard let oid = try await CatalogReader.resolve(identifier, on: connection),
              let source = try await CatalogReader.read(oid: oid, on: connection),
              let record = try await MigrationRecord.load(source: source.identifier, on: connection)
        else {
            throw PartSyncError(
                .usage, table: identifier.displayName, phase: phase,
                message: "partsync has no migration for \(identifier.displayName)",
                nextStep: "run `partsync prepare --table \(table) --partition-key <column>` first")
        }
        guard let primary = source.primaryKey else {
            throw PartSyncError(.usage, table: record.source.displayName, message: "the table lost its primary key")
        }
        let keyColumns = primary.columns.map { name in (name: name, type: source.column(name)?.type ?? "text") }
        return MigrationContext(
            record: record, source: source, key: KeySQL(columns: keyColumns),
            insertColumns: source.columns.filter { $0.generatedExpression == nil }.map(\.name),
            partitionKey: record.partitionKey)
    }

    var columnList: String { insertColumns.map(SQLIdentifier.quote).joined(separator: ", ") }

    func columnList(prefix: String) -> String {
        insertColumns.map { "\(prefix).\(SQLIdentifier.quote($0))" }.joined(separator: ", ")
    }

    /// Target primary key: source key plus the partition key.
    var targetKey: [String] { key.names.contains(partitionKey) ? key.names : key.names + [partitionKey] }

    /// Backfill batches hold this shared, the applier exclusive: an applied change can never be overtaken by a
    /// batch that read the row before the change committed (see docs/change-capture.md).
    var copyLockSQL: (shared: String, exclusive: String) {
        let key = SQLLiteral.quote(record.key)
        return ("SELECT pg_catalog.pg_advisory_xact_lock_shared(1347636083, pg_catalog.hashtext(\(key)))",
                "SELECT pg_catalog.pg_advisory_xact_lock(1347636083, pg_catalog.hashtext(\(key)))")
    }

    func setPhase(_ phase: MigrationPhase, from: [MigrationPhase], message: String, on connection: Connection) async throws {
        try await connection.withTransaction { tx in
            let updated = try await tx.query(
                "UPDATE partsync.migrations SET phase = $2, updated_at = now() WHERE key = $1 AND phase = ANY($3::text[])",
                [record.key, phase.rawValue, "{" + from.map(\.rawValue).joined(separator: ",") + "}"])
            if updated.affectedRows == 1 {
                try await tx.query("INSERT INTO partsync.events (migration, phase, message) VALUES ($1, $2, $3)",
                                   [record.key, phase.rawValue, message])
            }
        }
    }
}
