import Foundation
import LocalPostgres

/// The package's built executables, found beside the test bundle (`swift test` builds them too).
public enum Products {
    public static func path(_ name: String) throws -> String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw ProductNotBuilt(name: name)
    }

    /// Runs a product to completion, waiting off the cooperative pool (`OffThePool`) and at most two at once
    /// (`ChildSlots`).
    public static func run(
        _ name: String, _ arguments: [String], environment: [String: String?] = [:]
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let executable = try path(name)
        return try await ChildSlots.run { try ChildProcess.run(executable, arguments, environment: environment) }
    }

    public struct ProductNotBuilt: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "\(name) is not built; run swift build first" }
    }
}
