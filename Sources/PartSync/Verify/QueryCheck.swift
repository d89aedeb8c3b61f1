import Foundation
import PostgresClient

/// `verify`'s query check: runs representative queries with `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` on the
/// source and on the target, so an operator sees before cutover what partitioning does to the queries that
/// matter: how many partitions each one touches, how many buffers it reads and how long it takes.
///
/// - Read-only: every query runs in a `READ ONLY` transaction that is rolled back, so `ANALYZE` (which executes
///   the statement) cannot change data; a query that does not start with `SELECT` or `WITH` is refused first,
///   for a clear message.
/// - Warm caches: each side runs once untimed, then `runs` timed runs alternate source and target, and the
///   median of each side's server-reported execution times is compared (docs/reports.md).
/// - Default queries come from the catalog (`defaultQueries`); `--query FILE.sql` replaces them (`parse`).
public struct QueryCheck: Sendable {
    /// A query to compare: SQL text in which `{table}` stands for the table (quoted), run once per side.
    public struct Query: Sendable, Codable, Equatable {
        public var name: String
        /// The SQL text with `{table}` placeholders.
        public var sql: String

        public init(name: String, sql: String) {
            self.name = name
            self.sql = sql
        }

        /// What `{table}` is replaced by.
        public static let placeholder = "{table}"

        /// The text run against `table`: every `{table}` replaced by its quoted name.
        public func sql(for table: SQLIdentifier) -> String {
            sql.replacing(Self.placeholder, with: table.sql)
        }

        /// - Throws: `PartSyncError(.usage)` when the query is not a `SELECT` (or `WITH … SELECT`), or does not
        ///   mention `{table}` (it would run the same statement on both sides).
        public func validate() throws {
            let keyword = QueryText.firstKeyword(sql)
            guard keyword == "select" || keyword == "with" else {
                throw PartSyncError(
                    .usage, message: "query check \"\(name)\" is not a SELECT (it starts with "
                        + (keyword.isEmpty ? "nothing" : "\(keyword.uppercased())") + ")",
                    nextStep: "the query check runs read-only queries only: give a SELECT or WITH … SELECT")
            }
            guard sql.contains(Self.placeholder) else {
                throw PartSyncError(
                    .usage, message: "query check \"\(name)\" does not mention \(Self.placeholder)",
                    nextStep: "write \(Self.placeholder) where the table goes; it is replaced by the source's and "
                        + "the target's name in turn")
            }
        }
    }

    /// What the query check measured: one entry per query, each side's figures.
    public struct Report: Sendable, Codable, Equatable {
        /// One side's figures for one query.
        public struct Side: Sendable, Codable, Equatable {
            /// The table, as people read it.
            public var table: String
            /// The SQL run (the query with `{table}` replaced).
            public var sql: String
            /// Median of the timed runs' `Execution Time`, in milliseconds.
            public var medianMs: Double
            /// Median of the timed runs' `Planning Time`, in milliseconds (a table of many partitions plans longer).
            public var medianPlanningMs: Double
            /// Every timed run's execution time, in run order.
            public var runsMs: [Double]
            /// Shared buffers found in the cache and read, by the top plan node of the median run.
            public var sharedHitBlocks: Int64
            public var sharedReadBlocks: Int64
            /// Rows the query returned (the top node's actual rows) in the median run.
            public var rows: Double
            /// Every relation a plan node scans, as the plan names it, sorted.
            public var relations: [String]
            /// This side's leaf relations in the plan: partitions of the target (the source counts as one).
            public var partitionsScanned: Int
            /// Of those, the ones the executor started; a `LIMIT` can stop before it reaches the rest.
            public var partitionsExecuted: Int
            /// Leaf partitions of this side's table (1 for the source).
            public var partitionsTotal: Int

            public var sharedBlocks: Int64 { sharedHitBlocks + sharedReadBlocks }
            /// Partitions the planner left out.
            public var partitionsPruned: Int { partitionsTotal - partitionsScanned }
        }

        public struct Entry: Sendable, Codable, Equatable {
            public var name: String
            public var source: Side
            public var target: Side
            /// Source median ÷ target median: above 1 the target is faster. Nil when the target's median is 0.
            public var ratio: Double?
        }

