/// A possibly schema-qualified SQL identifier, always rendered quoted.
///
/// The rendering follows libpq's `PQescapeIdentifier` for a UTF-8 connection: wrap in double quotes and
/// double every embedded double quote. Tests check the two agree on hostile names. It is pure so that DDL can
/// be generated (and golden-tested) without a connection.
public struct SQLIdentifier: Hashable, Sendable, CustomStringConvertible {
    public let schema: String?
    public let name: String

    public init(_ name: String) {
        self.schema = nil
        self.name = name
    }

    public init(schema: String?, name: String) {
        self.schema = schema
        self.name = name
    }

    /// The quoted SQL text, e.g. `"Sales"."Order Events"`.
    public var sql: String {
        if let schema { return SQLIdentifier.quote(schema) + "." + SQLIdentifier.quote(name) }
        return SQLIdentifier.quote(name)
    }

    public var description: String { sql }

    /// A name for people: unquoted where that is unambiguous, e.g. `public.messages` or `"Sales"."Order Events"`.
    public var displayName: String {
        func show(_ part: String) -> String { SQLIdentifier.isPlain(part) ? part : SQLIdentifier.quote(part) }
        if let schema { return show(schema) + "." + show(name) }
        return show(name)
    }

    /// Quotes one identifier part.
    public static func quote(_ part: String) -> String {
        "\"" + part.replacing("\"", with: "\"\"") + "\""
    }

    /// A lower-case ASCII name that PostgreSQL would not fold or misread (keywords aside).
    static func isPlain(_ part: String) -> Bool {
        guard let first = part.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else {
            return false
        }
        return part.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// Parses `name`, `schema.name`, `"Quoted Schema"."Quoted.Name"` the way PostgreSQL does: unquoted parts are
    /// folded to lower case, quoted parts kept verbatim with `""` meaning one quote.
    /// - Throws: `SQLIdentifier.ParseError` for empty parts, unbalanced quotes or more than two parts.
    public static func parse(_ text: String) throws -> SQLIdentifier {
        var parts: [String] = []
        var current = ""
        var chars = Array(text)
        var index = 0
        var quotedPart = false
        chars.append("\0")
        while index < chars.count - 1 {
            let char = chars[index]
            if char == "\"" {
                guard current.isEmpty, !quotedPart else { throw ParseError(text: text) }
                index += 1
                var closed = false
                while index < chars.count - 1 {
                    if chars[index] == "\"" {
                        if chars[index + 1] == "\"" {
                            current.append("\"")
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    current.append(chars[index])
                    index += 1
                }
                guard closed, !current.isEmpty else { throw ParseError(text: text) }
                quotedPart = true
                continue
            }
            if char == "." {
                guard !current.isEmpty else { throw ParseError(text: text) }
                parts.append(current)
                current = ""
                quotedPart = false
                index += 1
                continue
            }
            guard !quotedPart else { throw ParseError(text: text) }
            if char.isWhitespace { throw ParseError(text: text) }
            current.append(contentsOf: char.lowercased())
            index += 1
        }
        guard !current.isEmpty else { throw ParseError(text: text) }
        parts.append(current)
        switch parts.count {
        case 1: return SQLIdentifier(parts[0])
        case 2: return SQLIdentifier(schema: parts[0], name: parts[1])
        default: throw ParseError(text: text)
        }
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let text: String
        public var description: String {
            "'\(text)' is not a table name: use name, schema.name, or double quotes around parts with "
                + "upper case, spaces or dots (e.g. '\"Sales\".\"Order Events\"')"
        }
    }
}

/// SQL string literals, following libpq's `PQescapeLiteral` with `standard_conforming_strings` on:
/// quotes doubled, and an `E''` literal with doubled backslashes when the text holds a backslash.
public enum SQLLiteral {
    public static func quote(_ text: String) -> String {
        let doubled = text.replacing("'", with: "''")
        if text.contains("\\") { return "E'" + doubled.replacing("\\", with: "\\\\") + "'" }
        return "'" + doubled + "'"
    }
}
