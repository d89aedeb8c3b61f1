import PostgresClient
import Testing
import TestSupport

@Suite struct QuotingTests {
    static let hostileNames = [
        "plain", "Upper Case", "with\"quote", "dots.in.name", "spa ce", "ünïcödé_名前", "select", "a\"\"b", "'single'",
        "back\\slash", "trailing ",
    ]

    @Test("SQLIdentifier quotes exactly as libpq's PQescapeIdentifier, and the server accepts every name")
    func identifiersMatchLibpq() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            for name in Self.hostileNames {
                #expect(try await connection.escapeIdentifier(name) == SQLIdentifier.quote(name))
                let table = SQLIdentifier(schema: "public", name: name)
                try await connection.execute("CREATE TABLE \(table.sql) (\(SQLIdentifier.quote(name)) int)")
                try await connection.execute("INSERT INTO \(table.sql) VALUES (7)")
                let found = try await connection.query(
                    "SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                        + "WHERE c.oid = $1::regclass AND a.attnum = 1", [table.sql])
                #expect(found.first?[0] == name)
                #expect(found.first?[1] == name)
            }
        }
    }

    @Test("SQLLiteral quotes exactly as libpq's PQescapeLiteral and round-trips through the server")
    func literalsMatchLibpq() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            for text in Self.hostileNames + ["it's", "\\x00", "", "line\nbreak"] {
                // libpq puts a space before an E'' literal so it cannot fuse with a preceding token; we do not.
                let libpq = try await connection.escapeLiteral(text)
                #expect(libpq.drop(while: { $0 == " " }) == Substring(SQLLiteral.quote(text)))
                let echoed = try await connection.query("SELECT \(SQLLiteral.quote(text))")
                #expect(echoed.first?[0] == text)
            }
        }
    }

    @Test("table names parse like PostgreSQL: unquoted parts fold to lower case, quoted parts stay verbatim")
    func parsesQualifiedNames() throws {
        #expect(try SQLIdentifier.parse("messages") == SQLIdentifier("messages"))
        #expect(try SQLIdentifier.parse("Public.Messages") == SQLIdentifier(schema: "public", name: "messages"))
        #expect(
            try SQLIdentifier.parse("\"Sales\".\"Order Events\"")
                == SQLIdentifier(schema: "Sales", name: "Order Events"))
        #expect(try SQLIdentifier.parse("\"a.b\"") == SQLIdentifier("a.b"))
        #expect(try SQLIdentifier.parse("\"say \"\"hi\"\"\"") == SQLIdentifier("say \"hi\""))
        for bad in ["", "a.", ".a", "a.b.c", "\"open", "a b", "\"\"", "\"x\"y"] {
            #expect(throws: SQLIdentifier.ParseError.self) { try SQLIdentifier.parse(bad) }
        }
        #expect(SQLIdentifier(schema: "Sales", name: "Order Events").displayName == "\"Sales\".\"Order Events\"")
        #expect(SQLIdentifier(schema: "public", name: "messages").displayName == "public.messages")
    }
}
