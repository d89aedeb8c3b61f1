import PostgresClient

/// Every advisory lock partsync takes, in one place. Each is a two-key lock: a class of its own (the first key,
/// fixed here) and `hashtext` of the migration key (the second), so locks of different migrations never meet.
enum AdvisoryLock: Int32, Sendable, CaseIterable {
    /// Backfill batches hold it shared, apply batches exclusive (invariant 3, docs/change-capture.md).
    case copy = 1347636083
    /// Exactly one applier per capture, held for the applier's session.
    case applier = 1347636084
    /// Serialises changes of the state schema itself (`StateSchema.ensure`, `prepare`).
    case stateSchema = 1347636085
    /// One process builds a migration's deferred indexes at a time.
    case indexBuild = 1347636086

    /// `pg_catalog.<function>(class, pg_catalog.hashtext(<key literal>))`, for statements sent with the simple
    /// protocol in one round trip with others (no parameters there; the key is quoted as a literal).
    func call(_ function: String, key: String) -> String {
        "SELECT pg_catalog.\(function)(\(rawValue), pg_catalog.hashtext(\(SQLLiteral.quote(key))))"
    }
}
