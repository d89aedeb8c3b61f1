import CLibPQ
import Foundation

/// A position in the write-ahead log, `X/Y` in PostgreSQL's text form.
public struct LSN: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: UInt64

    public init(_ value: UInt64) { self.value = value }

    /// Parses `16/B374D848`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let high = UInt64(parts[0], radix: 16), let low = UInt64(parts[1], radix: 16),
              high <= UInt64(UInt32.max), low <= UInt64(UInt32.max)
        else { return nil }
        value = high << 32 | low
    }

    public static let zero = LSN(0)

    public var description: String {
        String(value >> 32, radix: 16, uppercase: true) + "/" + String(value & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }

    public static func < (lhs: LSN, rhs: LSN) -> Bool { lhs.value < rhs.value }
}

/// One logical replication slot streamed over a replication connection (`replication=database`):
/// `START_REPLICATION SLOT … LOGICAL`, then the server's messages as they come, and standby status updates
/// that tell the server how far the client has durably processed the stream (`confirm(flushed:)`), which is
/// what lets the slot release WAL and where a new stream starts after a reconnect.
///
/// Like `NotificationListener`, its thread sleeps in `poll()` on the connection's socket and a wake-up pipe;
/// `confirm` and `close` may be called from any thread. It answers the server's keepalive requests itself and
/// sends a status update at least every `statusInterval`, so the walsender never times the stream out while the
/// consumer is busy.
///
/// Invariant behind `@unchecked Sendable`: the `PGconn*` is touched only by the stream's thread; other threads
/// only use the `WakePipe`, under whose lock `flushed` and `flushedChanged` are read and written.
public final class ReplicationStream: @unchecked Sendable {
    public enum Message: Sendable, Equatable {
        /// A chunk of the output plugin's data (`XLogData`): where it starts in the WAL, the server's WAL end
        /// when it was sent, and the plugin's bytes.
        case data(start: LSN, serverEnd: LSN, payload: [UInt8])
        /// A keepalive: the server's WAL end (for a logical slot, how far it has decoded).
        case keepalive(serverEnd: LSN)
    }

    /// The messages in order, handed on in batches: every message libpq holds after one read of the socket is
    /// one element (one wake-up of the consumer per read rather than per message: that was a quarter of a WAL
    /// capture's worker CPU under single-row writes).
    public let messages: AsyncThrowingStream<[Message], any Error>
    public let backendPID: Int32
    public static let statusInterval: Duration = .seconds(10)

    private let continuation: AsyncThrowingStream<[Message], any Error>.Continuation
    private let wake: WakePipe
    private var flushed = LSN.zero
    private var flushedChanged = false

    private init(
        stream: AsyncThrowingStream<[Message], any Error>,
        continuation: AsyncThrowingStream<[Message], any Error>.Continuation,
        wake: WakePipe, backendPID: Int32, startedAt: LSN
    ) {
        self.messages = stream
        self.continuation = continuation
        self.wake = wake
        self.backendPID = backendPID
        self.flushed = startedAt
    }

