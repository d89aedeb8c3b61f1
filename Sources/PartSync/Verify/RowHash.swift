import PostgresClient

/// The row hash and chunk coordinates verification sums, over the frozen shape.
///
/// A row's hash is `hashint8extended(hash_record_extended(ROW(every column…), 0), 0)`:
/// - `hash_record_extended` hashes each column with its type's own extended hash function (the one hash
///   indexes and hash joins use) and combines them by position, so `(1, 11)` and `(11, 1)` differ and NULL
///   (which adds nothing) differs from the empty string (which hashes like any text). It reads the values, not
///   their printed form, so it does not depend on `DateStyle`, `TimeZone` or `extra_float_digits`, and it costs
///   far less than printing the row (docs/BENCHMARKS.md, "Verify").
/// - Its combination is linear (`h = 31·h + hᵢ`), so summed over rows the columns' hashes would add up
///   independently: values swapped between two rows would cancel out. `hashint8extended` mixes each row's hash
///   before the sum, so they cannot.
/// - A column whose type has no extended hash function (`json`, `xml`, geometric types, arrays of them) is
///   hashed through its text form (`col::text`). Before PostgreSQL 14, which has no `hash_record_extended`, the
///   whole row is: `hashtextextended(ROW(every column…)::text, 0)`.
///
/// Values are compared as their type compares them: `numeric` 1.0 and 1.00, or `float8` 0 and -0, hash alike,
/// as they are equal; so do strings equal under a nondeterministic collation.
struct RowHash: Sendable {
    let key: KeySQL
    /// Columns hashed through their text form.
    let textual: Set<String>
    /// False before PostgreSQL 14: the whole row through its text form.
    let typed: Bool

    /// Finds which column types lack an extended hash function. One statement, which never fails (a DO block
    /// that catches each type's lookup error), so it also runs inside the caller's transaction (cutover's).
    static func probe(_ key: KeySQL, on connection: Connection) async throws -> RowHash {
        let version = try await connection.query("SELECT pg_catalog.current_setting('server_version_num')::int")
            .first!.decode(Int.self, at: 0)
        guard version >= 140_000 else { return RowHash(key: key, textual: [], typed: false) }
        let types = Array(Set(key.shape.columns.map(\.type))).sorted()
        // The type texts are the catalog's format_type of live columns (the shape is checked against them on
        // load); they reach the server as a literal array, each one only inside format('%s').
        let body = """
            DECLARE t text; missing text[] := '{}';
            BEGIN
                FOREACH t IN ARRAY \(SQLLiteral.quote(TextArray.literal(types)))::text[] LOOP
                    BEGIN
                        EXECUTE pg_catalog.format('SELECT pg_catalog.hash_record_extended(ROW(NULL::%s), 0)', t);
                    EXCEPTION WHEN OTHERS THEN
                        missing := missing || t;
                    END;
                END LOOP;
                PERFORM pg_catalog.set_config('partsync.unhashable_types', missing::text, false);
            END
            """
        let tag = DollarQuote.tag(for: body)
        try await connection.execute("DO \(tag)\n\(body)\n\(tag)")
        let unhashable = Set(TextArray.parse(try await connection.query(
            "SELECT pg_catalog.current_setting('partsync.unhashable_types')").first?[0]) ?? [])
        return RowHash(key: key, textual: Set(key.shape.columns.filter { unhashable.contains($0.type) }.map(\.name)),
                       typed: true)
    }

    private func fields(_ alias: String, _ names: [String]) -> String {
        names.map { name in
            let column = "\(alias).\(SQLIdentifier.quote(name))"
            return textual.contains(name) ? "\(column)::text" : column
        }.joined(separator: ", ")
    }

    /// The row's 64-bit hash.
    func row(_ alias: String) -> String {
        guard typed else { return "pg_catalog.hashtextextended(ROW(\(key.list(.all, prefix: alias)))::text, 0)" }
        return "pg_catalog.hashint8extended(pg_catalog.hash_record_extended(ROW(\(fields(alias, key.names(.all)))), 0), 0)"
    }

    /// A bucket in `0..<buckets` of the primary key's hash (independent of the partition key, so a row moved
    /// to another period keeps its bucket); the constant 0 for one bucket.
    func bucket(_ alias: String, buckets: Int) -> String {
        guard buckets > 1 else { return "0" }
        let hash = typed
            ? "pg_catalog.hash_record_extended(ROW(\(fields(alias, key.names(.key)))), 1)"
            : "pg_catalog.hashtextextended(ROW(\(key.list(.key, prefix: alias)))::text, 1)"
        return "((\(hash) % \(buckets) + \(buckets)) % \(buckets))"
    }

    /// The chunk's period: `date_trunc` of the partition key in UTC (the target's partitions). Group by it,
    /// and print it with `::text` only in the output.
    func period(_ alias: String, interval: PartitionInterval) -> String {
        "pg_catalog.date_trunc(\(SQLLiteral.quote(interval.rawValue)), \(alias).\(SQLIdentifier.quote(key.shape.partitionKey)))"
    }

    /// The expression, spelled out for the report's `method`.
    var description: String {
        guard typed else { return "hashtextextended(ROW(every column)::text, 0)" }
        let text = textual.isEmpty ? "" : " (as text: \(textual.sorted().joined(separator: ", ")))"
        return "hashint8extended(hash_record_extended(ROW(every column\(text)), 0), 0)"
    }

    /// Settings for verify's reading transactions. The planner takes `date_trunc(partition key)` to have as
    /// many groups as the key has values, and would sort the whole table (to disk) to group it, with JIT
    /// compilation on top; a hash aggregate holds the few chunks in memory.
    static let readSettings = "SET LOCAL enable_sort = off; SET LOCAL jit = off; SET LOCAL work_mem = '64MB'"
}
