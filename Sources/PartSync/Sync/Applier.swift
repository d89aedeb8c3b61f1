import PostgresClient

/// Brings the target's rows for logged keys to the source's current state (invariant 2), removing the applied
/// log entries in the same transaction.
///
/// Each batch, in one prepared statement: delete the oldest entries (`DELETE … RETURNING` hands their keys on:
/// one pass over the log, no separate row lock; the applier lock already makes this session the only one
/// applying), upsert the source's current row for every logged primary key once (`ON CONFLICT (pk…, partition
/// key) DO UPDATE`), and return the logged `(pk, partition key)` pairs that no longer exist in the source
/// (deletes, partition-key moves); only when there are some, a second statement deletes their target rows.
/// Applying a key twice or out of order is harmless: the source is re-read every time, and a batch that fails
/// rolls back with its deletions.
///
/// Costs (docs/change-capture.md, "Applying" and "What sync costs the writers"): the oldest entries are taken
/// as one index range (`partsync_seq <=` the batch's last sequence number) rather than one lookup per entry
/// with `= ANY (…)`; the vanished pairs are found by comparing the logged pairs with the pairs the upsert
/// returned (a hash in memory) instead of probing every target partition for every entry; the batch statement
/// is planned once per session (planning it over every partition was 70 % of the applier's time), and the
/// DELETE of vanished pairs, which made every execution set up every partition, runs only when needed.
/// Once a verification ran (`verify_tracking`), the same statement records the batch's keys in
/// `partsync.touched_keys` with one new apply stamp: what cutover rechecks (docs/verification.md).
/// The session carries its echo token (`StateStore.registerApplier`) so its writes are never captured again
/// (invariant 5), and each batch holds the migration's copy lock exclusively, so no backfill batch is open
/// while it applies (invariant 3).
public struct Applier: Sendable {
    public let context: MigrationContext
    /// The capture whose log this applier drains.
    let capture: CaptureRecord
    /// The captured table (re-read for every logged key) and the table brought to its state.
    let flow: MigrationContext.Flow
    public var batchSize: Int
    /// The batch's statements, built once: building them quotes every name and was a tenth of the worker's CPU
    /// when each batch built them anew.
    private var statements = Statements()

    /// The texts `applyBatch` sends.
    private struct Statements {
        var prologue = ""
        var apply = ""
        var remove = ""
        var removeUnknown = ""
    }

    /// The applier of a capture: `forward` brings the target to the source's state (from prepare until
    /// finish; after a cutover it carries the writes that still reach the retired table), `reverse` the
    /// retired table to the new one's (after a cutover, for the rollback window).
    /// - Precondition: the migration has a capture in `direction`.
    public init(context: MigrationContext, direction: CaptureDirection = .forward, batchSize: Int = 5_000) {
        self.context = context
        self.capture = context.capture(direction)!
        self.flow = context.flow(direction)
        self.batchSize = batchSize
        statements = Statements(
            prologue: Self.transactionSettings + "; " + context.copyLockSQL.exclusive + "; " + namesGuardSQL,
            apply: applySQL, remove: removeSQL, removeUnknown: capture.method == .wal ? removeUnknownSQL : "")
    }

    /// SQLSTATE of the error a batch raises when the tables no longer have the names its statement was
    /// built with (a cutover or rollback renamed them while the applier ran): nothing was applied, and the
    /// applier reloads the migration (`SyncFollower`).
    public static let renamedState: SQLState = "PSR01"

    /// `synchronous_commit = off`: the batch does not wait for its WAL flush. That is safe because the batch's
    /// target writes and the deletion of its entries commit in one transaction: a crash loses both or neither,
    /// and lost entries are applied again.
    /// `jit = off`: the planner's estimates for a batch over a partitioned table pass `jit_above_cost` easily, and
    /// compiling the statement (seconds, measured: 3.9 s for one recheck under a swap's lock) costs far more than
    /// running it over a batch of keys.
    static let transactionSettings = "SELECT pg_catalog.set_config('synchronous_commit', 'off', true), "
        + "pg_catalog.set_config('jit', 'off', true)"

    private var applySQL: String {
        capture.method == .wal ? walApplySQL : triggerApplySQL
    }

