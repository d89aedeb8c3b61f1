import PostgresClient

/// SQL fragments over a table's key columns: row comparisons for keyset pagination, casts of checkpoint text.
struct KeySQL: Sendable {
    /// Primary-key columns with their types.
    let columns: [(name: String, type: String)]

    var names: [String] { columns.map(\.name) }

    func list(prefix: String? = nil) -> String {
        columns.map { (prefix.map { "\($0)." } ?? "") + SQLIdentifier.quote($0.name) }.joined(separator: ", ")
    }

    /// `ROW(a, b)` of a table alias.
    func row(_ alias: String) -> String { "ROW(\(list(prefix: alias)))" }

    /// `ROW($n::t1, $n+1::t2)`: a key passed as text parameters starting at `$first`.
    func parameters(from first: Int) -> String {
        "ROW(" + columns.enumerated().map { "$\(first + $0.offset)::\($0.element.type)" }.joined(separator: ", ") + ")"
    }

    /// `ARRAY[a::text, b::text]` of an alias: how a key is stored in the checkpoint.
    func textArray(_ alias: String) -> String {
        "ARRAY[" + columns.map { "\(alias).\(SQLIdentifier.quote($0.name))::text" }.joined(separator: ", ") + "]"
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
