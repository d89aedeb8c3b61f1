import PostgresClient

/// The partitioned twin's DDL, derived from the source's catalog entry.
struct TargetDDL {
    let source: TableDefinition
    let target: SQLIdentifier
    let partitionKey: String
    let keyKind: KeyKind
    let primaryKey: [String]
    let partitions: [PartitionPlan.Partition]
    let currentUser: String

    private var sourceName: String { source.identifier.name }

    private func derived(_ name: String) -> SQLIdentifier {
        SQLIdentifier(Naming.derive(name, sourceTable: sourceName, targetTable: target.name))
    }

    var statements: [String] {
        var statements = [createTable]
        statements += constraints
        statements += partitionTables
        statements += indexes
        statements += security
        statements += comments
        return statements
    }

    private var createTable: String {
        let columns = source.columns.map { column -> String in
            var text = "    \(SQLIdentifier.quote(column.name)) \(column.type)"
            if let collation = column.collation { text += " COLLATE \(collation)" }
            if let generated = column.generatedExpression {
                text += " GENERATED ALWAYS AS (\(generated)) STORED"
            } else if column.identity != nil, let sequence = column.sequence {
                // One sequence for both tables: ids stay unique across the swap (pgslice's swap broke here).
                text += " DEFAULT pg_catalog.nextval(\(SQLLiteral.quote(sequence))::regclass)"
            } else if let expression = column.defaultExpression {
                text += " DEFAULT \(expression)"
            }
            if column.notNull || primaryKey.contains(column.name) { text += " NOT NULL" }
            return text
        }
        return "CREATE TABLE \(target.sql) (\n\(columns.joined(separator: ",\n"))\n) PARTITION BY RANGE (\(SQLIdentifier.quote(partitionKey)))"
    }

    private var constraints: [String] {
        var statements: [String] = []
        let primaryName = source.primaryKey.map { derived($0.name) } ?? SQLIdentifier(Naming.fit(target.name, suffix: "_pkey"))
        statements.append(
            "ALTER TABLE \(target.sql) ADD CONSTRAINT \(primaryName.sql) PRIMARY KEY ("
                + primaryKey.map(SQLIdentifier.quote).joined(separator: ", ") + ")")
        for constraint in source.constraints {
            switch constraint.type {
            case "u":
                statements.append(
                    "ALTER TABLE \(target.sql) ADD CONSTRAINT \(derived(constraint.name).sql) \(constraint.definition)")
            case "c":
                var definition = constraint.definition
                if definition.hasSuffix(" NOT VALID") { definition.removeLast(" NOT VALID".count) }
                statements.append(
                    "ALTER TABLE \(target.sql) ADD CONSTRAINT \(SQLIdentifier.quote(constraint.name)) \(definition)")
            case "f":
                statements.append(
                    "ALTER TABLE \(target.sql) ADD CONSTRAINT \(SQLIdentifier.quote(constraint.name)) \(constraint.definition)")
            default:
                break
            }
        }
        return statements
    }

    /// Secondary indexes are created `ON ONLY` the parent, after the partitions (a partition created later
    /// would get a copy at once): the parent index stays invalid and the partitions get none, so the copy
    /// loads heaps with only the primary key. `backfill` then builds each partition's index concurrently and
    /// attaches it, which makes the parent index valid (see `IndexBuilder`).
    private var indexes: [String] {
        source.indexes.compactMap { index in
            guard !index.backsConstraint, index.isValid, let tail = index.definitionTail else { return nil }
            return "CREATE \(index.isUnique ? "UNIQUE " : "")INDEX \(derived(index.name).sql) ON ONLY \(target.sql)\(tail)"
        }
    }

    private var partitionTables: [String] {
        let storage = source.storageOptions.isEmpty ? "" : " WITH (\(source.storageOptions.joined(separator: ", ")))"
        var statements: [String] = []
        for partition in partitions {
            if let from = partition.from, let to = partition.to {
                statements.append(
                    "CREATE TABLE \(partition.name.sql) PARTITION OF \(target.sql) FOR VALUES FROM (\(keyKind.literal(from))) "
                        + "TO (\(keyKind.literal(to)))\(storage)")
            } else {
                statements.append("CREATE TABLE \(partition.name.sql) PARTITION OF \(target.sql) DEFAULT\(storage)")
            }
        }
        return statements
    }

    private var security: [String] {
        var statements: [String] = []
        if source.owner != currentUser {
            statements.append("ALTER TABLE \(target.sql) OWNER TO \(source.owner)")
            for partition in partitions { statements.append("ALTER TABLE \(partition.name.sql) OWNER TO \(source.owner)") }
        }
        if source.rowSecurity { statements.append("ALTER TABLE \(target.sql) ENABLE ROW LEVEL SECURITY") }
        if source.forceRowSecurity { statements.append("ALTER TABLE \(target.sql) FORCE ROW LEVEL SECURITY") }
        for policy in source.policies {
            var text = "CREATE POLICY \(SQLIdentifier.quote(policy.name)) ON \(target.sql)"
            text += " AS \(policy.permissive ? "PERMISSIVE" : "RESTRICTIVE") FOR \(policy.command)"
            text += " TO \(policy.roles.isEmpty ? "PUBLIC" : policy.roles.joined(separator: ", "))"
            if let using = policy.using { text += " USING (\(using))" }
            if let check = policy.withCheck { text += " WITH CHECK (\(check))" }
            statements.append(text)
        }
        // Table privileges, grouped per grantee and grant option; then column privileges.
        var tableGrants: [String: [String]] = [:]
        var columnGrants: [String: [String]] = [:]
        for grant in source.grants {
            let key = grant.grantee + (grant.grantable ? " WITH GRANT OPTION" : "")
            if let column = grant.column {
                columnGrants["\(grant.privilege) (\(SQLIdentifier.quote(column)))|\(key)", default: []].append(column)
            } else {
                tableGrants[key, default: []].append(grant.privilege)
            }
        }
        for (key, privileges) in tableGrants.sorted(by: { $0.key < $1.key }) {
            let grantee = key.replacing(" WITH GRANT OPTION", with: "")
            statements.append(
                "GRANT \(privileges.joined(separator: ", ")) ON TABLE \(target.sql) TO \(grantee)"
                    + (key.hasSuffix(" WITH GRANT OPTION") ? " WITH GRANT OPTION" : ""))
        }
        for key in columnGrants.keys.sorted() {
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            let grantee = parts[1].replacing(" WITH GRANT OPTION", with: "")
            statements.append(
                "GRANT \(parts[0]) ON TABLE \(target.sql) TO \(grantee)"
                    + (parts[1].hasSuffix(" WITH GRANT OPTION") ? " WITH GRANT OPTION" : ""))
        }
        return statements
    }

    private var comments: [String] {
        var statements: [String] = []
        if let comment = source.comment {
            statements.append("COMMENT ON TABLE \(target.sql) IS \(SQLLiteral.quote(comment))")
        }
        for column in source.columns {
            if let comment = column.comment {
                statements.append(
                    "COMMENT ON COLUMN \(target.sql).\(SQLIdentifier.quote(column.name)) IS \(SQLLiteral.quote(comment))")
            }
        }
        return statements
    }
}
