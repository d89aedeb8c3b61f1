import Foundation
import PostgresClient

/// The Atlas chat product's two hot tables, as `../shared/DESIGN.md` describes them, in one schema: `messages`
/// and `usage_logs` with their indexes, Supabase-style roles, an `auth.uid()` that reads the JWT subject from
/// the setting PostgREST fills in, and the row-level security the product relies on (a user sees and writes only
/// their own messages; `usage_logs` is for the service role only).
///
/// Both tables draw their `id` from a `bigint` identity. `anon` and `authenticated` are granted SELECT on both,
/// as Supabase does, so it is the policies, not missing grants, that keep other users' rows out of sight.
public struct AtlasSchema: Sendable {
    /// The schema holding both tables (`public` on a throwaway cluster, a scratch schema elsewhere).
    public let schema: String
    /// The function the policies call for the current user: `auth.uid()` in a database the demo owns, else
    /// `<schema>.uid()`, so that nothing but the (cluster-wide) roles is created outside the scratch schema.
    public let uid: String

    public static let tableNames = ["messages", "usage_logs"]
    /// When the seeded history starts.
    public static let historyStart = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01 00:00 UTC
    /// Users and conversations the seeded rows belong to; the live writers are users 0, 1, 2, ….
    static let users = 2_000
    static let conversations = 20_000

    public init(schema: String, uid: String) {
        self.schema = schema
        self.uid = uid
    }

    public func table(_ name: String) -> SQLIdentifier { SQLIdentifier(schema: schema, name: name) }
    public var messages: SQLIdentifier { table("messages") }
    public var usageLogs: SQLIdentifier { table("usage_logs") }

    /// The ids of users `0 ..< count`, as the seeded rows have them (the live writers act as these users).
    public static func users(_ count: Int, on connection: Connection) async throws -> [String] {
        try await connection.query(
            "SELECT md5('u' || n)::uuid::text FROM generate_series(0, $1::int - 1) n ORDER BY n", [count]
        ).rows.map { try $0.decode(String.self, at: 0) }
    }