    /// Connects for replication and starts streaming `slot` from `start` (`LSN.zero`: from the slot's confirmed
    /// position) with the output plugin's `options` (for pgoutput: `proto_version`, `publication_names`, …).
    /// - Throws: `PostgresError` if the connection or START_REPLICATION fails (a slot in use by another
    ///   stream: SQLSTATE 55006).
    public static func start(
        _ configuration: ConnectionConfiguration, slot: String, from start: LSN = .zero,
        options: [(String, String)]
    ) async throws -> ReplicationStream {
        var replicationConfiguration = configuration
        replicationConfiguration.conninfo = configuration.conninfo.isEmpty
            ? "replication=database"
            : ConnectionConfiguration.mergeOverrides(configuration.conninfo, ["replication": "database"])
        let replication = replicationConfiguration
        let command = "START_REPLICATION SLOT \(SQLIdentifier.quote(slot)) LOGICAL \(start) ("
            + options.map { "\(SQLIdentifier.quote($0.0)) \(SQLLiteral.quote($0.1))" }.joined(separator: ", ") + ")"
        let executor = ThreadExecutor(name: "partsync-replication-setup")
        defer { executor.shutdown() }
        let handle = try await executor.perform { () throws -> PGHandle in
            let handle = try PGHandle.open(replication)
            do {
                try handle.startCopyBoth(command)
            } catch {
                handle.finish()
                throw error
            }
            return handle
        }
        let wake = try WakePipe.forThread(owning: handle)
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [Message].self)
        let replicationStream = ReplicationStream(
            stream: stream, continuation: continuation, wake: wake, backendPID: handle.backendPID, startedAt: start)
        continuation.onTermination = { [weak replicationStream] _ in replicationStream?.close() }
        let thread = Thread { replicationStream.loop(handle) }
        thread.name = "partsync-replication"
        thread.start()
        return replicationStream
    }

    /// Tells the server that everything up to `lsn` has been durably processed (sent with the next status
    /// update, at once). Positions never move back.
    public func confirm(flushed lsn: LSN) {
        wake.wake {
            guard lsn > flushed else { return }
            flushed = lsn
            flushedChanged = true
        }
    }

    /// Ends the stream (a last status update, then CopyDone). Idempotent; the message stream finishes.
    public func close() { wake.close() }

    /// Blocks until the stream's thread has released its connection.
    public func waitUntilClosed() { wake.waitUntilFinished() }

    /// The confirmed position, and whether it moved since the last call.
    private func takeFlushed() -> (LSN, changed: Bool) {
        var taken = (LSN.zero, changed: false)
        wake.locked {
            taken = (flushed, flushedChanged)
            flushedChanged = false
        }
        return taken
    }

    private func loop(_ handle: PGHandle) {
        defer {
            handle.finish()
            wake.threadFinished()
        }
        let socket = handle.socket
        var lastStatus = ContinuousClock.now
        while true {
            // Everything libpq already holds, handed on as one batch before sleeping on the socket.
            var batch: [Message] = []
            while true {
                switch handle.readCopyData() {
                case .message(let bytes):
                    switch Self.parse(bytes) {
                    case .some(.data(let start, let end, let payload)):
                        batch.append(.data(start: start, serverEnd: end, payload: payload))
                    case .some(.keepalive(let end, let replyRequested)):
                        batch.append(.keepalive(serverEnd: end))
                        if replyRequested {
                            if let error = sendStatus(handle) { return finish(yielding: batch, throwing: error) }
                            lastStatus = .now
                        }
                    case nil:
                        let kind = bytes.first.map { String($0) } ?? "(empty)"
                        return finish(yielding: batch, throwing: PostgresError(
                            kind: .client, message: "unexpected replication message \(kind)"))
                    }
                    continue
                case .wouldBlock:
                    break
                case .ended(let error):
                    return finish(yielding: batch, throwing: error)
                }
                break
            }
            if !batch.isEmpty { continuation.yield(batch) }
            let changed = takeFlushed().changed
            if wake.isClosed {
                _ = sendStatus(handle)
                handle.endCopy()
                continuation.finish()
                return
            }
            if changed || ContinuousClock.now - lastStatus >= Self.statusInterval {
                if let error = sendStatus(handle) { return continuation.finish(throwing: error) }
                lastStatus = .now
            }
            var fds = [
                pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, Int32(Self.statusInterval.components.seconds * 1000))
            if ready < 0 {
                if errno == EINTR { continue }
                let failure = PostgresError(kind: .connectionLost, message: "poll failed: \(errno)")
                return continuation.finish(throwing: failure)
            }
            if fds[1].revents != 0 { wake.drain() }
            if fds[0].revents != 0, let error = handle.consumeInput() {
                return continuation.finish(throwing: error)
            }
        }
    }

    /// Hands on what was read, then ends the stream (with `error`, when there is one).
    private func finish(yielding batch: [Message], throwing error: PostgresError?) {
        if !batch.isEmpty { continuation.yield(batch) }
        if let error { continuation.finish(throwing: error) } else { continuation.finish() }
    }

    /// A standby status update: written, flushed and applied all at the confirmed position.
    private func sendStatus(_ handle: PGHandle) -> PostgresError? {
        var position = LSN.zero
        wake.locked { position = flushed }
        var bytes: [UInt8] = [UInt8(ascii: "r")]
        for _ in 0..<3 { bytes += Self.bigEndian(position.value) }
        bytes += Self.bigEndian(Self.postgresEpochMicroseconds())
        bytes.append(0)
        return handle.putCopyData(bytes)
    }

    enum Parsed: Equatable {
        case data(LSN, LSN, [UInt8])
        case keepalive(LSN, replyRequested: Bool)
    }

    /// `w` XLogData (start, end, send time, payload) or `k` keepalive (end, send time, reply requested). Pure.
    static func parse(_ bytes: [UInt8]) -> Parsed? {
        guard let kind = bytes.first else { return nil }
        func uint64(at offset: Int) -> UInt64 {
            bytes[offset..<offset + 8].reduce(0) { $0 << 8 | UInt64($1) }
        }
        switch kind {
        case UInt8(ascii: "w") where bytes.count >= 25:
            return .data(LSN(uint64(at: 1)), LSN(uint64(at: 9)), Array(bytes[25...]))
        case UInt8(ascii: "k") where bytes.count >= 18:
            return .keepalive(LSN(uint64(at: 1)), replyRequested: bytes[17] != 0)
        default:
            return nil
        }
    }

    static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }

    /// Microseconds since 2000-01-01 00:00 UTC, the protocol's clock.
    static func postgresEpochMicroseconds() -> UInt64 {
        UInt64(max(0, (Date().timeIntervalSince1970 - 946_684_800) * 1_000_000))
    }
}

