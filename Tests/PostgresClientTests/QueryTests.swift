import Foundation
import PostgresClient
import Testing
import TestSupport

@Suite struct QueryTests {
    @Test("parameters round-trip and rows decode into Swift values")
    func decodesTypedValues() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            let id = UUID()
            let when = Date(timeIntervalSince1970: 1_717_171_717.123456)
            let bytes = Bytes([0, 1, 127, 128, 255])
            let result = try await connection.query(
                "SELECT $1::int8 AS big, $2::int4 AS small, $3::float8 AS real, $4::bool AS flag, $5::text AS name, "
                    + "$6::uuid AS id, $7::timestamptz AS at, $8::bytea AS raw, $9::text AS missing, "
                    + "'2024-02-29'::date AS day",
                [Int64(9_007_199_254_740_993), Int32(-42), 2.5, true, "naïve 'quoted' \\ text", id, when, bytes, nil])
            let row = try #require(result.first)
            #expect(try row.decode(Int64.self, "big") == 9_007_199_254_740_993)
            #expect(try row.decode(Int.self, "small") == -42)
            #expect(try row.decode(Double.self, "real") == 2.5)
            #expect(try row.decode(Bool.self, "flag") == true)
            #expect(try row.decode(String.self, "name") == "naïve 'quoted' \\ text")
            #expect(try row.decode(UUID.self, "id") == id)
            let decodedWhen = try row.decode(Date.self, "at")
            #expect(abs(decodedWhen.timeIntervalSince1970 - when.timeIntervalSince1970) < 0.000_001)
            #expect(try row.decode(Bytes.self, "raw") == bytes)
            #expect(try row.decodeIfPresent(String.self, "missing") == nil)
            #expect(try row.decode(Date.self, "day") == Date(timeIntervalSince1970: 1_709_164_800))
            #expect(throws: PostgresError.self) { try row.decode(String.self, "missing") }
            #expect(throws: PostgresError.self) { try row.decode(Int.self, "name") }
        }
    }

    @Test("a failing statement throws PostgresError with SQLSTATE, detail and the statement")
    func serverErrorsCarryContext() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute("CREATE TABLE t (id int PRIMARY KEY)")
            try await connection.query("INSERT INTO t VALUES ($1)", [1])
            let error = try await #require(throws: PostgresError.self) {
                try await connection.query("INSERT INTO t VALUES ($1)", [1])
            }
            #expect(error.sqlState == .uniqueViolation)
            #expect(error.kind == .server)
            #expect(error.detail?.contains("(id)=(1)") == true)
            #expect(error.statement == "INSERT INTO t VALUES ($1)")
            #expect(error.debugDescription.contains("DETAIL:"))
            let missing = try await #require(throws: PostgresError.self) {
                try await connection.query("SELECT * FROM no_such_table")
            }
            #expect(missing.sqlState == .undefinedTable)
            // The connection stays usable after errors.
            #expect(try await connection.query("SELECT count(*) FROM t").first?.decode(Int.self, at: 0) == 1)
        }
    }

    @Test("affected row counts and command tags are reported")
    func commandTags() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute("CREATE TABLE t (id int)")
            let insert = try await connection.query("INSERT INTO t SELECT generate_series(1, $1::int)", [25])
            #expect(insert.affectedRows == 25)
            #expect(insert.commandTag == "INSERT 0 25")
            let update = try await connection.query("UPDATE t SET id = id + 1 WHERE id <= 10")
            #expect(update.affectedRows == 10)
        }
    }
}
