import Foundation
import PostgresClient

/// The one owner of partsync's state tables (`partsync.migrations`, `captures`, `events`, `backfill_chunks`,
/// `backfill_progress`, `appliers`, `state_versions`): every statement on them is here, and each returns whole
/// typed values. The change logs and signal sequences are the capture's data path (`CaptureSQL`, `ChangeLog`,
/// `Applier`); the signal's mirror in `appliers` is written here.
///
/// A store wraps one connection, or a transaction's connection when its statements belong to a larger unit of
/// work (a backfill batch and its checkpoint, a phase and its event).
public struct StateStore: Sendable {
    let connection: Connection

    public init(_ connection: Connection) { self.connection = connection }

    // MARK: - Migrations

    static let migrationColumns = """
        m.key, m.source_schema, m.source_table, m.target_schema, m.target_table, m.source_oid, m.target_oid,
        m.partition_interval, m.premake, m.default_partition, m.phase, m.failed_from, m.failure, m.paused,
        m.shape::text
        """

    /// The migration `--table` names: the source or the target, by OID, whatever they are called now (so the
    /// name a user knows works before and after the cutover renames them); a name that no longer resolves is
    /// looked up among the names the migration was prepared under.
    /// - Throws: `PartSyncError(.usage)` for a name that does not parse.
    public func migration(forTable table: String) async throws -> MigrationRecord? {
        guard try await StateSchema.found(on: connection) != .none else { return nil }
        let identifier: SQLIdentifier
        do { identifier = try SQLIdentifier.parse(table) } catch {
            throw PartSyncError(.usage, table: table, message: "\(error)")
        }
        if let oid = try await CatalogReader.resolve(identifier, on: connection) {
            return try await migration(where: "m.source_oid = $1 OR m.target_oid = $1", [oid])
        }
        return try await migration(
            where: "m.source_table = $2 AND m.source_schema = coalesce($1, pg_catalog.current_schema())",
            [identifier.schema, identifier.name])
    }

    /// The migration with this key.
    public func migration(key: String) async throws -> MigrationRecord? {
        try await migration(where: "m.key = $1", [key])
    }

    /// Every migration in this database, by source name.
    public func migrations() async throws -> [MigrationRecord] {
        guard try await StateSchema.found(on: connection) != .none else { return [] }
        let keys = try await connection.query(
            "SELECT key FROM partsync.migrations ORDER BY source_schema, source_table")
        var records: [MigrationRecord] = []
        for row in keys.rows {
            if let record = try await migration(key: try row.decode(String.self, at: 0)) { records.append(record) }
        }
        return records
    }

    private func migration(where condition: String, _ parameters: [(any PostgresEncodable)?]) async throws
        -> MigrationRecord?
    {
        let rows = try await connection.query(
            "SELECT \(Self.migrationColumns) FROM partsync.migrations m WHERE \(condition) ORDER BY m.key LIMIT 2",
            parameters)
        guard let row = rows.first else { return nil }
        let key = try row.decode(String.self, at: 0)
        let source = SQLIdentifier(schema: try row.decode(String.self, at: 1), name: try row.decode(String.self, at: 2))
        func corrupt(_ what: String) -> PartSyncError {
            PartSyncError(.database, table: source.displayName, message: "partsync.migrations holds \(what)",
                          nextStep: "the state was changed by hand or by a newer partsync; abandon the migration "
                            + "and prepare it again, or upgrade partsync")
        }
        guard let phase = MigrationPhase(rawValue: try row.decode(String.self, at: 10)) else {
            throw corrupt("an unknown phase '\(row[10] ?? "")'")
        }
        guard let interval = PartitionInterval(rawValue: try row.decode(String.self, at: 7)) else {
            throw corrupt("an unknown partition interval '\(row[7] ?? "")'")
        }
        guard let sourceOID = try row.decodeIfPresent(UInt32.self, at: 5),
              let targetOID = try row.decodeIfPresent(UInt32.self, at: 6), let shapeText = row[14]
        else {
            throw PartSyncError(
                .usage, table: source.displayName, phase: phase,
                message: "the source or the target of this migration no longer exists",
                nextStep: "abandon the migration (drop its target, capture and state) and prepare the table again")
        }
        let shape: MigrationShape
        do { shape = try JSONDecoder().decode(MigrationShape.self, from: Data(shapeText.utf8)) } catch {
            throw corrupt("a shape that does not decode (\(error))")
        }
        let captures = try await connection.query(
            """
            SELECT direction, table_oid, log_schema, log_name, signal_schema, signal_name, function_schema,
                   function_name, channel, method, slot, publication
            FROM partsync.captures WHERE migration = $1 ORDER BY direction
            """, [key]).rows.map { row in
            guard let direction = CaptureDirection(rawValue: try row.decode(String.self, at: 0)) else {
                throw corrupt("a capture of unknown direction '\(row[0] ?? "")'")
            }
            guard let method = CaptureMethod(rawValue: try row.decode(String.self, at: 9)) else {
                throw corrupt("a capture of unknown method '\(row[9] ?? "")'")
            }
            return CaptureRecord(
                direction: direction, method: method, tableOID: try row.decode(UInt32.self, at: 1),
                log: SQLIdentifier(schema: try row.decode(String.self, at: 2), name: try row.decode(String.self, at: 3)),
                signal: SQLIdentifier(schema: try row.decode(String.self, at: 4), name: try row.decode(String.self, at: 5)),
                function: SQLIdentifier(schema: try row.decode(String.self, at: 6), name: try row.decode(String.self, at: 7)),
                channel: try row.decode(String.self, at: 8), slot: row[10], publication: row[11])
        }
        return MigrationRecord(
            key: key, source: source,
            target: SQLIdentifier(schema: try row.decode(String.self, at: 3), name: try row.decode(String.self, at: 4)),
            sourceOID: sourceOID, targetOID: targetOID, interval: interval, premake: try row.decode(Int.self, at: 8),
            defaultPartition: try row.decode(Bool.self, at: 9), phase: phase,
            failedFrom: row[11].flatMap(MigrationPhase.init(rawValue:)), failure: row[12],
            paused: try row.decode(Bool.self, at: 13), shape: shape, captures: captures)
    }