    /// The batch of a WAL capture (docs/change-capture.md, "Capture from the WAL"). As the trigger's, plus what
    /// the stream does not say: the key-only entries (`k`), and the UPDATEs whose old pair is unknown (`n`)
    /// when the target did not hold the row's current pair before this statement (then the row may have moved
    /// from another partition; when it did hold it, that pair was the key's only row, since every earlier entry
    /// of the key was applied). Their keys go back to the client as one array per key column, and
    /// `removeUnknownSQL` removes the target's pairs of those keys that the source does not hold. The probe of
    /// the current pairs is one index lookup by whole pair, in the one partition the pair belongs to.
    private var walApplySQL: String {
        let key = context.key
        let logged = key.list(.target)
        let (from, to) = (flow.from, flow.to)
        let goneArrays = key.names(.target).map { "array_agg(g.\(SQLIdentifier.quote($0)))" }.joined(separator: ", ")
        let unknownArrays = key.names(.key).map { "array_agg(u.\(SQLIdentifier.quote($0)))" }.joined(separator: ", ")
        return """
            WITH picked AS (
                \(takeOldest(returning: "\(logged), partsync_kind"))
            ), current AS (
                SELECT \(key.list(.insert, prefix: "s")) FROM \(from.sql) s
                JOIN (SELECT DISTINCT \(key.list()) FROM picked) k ON \(key.equal(.key, "s", "k"))
            ), existed AS (
                SELECT \(key.list(.key, prefix: "c")) FROM current c
                WHERE EXISTS (SELECT 1 FROM picked p WHERE p.partsync_kind = 'n' AND \(key.equal(.key, "p", "c")))
                  AND EXISTS (SELECT 1 FROM \(to.sql) t WHERE \(key.equal(.target, "t", "c")))
            ), upserted AS (
                INSERT INTO \(to.sql) (\(key.list(.insert))) OVERRIDING SYSTEM VALUE
                SELECT * FROM current
                ON CONFLICT (\(logged)) \(key.upsertAssignments(conflict: .target))
                RETURNING \(logged)
            ), gone AS (
                SELECT \(logged) FROM picked WHERE partsync_kind <> 'k' EXCEPT SELECT \(logged) FROM upserted
            ), unknown AS (
                SELECT DISTINCT \(key.list(.key, prefix: "p")) FROM picked p
                WHERE p.partsync_kind = 'k'
                   OR (p.partsync_kind = 'n' AND NOT EXISTS (SELECT 1 FROM existed e WHERE \(key.equal(.key, "e", "p"))))
            ), \(StateStore.touchedKeysCTE(key))
            SELECT (SELECT count(*) FROM picked), (SELECT count(*) FROM upserted), g.*, u.*
            FROM (SELECT count(*), \(goneArrays) FROM gone g) g, (SELECT count(*), \(unknownArrays) FROM unknown u) u
            """
    }

    /// Removes the target's rows of the keys given as one array per source-key column (`$1` …) whose pair the
    /// source does not hold (now, in this transaction): a WAL capture's deleted rows and moved rows whose old
    /// partition key the stream did not carry. Planned with the values, like `removeSQL`; the key alone prunes
    /// no partition, so each one's primary key is probed once per key.
    private var removeUnknownSQL: String {
        deleteSQL(context.shape.keyColumns, .key)
            + "\n  AND NOT EXISTS (SELECT 1 FROM \(flow.from.sql) s WHERE \(context.key.equal(.target, "s", "t")))"
    }

    /// Deletes the batch's entries, the oldest `$1`, as one index range, returning `returning` of each.
    private func takeOldest(returning: String) -> String {
        let log = capture.log.sql
        return """
            DELETE FROM \(log)
                WHERE partsync_seq <= (SELECT max(b.partsync_seq)
                                       FROM (SELECT partsync_seq FROM \(log) ORDER BY partsync_seq LIMIT $1) b)
                RETURNING \(returning)
            """
    }

