import Foundation
import LocalPostgres
import PostgresClient

/// The server the tests use: `PARTSYNC_TEST_DATABASE_URL` when set, else one throwaway cluster per test process.
public enum TestServer {
    private static let server: Result<(ConnectionConfiguration, LocalCluster?), Error> = Result {
        if let url = ProcessInfo.processInfo.environment["PARTSYNC_TEST_DATABASE_URL"], !url.isEmpty {
            return (ConnectionConfiguration(conninfo: url, applicationName: "partsync-tests"), nil)
        }
        let cluster = try LocalCluster.start()
        return (ConnectionConfiguration(conninfo: cluster.conninfo, applicationName: "partsync-tests"), cluster)
    }

    /// The administrative connection settings (database `postgres`, or the URL's database).
    public static func configuration() throws -> ConnectionConfiguration { try server.get().0 }

    /// The local cluster, when the tests started one.
    public static func cluster() throws -> LocalCluster? { try server.get().1 }
}

/// A fresh database for one test, dropped afterwards: tests stay isolated and may run in parallel.
public struct TestDatabase: Sendable {
    public let name: String
    public let configuration: ConnectionConfiguration

    /// Creates a database, runs `body` with it, and drops it (even when `body` throws).
    public static func with<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        let admin = try TestServer.configuration()
        let name = "t_" + UUID().uuidString.lowercased().replacing("-", with: "").prefix(20)
        let connection = try await Connection.connect(admin)
        try await connection.execute("CREATE DATABASE \(SQLIdentifier.quote(String(name)))")
        let database = TestDatabase(name: String(name), configuration: admin.withDatabase(String(name)))
        do {
            let value = try await body(database)
            try await drop(String(name), on: connection)
            return value
        } catch {
            _ = try? await drop(String(name), on: connection)
            throw error
        }
    }

    /// DROP DATABASE … WITH (FORCE) refuses while a logical replication slot of the database is streamed (a WAL
    /// capture's decoder that is still letting go); it drops the database's idle slots itself.
    private static func drop(_ name: String, on connection: Connection) async throws {
        for attempt in 1...50 {
            _ = try await connection.query(
                "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE database = $1 AND active_pid IS NOT NULL",
                [name])
            do {
                try await connection.execute("DROP DATABASE \(SQLIdentifier.quote(name)) WITH (FORCE)")
                return
            } catch let error as PostgresError where error.sqlState == .objectInUse && attempt < 50 {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    /// A new connection to this database.
    public func connect() async throws -> Connection {
        try await Connection.connect(configuration)
    }
}
