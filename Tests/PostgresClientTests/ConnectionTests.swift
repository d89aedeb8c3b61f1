import Foundation
@testable import PostgresClient
import Testing
import TestSupport

@Suite struct ConnectionTests {
    @Test("a failed connection names host, port, database and user but never the password")
    func connectionErrorsHideThePassword() async throws {
        let password = "s3cr3t-Pa55word"
        let attempts = [
            "postgresql://alice:\(password)@127.0.0.1:1/appdb",
            "host=127.0.0.1 port=1 dbname=appdb user=alice password=\(password)",
        ]
        for conninfo in attempts {
            let error = try await #require(throws: PostgresError.self) {
                try await Connection.connect(ConnectionConfiguration(conninfo: conninfo))
            }
            #expect(error.kind == .connection)
            #expect(error.target == "127.0.0.1:1/appdb as alice")
            #expect(!error.description.contains(password))
            #expect(!error.debugDescription.contains(password))
            #expect(!"\(error)".contains(password))
        }
    }

    @Test("a wrong password is reported without echoing it")
    func wrongPasswordIsNotEchoed() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            guard let cluster = try TestServer.cluster() else { return }
            let role = "pw_\(database.name)"
            try await connection.execute("CREATE ROLE \(SQLIdentifier.quote(role)) LOGIN PASSWORD 'right-one'")
            let url = "postgresql://\(role):wrong-secret-42@127.0.0.1:\(cluster.port)/\(database.name)?sslmode=disable"
            let error = try await #require(throws: PostgresError.self) {
                try await Connection.connect(ConnectionConfiguration(conninfo: url))
            }
            #expect(error.sqlState == .invalidPassword)
            #expect(error.debugDescription.contains("password authentication failed"))
            #expect(!error.debugDescription.contains("wrong-secret-42"))
            let right = url.replacing("wrong-secret-42", with: "right-one")
            let other = try await Connection.connect(ConnectionConfiguration(conninfo: right))
            #expect(try await other.query("SELECT current_user").first?.decode(String.self, at: 0) == role)
            await other.close()
            try await connection.execute("DROP ROLE \(SQLIdentifier.quote(role))")
        }
    }

    @Test("every field of an error is scrubbed of the configuration's password, plain and percent-encoded")
    func everyFieldIsScrubbed() {
        let password = "p@ss/w0rd!42"
        let configuration = ConnectionConfiguration(conninfo: "postgresql://alice:p%40ss%2Fw0rd%2142@db.internal/app")
        let encoded = "p%40ss%2Fw0rd%2142"
        #expect(configuration.secrets.contains(password))
        for leaked in [password, encoded] {
            let error = PostgresError(
                kind: .server, sqlState: "P0001", message: "message \(leaked)", detail: "detail \(leaked)",
                hint: "hint \(leaked)", context: "context \(leaked)", statement: "SELECT '\(leaked)'",
                target: "target \(leaked)"
            ).scrubbed(of: configuration.secrets)
            let fields = [error.message, error.detail, error.hint, error.context, error.statement, error.target]
            for field in fields {
                #expect(field?.contains("********") == true, "\(field ?? "nil")")
                #expect(field?.contains(leaked) == false, "\(field ?? "nil")")
            }
            #expect(!error.debugDescription.contains(leaked))
        }
    }

    @Test("a server error whose message, detail, hint, context and statement quote the password shows none of it")
    func serverErrorsAreScrubbed() async throws {
        try await TestDatabase.with { database in
            var configuration = database.configuration
            if configuration.secrets.isEmpty {
                // The tests' own cluster trusts its socket, so a password in the conninfo is accepted and unused.
                configuration.conninfo = ConnectionConfiguration.mergeOverrides(
                    configuration.conninfo, ["password": "Hunter2-zq81"])
            }
            let password = try #require(configuration.secrets.first)
            let connection = try await Connection.connect(configuration)
            try await connection.execute("""
                CREATE FUNCTION leak_inner(secret text) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'message %', secret USING DETAIL = 'detail ' || secret, HINT = 'hint ' || secret;
                END $$;
                CREATE FUNCTION leak(secret text) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    EXECUTE pg_catalog.format('SELECT leak_inner(%L)', secret);
                END $$;
                """)
            let literal = try await connection.escapeLiteral(password)
            let error = try await #require(throws: PostgresError.self) {
                try await connection.execute("SELECT leak(" + literal + ")")
            }
            #expect(error.sqlState == "P0001")
            let fields = [error.message, error.detail, error.hint, error.context, error.statement]
            for field in fields {
                let text = try #require(field)
                #expect(text.contains("********"), "\(text)")
                #expect(!text.contains(password), "\(text)")
            }
            #expect(!error.debugDescription.contains(password))
            await connection.close()
        }
    }

    @Test("libpq's PG* environment is used when no URL is given")
    func environmentConnection() async throws {
        try await TestDatabase.with { database in
            let configuration = ConnectionConfiguration.resolve(databaseURL: nil, environment: [:])
            #expect(configuration.conninfo.isEmpty)
            let fromEnv = ConnectionConfiguration.resolve(
                databaseURL: nil, environment: ["DATABASE_URL": database.configuration.conninfo])
            #expect(fromEnv.conninfo == database.configuration.conninfo)
            let explicit = ConnectionConfiguration.resolve(
                databaseURL: "postgresql://x@y/z", environment: ["DATABASE_URL": "ignored"])
            #expect(explicit.conninfo == "postgresql://x@y/z")
            let connection = try await Connection.connect(fromEnv)
            #expect(try await connection.query("SELECT current_database()").first?[0] == database.name)
            // With nothing given, libpq reads PG* itself. Other tests name host, port, user and database
            // explicitly, so setting these process-wide for a moment does not disturb them.
            let info = try await connection.query(
                "SELECT current_setting('unix_socket_directories'), current_setting('port'), current_user")
            let row = try #require(info.first)
            let variables = ["PGHOST": row[0]!, "PGPORT": row[1]!, "PGUSER": row[2]!, "PGDATABASE": database.name]
            for (name, value) in variables { setenv(name, value, 1) }
            defer { for name in variables.keys { unsetenv(name) } }
            let viaEnvironment = try await Connection.connect(ConnectionConfiguration())
            #expect(try await viaEnvironment.query("SELECT current_database()").first?[0] == database.name)
        }
    }

    @Test("cancelling the task cancels the running query on the server")
    func cancellationReachesTheServer() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            let observer = try await database.connect()
            let pid = connection.backendPID
            let sleeper = Task { try await connection.query("SELECT pg_sleep(30)") }
            // Wait until the server is really running the sleep, then cancel the Swift task.
            try await waitUntil {
                try await observer.query(
                    "SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active' AND query LIKE '%pg_sleep%'",
                    [pid]
                ).isEmpty == false
            }
            sleeper.cancel()
            let error = try await #require(throws: PostgresError.self) { try await sleeper.value }
            #expect(error.sqlState == .queryCanceled)
            // The connection survives a cancelled statement.
            #expect(try await connection.query("SELECT 42").first?.decode(Int.self, at: 0) == 42)
        }
    }

    @Test("queries on different connections run at the same time (blocking calls stay off the shared pool)")
    func connectionsRunInParallel() async throws {
        try await TestDatabase.with { database in
            let observer = try await database.connect()
            var connections: [Connection] = []
            for _ in 0..<6 { connections.append(try await database.connect()) }
            // The observer holds a lock; every other connection blocks on it inside the server. Only if all six
            // blocking calls are in flight at once does the server see six waiters.
            try await observer.query("SELECT pg_advisory_lock(4242)")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for connection in connections {
                    group.addTask { try await connection.query("SELECT pg_advisory_xact_lock_shared(4242)") }
                }
                try await waitUntil {
                    let waiting = try await observer.query(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            + "AND datname = current_database() AND query LIKE '%pg_advisory_xact_lock_shared%'")
                    return try waiting.first?.decode(Int.self, at: 0) == 6
                }
                try await observer.query("SELECT pg_advisory_unlock(4242)")
                try await group.waitForAll()
            }
        }
    }

    @Test("closing a connection is idempotent and later use fails clearly")
    func closeIsIdempotent() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            await connection.close()
            await connection.close()
            let error = try await #require(throws: PostgresError.self) { try await connection.query("SELECT 1") }
            #expect(error.kind == .connectionLost)
        }
    }

    @Test("a terminated backend surfaces as a transient connectionLost error")
    func terminatedBackend() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            let killer = try await database.connect()
            try await killer.query("SELECT pg_terminate_backend($1)", [connection.backendPID])
            let error = try await #require(throws: PostgresError.self) { try await connection.query("SELECT 1") }
            #expect(error.isTransient)
            #expect(await connection.isOpen == false)
        }
    }
}

/// Polls `condition` until it holds (bounded: fails the test after about 60 s).
func waitUntil(_ condition: () async throws -> Bool) async throws {
    for _ in 0..<1200 {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("condition did not become true in time")
    throw CancellationError()
}
