import PostgresClient

/// Brings the target's rows for logged keys to the source's current state (invariant 2), removing the applied
/// log entries in the same transaction.
///
/// Each batch, in one statement: take the oldest entries (`FOR UPDATE SKIP LOCKED`), upsert the source's current
/// row for every logged primary key (`ON CONFLICT (pk…, partition key) DO UPDATE`), delete target rows for logged
/// `(pk, partition key)` pairs that no longer exist in the source (deletes, partition-key moves), and delete the
/// entries. Applying a key twice or out of order is harmless: the source is re-read every time.
/// The session sets `partsync.applier = on` so its writes are never captured (invariant 5), and each batch holds
/// the migration's copy lock exclusively, so no backfill batch is open while it applies (invariant 3).
public struct Applier: Sendable {
    public let context: MigrationContext
    public var batchSize: Int

    public init(context: MigrationContext, batchSize: Int = 5_000) {
        self.context = context
        self.batchSize = batchSize
    }

    var applySQL: String {
        let key = context.key
        let log = context.record.changeLog
        let source = context.record.source.sql
        let target = context.record.target.sql
        let pairMatch = context.targetKey.map(SQLIdentifier.quote)
        let logged = pairMatch.joined(separator: ", ")
        let updates = context.insertColumns.filter { !context.targetKey.contains($0) }
            .map { "\(SQLIdentifier.quote($0)) = EXCLUDED.\(SQLIdentifier.quote($0))" }
        let onConflict = updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", ")
        let keyMatch = key.names.map { "s.\(SQLIdentifier.quote($0)) = k.\(SQLIdentifier.quote($0))" }
            .joined(separator: " AND ")
        return """
            WITH picked AS (
                SELECT partsync_seq, \(logged) FROM \(log) ORDER BY partsync_seq LIMIT $1 FOR UPDATE SKIP LOCKED
            ), keys AS (
                SELECT DISTINCT \(key.list()) FROM picked
            ), upserted AS (
                INSERT INTO \(target) (\(context.columnList))
                SELECT \(context.columnList(prefix: "s")) FROM \(source) s JOIN keys k ON \(keyMatch)
                ON CONFLICT (\(logged)) \(onConflict)
                RETURNING 1
            ), removed AS (
                DELETE FROM \(target) t USING picked p
                WHERE \(pairMatch.map { "t.\($0) = p.\($0)" }.joined(separator: " AND "))
                  AND NOT EXISTS (SELECT 1 FROM \(source) s WHERE \(pairMatch.map { "s.\($0) = t.\($0)" }.joined(separator: " AND ")))
                RETURNING 1
            ), applied AS (
                DELETE FROM \(log) l USING picked p WHERE l.partsync_seq = p.partsync_seq RETURNING 1
            )
            SELECT (SELECT count(*) FROM applied), (SELECT count(*) FROM upserted), (SELECT count(*) FROM removed)
            """
    }

    /// Applies one batch; returns the number of log entries applied (0 when the log is empty).
    public func applyBatch(on connection: Connection) async throws -> Int {
        let sql = applySQL
        let lock = context.copyLockSQL.exclusive
        let size = batchSize
        return try await connection.withTransaction(settings: ["partsync.applier": "on"]) { tx in
            try await tx.execute(lock)
            return try await tx.query(sql, [size]).first!.decode(Int.self, at: 0)
        }
    }

    /// Applies until the log holds nothing that was committed before this call started.
    public func catchUp(on connection: Connection) async throws -> Int {
        let high = try await connection.query(
            "SELECT coalesce(max(partsync_seq), 0) FROM \(context.record.changeLog)").first!.decode(Int64.self, at: 0)
        var total = 0
        while true {
            let applied = try await applyBatch(on: connection)
            total += applied
            let pending = try await connection.query(
                "SELECT EXISTS (SELECT 1 FROM \(context.record.changeLog) WHERE partsync_seq <= $1)", [high])
            if try pending.first!.decode(Bool.self, at: 0) == false { return total }
            if applied == 0 { try await Task.sleep(for: .milliseconds(50)) }
        }
    }
}
