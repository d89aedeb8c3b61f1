import PostgresClient

/// Hands the table's ids over to the table that takes its name, inside the swap's transaction, so ids keep
/// coming from one sequence and none is handed out twice:
///
/// - A **serial** column (a sequence `OWNED BY` the column, both tables defaulting to `nextval` of it) changes
///   only the owner: `ALTER SEQUENCE … OWNED BY` the new table's column, so dropping the retired table later
///   leaves the sequence alone.
/// - An **identity** column's sequence belongs to its column and cannot change owner. The swap re-creates it on
///   the new table: it drops partsync's `nextval` defaults that use it, drops the identity (and with it the
///   sequence), adds the identity (same `ALWAYS` / `BY DEFAULT`, same name, type and options) to the new
///   table's column, sets it to the old sequence's position, grants what the old one granted, and gives the
///   retired table (and the partitions of a partitioned one, which PostgreSQL 15 does not give an identity)
///   a `nextval` default of it. An `INSERT` that supplies an id is refused by the new table exactly as before.
///
/// Writers are blocked by the swap's locks, so nobody draws from the sequence meanwhile. Values that sessions
/// had cached from the dropped sequence are simply never used.
enum SequenceHandover {
    /// One column's sequence, as the catalog describes it under the swap's lock.
    struct ColumnSequence: Sendable {
        var column: String
        /// `a`, `d`: identity ALWAYS / BY DEFAULT; nil: a serial (owned) sequence.
        var identity: String?
        var sequence: SQLIdentifier
        var sequenceOID: UInt32
    }

    /// Moves every identity and owned sequence of `from`'s columns to the same columns of `to`; returns one line
    /// per sequence, for the report.
    static func move(from: MigrationContext.Table, to: MigrationContext.Table, on tx: Connection) async throws -> [String] {
        var moved: [String] = []
        for sequence in try await sequences(of: from.oid, on: tx) {
            let column = SQLIdentifier.quote(sequence.column)
            if sequence.identity == nil {
                try await tx.execute("ALTER SEQUENCE \(sequence.sequence.sql) OWNED BY \(to.name.sql).\(column)")
                moved.append("\(sequence.sequence.displayName) (serial) now owned by \(to.name.displayName).\(sequence.column)")
                continue
            }
            let options = try await tx.query(
                """
                SELECT pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
                       s.seqcache, s.seqcycle, pg_catalog.obj_description(s.seqrelid, 'pg_class')
                FROM pg_catalog.pg_sequence s WHERE s.seqrelid = $1::oid
                """, [Int64(sequence.sequenceOID)]).first!
            let position = try await tx.query("SELECT last_value, is_called FROM \(sequence.sequence.sql)").first!
            let grants = try await tx.query(
                """
                SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(r.rolname) END,
                       a.privilege_type, a.is_grantable
                FROM pg_catalog.pg_class c, LATERAL pg_catalog.aclexplode(c.relacl) a
                LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
                WHERE c.oid = $1::oid AND a.grantee <> c.relowner
                """, [Int64(sequence.sequenceOID)])
            // partsync's defaults that draw from it: the other table's, and the partitions'. Everything after the
            // reads goes to the server in one round trip: the swap holds its lock meanwhile.
            let drops = try await defaults(using: sequence.sequenceOID, within: [to.oid, from.oid], on: tx).map { user in
                "ALTER TABLE ONLY \(user.name.sql) ALTER COLUMN \(SQLIdentifier.quote(user.column)) DROP DEFAULT"
            }
            if !drops.isEmpty { try await tx.execute(drops.joined(separator: ";\n")) }
            do {
                try await tx.execute("ALTER TABLE \(from.name.sql) ALTER COLUMN \(column) DROP IDENTITY")
            } catch let error as PostgresError where error.sqlState == .dependentObjectsStillExist {
                throw PartSyncError(
                    .usage, table: from.name.displayName,
                    message: "the identity sequence \(sequence.sequence.displayName) of column \(sequence.column) is "
                        + "used by objects partsync did not create, so it cannot be handed to the new table; nothing "
                        + "was changed" + (error.detail.map { ":\n" + $0 } ?? ""),
                    nextStep: "make those objects use another sequence (or none), then run the command again")
            }
            let kind = sequence.identity == "a" ? "ALWAYS" : "BY DEFAULT"
            let cycle = try options.decode(Bool.self, at: 6) ? "CYCLE" : "NO CYCLE"
            var statements = [
                """
                ALTER TABLE \(to.name.sql) ALTER COLUMN \(column) ADD GENERATED \(kind) AS IDENTITY (
                    SEQUENCE NAME \(sequence.sequence.sql) START WITH \(options[1]!)
                    INCREMENT BY \(options[2]!) MINVALUE \(options[3]!) MAXVALUE \(options[4]!) CACHE \(options[5]!) \(cycle))
                """,
                "SELECT pg_catalog.setval(\(SQLLiteral.quote(sequence.sequence.sql))::pg_catalog.regclass, "
                    + "\(position[0]!)::bigint, \(position[1] == "t"))",
            ]
            if let comment = options[7] {
                statements.append("COMMENT ON SEQUENCE \(sequence.sequence.sql) IS \(SQLLiteral.quote(comment))")
            }
            for grant in grants.rows {
                statements.append("GRANT \(grant[1]!) ON SEQUENCE \(sequence.sequence.sql) TO \(grant[0]!)"
                    + (grant[2] == "t" ? " WITH GRANT OPTION" : ""))
            }
            let draw = "DEFAULT pg_catalog.nextval(\(SQLLiteral.quote(sequence.sequence.sql))::pg_catalog.regclass)"
            for relation in [from.name] + (try await partitions(of: [to.oid, from.oid], on: tx)) {
                statements.append("ALTER TABLE ONLY \(relation.sql) ALTER COLUMN \(column) SET \(draw)")
            }
            try await tx.execute(statements.joined(separator: ";\n"))
            moved.append("\(sequence.sequence.displayName) (identity \(kind)) now belongs to "
                + "\(to.name.displayName).\(sequence.column), continuing after \(position[0] ?? "?")")
        }
        return moved
    }