        public var source: String
        public var target: String
        /// Timed runs per side and query (after `warmupRuns` untimed ones).
        public var runs: Int
        public var warmupRuns: Int
        public var entries: [Entry]
    }

    /// The queries to run; nil derives them from the catalog (`defaultQueries`).
    public var queries: [Query]?
    /// Timed runs per side and query.
    public var runs: Int

    public init(queries: [Query]? = nil, runs: Int = 5) {
        self.queries = queries
        self.runs = max(1, runs)
    }

    /// Runs every query on both sides and measures it.
    /// - Throws: `PartSyncError(.usage)` for a query that is not a SELECT or lacks `{table}`;
    ///   `PartSyncError(.database)` when a query fails (naming it and the side).
    public func run(on connection: Connection, context: MigrationContext) async throws -> Report {
        let phase = context.record.phase
        var queries = self.queries ?? []
        do {
            if self.queries == nil { queries = try await Self.defaultQueries(on: connection, context: context) }
        } catch {
            throw PartSyncError.database(error, table: context.table, phase: phase,
                                         doing: "deriving the check's queries")
        }
        for query in queries {
            do {
                try query.validate()
            } catch var error as PartSyncError {
                error.table = context.table
                error.phase = phase
                throw error
            }
        }
        let source = context.source.identifier
        let target = context.target.identifier
        let leaves: Set<String>
        do {
            leaves = Set(try await connection.query(
                """
                SELECT c.relname FROM pg_catalog.pg_partition_tree($1::regclass) t
                JOIN pg_catalog.pg_class c ON c.oid = t.relid WHERE t.isleaf
                """, [target.sql]).rows.compactMap { $0[0] })
        } catch {
            throw PartSyncError.database(error, table: context.table, phase: phase,
                                         doing: "listing the target's partitions")
        }
        var entries: [Report.Entry] = []
        for query in queries {
            let sides = (source: query.sql(for: source), target: query.sql(for: target))
            let measured: (source: [Explain], target: [Explain])
            do {
                // Read-only and rolled back, so ANALYZE of a query cannot leave anything behind.
                measured = try await connection.withTransaction(readOnly: true, rollBack: true) { tx in
                    // Warm both sides first, then alternate so that neither gets all the quiet moments.
                    _ = try await Explain.run(sides.source, on: tx)
                    _ = try await Explain.run(sides.target, on: tx)
                    var left: [Explain] = []
                    var right: [Explain] = []
                    for _ in 0..<runs {
                        left.append(try await Explain.run(sides.source, on: tx))
                        right.append(try await Explain.run(sides.target, on: tx))
                    }
                    return (left, right)
                }
            } catch {
                throw PartSyncError.database(error, table: context.table, phase: phase,
                                             doing: "query check \"\(query.name)\"")
            }
            let left = Self.side(source.displayName, sides.source, measured.source, leaves: [source.name])
            let right = Self.side(target.displayName, sides.target, measured.target, leaves: leaves)
            entries.append(Report.Entry(name: query.name, source: left, target: right,
                                        ratio: right.medianMs > 0 ? left.medianMs / right.medianMs : nil))
        }
        return Report(source: source.displayName, target: target.displayName, runs: runs, warmupRuns: 1,
                      entries: entries)
    }

    /// One side's figures from its timed runs. Buffers and rows come from the run whose time is the (lower)
    /// median, so they describe the same run the time does.
    static func side(_ table: String, _ sql: String, _ runs: [Explain], leaves: Set<String>) -> Report.Side {
        let byTime = runs.sorted { $0.executionMs < $1.executionMs }
        let middle = byTime[(byTime.count - 1) / 2]
        let mine = middle.relations.filter { leaves.contains($0.key) }
        return Report.Side(
            table: table, sql: sql, medianMs: median(runs.map(\.executionMs)),
            medianPlanningMs: median(runs.map(\.planningMs)), runsMs: runs.map(\.executionMs),
            sharedHitBlocks: middle.sharedHitBlocks, sharedReadBlocks: middle.sharedReadBlocks, rows: middle.rows,
            relations: middle.relations.keys.sorted(), partitionsScanned: mine.count,
            partitionsExecuted: mine.values.filter { $0 }.count, partitionsTotal: max(1, leaves.count))
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let half = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2
    }
}

// MARK: - The plan