    /// The roles (created when missing; roles are cluster-wide) and, when `createAuth`, the `auth` schema with
    /// `auth.uid()`; otherwise `uid` is created in `schema` unless it is `auth.uid()` already there.
    public func rolesAndAuth(createAuth: Bool, uidExists: Bool) -> [String] {
        var statements = ["anon", "authenticated", "service_role"].map { role in
            "DO $$ BEGIN CREATE ROLE \(role) NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        }
        if createAuth { statements.append("CREATE SCHEMA IF NOT EXISTS auth") }
        if !uidExists {
            statements.append(
                """
                CREATE FUNCTION \(uid) RETURNS uuid LANGUAGE sql STABLE
                    AS $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$
                """)
        }
        let uidSchema = uid.hasPrefix("auth.") ? "auth" : SQLIdentifier.quote(schema)
        statements.append("GRANT USAGE ON SCHEMA \(uidSchema) TO anon, authenticated, service_role")
        statements.append("GRANT USAGE ON SCHEMA \(SQLIdentifier.quote(schema)) TO anon, authenticated, service_role")
        return statements
    }

    /// Both tables, without their secondary indexes (`indexes` adds them after the seed, as a restore would).
    public var tables: [String] {
        let messages = self.messages.sql, usage = usageLogs.sql
        return [
            Self.createMessages(messages, key: .bigint),
            "COMMENT ON TABLE \(messages) IS 'chat messages, one row per turn'",
            "ALTER TABLE \(messages) ENABLE ROW LEVEL SECURITY",
            """
            CREATE POLICY own_messages ON \(messages) FOR ALL TO authenticated
                USING (user_id = \(uid)) WITH CHECK (user_id = \(uid))
            """,
            "CREATE POLICY service_messages ON \(messages) FOR ALL TO service_role USING (true) WITH CHECK (true)",
            "GRANT SELECT ON \(messages) TO anon",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON \(messages) TO authenticated",
            "GRANT ALL ON \(messages) TO service_role",
            Self.createUsageLogs(usage, key: .bigint),
            "COMMENT ON TABLE \(usage) IS 'billable events, written by the backend only'",
            "ALTER TABLE \(usage) ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE \(usage) FORCE ROW LEVEL SECURITY",
            "CREATE POLICY service_only ON \(usage) FOR ALL TO service_role USING (true) WITH CHECK (true)",
            "GRANT SELECT ON \(usage) TO anon, authenticated",
            "GRANT ALL ON \(usage) TO service_role",
        ]
    }

    /// How `id` is made: a `bigint` identity, or a `uuid` from `gen_random_uuid()` (DESIGN.md allows both).
    public enum KeyType: String, Sendable {
        case bigint, uuid

        var column: String {
            switch self {
            case .bigint: "id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
            case .uuid: "id uuid PRIMARY KEY DEFAULT gen_random_uuid()"
            }
        }
    }

    /// DESIGN.md's `messages`, as `CREATE TABLE` of `table` (quoted SQL); the tests and the benchmark make it too.
    public static func createMessages(_ table: String, key: KeyType) -> String {
        """
        CREATE TABLE \(table) (
            \(key.column),
            conversation_id uuid NOT NULL,
            user_id uuid NOT NULL,
            role text NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
            content text NOT NULL,
            tokens int,
            metadata jsonb NOT NULL DEFAULT '{}',
            created_at timestamptz NOT NULL DEFAULT now()
        )
        """
    }

    /// DESIGN.md's `usage_logs`, as `CREATE TABLE` of `table` (quoted SQL).
    public static func createUsageLogs(_ table: String, key: KeyType) -> String {
        """
        CREATE TABLE \(table) (
            \(key.column),
            user_id uuid NOT NULL,
            event text NOT NULL,
            tokens int NOT NULL DEFAULT 0,
            cost numeric(12, 6),
            metadata jsonb,
            created_at timestamptz NOT NULL DEFAULT now()
        )
        """
    }

    /// DESIGN.md's indexes: `user_id`, `conversation_id`, `created_at`, `role` / `user_id`, `event`, `created_at`.
    public var indexes: [String] {
        let messages = self.messages.sql, usage = usageLogs.sql
        return [
            "CREATE INDEX messages_user_id_idx ON \(messages) (user_id)",
            "CREATE INDEX messages_conversation_id_idx ON \(messages) (conversation_id, created_at DESC)",
            "CREATE INDEX messages_created_at_idx ON \(messages) (created_at)",
            "CREATE INDEX messages_role_idx ON \(messages) (role) WHERE role <> 'user'",
            "CREATE INDEX usage_logs_user_id_idx ON \(usage) (user_id)",
            "CREATE INDEX usage_logs_event_idx ON \(usage) (event)",
            "CREATE INDEX usage_logs_created_at_idx ON \(usage) USING brin (created_at)",
        ]
    }

    /// Rows `$1 … $2` of `$3` for `table`, timestamps from `historyStart` to `$4` with traffic growing over
    /// time (row g at start + span·√(g/N), so the rows per month grow linearly), users and conversations fixed
    /// per row number so that a rerun seeds the same rows.
    public func seedStatement(_ table: String) -> String {
        let span = "(timestamptz '2024-01-01 00:00:00+00' + ($4::timestamptz - timestamptz '2024-01-01 00:00:00+00') "
            + "* sqrt((g - 0.5) / $3::float8))"
        if table == "usage_logs" {
            return """
                INSERT INTO \(usageLogs.sql) (user_id, event, tokens, cost, metadata, created_at)
                SELECT md5('u' || (g % \(Self.users)))::uuid,
                       (ARRAY['completion', 'completion', 'embedding', 'moderation'])[1 + (g % 4)::int],
                       ((g * 53) % 3000)::int, round(((g * 53) % 3000) * 0.000002, 6),
                       jsonb_build_object('model', (ARRAY['gpt-4o', 'claude-sonnet', 'llama-3.1'])[1 + (g % 3)::int]),
                       \(span)
                FROM generate_series($1::int8, $2::int8) g
                """
        }
        return """
            INSERT INTO \(messages.sql) (conversation_id, user_id, role, content, tokens, metadata, created_at)
            SELECT md5('c' || (g % \(Self.conversations)))::uuid,
                   md5('u' || (g % \(Self.conversations) % \(Self.users)))::uuid,
                   (ARRAY['user', 'assistant', 'user', 'assistant', 'system'])[1 + (g % 5)::int],
                   substr(repeat(md5(g::text) || ' ' || md5((g * 7)::text) || ' ', 5), 1, (60 + (g * 7919) % 240)::int),
                   CASE WHEN g % 2 = 1 THEN ((g * 37) % 1500)::int END,
                   jsonb_build_object('model', (ARRAY['gpt-4o', 'claude-sonnet', 'llama-3.1'])[1 + (g % 3)::int],
                                      'latency_ms', (g * 31) % 4000),
                   \(span)
            FROM generate_series($1::int8, $2::int8) g
            """
    }
}
