import PostgresClient

/// Reads a `TableDefinition` from the live catalog.
public enum CatalogReader {
    /// Resolves `--table` (`name`, `schema.name`, quoted parts) through the server's `search_path`.
    /// - Returns: the table's OID, or `nil` if no relation has that name.
    /// The current name of a relation, nil when there is none with this OID.
    static func name(of oid: UInt32, on connection: Connection) async throws -> SQLIdentifier? {
        try await connection.query(
            """
            SELECT n.nspname, c.relname FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1::oid
            """, [Int64(oid)]).first.map { SQLIdentifier(schema: $0[0], name: $0[1] ?? "") }
    }

    public static func resolve(_ table: SQLIdentifier, on connection: Connection) async throws -> UInt32? {
        let found = try await connection.query("SELECT pg_catalog.to_regclass($1)::oid", [table.sql])
        return try found.first?.decodeIfPresent(UInt32.self, at: 0)
    }

    /// Reads the whole definition in one REPEATABLE READ snapshot, with `search_path = pg_catalog` so that
    /// rendered expressions are fully qualified.
    public static func read(oid: UInt32, on connection: Connection) async throws -> TableDefinition? {
        try await connection.withTransaction(isolation: .repeatableRead, readOnly: true,
                                             settings: ["search_path": "pg_catalog"]) { tx in
            try await readInTransaction(oid: oid, on: tx)
        }
    }