extension QueryCheck {
    /// The figures of one `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` run.
    public struct Explain: Sendable, Equatable {
        public var executionMs: Double
        public var planningMs: Double
        /// The top node's shared buffers (they include every node below it).
        public var sharedHitBlocks: Int64
        public var sharedReadBlocks: Int64
        public var rows: Double
        /// Every relation a node scans ("Relation Name"), and whether any of its nodes ran at least once.
        public var relations: [String: Bool]

        /// Parses the server's JSON plan: an array holding one object with `Plan`, `Planning Time` and
        /// `Execution Time`.
        /// - Throws: `PostgresError(kind: .client)` when the text is not such a plan.
        public init(json: String) throws {
            let explained: [Explained]
            do {
                explained = try JSONDecoder().decode([Explained].self, from: Data(json.utf8))
            } catch {
                throw PostgresError(kind: .client, message: "EXPLAIN did not return a JSON plan: \(error)")
            }
            guard let top = explained.first else {
                throw PostgresError(kind: .client, message: "EXPLAIN returned an empty plan")
            }
            executionMs = top.executionTime ?? 0
            planningMs = top.planningTime ?? 0
            sharedHitBlocks = top.plan.sharedHitBlocks ?? 0
            sharedReadBlocks = top.plan.sharedReadBlocks ?? 0
            rows = top.plan.actualRows ?? 0
            var relations: [String: Bool] = [:]
            func visit(_ node: Node) {
                if let name = node.relationName {
                    relations[name] = (relations[name] ?? false) || (node.actualLoops ?? 0) > 0
                }
                node.plans?.forEach(visit)
            }
            visit(top.plan)
            self.relations = relations
        }

        static func run(_ sql: String, on connection: Connection) async throws -> Explain {
            let result = try await connection.query("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
            return try Explain(json: result.first?[0] ?? "")
        }

        private struct Explained: Decodable {
            var plan: Node
            var planningTime: Double?
            var executionTime: Double?

            enum CodingKeys: String, CodingKey {
                case plan = "Plan"
                case planningTime = "Planning Time"
                case executionTime = "Execution Time"
            }
        }

        /// The fields of a plan node the check reads; the server prints many more.
        private struct Node: Decodable {
            var relationName: String?
            var actualLoops: Double?
            var actualRows: Double?
            var sharedHitBlocks: Int64?
            var sharedReadBlocks: Int64?
            var plans: [Node]?

            enum CodingKeys: String, CodingKey {
                case relationName = "Relation Name"
                case actualLoops = "Actual Loops"
                case actualRows = "Actual Rows"
                case sharedHitBlocks = "Shared Hit Blocks"
                case sharedReadBlocks = "Shared Read Blocks"
                case plans = "Plans"
            }
        }
    }
}

// MARK: - Default queries

extension QueryCheck {
    /// The queries derived from the catalog, without names of any particular schema:
    /// - one month of the partition key: the latest month holding data before the month of the newest row (that
    ///   one is usually still filling), or that month when it is the only one; a `count(*)`;
    /// - for up to two btree indexes whose leading column is neither the partition key nor a primary-key
    ///   column (distinct leading columns, partial indexes left out): the most common value of that column in a
    ///   sample of rows, newest 50 rows by the partition key.
    /// Values are read from the source's rows and written into the SQL as quoted literals, so the text in the
    /// report runs as it stands in `psql`.
    public static func defaultQueries(on connection: Connection, context: MigrationContext) async throws -> [Query] {
        let source = context.source.identifier
        let key = context.shape.partitionKey
        var queries: [Query] = []
        if let type = context.shape.column(key)?.type,
           let month = try await latestMonth(of: key, type: type, in: source, on: connection)
        {
            queries.append(month)
        }
        let partial = Set(try await connection.query(
            """
            SELECT c.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = $1 AND i.indpred IS NOT NULL
            """, [context.source.oid]).rows.compactMap { $0[0] })
        let columns = lookupColumns(context.source, partitionKey: key, primaryKey: context.shape.primaryKey,
                                    partialIndexes: partial)
        for column in columns {
            guard let value = try await frequentValue(of: column, in: context.source, on: connection) else { continue }
            queries.append(Query(
                name: "one \(column): newest 50 by \(key)",
                sql: "SELECT * FROM \(Query.placeholder) WHERE \(SQLIdentifier.quote(column)) = "
                    + "\(SQLLiteral.quote(value)) ORDER BY \(SQLIdentifier.quote(key)) DESC LIMIT 50"))
        }
        return queries
    }

