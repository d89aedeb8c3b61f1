import CLibPQ
import Foundation

/// One PostgreSQL connection over libpq.
///
/// The actor runs on its own thread (`ThreadExecutor`), so libpq's blocking calls never occupy Swift's
/// cooperative pool and only one libpq call is in flight per connection. Cancelling the Swift task that awaits a
/// query sends a cancel request to the server (`PQcancel`), which ends the statement with SQLSTATE 57014.
///
/// Sessions start with `DateStyle=ISO`, `TimeZone=UTC` and `extra_float_digits=3`, so values read back as
/// text decode the same way everywhere.
public actor Connection {
    private nonisolated let executor: ThreadExecutor
    private let handle: PGHandle
    private nonisolated let cancelToken: CancelToken
    public nonisolated let configuration: ConnectionConfiguration
    /// The server process serving this connection (`pg_backend_pid()`).
    public nonisolated let backendPID: Int32
    /// `host:port/database as user`, for messages.
    public nonisolated let target: String
    /// `server_version_num`, e.g. 150018.
    public nonisolated let serverVersion: Int

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private init(executor: ThreadExecutor, handle: PGHandle, configuration: ConnectionConfiguration) {
        self.executor = executor
        self.handle = handle
        self.cancelToken = handle.cancelToken
        self.configuration = configuration
        self.backendPID = handle.backendPID
        self.target = handle.target
        self.serverVersion = handle.serverVersion
    }

    deinit {
        handle.finish()
        executor.shutdown()
    }

    /// Opens a connection.
    /// - Throws: `PostgresError` of kind `.connection`, naming host, port, database and user (never the password).
    public static func connect(_ configuration: ConnectionConfiguration) async throws -> Connection {
        let executor = ThreadExecutor(name: "partsync-pg")
        do {
            let handle = try await executor.perform { try PGHandle.open(configuration) }
            return Connection(executor: executor, handle: handle, configuration: configuration)
        } catch {
            executor.shutdown()
            throw error
        }
    }

    /// Closes the connection. Idempotent; later calls fail with `.connectionLost`.
    public func close() {
        handle.finish()
    }

    public var isOpen: Bool { handle.isAlive }

    // MARK: Queries

    /// Runs one statement with `$1…$n` parameters (extended protocol, text format).
    /// - Throws: `PostgresError`; `CancellationError` is never thrown, a cancelled query fails with 57014.
    @discardableResult
    public func query(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) async throws -> QueryResult {
        let texts = parameters.map { $0?.postgresText }
        let token = cancelToken
        return try await withTaskCancellationHandler {
            try self.handle.run(sql: sql, parameters: texts, simple: false)
        } onCancel: {
            token.cancel()
        }
    }

    /// Runs one statement as a prepared statement of this session: prepared the first time the connection
    /// runs this text, then only executed. For statements run many times whose planning costs more than
    /// their execution (the applier's batch over every partition of a table). A statement prepared on a lost
    /// connection is prepared again on the next one.
    @discardableResult
    public func query(prepared sql: String, _ parameters: [(any PostgresEncodable)?] = []) async throws -> QueryResult {
        let texts = parameters.map { $0?.postgresText }
        let token = cancelToken
        return try await withTaskCancellationHandler {
            try self.handle.runPrepared(sql: sql, parameters: texts)
        } onCancel: {
            token.cancel()
        }
    }

    /// Runs one or more statements without parameters (simple protocol); returns the last result.
    @discardableResult
    public func execute(_ sql: String) async throws -> QueryResult {
        let token = cancelToken
        return try await withTaskCancellationHandler {
            try self.handle.run(sql: sql, parameters: [], simple: true)
        } onCancel: {
            token.cancel()
        }
    }

    /// Sets a run-time parameter with `set_config`, for the session or (`local`) the current transaction.
    public func set(_ name: String, to value: String, local: Bool = false) async throws {
        try await query("SELECT pg_catalog.set_config($1, $2, $3)", [name, value, local])
    }

    /// Quotes an identifier with libpq's `PQescapeIdentifier` (uses the connection's encoding).
    public func escapeIdentifier(_ name: String) throws -> String {
        try handle.escape(name, literal: false)
    }

    /// Quotes a literal with libpq's `PQescapeLiteral`.
    public func escapeLiteral(_ text: String) throws -> String {
        try handle.escape(text, literal: true)
    }

    // MARK: COPY

    /// Runs `COPY … FROM STDIN`, feeding it what `produce` writes; returns the rows copied.
    @discardableResult
    public func copyIn(_ sql: String, _ produce: sending (CopyInWriter) throws -> Void) async throws -> Int {
        let token = cancelToken
        return try await withTaskCancellationHandler {
            try self.handle.copyIn(sql: sql, produce: produce)
        } onCancel: {
            token.cancel()
        }
    }

    /// Runs `COPY … TO STDOUT`, handing each data row (as libpq delivers it) to `consume`; returns the rows.
    @discardableResult
    public func copyOut(_ sql: String, _ consume: sending ([UInt8]) throws -> Void) async throws -> Int {
        let token = cancelToken
        return try await withTaskCancellationHandler {
            try self.handle.copyOut(sql: sql, consume: consume)
        } onCancel: {
            token.cancel()
        }
    }
}

/// Writes COPY data; valid only inside the `copyIn` closure that received it.
public final class CopyInWriter {
    fileprivate var connection: OpaquePointer?
    private let scrub: @Sendable (String) -> String

    init(connection: OpaquePointer, scrub: @escaping @Sendable (String) -> String) {
        self.connection = connection
        self.scrub = scrub
    }

    func invalidate() { connection = nil }

    /// Writes text (usually whole lines in COPY's text or CSV format).
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let connection else {
            throw PostgresError(kind: .client, message: "CopyInWriter used outside its copyIn closure")
        }
        guard !bytes.isEmpty else { return }
        let status = PQputCopyData(
            connection, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        guard status == 1 else {
            throw PostgresError(kind: .connectionLost, message: scrub(PGHandle.errorMessage(connection)))
        }
    }
}

/// Sends cancel requests for a connection; `PQcancel` is documented as safe to call from any thread.
final class CancelToken: @unchecked Sendable {
    // Invariant: `cancel` is read and freed under `lock`.
    private let lock = NSLock()
    private var pointer: OpaquePointer?

    init(_ pointer: OpaquePointer?) { self.pointer = pointer }

    func cancel() {
        lock.lock()
        defer { lock.unlock() }
        guard let pointer else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(pointer, &buffer, Int32(buffer.count))
    }

    func free() {
        lock.lock()
        defer { lock.unlock() }
        if let pointer { PQfreeCancel(pointer) }
        pointer = nil
    }

    deinit { free() }
}