    /// The statements that register a prepared migration, its forward capture and its applier row: part of
    /// `prepare`'s transaction and of the migration file `plan --out` writes, so values are literals. OIDs are
    /// looked up by name when they run (a file may be applied to another database than the one planned on).
    static func registration(
        key: String, source: SQLIdentifier, target: SQLIdentifier, options: PlanOptions, shape: MigrationShape,
        capture: CaptureRecord, message: String
    ) -> [String] {
        let shapeJSON: String
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            shapeJSON = String(decoding: try encoder.encode(shape), as: UTF8.self)
        } catch {
            preconditionFailure("a MigrationShape always encodes: \(error)")
        }
        func oid(_ table: SQLIdentifier) -> String { "pg_catalog.to_regclass(\(SQLLiteral.quote(table.sql)))::oid" }
        let literal = SQLLiteral.quote
        return [
            """
            INSERT INTO partsync.migrations (key, source_schema, source_table, target_schema, target_table,
                source_oid, target_oid, partition_interval, premake, default_partition, phase, shape)
            VALUES (\(literal(key)), \(literal(source.schema ?? "public")), \(literal(source.name)),
                \(literal(target.schema ?? "public")), \(literal(target.name)), \(oid(source)), \(oid(target)),
                \(literal(options.interval.rawValue)), \(options.premake),
                \(options.defaultPartition), 'prepared', \(literal(shapeJSON))::jsonb)
            """,
            """
            INSERT INTO partsync.captures (migration, direction, table_oid, log_schema, log_name, signal_schema,
                signal_name, function_schema, function_name, channel, method, slot, publication)
            VALUES (\(literal(key)), \(literal(capture.direction.rawValue)), \(oid(source)),
                \(literal(capture.log.schema ?? "partsync")), \(literal(capture.log.name)),
                \(literal(capture.signal.schema ?? "partsync")), \(literal(capture.signal.name)),
                \(literal(capture.function.schema ?? "partsync")), \(literal(capture.function.name)),
                \(literal(capture.channel)), \(literal(capture.method.rawValue)),
                \(capture.slot.map(literal) ?? "NULL"), \(capture.publication.map(literal) ?? "NULL"))
            """,
            "INSERT INTO partsync.appliers (migration, direction) VALUES (\(literal(key)), "
                + "\(literal(capture.direction.rawValue)))",
            "INSERT INTO partsync.events (migration, phase, message) VALUES (\(literal(key)), 'prepared', "
                + "\(literal(message)))",
        ]
    }

    /// Deletes the migration's state rows (captures, chunks, events and appliers go with them; touched keys,
    /// which have no foreign key, explicitly). The caller drops the objects they name.
    public func forget(_ key: String) async throws {
        try await connection.query("DELETE FROM partsync.touched_keys WHERE migration = $1", [key])
        try await connection.query("DELETE FROM partsync.migrations WHERE key = $1", [key])
    }

    // MARK: - Phases

    /// Moves the migration to `next` and records `message` as its event, in one transaction that locks the
    /// migration's row. Staying in the current phase (a resumed phase) changes nothing.
    /// - Returns: false when the migration was already in `next`.
    /// - Throws: `PartSyncError(.usage)` naming both phases when the move is not allowed.
    @discardableResult
    public func transition(_ key: String, to next: MigrationPhase, message: String) async throws -> Bool {
        try await connection.withTransaction { tx in
            try await StateStore(tx).move(key, to: next, message: message)
        }
    }

    /// `transition` in the caller's transaction (a swap moves the phase in the transaction that renames).
    @discardableResult
    func move(_ key: String, to next: MigrationPhase, message: String) async throws -> Bool {
        let row = try await connection.query(
            "SELECT phase, failed_from, source_schema, source_table FROM partsync.migrations WHERE key = $1 FOR UPDATE",
            [key]).first
        guard let row, let current = MigrationPhase(rawValue: try row.decode(String.self, at: 0)) else {
            throw PartSyncError(.usage, message: "partsync has no migration \(key)")
        }
        let table = SQLIdentifier(schema: row[2], name: row[3] ?? "").displayName
        if current == next { return false }
        let failedFrom = row[1].flatMap(MigrationPhase.init(rawValue:))
        guard current.canMove(to: next, failedFrom: failedFrom) else {
            throw PartSyncError(
                .usage, table: table, phase: current,
                message: "cannot move from \(current.rawValue) to \(next.rawValue)"
                    + (failedFrom.map { " (it failed while \($0.rawValue))" } ?? ""),
                nextStep: current.nextStep(table: table))
        }
        try await connection.query(
            """
            UPDATE partsync.migrations SET phase = $2, failed_from = NULL, failure = NULL, updated_at = now()
            WHERE key = $1
            """, [key, next.rawValue])
        try await event(key, phase: next, message)
        return true
    }

    /// Records that `phase` stopped on an error: the migration moves to `failed`, remembering the phase and
    /// the reason, if it is still in `phase` (a command that runs beside its phase, such as an applier during
    /// the backfill, does not fail the migration). Rerunning the phase's command resumes it.
    /// - Returns: whether the migration was moved to `failed`.
    @discardableResult
    public func recordFailure(_ key: String, during phase: MigrationPhase, reason: String) async throws -> Bool {
        try await connection.withTransaction { tx in
            let updated = try await tx.query(
                """
                UPDATE partsync.migrations SET phase = 'failed', failed_from = $2, failure = $3, updated_at = now()
                WHERE key = $1 AND phase = $2
                """, [key, phase.rawValue, reason])
            guard updated.affectedRows == 1 else { return false }
            try await StateStore(tx).event(key, phase: .failed, "\(phase.rawValue) failed: \(reason)")
            return true
        }
    }

    /// Appends an event to the migration's history.
    public func event(_ key: String, phase: MigrationPhase, _ message: String) async throws {
        try await connection.query("INSERT INTO partsync.events (migration, phase, message) VALUES ($1, $2, $3)",
                                   [key, phase.rawValue, message])
    }

    /// The latest `limit` events, newest first, as `2026-12-01 10:00:00 UTC phase: message`.
    public func recentEvents(_ key: String, limit: Int = 5) async throws -> [String] {
        try await connection.query(
            """
            SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC ' || phase || ': ' || message
            FROM partsync.events WHERE migration = $1 ORDER BY at DESC, id DESC LIMIT $2
            """, [key, limit]).rows.map { try $0.decode(String.self, at: 0) }
    }

    /// Whether the operator paused the migration (read by every backfill batch).
    func isPaused(_ key: String) async throws -> Bool {
        try await connection.query("SELECT paused FROM partsync.migrations WHERE key = $1", [key]).first?
            .decode(Bool.self, at: 0) ?? false
    }

    /// Locks the migration's row until the transaction ends (serialises planning between processes).
    func lockMigration(_ key: String) async throws {
        try await connection.query("SELECT 1 FROM partsync.migrations WHERE key = $1 FOR UPDATE", [key])
    }
}

