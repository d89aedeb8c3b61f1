import Demo
import PostgresClient

/// One copy of the Atlas `messages` table in the bench's own schema.
struct BenchTable: Sendable {
    enum KeyType: String, Sendable {
        case bigint, uuid
    }

    static let schema = "partsync_bench"

    var name: String
    var keyType: KeyType

    var identifier: SQLIdentifier { SQLIdentifier(schema: Self.schema, name: name) }
    /// As `partsync --table` takes it.
    var argument: String { "\(Self.schema).\(name)" }

    /// The four secondary indexes of DESIGN.md's `messages`, as `(name suffix, definition after ON table)`.
    static let secondaryIndexes: [(suffix: String, definition: String)] = [
        ("_user_id_idx", "(user_id)"),
        ("_conversation_id_idx", "(conversation_id, created_at DESC)"),
        ("_created_at_idx", "(created_at)"),
        ("_role_idx", "(role) WHERE role <> 'user'"),
    ]

    /// CREATE INDEX statements for `secondaryIndexes` on `table`.
    static func indexStatements(on table: SQLIdentifier) -> [String] {
        secondaryIndexes.map { index in
            "CREATE INDEX \(SQLIdentifier.quote(table.name + index.suffix)) ON \(table.sql) \(index.definition)"
        }
    }

    var createStatement: String {
        AtlasSchema.createMessages(identifier.sql, key: keyType == .uuid ? .uuid : .bigint)
    }

    /// The columns `rowsSelect` produces, in its order (the bigint key comes from the identity).
    var insertColumns: String {
        (keyType == .uuid ? "id, " : "") + "conversation_id, user_id, role, content, tokens, metadata, created_at"
    }

    /// Deterministic rows `$1 … $2` of a table of `$3` rows: 50k conversations of 5k users, content of 200–400
    /// characters, jsonb metadata, created_at spread evenly from 2024-01-01 to today (UTC) in key order.
    var rowsSelect: String {
        let id = keyType == .uuid ? "md5('m' || g)::uuid, " : ""
        return """
            SELECT \(id)md5('c' || (g % 50000))::uuid, md5('u' || (g % 50000 % 5000))::uuid,
                   (ARRAY['user', 'assistant', 'assistant', 'user', 'system'])[1 + (g % 5)::int],
                   substr(repeat(md5(g::text) || ' ' || md5((g * 7)::text) || ' ', 7), 1, (200 + (g * 7919) % 201)::int),
                   ((g * 37) % 2000)::int,
                   jsonb_build_object('model', (ARRAY['gpt-4o', 'claude-sonnet', 'llama-3.1'])[1 + (g % 3)::int],
                                      'latency_ms', (g * 31) % 5000,
                                      'finish_reason', CASE WHEN g % 17 = 0 THEN 'length' ELSE 'stop' END),
                   timestamptz '2024-01-01 00:00:00+00'
                       + (date_trunc('day', now() AT TIME ZONE 'UTC') - timestamp '2024-01-01 00:00:00')
                         * ((g - 1)::float8 / greatest($3::int8, 1))
            FROM generate_series($1::int8, $2::int8) g
            """
    }

    /// Creates the table with `rows` rows, its indexes built after the load, vacuumed and analysed so that no
    /// timed run pays for hint bits or statistics.
    func seed(rows: Int, on connection: Connection) async throws {
        try await connection.execute("DROP TABLE IF EXISTS \(identifier.sql) CASCADE")
        try await connection.execute(createStatement)
        try await connection.query(
            "INSERT INTO \(identifier.sql) (\(insertColumns)) \(rowsSelect)", [1, rows, rows])
        for statement in Self.indexStatements(on: identifier) { try await connection.execute(statement) }
        try await connection.execute("VACUUM (ANALYZE) \(identifier.sql)")
    }
}
