import Foundation
import PartSync
import PostgresClient

/// What the demo proves once both tables are cut over, each checked from the database, never taken from the
/// engine's own account: the tables under their names are partitioned, row-level security still holds for a
/// user and for `anon`, the next insert gets an id never handed out before, and a query for recent rows reads
/// only the partitions it needs. (That every acknowledged write is there is checked when the writers stop.)
struct DemoProofs: Sendable {
    let schema: AtlasSchema
    /// The users the writers act as; the first one is the user the RLS proof looks through.
    let users: [String]
    let events: @Sendable (AtlasDemo.Event) -> Void

    func run(on admin: Connection) async throws -> [DemoReport.Proof] {
        var proofs: [DemoReport.Proof] = []
        func add(_ proof: DemoReport.Proof) {
            proofs.append(proof)
            events(.line(Self.line(proof)))
        }
        for table in [schema.messages, schema.usageLogs] { add(try await partitioned(table, on: admin)) }
        add(try await userSeesOwnRows(on: admin))
        add(try await otherUsersRefused(on: admin))
        add(try await anonSeesNothing(on: admin))
        for table in [schema.messages, schema.usageLogs] { add(try await freshID(table, on: admin)) }
        for table in [schema.messages, schema.usageLogs] { add(try await pruning(table, on: admin)) }
        for table in [schema.messages, schema.usageLogs] { add(try await runway(table, on: admin)) }
        return proofs
    }

    static func line(_ proof: DemoReport.Proof) -> String {
        "\(proof.passed ? "ok  " : "FAIL") \(proof.name): \(proof.detail)"
    }

    private func partitioned(_ table: SQLIdentifier, on admin: Connection) async throws -> DemoReport.Proof {
        let row = try await admin.query(
            """
            SELECT c.relkind::text, (SELECT count(*) FROM pg_inherits i WHERE i.inhparent = c.oid),
                   (SELECT r.relkind::text FROM pg_class r WHERE r.oid = to_regclass($2))
            FROM pg_class c WHERE c.oid = to_regclass($1)
            """, [table.sql, SQLIdentifier(schema: table.schema, name: table.name + "_retired").sql]).first
        let kind: String? = row?[0]
        let partitions = try row?.decode(Int.self, at: 1) ?? 0
        let retired: String? = row?[2]
        return DemoReport.Proof(
            name: "\(table.displayName) is partitioned under its own name", passed: kind == "p" && partitions > 1,
            detail: kind == "p"
                ? "relkind 'p' with \(partitions) partitions; the original table is \(table.name)_retired"
                    + (retired == "r" ? " (kept in sync for a rollback)" : "")
                : "relkind is \(kind.map { "'\($0)'" } ?? "missing"), not 'p'")
    }

    /// Counts as `role`, with the JWT subject `user` when given; rolled back.
    private func count(_ sql: String, as role: String, user: String?, on admin: Connection) async throws -> Int {
        try await admin.withTransaction(rollBack: true) { tx in
            try await tx.execute("SET LOCAL ROLE \(role)")
            if let user {
                try await tx.query("SELECT set_config('request.jwt.claim.sub', $1, true)", [user])
            }
            return try await tx.query(sql).first!.decode(Int.self, at: 0)
        }
    }

    /// In one snapshot: the user's own rows and all rows counted as the superuser, then what the user sees.
    private func userSeesOwnRows(on admin: Connection) async throws -> DemoReport.Proof {
        let user = users[0]
        let messages = schema.messages.sql, usage = schema.usageLogs.sql
        let counts = try await admin.withTransaction(isolation: .repeatableRead, rollBack: true) { tx in
            let own = try await tx.query("SELECT count(*) FROM \(messages) WHERE user_id = $1::uuid", [user])
                .first!.decode(Int.self, at: 0)
            let total = try await tx.query("SELECT count(*) FROM \(messages)").first!.decode(Int.self, at: 0)
            try await tx.execute("SET LOCAL ROLE authenticated")
            try await tx.query("SELECT set_config('request.jwt.claim.sub', $1, true)", [user])
            let seen = try await tx.query(
                "SELECT count(*), count(*) FILTER (WHERE user_id <> $1::uuid) FROM \(messages)", [user]).first!
            let usageSeen = try await tx.query("SELECT count(*) FROM \(usage)").first!.decode(Int.self, at: 0)
            return (own: own, total: total, visible: try seen.decode(Int.self, at: 0),
                    others: try seen.decode(Int.self, at: 1), usage: usageSeen)
        }
        let passed = counts.visible == counts.own && counts.own > 0 && counts.others == 0 && counts.usage == 0
            && counts.visible < counts.total
        return DemoReport.Proof(
            name: "RLS: an authenticated user sees only their own messages, and no usage_logs", passed: passed,
            detail: "user \(user.prefix(8))… sees \(VerifyHTML.grouped(Int64(counts.visible))) of "
                + "\(VerifyHTML.grouped(Int64(counts.total))) messages (their own: \(VerifyHTML.grouped(Int64(counts.own))); "
                + "other users': \(counts.others)) and \(counts.usage) usage_logs rows")
    }