    private var triggerApplySQL: String {
        let key = context.key
        let logged = key.list(.target)
        let (from, to) = (flow.from, flow.to)
        // The retired table's unique key is the source's primary key, the partitioned one's includes the
        // partition key. OVERRIDING SYSTEM VALUE: after a swap the table written to may hold the identity
        // column (GENERATED ALWAYS), and the applier copies ids, never draws them.
        let conflict = flow.toIsTarget ? logged : key.list(.key)
        // Reading the source's current rows: the plain source by its primary key (the planner's join); the
        // partitioned table (the reverse capture reads it) by whole pair through LATERAL (`OFFSET 0` keeps the
        // planner from flattening it back into a join), so each lookup prunes to one partition. A row's current
        // pair is always among the logged ones: the statement that wrote it last logged it. Joined by the source
        // key alone the planner hashed the keys and read every partition: about 100 ms for a few entries on 200k
        // rows, under a rollback's lock.
        let current = flow.toIsTarget
            ? "SELECT \(key.list(.insert, prefix: "s")) FROM \(from.sql) s "
                + "JOIN (SELECT DISTINCT \(key.list()) FROM picked) k ON \(key.equal(.key, "s", "k"))"
            : "SELECT \(key.list(.insert, prefix: "s")) FROM (SELECT DISTINCT \(logged) FROM picked) k CROSS JOIN LATERAL "
                + "(SELECT * FROM \(from.sql) s WHERE \(key.equal(.target, "s", "k")) OFFSET 0) s"
        // The pairs gone from the source go back to the client as one array per key column (aligned: one
        // aggregate pass), and `removeSQL` deletes them only when there are any (see there).
        let goneArrays = key.names(.target).map { "array_agg(g.\(SQLIdentifier.quote($0)))" }.joined(separator: ", ")
        return """
            WITH picked AS (
                \(takeOldest(returning: logged))
            ), upserted AS (
                INSERT INTO \(to.sql) (\(key.list(.insert))) OVERRIDING SYSTEM VALUE
                \(current)
                ON CONFLICT (\(conflict)) \(key.upsertAssignments(conflict: flow.toIsTarget ? .target : .key))
                RETURNING \(logged)
            ), gone AS (
                SELECT \(logged) FROM picked EXCEPT SELECT \(logged) FROM upserted
            ), \(StateStore.touchedKeysCTE(key))
            SELECT (SELECT count(*) FROM picked), (SELECT count(*) FROM upserted), g.*
            FROM (SELECT count(*), \(goneArrays) FROM gone g) g
            """
    }

    /// Deletes the written table's rows of the pairs gone from the source, given as one array per key column
    /// (`$1` …): deletes and partition-key moves. A statement of its own, run only for a batch that has such
    /// pairs and planned with their values: in the batch's prepared statement the DELETE over the partitioned
    /// table made every execution lock and set up every partition (about 1 ms a batch on 39 partitions, with
    /// nothing to delete in a batch of UPDATEs); planned with the values, it prunes to their partitions. One
    /// `= ANY` condition per key column gives index conditions and pruning; the row comparison then keeps the
    /// exact pairs. A join with the pairs instead read every partition whole (a hash join over the whole table
    /// for each batch with a delete or a partition-key move: 80 ms on 200k rows). It runs after the upsert, in
    /// the same transaction: the pairs it deletes are the ones the upsert did not write.
    private var removeSQL: String { deleteSQL(context.shape.loggedColumns, .target) }

    /// `DELETE FROM` the written table the rows whose `columns` are among the tuples given as one array per
    /// column (`$1` …).
    private func deleteSQL(_ columns: [MigrationShape.Column], _ list: KeySQL.Columns) -> String {
        let anyOf = columns.enumerated().map { index, column in
            "t.\(SQLIdentifier.quote(column.name)) = ANY ($\(index + 1)::\(column.type)[])"
        }.joined(separator: " AND ")
        let arrays = columns.enumerated().map { "$\($0.offset + 1)::\($0.element.type)[]" }.joined(separator: ", ")
        return """
            DELETE FROM \(flow.to.sql) t
            WHERE \(anyOf) AND ROW(\(context.key.list(list, prefix: "t"))) IN (SELECT * FROM unnest(\(arrays)))
            """
    }

    /// Whether either table no longer has the name the statement names; the batch then fails with
    /// `renamedState`. It runs after the copy lock is granted, which a swap holds until it commits, so a batch
    /// that waited for a swap sees the new names. Waiting for an advisory lock does not make a backend read the
    /// catalog changes other transactions committed meanwhile (locking a relation does), so the guard first locks
    /// the change log in the mode its `DELETE` takes anyway; without that the guard saw the names from before
    /// the swap. A plain `SELECT` whose answer the client checks: a `DO` block raising the error was compiled
    /// anew for every batch.
    private var namesGuardSQL: String {
        let check = [(flow.from, flow.fromOID), (flow.to, flow.toOID)].map { name, oid in
            "pg_catalog.to_regclass(\(SQLLiteral.quote(name.sql))) IS DISTINCT FROM \(oid)::pg_catalog.oid::pg_catalog.regclass"
        }.joined(separator: " OR ")
        return "LOCK TABLE \(capture.log.sql) IN ROW EXCLUSIVE MODE; SELECT \(check)"
    }

