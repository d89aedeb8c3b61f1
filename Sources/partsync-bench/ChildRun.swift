import Foundation
import LocalPostgres

/// A finished child process: its exit status, wall time and peak resident memory.
struct ChildRun: Sendable {
    var status: Int32
    var seconds: Double
    /// `ru_maxrss` of the child as reported by `wait4` (Linux counts it in KiB).
    var peakRSSBytes: Int
    var stdout: String
    var stderr: String

    /// Runs `executable` to completion through `ChildProcess` (posix_spawn; Foundation's `Process` did not reap
    /// children reliably here) and collects it with `wait4`, whose `rusage` is the child's own.
    static func run(_ executable: String, _ arguments: [String]) throws -> ChildRun {
        let started = ContinuousClock.now
        let child = try ChildProcess.spawn(executable, arguments)
        defer { child.removeOutput() }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child.pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("wait4 for \(executable) failed: errno \(errno)") }
        }
        let seconds = (ContinuousClock.now - started).seconds
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(status: exit, seconds: seconds, peakRSSBytes: Int(usage.ru_maxrss) * 1024,
                        stdout: child.stdout, stderr: child.stderr)
    }

    /// Fails with the child's output unless it exited 0.
    @discardableResult
    func check(_ what: String) throws -> ChildRun {
        guard status == 0 else {
            throw BenchError("\(what) exited with \(status):\n\(stderr.suffix(2000))\(stdout.suffix(1000))")
        }
        return self
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Where the executables the bench drives are.
enum Executables {
    /// `partsync` beside this `partsync-bench` (the same build), unless given.
    static func partsync(explicit: String?) throws -> String {
        if let explicit { return explicit }
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let sibling = me.deletingLastPathComponent().appendingPathComponent("partsync").path
        guard FileManager.default.isExecutableFile(atPath: sibling) else {
            throw BenchError("no partsync beside \(me.path); build it (swift build -c release --product partsync) "
                + "or pass --partsync PATH")
        }
        return sibling
    }

    /// pgbench: the newest PostgreSQL's bin directory, then PATH, unless given.
    static func pgbench(explicit: String?) throws -> String {
        if let explicit { return explicit }
        let fileManager = FileManager.default
        let versions = ((try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >)
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let candidates = versions.map { "/usr/lib/postgresql/\($0)/bin/pgbench" } + path.map { $0 + "/pgbench" }
        guard let found = candidates.first(where: fileManager.isExecutableFile(atPath:)) else {
            throw BenchError("pgbench not found; install postgresql-contrib or pass --pgbench PATH")
        }
        return found
    }
}
