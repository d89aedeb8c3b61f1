import Foundation
import PartSync
import PostgresClient
import Testing
import TestSupport

@Suite struct PrepareTests {
    static func prepare(_ table: String, key: String = "created_at", on connection: Connection) async throws -> PartitionPlan {
        let outcome = try await Preparer.prepare(PlanOptions(table: table, partitionKey: key), on: connection)
        guard case .prepared(let plan) = outcome else {
            Issue.record("expected a fresh prepare")
            throw CancellationError()
        }
        return plan
    }

    /// Columns, secondary indexes, policies and grants, read from the catalog and made name-independent.
    static func shape(_ table: String, on connection: Connection) async throws -> Shape {
        let oid = try #require(try await CatalogReader.resolve(try SQLIdentifier.parse(table), on: connection))
        let definition = try #require(try await CatalogReader.read(oid: oid, on: connection))
        return Shape(
            columns: definition.columns.map { "\($0.name) \($0.type) notnull=\($0.notNull) collate=\($0.collation ?? "-") generated=\($0.generatedExpression ?? "-")" },
            indexes: Set(definition.indexes.filter { !$0.backsConstraint }.map { "\($0.isUnique) \($0.definitionTail ?? "?")" }),
            checks: Set(definition.constraints.filter { $0.type == "c" }.map { "\($0.name) \($0.definition)" }),
            policies: Set(definition.policies.map { "\($0.name) \($0.command) \($0.permissive) \($0.roles) \($0.using ?? "-") \($0.withCheck ?? "-")" }),
            grants: Set(definition.grants.map { "\($0.grantee) \($0.privilege) \($0.grantable) \($0.column ?? "-")" }),
            rowSecurity: "\(definition.rowSecurity)/\(definition.forceRowSecurity)",
            comments: [definition.comment ?? "-"] + definition.columns.map { $0.comment ?? "-" })
    }

    struct Shape: Equatable {
        var columns: [String]
        var indexes: Set<String>
        var checks: Set<String>
        var policies: Set<String>
        var grants: Set<String>
        var rowSecurity: String
        var comments: [String]
    }

