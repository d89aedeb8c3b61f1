import Demo
import Foundation
import PartSync
import PostgresClient
import TestSupport

/// How the tests that prepare through `BackfillTests.prepared` capture writes: `PARTSYNC_TEST_CAPTURE=wal`
/// runs them with a WAL capture (deploy/test.sh runs the sync, verify and cutover suites once more that way).
enum TestCapture {
    static var method: CaptureMethod {
        ProcessInfo.processInfo.environment["PARTSYNC_TEST_CAPTURE"] == "wal" ? .wal : .trigger
    }
}

/// The schemas the tests migrate, as SQL.
enum Fixtures {
    /// Supabase-style roles and an `auth.uid()` that reads the JWT subject from a setting. Roles are cluster-wide,
    /// so creation tolerates a parallel test having made them first.
    static let supabase = """
        DO $$ BEGIN CREATE ROLE anon NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
        DO $$ BEGIN CREATE ROLE authenticated NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
        DO $$ BEGIN CREATE ROLE service_role NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
        CREATE SCHEMA auth;
        CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
            AS $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
        GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
        GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
        """

    /// The two Atlas tables; `idType` is `bigint` (identity) or `uuid`.
    static func atlas(idType: String) -> String {
        let key: AtlasSchema.KeyType = idType == "uuid" ? .uuid : .bigint
        return supabase + """

            \(AtlasSchema.createMessages("messages", key: key));
            CREATE INDEX messages_user_id_idx ON messages (user_id);
            CREATE INDEX messages_conversation_id_idx ON messages (conversation_id, created_at DESC);
            CREATE INDEX messages_created_at_idx ON messages (created_at);
            CREATE INDEX messages_role_idx ON messages (role) WHERE role <> 'user';
            ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own_messages ON messages FOR ALL TO authenticated
                USING (user_id = auth.uid()) WITH CHECK (user_id = auth.uid());
            CREATE POLICY service_messages ON messages FOR ALL TO service_role USING (true);
            GRANT SELECT, INSERT, UPDATE, DELETE ON messages TO authenticated;
            GRANT ALL ON messages TO service_role;
            COMMENT ON TABLE messages IS 'chat messages';
            COMMENT ON COLUMN messages.content IS 'what was said';

            \(AtlasSchema.createUsageLogs("usage_logs", key: key));
            CREATE INDEX usage_logs_user_id_idx ON usage_logs (user_id);
            CREATE INDEX usage_logs_event_idx ON usage_logs (event);
            CREATE INDEX usage_logs_created_at_idx ON usage_logs USING brin (created_at);
            ALTER TABLE usage_logs ENABLE ROW LEVEL SECURITY;
            ALTER TABLE usage_logs FORCE ROW LEVEL SECURITY;
            CREATE POLICY service_only ON usage_logs AS PERMISSIVE FOR ALL TO service_role USING (true) WITH CHECK (true);
            GRANT ALL ON usage_logs TO service_role;
            """
    }

    /// Rows for both Atlas tables: `users` users, spread over 2024-01 .. 2024-06.
    static func atlasRows(count: Int, users: Int = 5) -> String {
        """
        INSERT INTO messages (conversation_id, user_id, role, content, tokens, metadata, created_at)
        SELECT md5('c' || (g % 50))::uuid, md5('u' || (g % \(users)))::uuid,
               (ARRAY['user', 'assistant', 'system'])[1 + g % 3], repeat('word ', 20 + g % 40), g % 500,
               jsonb_build_object('n', g), timestamptz '2024-01-01 00:00:00+00' + ((g * 157) % (180 * 1440)) * interval '1 minute'
        FROM generate_series(1, \(count)) g;
        INSERT INTO usage_logs (user_id, event, tokens, cost, metadata, created_at)
        SELECT md5('u' || (g % \(users)))::uuid, (ARRAY['completion', 'embedding'])[1 + g % 2], g % 900, g / 1000.0,
               NULL, timestamptz '2024-01-01 00:00:00+00' + ((g * 157) % (180 * 1440)) * interval '1 minute'
        FROM generate_series(1, \(count)) g;
        """
    }

    /// A mixed-case schema and table with a composite key, a `date` partition key and unusual types.
    static let orderEvents = """
        CREATE SCHEMA "Sales";
        CREATE TYPE "Sales".mood AS ENUM ('happy', 'meh', 'angry');
        CREATE DOMAIN "Sales".positive_money AS numeric(12, 2) CHECK (VALUE >= 0);
        CREATE TABLE "Sales"."Order Events" (
            "Region" varchar(40) NOT NULL,
            "Order ID" bigint NOT NULL,
            "event date" date NOT NULL,
            amount "Sales".positive_money,
            mood "Sales".mood DEFAULT 'meh',
            tags text[] NOT NULL DEFAULT '{}',
            note text COLLATE "C",
            payload jsonb,
            duration interval,
            client inet,
            amount_cents bigint GENERATED ALWAYS AS ((amount * 100)::bigint) STORED,
            CONSTRAINT "Order Events_pkey" PRIMARY KEY ("Region", "Order ID"),
            CONSTRAINT tags_not_too_many CHECK (cardinality(tags) < 10)
        );
        CREATE INDEX "Order Events lower note" ON "Sales"."Order Events" (lower(note) text_pattern_ops) INCLUDE (mood);
        COMMENT ON COLUMN "Sales"."Order Events"."event date" IS 'when it happened';
        INSERT INTO "Sales"."Order Events" ("Region", "Order ID", "event date", amount, mood, tags, note)
        SELECT 'r' || (g % 3), g, date '2023-11-20' + g, g / 10.0, 'happy', ARRAY['a', 'b'], 'n' || g
        FROM generate_series(1, 200) g;
        """

    /// Runs a multi-statement script.
    static func run(_ sql: String, on connection: Connection) async throws {
        try await connection.execute(sql)
    }

    /// A fingerprint of everything DDL could change in the database: relations, columns, constraints,
    /// triggers, policies, functions, namespaces.
    static func catalogFingerprint(_ connection: Connection) async throws -> String {
        try await connection.query(
            """
            SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
                SELECT 'c:' || c.oid::regclass::text || ':' || c.relkind::text || ':' || coalesce(c.relacl::text, '')
                    || ':' || c.relrowsecurity FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                UNION ALL SELECT 'a:' || attrelid::regclass::text || ':' || attname || ':' || atttypid || attnotnull
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND attnum > 0
                UNION ALL SELECT 'k:' || conname || ':' || conrelid::regclass::text FROM pg_constraint
                UNION ALL SELECT 't:' || tgname || ':' || tgrelid::regclass::text FROM pg_trigger
                UNION ALL SELECT 'p:' || polname || ':' || polrelid::regclass::text FROM pg_policy
                UNION ALL SELECT 'f:' || oid::regprocedure::text FROM pg_proc WHERE pronamespace <> 'pg_catalog'::regnamespace
                    AND pronamespace <> 'information_schema'::regnamespace
                UNION ALL SELECT 'n:' || nspname FROM pg_namespace
            ) s(x)
            """
        ).first!.decode(String.self, at: 0)
    }
}
