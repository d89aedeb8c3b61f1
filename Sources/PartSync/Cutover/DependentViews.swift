import Foundation
import PostgresClient

/// What depends on a table by OID and so would keep reading the old table after a rename swap.
///
/// A view's query is stored bound to the OIDs of its tables. The swap reads every dependent view's definition
/// before it renames (printed with only `pg_catalog` on the search path, so every name in it is qualified),
/// and after the rename runs `CREATE OR REPLACE VIEW` with that text: the names now resolve to the new table.
/// The view keeps its OID, owner, grants, comments, triggers and column defaults; its options
/// (`security_barrier`, `security_invoker`, `check_option`) are given again because `CREATE OR REPLACE`
/// replaces them. Materialized views hold data computed from the old table and cannot be re-pointed without
/// recomputing it, and functions with SQL-standard bodies (`BEGIN ATOMIC`) are bound by OID too: both are
/// reported, with what to do.
struct DependentViews: Sendable {
    struct View: Sendable, Equatable {
        var name: SQLIdentifier
        var definition: String
        var options: [String]
    }

    /// Plain views to recreate, in dependency-safe order (each is over the table itself).
    var views: [View]
    /// Materialized views and `BEGIN ATOMIC` functions over the table, one line each, with the next step.
    var reported: [String]

    /// The views (`v`) and materialized views of table `$1` (an OID): rewrite rules that depend on it.
    private static let viewsOf = """
        FROM pg_catalog.pg_depend d
        JOIN pg_catalog.pg_rewrite r ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid
        JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
        JOIN pg_catalog.pg_namespace n ON n.oid = v.relnamespace
        WHERE d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = $1::oid AND v.oid <> $1::oid
        """

    /// The dependents of `table` (an OID), read in the caller's transaction.
    static func read(of table: MigrationContext.Table, on tx: Connection) async throws -> DependentViews {
        let path = try await tx.query("SELECT pg_catalog.current_setting('search_path')").first![0] ?? ""
        try await tx.query("SELECT pg_catalog.set_config('search_path', 'pg_catalog', true)")
        let rows = try await tx.query(
            """
            SELECT DISTINCT v.relkind::text, n.nspname, v.relname, pg_catalog.pg_get_viewdef(v.oid),
                   pg_catalog.array_to_string(v.reloptions, E'\\x1f')
            \(viewsOf)
            ORDER BY 2, 3
            """, [Int64(table.oid)])
        let functions = try await tx.query(
            """
            SELECT DISTINCT p.oid::pg_catalog.regprocedure::text
            FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_proc p ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                 AND d.objid = p.oid
            WHERE d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = $1::oid
            ORDER BY 1
            """, [Int64(table.oid)])
        try await tx.query("SELECT pg_catalog.set_config('search_path', $1, true)", [path])
        var dependents = DependentViews(views: [], reported: [])
        for row in rows.rows {
            let name = SQLIdentifier(schema: row[1], name: row[2] ?? "")
            if row[0] == "m" {
                dependents.reported.append(
                    "materialized view \(name.displayName) still reads \(table.name.displayName) (by OID): recreate it "
                        + "over the new table (DROP and CREATE MATERIALIZED VIEW) before `finish --drop-retired`")
                continue
            }
            var definition = (row[3] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if definition.hasSuffix(";") { definition.removeLast() }
            let options = row[4].map { $0.split(separator: "\u{1f}").map(String.init) } ?? []
            dependents.views.append(View(name: name, definition: definition, options: options))
        }
        for row in functions.rows {
            dependents.reported.append(
                "function \(row[0] ?? "?") has a SQL-standard body bound to \(table.name.displayName) by OID: "
                    + "recreate it (CREATE OR REPLACE FUNCTION with the same body) to use the new table")
        }
        return dependents
    }

    /// Recreates every plain view with its definition and options; the names in them now resolve to the
    /// table that took the name. Returns the views' names.
    func recreate(on tx: Connection) async throws -> [String] {
        for view in views {
            let options = view.options.isEmpty ? "" : " WITH (\(view.options.joined(separator: ", ")))"
            try await tx.execute("CREATE OR REPLACE VIEW \(view.name.sql)\(options) AS \(view.definition)")
        }
        return views.map(\.name.displayName)
    }

    /// The plain views' names, to lock before the tables (a reader locks a view before its tables; taking the
    /// locks in the same order cannot deadlock with it).
    static func names(of table: MigrationContext.Table, on connection: Connection) async throws -> [SQLIdentifier] {
        try await connection.query(
            """
            SELECT DISTINCT n.nspname, v.relname
            \(viewsOf) AND v.relkind = 'v'
            ORDER BY 1, 2
            """, [Int64(table.oid)]).rows.map { SQLIdentifier(schema: $0[0], name: $0[1] ?? "") }
    }
}