    /// The leading columns of the source's lookup indexes, in the catalog's order (by index name), at most 2.
    static func lookupColumns(_ table: TableDefinition, partitionKey: String, primaryKey: [String],
                              partialIndexes: Set<String>, limit: Int = 2) -> [String] {
        var columns: [String] = []
        for index in table.indexes where index.method == "btree" && index.isValid && !index.isPrimary
            && !partialIndexes.contains(index.name)
        {
            guard let leading = index.keyColumns.first ?? nil, leading != partitionKey, !primaryKey.contains(leading),
                  !columns.contains(leading)
            else { continue }
            columns.append(leading)
            if columns.count == limit { break }
        }
        return columns
    }

    /// The month query, or nil for an empty table or a partition key that is not a date or timestamp.
    static func latestMonth(of key: String, type: String, in source: SQLIdentifier, on connection: Connection)
        async throws -> Query?
    {
        // Bounds are written for the key's type so that the planner prunes on constants: UTC midnights for
        // timestamptz (the target's partition bounds), plain midnights or dates for the others.
        let suffix: String
        switch type {
        case "timestamp with time zone": suffix = " 00:00:00+00"
        case "timestamp without time zone": suffix = " 00:00:00"
        case "date": suffix = ""
        default: return nil
        }
        let column = "a.\(SQLIdentifier.quote(key))"
        let row = try await connection.query(
            """
            WITH latest AS (SELECT pg_catalog.max(\(column)) AS v FROM \(source.sql) a)
            SELECT pg_catalog.to_char(pg_catalog.date_trunc('month', coalesce(
                       (SELECT pg_catalog.max(\(column)) FROM \(source.sql) a
                        WHERE \(column) < (SELECT pg_catalog.date_trunc('month', v) FROM latest)),
                       (SELECT v FROM latest))), 'YYYY-MM-DD')
            """).first
        guard let first = row?[0], let day = DayText.days(first) else { return nil }
        let next = DayText.text(PartitionInterval.month.nextPeriod(after: day))
        let name = SQLIdentifier.quote(key)
        return Query(
            name: "one month of \(key) (\(first.prefix(7)))",
            sql: "SELECT count(*) FROM \(Query.placeholder) WHERE \(name) >= \(SQLLiteral.quote(first + suffix)) "
                + "AND \(name) < \(SQLLiteral.quote(next + suffix))")
    }

    /// The most common non-null value of `column` among about 10,000 sampled rows, as text; nil when the
    /// column holds no value. The sample reads a share of the table's blocks (`TABLESAMPLE SYSTEM`), so a large
    /// table is not scanned; a table too small for the share to hit a block is read from its start instead.
    static func frequentValue(of column: String, in table: TableDefinition, on connection: Connection)
        async throws -> String?
    {
        let percent = table.estimatedRows > 0 ? min(100, max(0.001, 1_000_000 / Double(table.estimatedRows))) : 100
        let name = "a.\(SQLIdentifier.quote(column))"
        for sample in ["TABLESAMPLE SYSTEM (\(String(format: "%.3f", percent)))", ""] {
            let row = try await connection.query(
                """
                SELECT s.v::text FROM (
                    SELECT \(name) AS v FROM \(table.identifier.sql) a \(sample) WHERE \(name) IS NOT NULL LIMIT 10000
                ) s GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1
                """).first
            if let value = row?[0] { return value }
        }
        return nil
    }
}

// MARK: - Query files

extension QueryCheck {
    /// Reads a `--query FILE.sql` file: statements separated by `;`, each optionally preceded by a comment line
    /// `-- name: <name>` (unnamed ones are called `query 1`, `query 2`, … by position). Semicolons inside
    /// quotes, dollar quotes and comments do not separate; other leading comments are dropped.
    /// - Throws: `PartSyncError(.usage)` for a file without statements, or a statement that is not a SELECT or
    ///   does not mention `{table}`.
    public static func parse(_ text: String) throws -> [Query] {
        var queries: [Query] = []
        for statement in QueryText.statements(text) {
            let (name, sql) = QueryText.leadingName(statement)
            guard !sql.isEmpty else { continue }
            let query = Query(name: name ?? "query \(queries.count + 1)", sql: sql)
            try query.validate()
            queries.append(query)
        }
        guard !queries.isEmpty else {
            throw PartSyncError(.usage, message: "the query file holds no statement",
                                nextStep: "write one SELECT per query, separated by `;`, each optionally after a "
                                    + "line `-- name: <name>`")
        }
        return queries
    }
}

/// Lexing just enough of SQL to split statements and read the leading keyword: quotes, dollar quotes and
/// comments are skipped whole.
enum QueryText {
    /// The text between top-level semicolons (the last piece may lack one).
    static func statements(_ text: String) -> [String] {
        let chars = Array(text.unicodeScalars)
        var pieces: [String] = []
        var start = 0
        var index = 0
        func piece(_ from: Int, _ to: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: chars[from..<to])
            return String(view)
        }
        while index < chars.count {
            if chars[index] == ";" {
                pieces.append(piece(start, index))
                index += 1
                start = index
            } else {
                index = skip(chars, at: index) ?? index + 1
            }
        }
        if start < chars.count { pieces.append(piece(start, chars.count)) }
        return pieces
    }

