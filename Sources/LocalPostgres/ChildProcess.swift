import Foundation

/// A child process started with `posix_spawn`, its output sent to files.
///
/// Foundation's `Process` did not reliably reap children inside the test runner here (a `runuser` stayed a
/// zombie and `waitUntilExit` never returned), so the cluster, the CLI tests and the kill -9 tests use this.
public struct ChildProcess: Sendable {
    public let pid: pid_t
    public let stdoutPath: String
    public let stderrPath: String

    /// Starts `executable` with `arguments`; `environment` entries are added to (or, with nil, removed from)
    /// this process's environment.
    public static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String?] = [:], stdinPath: String? = nil
    ) throws -> ChildProcess {
        let base = NSTemporaryDirectory() + "/partsync-child-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let stdoutPath = base + ".out"
        let stderrPath = base + ".err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        // The child must not inherit the spawning thread's signal mask: Swift's worker threads block almost
        // every signal, and a child with SIGALRM and SIGTERM blocked never ends (pgbench -T) or ignores SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw LocalClusterError(message: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        return ChildProcess(pid: pid, stdoutPath: stdoutPath, stderrPath: stderrPath)
    }

    /// Waits for the process to end; returns its exit status (128 + signal when killed by a signal).
    @discardableResult
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Sends a signal (e.g. SIGKILL, SIGTERM).
    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    public var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Deletes the captured output files.
    public func removeOutput() {
        unlink(stdoutPath)
        unlink(stderrPath)
    }

    /// Runs to completion and returns status, stdout and stderr.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String?] = [:], stdinPath: String? = nil
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let child = try spawn(executable, arguments, environment: environment, stdinPath: stdinPath)
        defer { child.removeOutput() }
        let status = child.wait()
        return (status, child.stdout, child.stderr)
    }
}
