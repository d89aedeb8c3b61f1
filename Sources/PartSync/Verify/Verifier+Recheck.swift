import PostgresClient

/// The exact recheck cutover makes under its lock, with writers blocked and the change log drained: every
/// key the applier changed since its chunk was last found equal (`partsync.touched_keys`), and every key-range
/// chunk whose latest result is not equal. Nothing is pending then, so any difference is a divergence.
extension Verifier {
    public struct Recheck: Sendable, Equatable {
        /// Touched keys compared.
        public var touchedKeys: Int64
        /// Key-range chunks read whole because their latest result was not equal.
        public var uncleanChunks: Int
        /// What differs (at most `limit`).
        public var divergent: [VerifyReport.Difference]
    }

    /// Compares the touched keys and the unclean chunks in the caller's transaction.
    /// - Parameter limit: the most differences listed.
    public static func recheck(_ context: MigrationContext, limit: Int = 1_000, on tx: Connection) async throws
        -> Recheck
    {
        let key = context.key
        let hash = try await RowHash.probe(key, on: tx)
        let store = StateStore(tx)
        let touched = try await store.touchedKeys(context.record.key)
        // The touched keys, typed, matched on the key's columns (the key index of either table).
        let casts = key.typed("t.key").joined(separator: ", ")
        let matched = "ROW(\(key.list(.key, prefix: "a"))) IN (SELECT \(casts) FROM partsync.touched_keys t "
            + "WHERE t.migration = $1)"
        var divergent = try await differences(
            filter: (matched, [context.record.key]), source: context.source.identifier,
            target: context.target.identifier, hash: hash, log: context.capture.log, limit: limit, on: tx)
        let unclean = try await store.chunkResults(context.record.key).filter { $0.verdict != "equal" }
        for chunk in unclean where divergent.divergent.count < limit {
            let range = key.inRange(.columns("a"), lower: chunk.lower, upper: chunk.upper, first: 1)
            let found = try await differences(
                filter: (range.sql, range.parameters.map { $0 as (any PostgresEncodable)? }),
                source: context.source.identifier, target: context.target.identifier, hash: hash,
                log: context.capture.log, limit: limit, on: tx)
            divergent.divergent += found.divergent
            divergent.inFlight += found.inFlight
        }
        // Writers are blocked and the log drained: a pending key here is a difference too.
        var all = divergent.divergent + divergent.inFlight
        var seen = Set<[String]>()
        all = all.filter { seen.insert($0.key).inserted }
        return Recheck(touchedKeys: touched, uncleanChunks: unclean.count, divergent: Array(all.prefix(limit)))
    }
}
