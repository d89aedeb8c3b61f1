import ArgumentParser
import Foundation
import LocalPostgres

/// Starts a throwaway cluster and keeps it until killed; the tests use it to prove that a cluster left
/// behind by a killed process is cleaned up by the next start.
struct HoldCluster: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold-cluster", abstract: "Start a throwaway cluster, print its directory, wait to be killed.",
        shouldDisplay: false)

    func run() async throws {
        let cluster = try LocalCluster.start()
        FileHandle.standardOutput.write(Data("\(cluster.directory.path)\n\(cluster.port)\n".utf8))
        while true { try await Task.sleep(for: .seconds(3600)) }
    }
}
