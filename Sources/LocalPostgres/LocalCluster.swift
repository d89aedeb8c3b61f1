import Foundation

/// A throwaway PostgreSQL cluster built from the installed server binaries, for tests, the demo and the
/// benchmark.
///
/// It lives in a fresh directory under the system temp dir (`partsync-pg-*`), listens on a free TCP port on
/// 127.0.0.1 and on a Unix socket in that directory, and runs with `wal_level=logical`. As root it runs the
/// server as the `postgres` OS user (initdb and postgres refuse root). `stop()` (also run at process exit)
/// stops it and deletes the directory; clusters left behind by a killed process are removed by the next `start`.
public final class LocalCluster: Sendable {
    public struct Options: Sendable {
        /// Keep fsync, full_page_writes and synchronous_commit on (benchmarks); off is faster (tests).
        public var durable: Bool
        /// Extra `postgresql.conf` settings.
        public var settings: [String: String]

        public init(durable: Bool = false, settings: [String: String] = [:]) {
            self.durable = durable
            self.settings = settings
        }
    }

    public let directory: URL
    public let dataDirectory: URL
    public let binDirectory: URL
    public let port: Int
    public let superuser = "postgres"

    /// libpq conninfo over the Unix socket, database `postgres`.
    public var conninfo: String { "host=\(directory.path) port=\(port) user=\(superuser) dbname=postgres" }
    /// A URL over TCP loopback, database `postgres`.
    public var url: String { "postgresql://\(superuser)@127.0.0.1:\(port)/postgres" }

    private init(directory: URL, binDirectory: URL, port: Int) {
        self.directory = directory
        self.dataDirectory = directory.appendingPathComponent("data")
        self.binDirectory = binDirectory
        self.port = port
    }

    /// Creates and starts a cluster.
    /// - Throws: `LocalClusterError` naming what is missing or what failed, with the server log's tail.
    public static func start(_ options: Options = Options()) throws -> LocalCluster {
        cleanUpAbandoned()
        let binDirectory = try findBinaries()
        let directory = try makeDirectory()
        do {
            try writeOwnerMarker(directory)
            try run(binDirectory, "initdb", [
                "-D", directory.appendingPathComponent("data").path, "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync",
            ])
            var lastError: Error?
            for _ in 0..<5 {
                let port = try freePort()
                let cluster = LocalCluster(directory: directory, binDirectory: binDirectory, port: port)
                try cluster.writeConfiguration(options)
                do {
                    try run(binDirectory, "pg_ctl", [
                        "-D", cluster.dataDirectory.path, "-l", directory.appendingPathComponent("server.log").path,
                        "-w", "-t", "60", "start",
                    ])
                    register(cluster)
                    return cluster
                } catch {
                    lastError = error
                }
            }
            throw lastError ?? LocalClusterError(message: "the server did not start")
        } catch {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(atPath: directory.path + ".owner")
            throw error
        }
    }

