import Foundation
import Testing
import TestSupport

@Suite struct CommandLineTests {
    @Test("--help lists only the subcommands that work, and --version prints the version")
    func helpAndVersion() throws {
        let help = try Products.run("partsync", ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("plan"))
        #expect(help.stdout.contains("prepare"))
        #expect(help.stdout.contains("backfill"))
        for later in ["cutover", "rollback", "verify", "demo", "finish"] {
            #expect(!help.stdout.contains("  \(later)"), "\(later) is not implemented yet")
        }
        let version = try Products.run("partsync", ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test("a missing required option is bad usage: exit 2")
    func missingOption() throws {
        let outcome = try Products.run("partsync", ["prepare", "--partition-key", "created_at"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--table"))
    }

    @Test("sync takes exactly one of --follow and --until-caught-up: neither or both is bad usage (exit 2)")
    func syncModes() throws {
        for flags in [[], ["--follow", "--until-caught-up"]] {
            let outcome = try Products.run("partsync", ["sync", "--table", "t"] + flags)
            #expect(outcome.status == 2, "\(flags)")
            #expect(outcome.stderr.contains("exactly one of --until-caught-up and --follow"), "\(outcome.stderr)")
        }
    }
}
