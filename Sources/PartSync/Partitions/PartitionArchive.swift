import Foundation
import PostgresClient

/// One detached partition's archive: `<partition>.copy.gz` (the rows in COPY's text format, compressed by the
/// system's `gzip`) and `<partition>.manifest.json`. The rows' count and checksum are computed in the server
/// before writing, and again in the server after reading the file back into a temporary table; only equal
/// figures make an archive verified. Restore: docs/partitions.md.
public struct PartitionArchive: Sendable {
    public struct Manifest: Sendable, Codable, Equatable {
        public var table: String
        public var partition: String
        public var from: String
        public var to: String
        public var rows: Int64
        /// `sum(hashtextextended(row::text, 0))` over the rows, as text (a numeric).
        public var checksum: String
        public var file: String
        public var bytes: Int64
        public var columns: [String]
        public var partsyncVersion: String
        public var archivedAt: String
    }

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The server-side figures every check compares: row count and the sum of 64-bit row hashes.
    static func figures(of table: String, on connection: Connection) async throws -> (rows: Int64, checksum: String) {
        let row = try await connection.query(
            "SELECT count(*), coalesce(sum(pg_catalog.hashtextextended(t::text, 0)), 0)::text FROM \(table) t").first!
        return (try row.decode(Int64.self, at: 0), try row.decode(String.self, at: 1))
    }

    /// Refuses before anything changes: the directory must exist or be creatable and take a file, `gzip` must
    /// be there, and the free space must hold `bytes` (the partition's size, an upper bound of the archive).
    public func check(room bytes: Int64) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            let probe = directory.appendingPathComponent(".partsync-probe-\(getpid())")
            try Data("probe".utf8).write(to: probe)
            try manager.removeItem(at: probe)
        } catch {
            throw ArchiveError("cannot write to the archive directory \(directory.path): \(error.localizedDescription)")
        }
        guard Self.gzip != nil else { throw ArchiveError("gzip is not installed (apt-get install gzip)") }
        var stats = statvfs()
        if statvfs(directory.path, &stats) == 0 {
            let free = Int64(stats.f_bavail) * Int64(stats.f_frsize)
            if free < bytes {
                throw ArchiveError("\(directory.path) has \(free >> 20) MB free; the partition takes \(bytes >> 20) MB")
            }
        }
    }

    /// Writes the partition's rows to `<name>.copy.gz.partial` through gzip; returns its path.
    func write(_ table: SQLIdentifier, on connection: Connection) async throws -> URL {
        guard let gzip = Self.gzip else { throw ArchiveError("gzip is not installed") }
        let partial = directory.appendingPathComponent(Self.fileName(table) + ".partial")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
            throw ArchiveError("cannot create \(partial.path)")
        }
        let output = try FileHandle(forWritingTo: partial)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gzip)
        process.arguments = ["-c", "-6"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = output
        // A gzip that dies (a full disk) must fail the write, not kill partsync with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let sink = PipeSink(input.fileHandleForWriting)
        do {
            _ = try await connection.copyOut("COPY \(table.sql) TO STDOUT") { bytes in try sink.write(bytes) }
        } catch {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            throw error
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ArchiveError("gzip failed writing \(partial.path) (exit \(process.terminationStatus)); is the disk full?")
        }
        try output.synchronize()
        return partial
    }

    /// Reads `file` back into a temporary table like `table` and returns its figures, computed by the server.
    func readBack(_ file: URL, like table: SQLIdentifier, on connection: Connection) async throws
        -> (rows: Int64, checksum: String)
    {
        guard let gzip = Self.gzip else { throw ArchiveError("gzip is not installed") }
        try await connection.execute(
            "CREATE TEMP TABLE partsync_archive_check (LIKE \(table.sql)) ON COMMIT PRESERVE ROWS")
        do {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: gzip)
            process.arguments = ["-dc", file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let source = PipeSource(pipe.fileHandleForReading)
            _ = try await connection.copyIn("COPY partsync_archive_check FROM STDIN") { writer in
                while let chunk = source.read() {
                    try chunk.withUnsafeBytes { try writer.write($0) }
                }
            }
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw ArchiveError("gzip could not read \(file.path) back (exit \(process.terminationStatus))")
            }
            let figures = try await Self.figures(of: "partsync_archive_check", on: connection)
            try await connection.execute("DROP TABLE partsync_archive_check")
            return figures
        } catch {
            _ = try? await connection.execute("DROP TABLE IF EXISTS partsync_archive_check")
            throw error
        }
    }

    func writeManifest(_ manifest: Manifest) throws {
        let encoder = JSONEncoder.readable()
        try encoder.encode(manifest).write(to: directory.appendingPathComponent(Self.manifestName(manifest.partition)))
    }

    static func fileName(_ table: SQLIdentifier) -> String { "\(table.schema ?? "public").\(table.name).copy.gz" }
    static func manifestName(_ partition: String) -> String { "\(partition).manifest.json" }

    static var gzip: String? {
        ["/usr/bin/gzip", "/bin/gzip", "/usr/local/bin/gzip", "/opt/homebrew/bin/gzip"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public struct ArchiveError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}

/// The write end of gzip's stdin, for COPY's consumer closure (called on the connection's thread only).
private final class PipeSink: @unchecked Sendable {
    let handle: FileHandle
    init(_ handle: FileHandle) { self.handle = handle }
    func write(_ bytes: [UInt8]) throws { try handle.write(contentsOf: bytes) }
}

/// The read end of gzip's stdout, for COPY's producer closure (called on the connection's thread only).
private final class PipeSource: @unchecked Sendable {
    let handle: FileHandle
    init(_ handle: FileHandle) { self.handle = handle }
    func read() -> Data? {
        let data = (try? handle.read(upToCount: 1 << 16)) ?? nil
        return data.flatMap { $0.isEmpty ? nil : $0 }
    }
}