// MARK: - Swaps

extension StateStore {
    /// Registers a capture made after prepare (the reverse one, at the first cutover) and its applier row, in
    /// the caller's transaction.
    func addCapture(_ key: String, _ capture: CaptureRecord) async throws {
        try await connection.query(
            """
            INSERT INTO partsync.captures (migration, direction, table_oid, log_schema, log_name, signal_schema,
                signal_name, function_schema, function_name, channel)
            VALUES ($1, $2, $3::oid, $4, $5, $6, $7, $8, $9, $10)
            """, [key, capture.direction.rawValue, Int64(capture.tableOID), capture.log.schema ?? "partsync",
                  capture.log.name, capture.signal.schema ?? "partsync", capture.signal.name,
                  capture.function.schema ?? "partsync", capture.function.name, capture.channel])
        try await connection.query("INSERT INTO partsync.appliers (migration, direction) VALUES ($1, $2)",
                                   [key, capture.direction.rawValue])
    }

    /// Deletes the capture rows (and their appliers) of a migration, in the caller's transaction; `finish`
    /// drops the objects they name.
    func removeCaptures(_ key: String) async throws {
        try await connection.query("DELETE FROM partsync.appliers WHERE migration = $1", [key])
        try await connection.query("DELETE FROM partsync.captures WHERE migration = $1", [key])
        try await connection.query("DELETE FROM partsync.touched_keys WHERE migration = $1", [key])
    }

