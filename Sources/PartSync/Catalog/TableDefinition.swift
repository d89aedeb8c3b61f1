import PostgresClient

/// Everything partsync reads about one table from `pg_catalog`.
///
/// Expressions (defaults, CHECKs, index definitions, policies) are rendered by the server's own `pg_get_*`
/// functions with `search_path` set to `pg_catalog` only, so every name in them is schema-qualified and the DDL
/// built from them means the same thing whatever `search_path` it later runs under.
public struct TableDefinition: Sendable {
    public struct Column: Sendable, Equatable {
        public var name: String
        /// `format_type`, e.g. `numeric(12,2)`, `character varying(40)`, `"Sales".mood`, `text[]`.
        public var type: String
        public var typeOID: UInt32
        public var notNull: Bool
        public var defaultExpression: String?
        /// `a` (ALWAYS) or `d` (BY DEFAULT) for identity columns.
        public var identity: String?
        /// The generation expression of a `GENERATED ALWAYS AS (…) STORED` column.
        public var generatedExpression: String?
        /// A collation other than the type's default, already quoted.
        public var collation: String?
        public var comment: String?
        /// The sequence behind an identity or serial column, quoted and qualified.
        public var sequence: String?
    }

    public struct Index: Sendable, Equatable {
        public var name: String
        /// `pg_get_indexdef`: `CREATE [UNIQUE] INDEX name ON schema.table USING method (…) [INCLUDE …] [WHERE …]`.
        public var definition: String
        /// The definition after `CREATE [UNIQUE] INDEX name ON table`, i.e. ` USING method (…) …`; `nil` if the
        /// server's text did not have the expected shape.
        public var definitionTail: String?
        public var isUnique: Bool
        public var isPrimary: Bool
        /// Backs a PRIMARY KEY, UNIQUE or EXCLUDE constraint (recreated with the constraint, not on its own).
        public var backsConstraint: Bool
        /// Plain column names of the key, `nil` entries for expressions.
        public var keyColumns: [String?]
        public var method: String
        public var isValid: Bool
    }

    public struct Constraint: Sendable, Equatable {
        public var name: String
        /// `p`, `u`, `c`, `f`, `x`.
        public var type: String
        public var definition: String
        public var columns: [String]
    }

    public struct ForeignKey: Sendable, Equatable {
        public var name: String
        /// The referencing table, as people read it.
        public var table: String
        public var definition: String
    }

    public struct Policy: Sendable, Equatable {
        public var name: String
        /// `ALL`, `SELECT`, `INSERT`, `UPDATE`, `DELETE`.
        public var command: String
        public var permissive: Bool
        /// Quoted role names, or `PUBLIC`.
        public var roles: [String]
        public var using: String?
        public var withCheck: String?
    }

    public struct Grant: Sendable, Hashable {
        /// Quoted role name or `PUBLIC`.
        public var grantee: String
        public var privilege: String
        public var grantable: Bool
        /// For a column grant, the column.
        public var column: String?
    }

    public var oid: UInt32
    public var identifier: SQLIdentifier
    /// `r` ordinary, `p` partitioned, `v` view, …
    public var kind: String
    public var isPartition: Bool
    public var hasInheritance: Bool
    public var owner: String
    public var persistence: String
    public var rowSecurity: Bool
    public var forceRowSecurity: Bool
    /// `d` default, `n` nothing, `f` full, `i` index.
    public var replicaIdentity: String
    public var storageOptions: [String]
    public var comment: String?
    public var columns: [Column]
    public var constraints: [Constraint]
    public var indexes: [Index]
    public var foreignKeysIn: [ForeignKey]
    public var policies: [Policy]
    public var grants: [Grant]
    /// User triggers (not partsync's), by name.
    public var triggers: [String]
    public var dependentViews: [String]
    public var dependentFunctions: [String]
    public var estimatedRows: Int64
    public var totalBytes: Int64

    public var primaryKey: Constraint? { constraints.first { $0.type == "p" } }

    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }
}
