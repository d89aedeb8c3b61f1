import PartSync
import PostgresClient

/// Setting partsync's migration of a bench table up and tearing it down again, so every timed run starts
/// from a fresh `prepare`. There is no `abandon` command yet; this removes exactly what `prepare` creates.
enum Migrations {
    /// `partsync prepare` as a child process (untimed).
    static func prepare(_ table: BenchTable, session: BenchSession) throws {
        try ChildRun.run(session.partsync, [
            "prepare", "--database-url", session.conninfo, "--table", table.argument, "--partition-key", "created_at",
        ]).check("partsync prepare --table \(table.argument)")
    }

    /// Removes the migration of `table`: its target (with the partitions), the capture triggers on the source,
    /// the change log and capture function, and the state rows (chunks, events, appliers cascade from them).
    static func abandon(_ table: SQLIdentifier, on connection: Connection) async throws {
        let record = try await MigrationRecord.load(source: table, on: connection)
        try await connection.withTransaction { tx in
            let triggers = try await tx.query(
                """
                SELECT tgname FROM pg_catalog.pg_trigger
                WHERE tgrelid = pg_catalog.to_regclass($1) AND NOT tgisinternal AND tgname LIKE 'partsync%'
                """, [table.sql])
            for row in triggers.rows {
                try await tx.execute("DROP TRIGGER \(SQLIdentifier.quote(try row.decode(String.self, at: 0))) ON \(table.sql)")
            }
            guard let record else { return }
            let capture = CaptureSQL(migrationKey: record.key, source: table, keyColumns: [])
            try await tx.execute("DROP TABLE IF EXISTS \(record.target.sql) CASCADE")
            try await tx.execute("DROP TABLE IF EXISTS \(capture.changeLog.sql)")
            try await tx.execute("DROP FUNCTION IF EXISTS \(capture.function.sql)()")
            try await tx.execute("DROP SEQUENCE IF EXISTS \(capture.signal.sql)")
            try await tx.query("DELETE FROM partsync.migrations WHERE key = $1", [record.key])
        }
    }

    /// Abandons every migration of a table in the bench schema, then drops the schema (and creates it empty).
    static func resetBenchSchema(on connection: Connection, recreate: Bool) async throws {
        let known = try await connection.query(
            "SELECT pg_catalog.to_regclass('partsync.migrations') IS NOT NULL").first!.decode(Bool.self, at: 0)
        if known {
            let tables = try await connection.query(
                "SELECT source_table FROM partsync.migrations WHERE source_schema = $1", [BenchTable.schema])
            for row in tables.rows {
                try await abandon(SQLIdentifier(schema: BenchTable.schema, name: try row.decode(String.self, at: 0)),
                                  on: connection)
            }
        }
        try await connection.execute("DROP SCHEMA IF EXISTS \(SQLIdentifier.quote(BenchTable.schema)) CASCADE")
        if recreate { try await connection.execute("CREATE SCHEMA \(SQLIdentifier.quote(BenchTable.schema))") }
    }

    /// Secondary indexes of a (partitioned) table that are valid, i.e. built on every partition.
    static func validSecondaryIndexes(_ table: SQLIdentifier, on connection: Connection) async throws -> Int {
        try await connection.query(
            """
            SELECT count(*) FROM pg_catalog.pg_index
            WHERE indrelid = pg_catalog.to_regclass($1) AND NOT indisprimary AND indisvalid
            """, [table.sql]).first!.decode(Int.self, at: 0)
    }
}