    /// A committed swap, as `partsync.swaps` records it.
    public struct SwapRecord: Sendable, Equatable, Codable {
        public var id: Int64
        public var kind: String
        public var committedAt: String
        public var attempts: Int
        public var drainedEntries: Int64
        public var recheckedKeys: Int64
        public var views: [String]
        public var sequences: [String]
        public var notes: [String]
        public var stallMilliseconds: Double?
        public var probeMaxMilliseconds: Double?
        /// False when the connection was lost during the commit and the outcome was read from the catalog.
        public var acknowledged: Bool?
    }

    /// Records a swap in the swap's own transaction (the row exists exactly when it committed); returns its id.
    func recordSwap(_ key: String, kind: String, attempts: Int, drained: Int64, rechecked: Int64, views: [String],
                    sequences: [String], notes: [String]) async throws -> Int64 {
        try await connection.query(
            """
            INSERT INTO partsync.swaps (migration, kind, attempts, drained_entries, rechecked_keys, views, sequences, notes)
            VALUES ($1, $2, $3, $4, $5, $6::text[], $7::text[], $8::text[]) RETURNING id
            """, [key, kind, attempts, drained, rechecked, TextArray.literal(views), TextArray.literal(sequences),
                  TextArray.literal(notes)]).first!.decode(Int64.self, at: 0)
    }

    /// The stall figures of a swap, measured after its commit.
    func recordSwapFigures(_ id: Int64, stallMilliseconds: Double?, probeMaxMilliseconds: Double?, acknowledged: Bool)
        async throws
    {
        try await connection.query(
            "UPDATE partsync.swaps SET stall_ms = $2, probe_max_ms = $3, acknowledged = $4 WHERE id = $1",
            [id, stallMilliseconds, probeMaxMilliseconds, acknowledged])
    }

    /// The migration's swaps, oldest first.
    public func swaps(_ key: String) async throws -> [SwapRecord] {
        try await connection.query(
            """
            SELECT id, kind, to_char(committed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', attempts,
                   drained_entries, rechecked_keys, views::text, sequences::text, notes::text, stall_ms, probe_max_ms,
                   acknowledged
            FROM partsync.swaps WHERE migration = $1 ORDER BY id
            """, [key]).rows.map { row in
            SwapRecord(
                id: try row.decode(Int64.self, at: 0), kind: row[1] ?? "", committedAt: row[2] ?? "",
                attempts: try row.decode(Int.self, at: 3), drainedEntries: try row.decode(Int64.self, at: 4),
                recheckedKeys: try row.decode(Int64.self, at: 5), views: TextArray.parse(row[6]) ?? [],
                sequences: TextArray.parse(row[7]) ?? [], notes: TextArray.parse(row[8]) ?? [],
                stallMilliseconds: try row.decodeIfPresent(Double.self, at: 9),
                probeMaxMilliseconds: try row.decodeIfPresent(Double.self, at: 10),
                acknowledged: row[11].map { $0 == "t" })
        }
    }
}
