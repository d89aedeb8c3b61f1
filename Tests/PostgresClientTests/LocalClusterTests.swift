import Foundation
import LocalPostgres
import PostgresClient
import Testing
import TestSupport

@Suite struct LocalClusterTests {
    @Test("a cluster left behind by a process killed with SIGKILL is stopped and deleted by the next start")
    func abandonedClustersAreCleanedUp() async throws {
        let holder = try ChildProcess.spawn(try Products.path("partsync-bench"), ["hold-cluster"])
        defer { holder.removeOutput() }
        var lines: [Substring] = []
        for _ in 0..<600 where lines.count < 2 {
            lines = holder.stdout.split(separator: "\n")
            try await Task.sleep(for: .milliseconds(50))
        }
        try #require(lines.count == 2, "hold-cluster did not start: \(holder.stderr)")
        let directory = String(lines[0])
        let port = String(lines[1])
        let configuration = ConnectionConfiguration(conninfo: "host=\(directory) port=\(port) user=postgres dbname=postgres")
        let connection = try await Connection.connect(configuration)
        #expect(try await connection.query("SHOW wal_level").first?[0] == "logical")
        await connection.close()

        holder.signal(SIGKILL)
        #expect(holder.wait() == 128 + SIGKILL)
        #expect(FileManager.default.fileExists(atPath: directory))

        LocalCluster.cleanUpAbandoned()
        #expect(!FileManager.default.fileExists(atPath: directory))
        #expect(!FileManager.default.fileExists(atPath: directory + ".owner"))
        await #expect(throws: PostgresError.self) { try await Connection.connect(configuration) }
    }

    @Test("a started cluster accepts connections over its socket and TCP, and stop() removes it")
    func startAndStop() async throws {
        let cluster = try LocalCluster.start()
        let overSocket = try await Connection.connect(ConnectionConfiguration(conninfo: cluster.conninfo))
        let overTCP = try await Connection.connect(ConnectionConfiguration(conninfo: cluster.url))
        #expect(try await overSocket.query("SELECT 1").first?[0] == "1")
        #expect(try await overTCP.query("SHOW port").first?[0] == String(cluster.port))
        await overSocket.close()
        await overTCP.close()
        cluster.stop()
        #expect(!FileManager.default.fileExists(atPath: cluster.directory.path))
        cluster.stop()
    }
}
