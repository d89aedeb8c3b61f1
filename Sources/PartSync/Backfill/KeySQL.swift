import PostgresClient

/// SQL fragments over the frozen shape of a migration, shared by capture, backfill, sync and verify: column
/// lists, row comparisons for keyset pagination, equality joins, typed parameters and checkpoint text. Every
/// name goes through `SQLIdentifier.quote`; aliases are partsync's own constants.
struct KeySQL: Sendable {
    /// Which columns of the shape a fragment covers.
    enum Columns: Sendable {
        /// The source's primary key.
        case key
        /// The target's primary key (`key` plus the partition key): what a change-log entry holds.
        case target
        /// Every column INSERT writes (not the generated ones).
        case insert
        /// Every column, generated ones included (what verification compares).
        case all
    }

    let shape: MigrationShape

    init(_ shape: MigrationShape) { self.shape = shape }

    func names(_ columns: Columns) -> [String] {
        switch columns {
        case .key: return shape.primaryKey
        case .target: return shape.targetKey
        case .insert: return shape.insertColumns
        case .all: return shape.columns.map(\.name)
        }
    }

    /// `"a", "b"` or, with a prefix, `p."a", p."b"`.
    func list(_ columns: Columns = .key, prefix: String? = nil) -> String {
        names(columns).map { (prefix.map { "\($0)." } ?? "") + SQLIdentifier.quote($0) }.joined(separator: ", ")
    }

    /// `ROW(a."x", a."y")` of a table alias.
    func row(_ alias: String, _ columns: Columns = .key) -> String { "ROW(\(list(columns, prefix: alias)))" }

    /// `l."x" = r."x" AND l."y" = r."y"`; with `qualifiedOperator` the operator is `OPERATOR(pg_catalog.=)`
    /// (for SECURITY DEFINER bodies, where the caller's search_path must not choose the operator).
    func equal(_ columns: Columns, _ left: String, _ right: String, qualifiedOperator: Bool = false) -> String {
        let op = qualifiedOperator ? "OPERATOR(pg_catalog.=)" : "="
        return names(columns).map { "\(left).\(SQLIdentifier.quote($0)) \(op) \(right).\(SQLIdentifier.quote($0))" }
            .joined(separator: " AND ")
    }

    /// `ROW($n::t1, $n+1::t2)`: a source key passed as text parameters starting at `$first`.
    func parameters(from first: Int) -> String {
        "ROW(" + shape.keyColumns.enumerated().map { "$\(first + $0.offset)::\($0.element.type)" }
            .joined(separator: ", ") + ")"
    }

    /// `ARRAY[a."x"::text, a."y"::text]` of an alias: how a source key (or, with `.target`, a target key) is
    /// stored in a checkpoint or a state table.
    func textArray(_ alias: String, _ columns: Columns = .key) -> String {
        "ARRAY[" + names(columns).map { "\(alias).\(SQLIdentifier.quote($0))::text" }.joined(separator: ", ") + "]"
    }

    /// `"x" bigint,\n    "y" timestamptz`: column definitions of the change log's key columns.
    var loggedColumnDefinitions: String {
        shape.loggedColumns.map { "    \(SQLIdentifier.quote($0.name)) \($0.type)" }.joined(separator: ",\n")
    }

    /// `DO UPDATE SET "c" = EXCLUDED."c", …` for every written column outside the conflict key (the target
    /// key, or the source's primary key when the retired table is written). A table of key columns only sets
    /// its first key column to itself: RETURNING must name every pair that exists in the source, and `DO
    /// NOTHING` returns none of the rows it skips.
    func upsertAssignments(conflict: Columns = .target) -> String {
        let keyColumns = names(conflict)
        var updates = shape.insertColumns.filter { !keyColumns.contains($0) }
        if updates.isEmpty { updates = [keyColumns[0]] }
        return "DO UPDATE SET " + updates.map { "\(SQLIdentifier.quote($0)) = EXCLUDED.\(SQLIdentifier.quote($0))" }
            .joined(separator: ", ")
    }
}

/// Reads and writes the `text[]` columns of the state tables.
enum TextArray {
    /// The array literal of `values`, every element quoted and escaped: `{"a","b\"c"}`.
    static func literal(_ values: [String]) -> String {
        let elements = values.map { value in
            "\"" + value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        }
        return "{" + elements.joined(separator: ",") + "}"
    }

    /// Parses PostgreSQL's array text output for a one-dimensional `text[]`.
    static func parse(_ text: String?) -> [String]? {
        guard let text, text.hasPrefix("{"), text.hasSuffix("}") else { return nil }
        var values: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        var wasQuoted = false
        for char in text.dropFirst().dropLast() {
            if escaped {
                current.append(char)
                escaped = false
            } else if char == "\\" && quoted {
                escaped = true
            } else if char == "\"" {
                quoted.toggle()
                wasQuoted = true
            } else if char == "," && !quoted {
                values.append(current)
                current = ""
                wasQuoted = false
            } else {
                current.append(char)
            }
        }
        if !current.isEmpty || wasQuoted || !values.isEmpty { values.append(current) }
        return values
    }
}

extension KeySQL {
    /// Where a key range's condition reads the key from: a table's columns, or the `text[]` of a state table.
    enum KeySource: Sendable {
        /// `alias."x"`, `alias."y"`: a table that has the key columns (source, target, change log).
        case columns(String)
        /// `(expression[1])::t1, (expression[2])::t2`: a key stored as text (`partsync.touched_keys.key`).
        case text(String)
    }

    /// The condition `lower <= key < upper` over a key range whose bounds are source keys as text (nil: open),
    /// with the bounds as parameters from `$first`. One key column compares plainly, several as rows; both
    /// are btree index conditions on the key's index.
    func inRange(_ source: KeySource, lower: [String]?, upper: [String]?, first: Int)
        -> (sql: String, parameters: [String?])
    {
        let expressions: [String]
        switch source {
        case .columns(let alias):
            expressions = shape.primaryKey.map { "\(alias).\(SQLIdentifier.quote($0))" }
        case .text(let expression):
            expressions = typed(expression)
        }
        let key = expressions.count == 1 ? expressions[0] : "ROW(\(expressions.joined(separator: ", ")))"
        var conditions: [String] = []
        var parameters: [String?] = []
        for (bound, op) in [(lower, ">="), (upper, "<")] {
            guard let bound else { continue }
            let placeholders = shape.keyColumns.enumerated().map { "$\(first + parameters.count + $0.offset)::\($0.element.type)" }
            conditions.append("\(key) \(op) " + (placeholders.count == 1 ? placeholders[0] : "ROW(\(placeholders.joined(separator: ", ")))"))
            parameters += bound.map { $0 as String? }
        }
        return (conditions.isEmpty ? "true" : conditions.joined(separator: " AND "), parameters)
    }

    /// `(array[1])::t1, (array[2])::t2`: a source key (or, with `.target`, a target key) stored as `text[]`,
    /// back in its columns' types.
    func typed(_ array: String, _ columns: Columns = .key) -> [String] {
        let typed = columns == .target ? shape.loggedColumns : shape.keyColumns
        return typed.enumerated().map { "(\(array)[\($0.offset + 1)])::\($0.element.type)" }
    }

    /// `ORDER BY` list of the source key of an alias.
    func orderBy(_ alias: String) -> String { list(.key, prefix: alias) }
}