    /// Applies one batch; returns the number of log entries applied (0 when the log is empty).
    /// - Throws: a `PostgresError` with `renamedState` when a swap renamed the tables (nothing applied).
    public func applyBatch(on connection: Connection) async throws -> Int {
        // One round trip for the settings, the copy lock and the names guard (simple protocol allows several
        // statements); the batch itself is a prepared statement (planning it over every partition cost more
        // than running it: docs/change-capture.md, "What sync costs the writers").
        let prologue = statements.prologue
        return try await connection.withTransaction { tx in
            let renamed = try await tx.execute(prologue).first?.decode(Bool.self, at: 0)
            guard renamed == false else {
                throw PostgresError(kind: .server, sqlState: Self.renamedState,
                                    message: "partsync: the tables were renamed since this applier loaded them")
            }
            return try await applyBatch(inTransaction: tx)
        }
    }

    /// Applies one batch in the caller's transaction, which holds the copy lock (a swap draining the log
    /// under its table locks).
    func applyBatch(inTransaction tx: Connection) async throws -> Int {
        if echoMarked {
            // The migration key and this session's echo token (docs/security.md): the decoder skips the
            // transaction only when the token is the reverse applier's.
            try await tx.query(
                "SELECT pg_catalog.pg_logical_emit_message(true, $1, $2 || ':' "
                    + "|| COALESCE(pg_catalog.current_setting('partsync.applier', true), ''))",
                [TransactionDecoder.echoPrefix, context.record.key])
        }
        let row = try await tx.query(prepared: statements.apply, [batchSize, context.record.key]).first!
        let goneColumns = context.shape.loggedColumns.count
        if try row.decode(Int.self, at: 2) > 0 {
            let arrays = (0..<goneColumns).map { row[3 + $0] }
            try await tx.query(statements.remove, arrays)
        }
        if capture.method == .wal, try row.decode(Int.self, at: 3 + goneColumns) > 0 {
            let arrays = context.shape.keyColumns.indices.map { row[4 + goneColumns + $0] }
            try await tx.query(statements.removeUnknown, arrays)
        }
        return try row.decode(Int.self, at: 0)
    }

    /// Whether this applier's writes reach a table a WAL capture streams: the reverse applier writes the
    /// retired table, which the forward capture's publication still carries. Each of its batches then begins
    /// with an echo message, and the decoder logs nothing of that transaction (invariant 5; the trigger's
    /// echo check does the same for trigger captures).
    var echoMarked: Bool { capture.direction == .reverse && context.capture(.forward)?.method == .wal }

    /// Applies every capture's whole log in the caller's transaction, which holds the copy lock and blocks the
    /// writers (a swap or finish under its table locks), so the logs end up empty. Returns the entries applied.
    static func drainAll(_ context: MigrationContext, inTransaction tx: Connection,
                         step: (CaptureDirection, Int) -> Void = { _, _ in }) async throws -> Int64 {
        var drained: Int64 = 0
        for capture in context.record.captures {
            var applied = 0
            defer { step(capture.direction, applied) }
            var applier = Applier(context: context, direction: capture.direction)
            applier.batchSize = 50_000
            // Every entry is committed (the writers are blocked), so a batch smaller than its size took the rest;
            // an empty log costs one look instead of planning the apply over every partition.
            guard try await applier.pending(upTo: .max, on: tx) else { continue }
            while true {
                let batch = try await applier.applyBatch(inTransaction: tx)
                drained += Int64(batch)
                applied += batch
                if batch < applier.batchSize { break }
            }
        }
        return drained
    }

    /// Applies until the log holds nothing that was committed before this call started.
    public func catchUp(on connection: Connection) async throws -> Int {
        if capture.direction == .forward {
            try await WALCapture.settle(context, configuration: connection.configuration)
        }
        let high = try await highWater(on: connection)
        var total = 0
        while true {
            let applied = try await applyBatch(on: connection)
            total += applied
            if try await !pending(upTo: high, on: connection) { return total }
            if applied == 0 { try await Task.sleep(for: .milliseconds(50)) }
        }
    }

    /// The largest sequence number in the log now (0 when empty): "caught up" means nothing up to it is left.
    func highWater(on connection: Connection) async throws -> Int64 {
        try await connection.query("SELECT coalesce(max(partsync_seq), 0) FROM \(capture.log.sql)")
            .first!.decode(Int64.self, at: 0)
    }

    /// Whether an entry numbered `high` or lower is still in the log.
    func pending(upTo high: Int64, on connection: Connection) async throws -> Bool {
        try await connection.query(
            "SELECT EXISTS (SELECT 1 FROM \(capture.log.sql) WHERE partsync_seq <= $1)", [high]
        ).first!.decode(Bool.self, at: 0)
    }
}
