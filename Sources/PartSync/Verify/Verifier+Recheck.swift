import PostgresClient

/// The exact recheck a swap makes under its lock, with writers blocked and the change logs drained: every
/// key the appliers changed since its chunk was last found equal (`partsync.touched_keys`), and every key-range
/// chunk whose latest result is not equal. Nothing is pending then, so any difference is a divergence.
///
/// Its cost is the number of touched keys, which grows with every write since the last verification. So the
/// swap first rechecks them while writers still run (`recheckAhead`), in one snapshot, and forgets those it
/// found equal or in flight: under the lock only the keys applied since remain (docs/cutover.md).
extension Verifier {
    public struct Recheck: Sendable, Equatable {
        /// Touched keys compared.
        public var touchedKeys: Int64
        /// Key-range chunks read whole because their latest result was not equal.
        public var uncleanChunks: Int
        /// What differs and is not pending in a change log (at most `limit`).
        public var divergent: [VerifyReport.Difference]
        /// What differs and is pending (none when writers are blocked and the logs drained).
        public var inFlight: [VerifyReport.Difference]
    }

    /// Before the lock: the touched keys compared in one snapshot (taken as verify takes it, so every apply
    /// batch stamped up to its position is in it and every later one records its keys again with a larger
    /// stamp). When none is divergent, the touched keys up to that position are forgotten: each was found equal,
    /// or is pending and will be recorded again when it is applied.
    static func recheckAhead(_ context: MigrationContext, configuration: ConnectionConfiguration,
                             on connection: Connection) async throws -> Recheck {
        var (result, position) = try await inSnapshot(context, on: connection) { tx, snapshot in
            (try await recheck(context, limit: 20, chunks: false, on: tx), snapshot.position)
        }
        let settled = try await WALCapture.reclassify(result.divergent, context, position: position,
                                                      configuration: configuration, on: connection)
        result.divergent = settled.divergent
        result.inFlight += settled.inFlight
        if result.divergent.isEmpty { try await StateStore(connection).pruneTouched(context.record.key, upTo: position) }
        return result
    }

    /// Compares the touched keys and (with `chunks`) the unclean chunks in the caller's transaction.
    /// - Parameter limit: the most differences listed.
    public static func recheck(_ context: MigrationContext, limit: Int = 1_000, chunks: Bool = true,
                               on tx: Connection) async throws -> Recheck
    {
        let key = context.key
        let hash = try await RowHash.probe(key, on: tx)
        let store = StateStore(tx)
        let touched = try await store.touchedKeys(context.record.key)
        // The touched keys, each looked up through the key's index (LATERAL with `OFFSET 0`, which the planner does not flatten into a join: a nested loop by construction): a
        // few thousand keys among millions of rows. The target is read by whole target key, so each lookup
        // prunes to one partition. That is exact: since the last clean result, the target's rows of a key
        // changed only in the partitions of the pairs the applier logged (and recorded). Left to itself the
        // planner hashed the keys and read the partitioned table whole, which cost the swap's lock 100–200 ms
        // on 200k rows. Keys recorded before state version 5 have no pair: then the key is looked for in
        // every partition, as before.
        let legacy = try await tx.query(
            "SELECT EXISTS (SELECT 1 FROM partsync.touched_keys WHERE migration = $1 AND target_key IS NULL)",
            [context.record.key]).first!.decode(Bool.self, at: 0)
        let sourceKeys = "SELECT DISTINCT " + zip(key.typed("t.key"), key.names(.key))
            .map { "\($0) AS \(SQLIdentifier.quote($1))" }.joined(separator: ", ")
            + " FROM partsync.touched_keys t WHERE t.migration = $1"
        let targetKeys = "SELECT DISTINCT " + zip(key.typed("t.target_key", .target), key.names(.target))
            .map { "\($0) AS \(SQLIdentifier.quote($1))" }.joined(separator: ", ")
            + " FROM partsync.touched_keys t WHERE t.migration = $1"
        var targetLookup = "(\(targetKeys)) k CROSS JOIN LATERAL (SELECT a.*, a.tableoid AS partsync_tableoid FROM "
            + "\(context.target.identifier.sql) a WHERE \(key.equal(.target, "a", "k")) OFFSET 0) a"
        if context.capture(.forward)?.method == .wal {
            // A WAL capture's key-only entries (deletes, moves whose old partition key the stream did not carry)
            // were recorded without a partition key: those keys are looked for in every partition.
            let partitionKey = "t.target_key[\(key.names(.target).count)]"
            targetLookup = """
                (SELECT a.* FROM (\(targetKeys) AND \(partitionKey) IS NOT NULL) k CROSS JOIN LATERAL \
                (SELECT a.*, a.tableoid AS partsync_tableoid FROM \(context.target.identifier.sql) a \
                WHERE \(key.equal(.target, "a", "k")) OFFSET 0) a
                UNION ALL
                SELECT a.* FROM (\(sourceKeys) AND \(partitionKey) IS NULL) k CROSS JOIN LATERAL \
                (SELECT a.*, a.tableoid AS partsync_tableoid FROM \(context.target.identifier.sql) a \
                WHERE \(key.equal(.key, "a", "k")) OFFSET 0) a) a
                """
        }
        let lookup = (
            source: "(\(sourceKeys)) k CROSS JOIN LATERAL (SELECT * FROM \(context.source.identifier.sql) a "
                + "WHERE \(key.equal(.key, "a", "k")) OFFSET 0) a",
            target: targetLookup)
        let casts = key.typed("t.key").joined(separator: ", ")
        let matched = "ROW(\(key.list(.key, prefix: "a"))) IN (SELECT \(casts) FROM partsync.touched_keys t "
            + "WHERE t.migration = $1)"
        var divergent = try await differences(
            filter: (matched, [context.record.key]), source: context.source.identifier,
            target: context.target.identifier, hash: hash, logs: context.record.captures.map(\.log), limit: limit,
            lookup: legacy ? nil : lookup, on: tx)
        let unclean = chunks ? try await store.chunkResults(context.record.key).filter { $0.verdict != "equal" } : []
        for chunk in unclean where divergent.divergent.count < limit {
            let range = key.inRange(.columns("a"), lower: chunk.lower, upper: chunk.upper, first: 1)
            let found = try await differences(
                filter: (range.sql, range.parameters.map { $0 as (any PostgresEncodable)? }),
                source: context.source.identifier, target: context.target.identifier, hash: hash,
                logs: context.record.captures.map(\.log), limit: limit, on: tx)
            divergent.divergent += found.divergent
            divergent.inFlight += found.inFlight
        }
        func unique(_ differences: [VerifyReport.Difference]) -> [VerifyReport.Difference] {
            var seen = Set<[String]>()
            return Array(differences.filter { seen.insert($0.key).inserted }.prefix(limit))
        }
        return Recheck(touchedKeys: touched, uncleanChunks: unclean.count, divergent: unique(divergent.divergent),
                       inFlight: unique(divergent.inFlight))
    }
}