    /// Stops the server (fast shutdown) and deletes the directory. Idempotent.
    public func stop() {
        Self.unregister(self)
        if FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("postmaster.pid").path) {
            try? Self.run(binDirectory, "pg_ctl", ["-D", dataDirectory.path, "-m", "fast", "-w", "stop"])
        }
        try? FileManager.default.removeItem(at: directory)
        try? FileManager.default.removeItem(atPath: directory.path + ".owner")
    }

    /// Leaves the cluster running after this process ends: it is no longer stopped at exit, nor removed as
    /// abandoned by a later `start`. `stopCommand` stops and deletes it.
    public func keep() {
        Self.unregister(self)
        try? FileManager.default.removeItem(atPath: directory.path + ".owner")
    }

    /// A shell command that stops a kept cluster and deletes its directory.
    public var stopCommand: String {
        let pgCtl = binDirectory.appendingPathComponent("pg_ctl").path
        let stop = "\(pgCtl) -D \(dataDirectory.path) -m fast stop"
        return (Self.isRoot ? "runuser -u postgres -- " : "") + stop + " && rm -rf \(directory.path)"
    }

    /// The server log so far (for error messages in tests).
    public func logTail(lines: Int = 30) -> String {
        let log = (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    // MARK: Set-up

    private func writeConfiguration(_ options: Options) throws {
        var settings: [String: String] = [
            "port": String(port),
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": "'\(directory.path)'",
            "wal_level": "logical",
            // The test suites run in parallel, each test with its writers, appliers, listeners and probes:
            // 300 was reached once the tests stopped blocking the cooperative pool while children ran.
            "max_connections": "800",
            // The WAL-capture pass runs some 50 tests at once, each with a slot and up to two walsenders on it
            // (the follower's decoder, a settle's).
            "max_wal_senders": "200",
            "max_replication_slots": "200",
            "max_logical_replication_workers": "8",
            "shared_buffers": "256MB",
            "max_wal_size": "4GB",
            "log_min_messages": "warning",
            "logging_collector": "off",
        ]
        if !options.durable {
            settings["fsync"] = "off"
            settings["synchronous_commit"] = "off"
            settings["full_page_writes"] = "off"
        }
        for (key, value) in options.settings { settings[key] = value }
        // The socket and the superuser over loopback are trusted; other roles over TCP must give a password,
        // so password handling is exercised for real.
        let hba = """
            local all all trust
            host all postgres 127.0.0.1/32 trust
            host replication all 127.0.0.1/32 trust
            host all all 127.0.0.1/32 scram-sha-256
            """
        try Data((hba + "\n").utf8).write(to: dataDirectory.appendingPathComponent("pg_hba.conf"))
        let text = settings.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: "\n")
        let file = dataDirectory.appendingPathComponent("postgresql.conf")
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(("\n# partsync LocalCluster\n" + text + "\n").utf8))
    }

    static func findBinaries() throws -> URL {
        let fileManager = FileManager.default
        func hasServer(_ directory: String) -> Bool {
            ["initdb", "pg_ctl", "postgres"].allSatisfy {
                fileManager.isExecutableFile(atPath: directory + "/" + $0)
            }
        }
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["PARTSYNC_PG_BINDIR"] { candidates.append(explicit) }
        if let bindir = try? capture("pg_config", ["--bindir"]) { candidates.append(bindir) }
        let versions = ((try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >)
        candidates += versions.map { "/usr/lib/postgresql/\($0)/bin" }
        candidates += ["/usr/local/pgsql/bin", "/opt/homebrew/bin", "/usr/local/bin", "/usr/bin"]
        guard let found = candidates.first(where: hasServer) else {
            throw LocalClusterError(
                message: "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found. Install them "
                    + "(Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql) or set "
                    + "PARTSYNC_PG_BINDIR to their directory.")
        }
        return URL(fileURLWithPath: found)
    }

    private static var isRoot: Bool { geteuid() == 0 }

    private static func makeDirectory() throws -> URL {
        var template = Array((NSTemporaryDirectory() + "/partsync-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw LocalClusterError(message: "cannot create a temp directory: errno \(errno)")
        }
        let path = String(cString: made)
        if isRoot {
            guard let account = getpwnam("postgres") else {
                throw LocalClusterError(
                    message: "running as root, but there is no 'postgres' OS user to run the server as "
                        + "(apt-get install postgresql creates it)")
            }
            guard chown(path, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
                throw LocalClusterError(message: "cannot hand \(path) to the postgres user: errno \(errno)")
            }
        }
        chmod(path, 0o700)
        return URL(fileURLWithPath: path)
    }

    private static func writeOwnerMarker(_ directory: URL) throws {
        // Kept outside the cluster directory so the postgres user need not read it.
        let marker = URL(fileURLWithPath: directory.path + ".owner")
        try Data(String(getpid()).utf8).write(to: marker)
    }

    /// Removes clusters whose creating process is gone (e.g. a test run killed with SIGKILL).
    public static func cleanUpAbandoned() {
        let temp = NSTemporaryDirectory()
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: temp) else { return }
        for name in names where name.hasPrefix("partsync-pg-") && name.hasSuffix(".owner") {
            let marker = temp + "/" + name
            guard let text = try? String(contentsOfFile: marker, encoding: .utf8), let pid = Int32(text),
                kill(pid, 0) != 0 && errno == ESRCH
            else { continue }
            let directory = String(marker.dropLast(".owner".count))
            let data = directory + "/data"
            if let bin = try? findBinaries(), fileManager.fileExists(atPath: data + "/postmaster.pid") {
                try? run(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
            }
            try? fileManager.removeItem(atPath: directory)
            try? fileManager.removeItem(atPath: marker)
        }
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LocalClusterError(message: "cannot open a socket: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw LocalClusterError(message: "cannot find a free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    // MARK: Processes

    /// Runs a server binary, as the postgres OS user when we are root.
    static func run(_ binDirectory: URL, _ tool: String, _ arguments: [String]) throws {
        let executable = binDirectory.appendingPathComponent(tool).path
        if isRoot {
            try runProcess("/usr/sbin/runuser", ["-u", "postgres", "--", executable] + arguments)
        } else {
            try runProcess(executable, arguments)
        }
    }

    private static func runProcess(_ executable: String, _ arguments: [String]) throws {
        let outcome = try ChildProcess.run(executable, arguments)
        guard outcome.status == 0 else {
            throw LocalClusterError(
                message: "command failed (exit \(outcome.status)): \(executable) \(arguments.joined(separator: " "))\n"
                    + outcome.stdout + outcome.stderr)
        }
    }

    private static func capture(_ tool: String, _ arguments: [String]) throws -> String {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { throw LocalClusterError(message: "\(tool) not found") }
        let outcome = try ChildProcess.run(path, arguments)
        guard outcome.status == 0 else { throw LocalClusterError(message: "\(tool) failed") }
        return outcome.stdout.split(separator: "\n").first.map(String.init) ?? ""
    }

    // MARK: Stop at exit

    private static let registry = Registry()

    private static func register(_ cluster: LocalCluster) {
        registry.add(cluster)
    }

    private static func unregister(_ cluster: LocalCluster) {
        registry.remove(cluster)
    }

    /// Holds the running clusters so an `atexit` hook can stop them.
    private final class Registry: @unchecked Sendable {
        // Invariant: `clusters` and `hooked` only under `lock`.
        private let lock = NSLock()
        private var clusters: [ObjectIdentifier: LocalCluster] = [:]
        private var hooked = false

        func add(_ cluster: LocalCluster) {
            lock.lock()
            defer { lock.unlock() }
            clusters[ObjectIdentifier(cluster)] = cluster
            if !hooked {
                hooked = true
                atexit { LocalCluster.registry.stopAll() }
            }
        }

        func remove(_ cluster: LocalCluster) {
            lock.lock()
            defer { lock.unlock() }
            clusters[ObjectIdentifier(cluster)] = nil
        }

        func stopAll() {
            lock.lock()
            let running = Array(clusters.values)
            lock.unlock()
            for cluster in running { cluster.stop() }
        }
    }
}

public struct LocalClusterError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