    private func otherUsersRefused(on admin: Connection) async throws -> DemoReport.Proof {
        let user = users[0], someoneElse = users.count > 1 ? users[1] : "00000000-0000-0000-0000-000000000001"
        let sql = "INSERT INTO \(schema.messages.sql) (conversation_id, user_id, role, content) VALUES "
            + "(gen_random_uuid(), \(SQLLiteral.quote(someoneElse))::uuid, 'user', 'not mine')"
        var refusal: String?
        do {
            try await admin.withTransaction(rollBack: true) { tx in
                try await tx.execute("SET LOCAL ROLE authenticated")
                try await tx.query("SELECT set_config('request.jwt.claim.sub', $1, true)", [user])
                try await tx.execute(sql)
            }
        } catch let error as PostgresError where error.sqlState == .insufficientPrivilege {
            refusal = error.message
        }
        return DemoReport.Proof(
            name: "RLS: a user cannot write a message as another user", passed: refusal != nil,
            detail: refusal.map { "refused with 42501: \($0)" } ?? "the insert was accepted")
    }

    private func anonSeesNothing(on admin: Connection) async throws -> DemoReport.Proof {
        let messages = try await count("SELECT count(*) FROM \(schema.messages.sql)", as: "anon", user: nil, on: admin)
        let usage = try await count("SELECT count(*) FROM \(schema.usageLogs.sql)", as: "anon", user: nil, on: admin)
        return DemoReport.Proof(
            name: "RLS: anon sees no row (SELECT is granted, no policy lets it through)",
            passed: messages == 0 && usage == 0, detail: "\(messages) messages, \(usage) usage_logs rows visible")
    }

    /// An insert through the identity default, rolled back: its id is above every id of both tables.
    private func freshID(_ table: SQLIdentifier, on admin: Connection) async throws -> DemoReport.Proof {
        let retired = SQLIdentifier(schema: table.schema, name: table.name + "_retired")
        let highest = try await admin.query(
            "SELECT greatest((SELECT max(id) FROM \(table.sql)), (SELECT max(id) FROM \(retired.sql)))"
        ).first!.decodeIfPresent(Int64.self, at: 0) ?? 0
        let insert = table.name == "messages"
            ? "INSERT INTO \(table.sql) (conversation_id, user_id, role, content) VALUES (gen_random_uuid(), "
                + "\(schema.uid), 'user', 'hello after the cutover') RETURNING id"
            : "INSERT INTO \(table.sql) (user_id, event) VALUES (gen_random_uuid(), 'completion') RETURNING id"
        let role = table.name == "messages" ? "authenticated" : "service_role"
        let user = users[0]
        let id = try await admin.withTransaction(rollBack: true) { tx in
            try await tx.execute("SET LOCAL ROLE \(role)")
            try await tx.query("SELECT set_config('request.jwt.claim.sub', $1, true)", [user])
            return try await tx.query(insert).first!.decode(Int64.self, at: 0)
        }
        return DemoReport.Proof(
            name: "the next insert into \(table.displayName) gets a fresh id", passed: id > highest,
            detail: "id \(id) from the identity default (as \(role)); the highest id in \(table.name) and "
                + "\(retired.name) was \(highest) (rolled back)")
    }

    /// The coming months have their partitions, read from the catalog's bounds.
    private func runway(_ table: SQLIdentifier, on admin: Connection) async throws -> DemoReport.Proof {
        let oid = try await CatalogReader.resolve(table, on: admin) ?? 0
        let partitions = try await MigrationStatus.partitions(of: oid, on: admin)
        let runway = partitions.runway ?? -1
        return DemoReport.Proof(
            name: "the next \(DemoRun.premake) months of \(table.displayName) have partitions",
            passed: runway >= DemoRun.premake,
            detail: "\(partitions.count) partitions by \(partitions.interval ?? "?"), runway \(runway) after the current "
                + "month (`partsync partitions` after the cutover)")
    }

    /// EXPLAIN ANALYZE of a query for the last 30 days on both tables: the partitioned one reads few partitions.
    private func pruning(_ table: SQLIdentifier, on admin: Connection) async throws -> DemoReport.Proof {
        let formatter = ISO8601DateFormatter()
        let now = Date()
        let since = SQLLiteral.quote(formatter.string(from: now.addingTimeInterval(-30 * 86_400)))
        let until = SQLLiteral.quote(formatter.string(from: now))
        let sql = table.name == "messages"
            ? "SELECT id, content, created_at FROM {table} WHERE user_id = \(SQLLiteral.quote(users[0]))::uuid "
                + "AND created_at >= \(since) AND created_at < \(until) ORDER BY created_at DESC LIMIT 50"
            : "SELECT event, count(*), sum(cost) FROM {table} WHERE user_id = \(SQLLiteral.quote(users[0]))::uuid "
                + "AND created_at >= \(since) AND created_at < \(until) GROUP BY event"
        let context = try await MigrationContext.load(table: table.sql, on: admin, phase: .cutOver)
        let report = try await QueryCheck(queries: [QueryCheck.Query(name: "last 30 days", sql: sql)], runs: 3)
            .run(on: admin, context: context)
        guard let entry = report.entries.first else {
            return DemoReport.Proof(name: "queries on \(table.displayName) prune partitions", passed: false,
                                    detail: "the query check measured nothing")
        }
        let live = entry.target
        return DemoReport.Proof(
            name: "a query for the last 30 days of \(table.displayName) reads only their partitions",
            passed: live.partitionsTotal > 2 && live.partitionsScanned <= 2,
            detail: "\(live.partitionsScanned) of \(live.partitionsTotal) partitions scanned, "
                + "\(DemoReport.milliseconds(live.medianMs)) and \(VerifyHTML.grouped(live.sharedBlocks)) buffers "
                + "(median of 3); \(entry.source.table): \(DemoReport.milliseconds(entry.source.medianMs)), "
                + "\(VerifyHTML.grouped(entry.source.sharedBlocks)) buffers")
    }
}