extension PGHandle {
    enum CopyRead {
        case message([UInt8])
        case wouldBlock
        /// The copy ended: cleanly (nil) or with the server's error.
        case ended(PostgresError?)
    }

    /// Sends a replication command that answers with COPY BOTH.
    func startCopyBoth(_ command: String) throws {
        guard let connection = connectionPointer else {
            throw PostgresError(kind: .connectionLost, message: "the connection is closed", target: target)
        }
        guard let result = PQexec(connection, command) else {
            throw PostgresError(kind: .connectionLost, message: PGHandle.errorMessage(connection), target: target)
                .scrubbed(of: secrets)
        }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COPY_BOTH else {
            throw error(from: result, connection: connection, statement: command)
        }
        guard PQsetnonblocking(connection, 1) == 0 else {
            throw PostgresError(kind: .client, message: "cannot make the replication connection non-blocking")
        }
    }

    /// One message of the copy stream if libpq has a whole one, without blocking.
    func readCopyData() -> CopyRead {
        guard let connection = connectionPointer else {
            return .ended(PostgresError(kind: .connectionLost, message: "the connection is closed", target: target))
        }
        var buffer: UnsafeMutablePointer<CChar>?
        let length = PQgetCopyData(connection, &buffer, 1)
        if length > 0, let buffer {
            defer { PQfreemem(buffer) }
            return .message(buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                Array(UnsafeBufferPointer(start: $0, count: Int(length)))
            })
        }
        if length == 0 { return .wouldBlock }
        // -1: the copy is done; the command's result tells how. -2: an error.
        var failure: PostgresError?
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            if status != PGRES_COMMAND_OK && status != PGRES_COPY_BOTH && failure == nil {
                failure = error(from: result, connection: connection, statement: "START_REPLICATION")
            }
        }
        if failure == nil && (length == -2 || PQstatus(connection) != CONNECTION_OK) {
            failure = PostgresError(kind: .connectionLost, message: PGHandle.errorMessage(connection), target: target)
                .scrubbed(of: secrets)
        }
        return .ended(failure)
    }

    func putCopyData(_ bytes: [UInt8]) -> PostgresError? {
        guard let connection = connectionPointer else {
            return PostgresError(kind: .connectionLost, message: "the connection is closed", target: target)
        }
        let sent = bytes.withUnsafeBufferPointer { pointer in
            pointer.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32(bytes.count)) }
        }
        // Non-blocking: flush until libpq has handed everything to the socket.
        var flush: Int32 = sent == 1 ? PQflush(connection) : -1
        while flush == 1 {
            var fds = [pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)]
            _ = poll(&fds, 1, 1000)
            flush = PQflush(connection)
        }
        guard flush == 0 else {
            return PostgresError(kind: .connectionLost, message: PGHandle.errorMessage(connection), target: target)
                .scrubbed(of: secrets)
        }
        return nil
    }

    func endCopy() {
        guard let connection = connectionPointer else { return }
        _ = PQputCopyEnd(connection, nil)
        _ = PQflush(connection)
    }
}
