import PostgresClient

/// One row of `partsync.migrations`.
public struct MigrationRecord: Sendable, Equatable {
    public var key: String
    public var source: SQLIdentifier
    public var targetSchema: String
    public var targetTable: String
    public var partitionKey: String
    public var interval: String
    public var changeLog: String
    public var channel: String
    public var phase: MigrationPhase

    public var target: SQLIdentifier { SQLIdentifier(schema: targetSchema, name: targetTable) }

    static let columns = "key, source_schema, source_table, target_schema, target_table, partition_key, "
        + "partition_interval, change_log, channel, phase"

    init(row: Row) throws {
        key = try row.decode(String.self, at: 0)
        source = SQLIdentifier(schema: try row.decode(String.self, at: 1), name: try row.decode(String.self, at: 2))
        targetSchema = try row.decode(String.self, at: 3)
        targetTable = try row.decode(String.self, at: 4)
        partitionKey = try row.decode(String.self, at: 5)
        interval = try row.decode(String.self, at: 6)
        changeLog = try row.decode(String.self, at: 7)
        channel = try row.decode(String.self, at: 8)
        let phaseText = try row.decode(String.self, at: 9)
        guard let phase = MigrationPhase(rawValue: phaseText) else {
            throw PartSyncError(.database, table: source.displayName,
                                message: "partsync.migrations holds an unknown phase '\(phaseText)'",
                                nextStep: "this worker is older than the state it reads; upgrade partsync")
        }
        self.phase = phase
    }

    /// The migration of `source`, if partsync knows one (and the state schema exists).
    public static func load(source: SQLIdentifier, on connection: Connection) async throws -> MigrationRecord? {
        let exists = try await connection.query("SELECT pg_catalog.to_regclass('partsync.migrations') IS NOT NULL")
        guard try exists.first?.decode(Bool.self, at: 0) == true else { return nil }
        let found = try await connection.query(
            "SELECT \(columns) FROM partsync.migrations WHERE source_schema = $1 AND source_table = $2",
            [source.schema ?? "public", source.name])
        return try found.first.map(MigrationRecord.init(row:))
    }
}