    /// Where the quoted string, quoted identifier, dollar-quoted string or comment starting at `index` ends;
    /// nil when none starts there.
    static func skip(_ chars: [Unicode.Scalar], at index: Int) -> Int? {
        let count = chars.count
        func at(_ i: Int) -> Unicode.Scalar? { i < count ? chars[i] : nil }
        switch chars[index] {
        case "'", "\"":
            let quote = chars[index]
            // E'…' strings escape with a backslash; others only double the quote.
            let escapes = quote == "'" && index > 0 && (chars[index - 1] == "E" || chars[index - 1] == "e")
            var i = index + 1
            while i < count {
                if escapes && chars[i] == "\\" {
                    i += 2
                } else if chars[i] == quote {
                    if at(i + 1) == quote { i += 2 } else { return i + 1 }
                } else {
                    i += 1
                }
            }
            return count
        case "-" where at(index + 1) == "-":
            var i = index
            while i < count && chars[i] != "\n" { i += 1 }
            return i
        case "/" where at(index + 1) == "*":
            // Block comments nest in PostgreSQL.
            var depth = 0
            var i = index
            while i < count {
                if chars[i] == "/" && at(i + 1) == "*" {
                    depth += 1
                    i += 2
                } else if chars[i] == "*" && at(i + 1) == "/" {
                    depth -= 1
                    i += 2
                    if depth == 0 { return i }
                } else {
                    i += 1
                }
            }
            return count
        case "$":
            // $tag$ … $tag$ (the tag may be empty); `$1` is a parameter, not a quote.
            var i = index + 1
            while i < count, chars[i].properties.isAlphabetic || chars[i] == "_"
                || (i > index + 1 && ("0"..."9").contains(chars[i]))
            {
                i += 1
            }
            guard at(i) == "$" else { return nil }
            let tag = Array(chars[index...i])
            var j = i + 1
            while j + tag.count <= count {
                if Array(chars[j..<(j + tag.count)]) == tag { return j + tag.count }
                j += 1
            }
            return count
        default:
            return nil
        }
    }

    /// The name from a leading `-- name: …` comment line (the last one, when several), and the statement with
    /// its leading comments and surrounding white space removed.
    static func leadingName(_ statement: String) -> (name: String?, sql: String) {
        var rest = Substring(statement)
        var name: String?
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("--") {
                let line = rest.prefix { $0 != "\n" }
                let comment = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                if comment.lowercased().hasPrefix("name:") {
                    let value = comment.dropFirst("name:".count).trimmingCharacters(in: .whitespaces)
                    if !value.isEmpty { name = value }
                }
                rest = rest.dropFirst(line.count)
            } else if rest.hasPrefix("/*") {
                let scalars = Array(String(rest).unicodeScalars)
                let end = skip(scalars, at: 0) ?? scalars.count
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[end...])
                rest = Substring(String(view))
            } else {
                break
            }
        }
        return (name, rest.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The statement's first keyword in lower case, after comments and opening parentheses.
    static func firstKeyword(_ sql: String) -> String {
        var rest = Substring(leadingName(sql).sql)
        rest = rest.drop { $0 == "(" || $0.isWhitespace }
        return String(rest.prefix { $0.isLetter }).lowercased()
    }
}