    private static func readInTransaction(oid: UInt32, on tx: isolated Connection) async throws -> TableDefinition? {
        let table = try await tx.query(
            """
            SELECT n.nspname, c.relname, c.relkind, c.relispartition,
                   EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhparent = c.oid OR i.inhrelid = c.oid),
                   quote_ident(pg_get_userbyid(c.relowner)), c.relpersistence, c.relrowsecurity,
                   c.relforcerowsecurity, c.relreplident, array_to_string(c.reloptions, E'\\x1f'),
                   obj_description(c.oid, 'pg_class'), greatest(c.reltuples, 0)::int8,
                   pg_total_relation_size(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.oid = $1
            """, [oid])
        guard let row = table.first else { return nil }

        let columns = try await tx.query(
            """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid, a.attnotnull,
                   CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
                   nullif(a.attidentity, ''),
                   CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,
                   CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0
                        THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END,
                   col_description(a.attrelid, a.attnum),
                   pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
            WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """, [oid])

        let constraints = try await tx.query(
            """
            SELECT con.conname, con.contype, pg_get_constraintdef(con.oid),
                   coalesce(array_to_string(ARRAY(
                       SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                       ORDER BY k.ord), E'\\x1f'), '')
            FROM pg_constraint con
            WHERE con.conrelid = $1 AND con.contype IN ('p', 'u', 'c', 'f', 'x')
            ORDER BY con.contype, con.conname
            """, [oid])

        let indexes = try await tx.query(
            """
            SELECT ic.relname, pg_get_indexdef(i.indexrelid), i.indisunique, i.indisprimary,
                   EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid
                           AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')),
                   array_to_string(ARRAY(
                       SELECT coalesce(a.attname, E'\\x1e')
                       FROM unnest(i.indkey[0:i.indnkeyatts - 1]) WITH ORDINALITY k(attnum, ord)
                       LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
                       ORDER BY k.ord), E'\\x1f'),
                   am.amname, i.indisvalid,
                   'CREATE ' || CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END || 'INDEX '
                       || quote_ident(ic.relname) || ' ON ' || CASE WHEN c.relkind = 'p' THEN 'ONLY ' ELSE '' END
                       || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_am am ON am.oid = ic.relam
            WHERE i.indrelid = $1
            ORDER BY ic.relname
            """, [oid])

        let foreignKeysIn = try await tx.query(
            """
            SELECT con.conname, con.conrelid::regclass::text, pg_get_constraintdef(con.oid)
            FROM pg_constraint con
            WHERE con.confrelid = $1 AND con.contype = 'f'
            ORDER BY 2, 1
            """, [oid])

        let policies = try await tx.query(
            """
            SELECT p.polname,
                   CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                                 WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
                   p.polpermissive,
                   array_to_string(ARRAY(
                       SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r)) END
                       FROM unnest(p.polroles) r ORDER BY 1), E'\\x1f'),
                   pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)
            FROM pg_policy p
            WHERE p.polrelid = $1
            ORDER BY p.polname
            """, [oid])

        let grants = try await tx.query(
            """
            SELECT CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END,
                   g.privilege_type, g.is_grantable, NULL::name
            FROM pg_class c, aclexplode(c.relacl) g
            WHERE c.oid = $1 AND g.grantee <> c.relowner
            UNION ALL
            SELECT CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END,
                   g.privilege_type, g.is_grantable, a.attname
            FROM pg_attribute a, aclexplode(a.attacl) g
            WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY 4 NULLS FIRST, 1, 2
            """, [oid])

        let triggers = try await tx.query(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = $1 AND NOT tgisinternal AND tgname NOT LIKE 'partsync\\_%' ORDER BY 1",
            [oid])

        let dependents = try await tx.query(
            """
            SELECT DISTINCT 'view', v.oid::regclass::text
            FROM pg_depend d
            JOIN pg_rewrite r ON r.oid = d.objid AND d.classid = 'pg_rewrite'::regclass
            JOIN pg_class v ON v.oid = r.ev_class
            WHERE d.refobjid = $1 AND d.refclassid = 'pg_class'::regclass AND v.oid <> $1
            UNION
            SELECT DISTINCT 'function', p.oid::regprocedure::text
            FROM pg_proc p JOIN pg_namespace pn ON pn.oid = p.pronamespace
            WHERE pn.nspname NOT IN ('pg_catalog', 'information_schema', 'partsync')
              AND (EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                           AND d.refclassid = 'pg_class'::regclass AND d.refobjid = $1)
                   OR strpos(p.prosrc, (SELECT relname FROM pg_class WHERE oid = $1)) > 0)
            ORDER BY 1, 2
            """, [oid])

        func split(_ text: String?) -> [String] {
            guard let text, !text.isEmpty else { return [] }
            return text.split(separator: "\u{1f}", omittingEmptySubsequences: false).map(String.init)
        }

        return TableDefinition(
            oid: oid,
            identifier: SQLIdentifier(schema: try row.decode(String.self, at: 0), name: try row.decode(String.self, at: 1)),
            kind: try row.decode(String.self, at: 2),
            isPartition: try row.decode(Bool.self, at: 3),
            hasInheritance: try row.decode(Bool.self, at: 4),
            owner: try row.decode(String.self, at: 5),
            persistence: try row.decode(String.self, at: 6),
            rowSecurity: try row.decode(Bool.self, at: 7),
            forceRowSecurity: try row.decode(Bool.self, at: 8),
            replicaIdentity: try row.decode(String.self, at: 9),
            storageOptions: split(row[10]),
            comment: row[11],
            columns: try columns.rows.map { column in
                TableDefinition.Column(
                    name: try column.decode(String.self, at: 0), type: try column.decode(String.self, at: 1),
                    typeOID: try column.decode(UInt32.self, at: 2), notNull: try column.decode(Bool.self, at: 3),
                    defaultExpression: column[4], identity: column[5], generatedExpression: column[6],
                    collation: column[7], comment: column[8], sequence: column[9])
            },
            constraints: try constraints.rows.map { constraint in
                TableDefinition.Constraint(
                    name: try constraint.decode(String.self, at: 0), type: try constraint.decode(String.self, at: 1),
                    definition: try constraint.decode(String.self, at: 2), columns: split(constraint[3]))
            },
            indexes: try indexes.rows.map { index in
                let definition = try index.decode(String.self, at: 1)
                let prefix = try index.decode(String.self, at: 8)
                return TableDefinition.Index(
                    name: try index.decode(String.self, at: 0), definition: definition,
                    definitionTail: definition.hasPrefix(prefix) ? String(definition.dropFirst(prefix.count)) : nil,
                    isUnique: try index.decode(Bool.self, at: 2), isPrimary: try index.decode(Bool.self, at: 3),
                    backsConstraint: try index.decode(Bool.self, at: 4),
                    keyColumns: split(index[5]).map { $0 == "\u{1e}" ? nil : $0 },
                    method: try index.decode(String.self, at: 6), isValid: try index.decode(Bool.self, at: 7))
            },
            foreignKeysIn: try foreignKeysIn.rows.map { key in
                TableDefinition.ForeignKey(
                    name: try key.decode(String.self, at: 0), table: try key.decode(String.self, at: 1),
                    definition: try key.decode(String.self, at: 2))
            },
            policies: try policies.rows.map { policy in
                TableDefinition.Policy(
                    name: try policy.decode(String.self, at: 0), command: try policy.decode(String.self, at: 1),
                    permissive: try policy.decode(Bool.self, at: 2), roles: split(policy[3]), using: policy[4],
                    withCheck: policy[5])
            },
            grants: try grants.rows.map { grant in
                TableDefinition.Grant(
                    grantee: try grant.decode(String.self, at: 0), privilege: try grant.decode(String.self, at: 1),
                    grantable: try grant.decode(Bool.self, at: 2), column: grant[3])
            },
            triggers: try triggers.rows.map { try $0.decode(String.self, at: 0) },
            dependentViews: dependents.rows.filter { $0[0] == "view" }.compactMap { $0[1] },
            dependentFunctions: dependents.rows.filter { $0[0] == "function" }.compactMap { $0[1] },
            estimatedRows: try row.decode(Int64.self, at: 12),
            totalBytes: try row.decode(Int64.self, at: 13))
    }
}