    /// The identity and owned sequences of a table's columns.
    static func sequences(of table: UInt32, on connection: Connection) async throws -> [ColumnSequence] {
        try await connection.query(
            """
            SELECT a.attname, nullif(a.attidentity, ''), n.nspname, s.relname, s.oid
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_depend d ON d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                 AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum
                 AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i')
            JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
            JOIN pg_catalog.pg_namespace n ON n.oid = s.relnamespace
            WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """, [Int64(table)]).rows.map { row in
            ColumnSequence(column: row[0] ?? "", identity: row[1],
                           sequence: SQLIdentifier(schema: row[2], name: row[3] ?? ""),
                           sequenceOID: try row.decode(UInt32.self, at: 4))
        }
    }

    /// Column defaults that call `nextval` of a sequence, on `tables` or their partitions.
    private static func defaults(using sequence: UInt32, within tables: [UInt32], on tx: Connection) async throws
        -> [(name: SQLIdentifier, column: String)]
    {
        try await tx.query(
            """
            SELECT n.nspname, c.relname, a.attname
            FROM pg_catalog.pg_depend d
            JOIN pg_catalog.pg_attrdef ad ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND d.objid = ad.oid
            JOIN pg_catalog.pg_class c ON c.oid = ad.adrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
            WHERE d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = $1::oid
              AND (c.oid = ANY ($2::oid[]) OR EXISTS (
                  SELECT 1 FROM pg_catalog.unnest($2::oid[]) t, LATERAL pg_catalog.pg_partition_tree(t::pg_catalog.regclass) p
                  WHERE p.relid = c.oid::pg_catalog.regclass))
            """, [Int64(sequence), oids(tables)]).rows.map { row in
            (SQLIdentifier(schema: row[0], name: row[1] ?? ""), row[2] ?? "")
        }
    }

    /// The partitions (not the tables themselves) of `tables`.
    private static func partitions(of tables: [UInt32], on tx: Connection) async throws -> [SQLIdentifier] {
        try await tx.query(
            """
            SELECT n.nspname, c.relname
            FROM pg_catalog.unnest($1::oid[]) t, LATERAL pg_catalog.pg_partition_tree(t::pg_catalog.regclass) p
            JOIN pg_catalog.pg_class c ON c.oid = p.relid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE p.relid <> t::pg_catalog.regclass
            """, [oids(tables)]).rows.map { SQLIdentifier(schema: $0[0], name: $0[1] ?? "") }
    }

    private static func oids(_ tables: [UInt32]) -> String { "{" + tables.map(String.init).joined(separator: ",") + "}" }
}
