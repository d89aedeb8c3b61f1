import PartSync
import PostgresClient

/// Setting partsync's migration of a bench table up and tearing it down again, so every timed run starts
/// from a fresh `prepare`. Unlike `partsync abandon` (refused after a cutover, and while an applier runs),
/// this removes a migration in any phase: the bench's tables are its own.
enum Migrations {
    /// `partsync prepare` as a child process (untimed).
    static func prepare(_ table: BenchTable, session: BenchSession, capture: CaptureMethod = .trigger) throws {
        try ChildRun.run(session.partsync, [
            "prepare", "--database-url", session.conninfo, "--table", table.argument, "--partition-key", "created_at",
            "--capture", capture.rawValue,
        ]).check("partsync prepare --table \(table.argument) --capture \(capture.rawValue)")
    }

    /// Removes the migration of `table`: its target (with the partitions), the capture triggers on the source,
    /// the change log and capture function, a WAL capture's publication and slot, and the state rows (chunks,
    /// events, appliers cascade from them).
    static func abandon(_ table: SQLIdentifier, on connection: Connection) async throws {
        try await StateSchema.ensure(on: connection)
        let record = try await StateStore(connection).migration(forTable: table.sql)
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
            try await tx.execute("DROP TABLE IF EXISTS \(record.target.sql) CASCADE")
            for capture in record.captures {
                try await tx.execute("DROP TABLE IF EXISTS \(capture.log.sql)")
                try await tx.execute("DROP FUNCTION IF EXISTS \(capture.function.sql)()")
                try await tx.execute("DROP SEQUENCE IF EXISTS \(capture.signal.sql)")
                if let publication = capture.publication {
                    try await tx.execute("DROP PUBLICATION IF EXISTS \(SQLIdentifier.quote(publication))")
                }
            }
            try await StateStore(tx).forget(record.key)
        }
        for capture in record?.captures ?? [] { _ = await WALCapture.dropSlot(capture, on: connection) }
    }

    /// Abandons every migration of a table in the bench schema, then drops the schema (and creates it empty).
    static func resetBenchSchema(on connection: Connection, recreate: Bool) async throws {
        try await StateSchema.ensure(on: connection)
        for record in try await StateStore(connection).migrations() where record.source.schema == BenchTable.schema {
            try await abandon(record.source, on: connection)
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
