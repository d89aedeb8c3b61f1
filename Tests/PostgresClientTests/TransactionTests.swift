import PostgresClient
import Testing
import TestSupport

@Suite struct TransactionTests {
    @Test("a transaction commits its work, and rolls it back when the body throws")
    func commitAndRollback() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute("CREATE TABLE t (id int PRIMARY KEY)")
            try await connection.withTransaction { tx in
                try await tx.query("INSERT INTO t VALUES (1), (2)")
            }
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await connection.withTransaction { tx in
                    try await tx.query("INSERT INTO t VALUES (3)")
                    throw Boom()
                }
            }
            // A statement error inside also rolls back, and the connection is usable afterwards.
            await #expect(throws: PostgresError.self) {
                try await connection.withTransaction { tx in
                    try await tx.query("INSERT INTO t VALUES (4)")
                    try await tx.query("INSERT INTO t VALUES (1)")
                }
            }
            // rollBack: the body succeeds and returns its value, and its work is undone all the same.
            let seen = try await connection.withTransaction(rollBack: true) { tx in
                try await tx.query("INSERT INTO t VALUES (5)")
                return try await tx.query("SELECT count(*) FROM t").first!.decode(Int.self, at: 0)
            }
            #expect(seen == 3)
            let ids = try await connection.query("SELECT id FROM t ORDER BY id").rows.map { try $0.decode(Int.self, at: 0) }
            #expect(ids == [1, 2])
        }
    }

    @Test("isolation level and SET LOCAL settings apply inside the transaction only")
    func isolationAndLocalSettings() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            let inside = try await connection.withTransaction(
                isolation: .repeatableRead, readOnly: true,
                settings: ["lock_timeout": "150ms", "statement_timeout": "5s"]
            ) { tx in
                try await tx.query(
                    "SELECT current_setting('transaction_isolation'), current_setting('lock_timeout'), "
                        + "current_setting('statement_timeout'), current_setting('transaction_read_only')"
                ).first!.values
            }
            #expect(inside == ["repeatable read", "150ms", "5s", "on"])
            let after = try await connection.query("SELECT current_setting('lock_timeout')").first?[0]
            #expect(after == "0")
        }
    }

    @Test("a lock_timeout set for the transaction fails a blocked lock with 55P03")
    func lockTimeout() async throws {
        try await TestDatabase.with { database in
            let holder = try await database.connect()
            let waiter = try await database.connect()
            try await holder.execute("CREATE TABLE t (id int)")
            try await holder.execute("BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE")
            let error = try await #require(throws: PostgresError.self) {
                try await waiter.withTransaction(settings: ["lock_timeout": "100ms"]) { tx in
                    try await tx.execute("LOCK TABLE t IN ACCESS SHARE MODE")
                }
            }
            #expect(error.sqlState == .lockNotAvailable)
            #expect(error.isTransient)
            try await holder.execute("ROLLBACK")
        }
    }

    @Test("a serialization failure at commit is reported, not swallowed")
    func serializationFailure() async throws {
        try await TestDatabase.with { database in
            let a = try await database.connect()
            let b = try await database.connect()
            try await a.execute("CREATE TABLE t (id int PRIMARY KEY, n int); INSERT INTO t VALUES (1, 0)")
            try await b.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            try await b.query("SELECT n FROM t WHERE id = 1")
            try await a.query("UPDATE t SET n = n + 1 WHERE id = 1")
            let error = try await #require(throws: PostgresError.self) {
                try await b.query("UPDATE t SET n = n + 10 WHERE id = 1")
            }
            #expect(error.sqlState == .serializationFailure)
            #expect(error.isTransient)
            try await b.execute("ROLLBACK")
        }
    }
}
