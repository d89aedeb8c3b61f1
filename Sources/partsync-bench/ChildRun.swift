import Foundation
import LocalPostgres

/// A finished child process: its exit status, wall time and peak resident memory.
struct ChildRun: Sendable {
    var status: Int32
    var seconds: Double
    /// The child's peak resident memory (`VmHWM`), polled while it runs; 0 where /proc is missing.
    var peakRSSBytes: Int
    var stdout: String
    var stderr: String

    /// Runs `executable` to completion through `ChildProcess` (posix_spawn; Foundation's `Process` did not reap
    /// children reliably here), polling its peak RSS every 20 ms.
    ///
    /// Not `ru_maxrss` from `wait4`: Linux keeps a process's maximum RSS across `execve`, and a spawned child
    /// starts as a copy (or a vfork) of this process, so `ru_maxrss` reports at least the bench's own size.
    /// `VmHWM` belongs to the memory image the child execs into; it only grows, so polling misses at most what
    /// it adds in its last 20 ms.
    /// - Parameters:
    ///   - environment: entries added to (or, with nil, removed from) this process's environment.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String?] = [:]
    ) throws -> ChildRun {
        let started = ContinuousClock.now
        let child = try ChildProcess.spawn(executable, arguments, environment: environment)
        defer { child.removeOutput() }
        var status: Int32 = 0
        var peak = 0
        while true {
            let reaped = waitpid(child.pid, &status, WNOHANG)
            if reaped == child.pid { break }
            if reaped < 0 {
                guard errno == EINTR else { throw BenchError("waitpid for \(executable) failed: errno \(errno)") }
                continue
            }
            peak = max(peak, highWaterMark(of: child.pid) ?? 0)
            usleep(20_000)
        }
        let seconds = (ContinuousClock.now - started).seconds
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(status: exit, seconds: seconds, peakRSSBytes: peak, stdout: child.stdout, stderr: child.stderr)
    }

    /// `VmHWM` of a running process, in bytes.
    static func highWaterMark(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        return peakRSS(procStatus: status)
    }

    /// Parses `VmHWM:     34560 kB` out of a /proc/<pid>/status text. Pure.
    static func peakRSS(procStatus: String) -> Int? {
        for line in procStatus.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kibibytes = Int(fields[1]) else { return nil }
            return kibibytes * 1024
        }
        return nil
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

extension Executables {
    /// How to install what `reladiff(explicit:)` looks for, for the error when it is missing.
    static let reladiffInstall = """
        python3 -m venv /opt/reladiff && /opt/reladiff/bin/pip install 'reladiff[postgresql]==0.6.*' \
        (then PARTSYNC_BENCH_RELADIFF=/opt/reladiff/bin/reladiff, --reladiff PATH, or put it on PATH)
        """

    /// reladiff: `--reladiff`, else `PARTSYNC_BENCH_RELADIFF`, else PATH, else the venvs the install hint and
    /// docs/BENCHMARKS.md name (/opt/reladiff, /opt/reladiff/venv, ~/.cache/partsync-bench/reladiff).
    static func reladiff(explicit: String?) throws -> String {
        let fileManager = FileManager.default
        let environment = ProcessInfo.processInfo.environment
        if let given = explicit ?? environment["PARTSYNC_BENCH_RELADIFF"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard fileManager.isExecutableFile(atPath: given) else {
                throw BenchError("reladiff \(given) is not an executable file; install it: \(reladiffInstall)")
            }
            return given
        }
        let path = (environment["PATH"] ?? "").split(separator: ":").map { String($0) + "/reladiff" }
        let home = fileManager.homeDirectoryForCurrentUser.path
        let venvs = ["/opt/reladiff/bin/reladiff", "/opt/reladiff/venv/bin/reladiff",
                     home + "/.cache/partsync-bench/reladiff/bin/reladiff"]
        guard let found = (path + venvs).first(where: fileManager.isExecutableFile(atPath:)) else {
            throw BenchError("reladiff not found (the verify section compares partsync verify with it); install "
                + "it: \(reladiffInstall)")
        }
        return found
    }
}