    @Test("the Atlas tables' target matches the source: columns, indexes, policies, grants (bigint and uuid ids)",
          arguments: ["bigint", "uuid"])
    func atlasTargetsMatch(idType: String) async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await Fixtures.run(Fixtures.atlas(idType: idType) + Fixtures.atlasRows(count: 300), on: connection)
            for table in ["messages", "usage_logs"] {
                let plan = try await Self.prepare(table, on: connection)
                let source = try await Self.shape("public.\(table)", on: connection)
                let target = try await Self.shape("public.\(table)_partitioned", on: connection)
                #expect(source == target, "\(table)")
                // Monthly partitions cover 2024-01 .. now + 3 months, named <table>_YYYY_MM.
                let partitions = try await connection.query(
                    "SELECT relname FROM partsync.partition_sizes($1::regclass) p JOIN pg_class c ON c.oid = p.partition "
                        + "ORDER BY relname", ["public.\(table)_partitioned"]
                ).rows.map { $0[0]! }
                #expect(partitions.first == "\(table)_2024_01")
                #expect(partitions.count == plan.partitions.count)
                #expect(partitions.count >= 3 + 35)
                // The primary key gains the partition key.
                let primary = try await connection.query(
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'",
                    ["public.\(table)_partitioned"]).first?[0]
                #expect(primary == "PRIMARY KEY (id, created_at)")
            }
            // Identity ids: the target draws from the source's sequence.
            if idType == "bigint" {
                let defaultExpression = try await connection.query(
                    "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'messages_partitioned'::regclass "
                        + "AND adnum = 1").first?[0]
                #expect(defaultExpression == "nextval('messages_id_seq'::regclass)")
            }
        }
    }

    @Test("row-level security keeps working: users see their own messages, usage_logs stays service-role only")
    func rowLevelSecurity() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await Fixtures.run(Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 500, users: 5), on: connection)
            for table in ["messages", "usage_logs"] {
                _ = try await Self.prepare(table, on: connection)
                try await connection.execute("INSERT INTO \(table)_partitioned SELECT * FROM \(table)")
            }
            let alice = try await connection.query("SELECT md5('u1')::uuid::text").first![0]!
            for table in ["messages", "messages_partitioned"] {
                let seen = try await connection.withTransaction { tx in
                    try await tx.execute("SET LOCAL ROLE authenticated")
                    try await tx.set("request.jwt.claim.sub", to: alice, local: true)
                    return try await tx.query(
                        "SELECT count(*), count(*) FILTER (WHERE user_id <> auth.uid()) FROM \(table)").first!.values
                }
                #expect(seen == ["100", "0"], "\(table)")
                // WITH CHECK: writing someone else's row is refused.
                let error = try await #require(throws: PostgresError.self) {
                    try await connection.withTransaction { tx in
                        try await tx.execute("SET LOCAL ROLE authenticated")
                        try await tx.set("request.jwt.claim.sub", to: alice, local: true)
                        try await tx.execute(
                            "INSERT INTO \(table) (conversation_id, user_id, role, content) "
                                + "VALUES (gen_random_uuid(), gen_random_uuid(), 'user', 'spoof')")
                    }
                }
                #expect(error.sqlState == .insufficientPrivilege)
            }
            for table in ["usage_logs", "usage_logs_partitioned"] {
                let denied = try await #require(throws: PostgresError.self) {
                    try await connection.withTransaction { tx in
                        try await tx.execute("SET LOCAL ROLE authenticated")
                        try await tx.query("SELECT count(*) FROM \(table)")
                    }
                }
                #expect(denied.sqlState == .insufficientPrivilege, "\(table)")
                let all = try await connection.withTransaction { tx in
                    try await tx.execute("SET LOCAL ROLE service_role")
                    return try await tx.query("SELECT count(*) FROM \(table)").first![0]
                }
                #expect(all == "500", "\(table)")
            }
        }
    }

    @Test("\"Sales\".\"Order Events\": composite key, date partition key and odd types plan and prepare")
    func orderEvents() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await Fixtures.run(Fixtures.orderEvents, on: connection)
            let plan = try await Self.prepare("\"Sales\".\"Order Events\"", key: "event date", on: connection)
            #expect(plan.target == SQLIdentifier(schema: "Sales", name: "Order Events_partitioned"))
            #expect(plan.shape?.targetKey == ["Region", "Order ID", "event date"])
            let source = try await Self.shape("\"Sales\".\"Order Events\"", on: connection)
            let target = try await Self.shape("\"Sales\".\"Order Events_partitioned\"", on: connection)
            #expect(source == target)
            let first = try await connection.query(
                "SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE n.nspname = 'Sales' AND c.relname = 'Order Events_2023_11'").first?[0]
            #expect(first == "FOR VALUES FROM ('2023-11-01') TO ('2023-12-01')")
            // The change log carries the whole key, typed like the source.
            let logColumns = try await connection.query(
                "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) "
                    + "FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0",
                [plan.capture!.changeLog.sql]).first?[0]
            #expect(logColumns == "partsync_seq bigint, partsync_generation smallint, Region character varying(40), "
                + "Order ID bigint, event date date, partsync_logged_at timestamp with time zone")
            // …in two generations (see LogRotation).
            let generations = try await connection.query(
                "SELECT string_agg(relid::regclass::text || ' ' || pg_get_expr(c.relpartbound, c.oid), ', ' ORDER BY relid::regclass::text) "
                    + "FROM pg_partition_tree($1::regclass) t JOIN pg_class c ON c.oid = t.relid WHERE t.isleaf",
                [plan.capture!.changeLog.sql]).first?[0]
            #expect(generations == "partsync.changes_\(plan.migrationKey)_0 FOR VALUES IN ('0'), "
                + "partsync.changes_\(plan.migrationKey)_1 FOR VALUES IN ('1')")
        }
    }

    @Test("a second prepare changes nothing; one with different options is refused")
    func idempotent() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await Fixtures.run(Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 50), on: connection)
            _ = try await Self.prepare("messages", on: connection)
            let before = try await Fixtures.catalogFingerprint(connection)
            let again = try await Preparer.prepare(PlanOptions(table: "messages", partitionKey: "created_at"), on: connection)
            guard case .alreadyPrepared = again else {
                Issue.record("second prepare was not recognised")
                return
            }
            #expect(try await Fixtures.catalogFingerprint(connection) == before)
            let error = try await #require(throws: PartSyncError.self) {
                try await Preparer.prepare(
                    PlanOptions(table: "messages", partitionKey: "created_at", interval: .week), on: connection)
            }
            #expect(error.kind == .usage)
            #expect(error.description.contains("differs"))
            #expect(try await Fixtures.catalogFingerprint(connection) == before)
        }
    }
}
