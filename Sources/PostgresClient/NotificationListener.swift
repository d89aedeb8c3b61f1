import CLibPQ
import Foundation

/// One notification from `NOTIFY channel, 'payload'` or `pg_notify(channel, payload)`.
public struct PostgresNotification: Sendable, Hashable {
    public let channel: String
    public let payload: String
    /// The backend that sent it.
    public let senderPID: Int32
}

/// A dedicated connection that LISTENs on channels and delivers notifications as an `AsyncThrowingStream`.
///
/// Its thread sleeps in `poll()` on the connection's socket and a wake-up pipe: no busy polling, and a
/// notification arrives within the socket's latency. The stream ends with an error if the connection is lost
/// (PostgreSQL keeps no notifications for a listener that is gone, so callers must re-read their source of
/// truth after reconnecting) and ends cleanly after `close()`.
///
/// Invariant behind `@unchecked Sendable`: the `PGconn*` is touched only by the listener thread; other
/// threads only use the `WakePipe` (`close`).
public final class NotificationListener: @unchecked Sendable {
    public let notifications: AsyncThrowingStream<PostgresNotification, any Error>
    public let backendPID: Int32

    private let continuation: AsyncThrowingStream<PostgresNotification, any Error>.Continuation
    private let wake: WakePipe

    private init(
        stream: AsyncThrowingStream<PostgresNotification, any Error>,
        continuation: AsyncThrowingStream<PostgresNotification, any Error>.Continuation,
        wake: WakePipe, backendPID: Int32
    ) {
        self.notifications = stream
        self.continuation = continuation
        self.wake = wake
        self.backendPID = backendPID
    }

    /// Connects, LISTENs on every channel, and starts delivering.
    /// - Throws: `PostgresError` if the connection or a LISTEN fails.
    public static func start(
        _ configuration: ConnectionConfiguration, channels: [String]
    ) async throws -> NotificationListener {
        let executor = ThreadExecutor(name: "partsync-listen-setup")
        defer { executor.shutdown() }
        let handle = try await executor.perform { () throws -> PGHandle in
            let handle = try PGHandle.open(configuration)
            for channel in channels {
                _ = try handle.run(sql: "LISTEN \(SQLIdentifier.quote(channel))", parameters: [], simple: true)
            }
            return handle
        }
        let wake = try WakePipe.forThread(owning: handle)
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: PostgresNotification.self)
        let listener = NotificationListener(
            stream: stream, continuation: continuation, wake: wake, backendPID: handle.backendPID)
        continuation.onTermination = { [weak listener] _ in listener?.close() }
        let thread = Thread { listener.loop(handle) }
        thread.name = "partsync-listen"
        thread.start()
        return listener
    }

    /// Listens for the duration of `body`, then UNLISTENs and closes the connection.
    public static func withListener<T>(
        _ configuration: ConnectionConfiguration, channels: [String],
        _ body: (AsyncThrowingStream<PostgresNotification, any Error>) async throws -> T
    ) async throws -> T {
        let listener = try await start(configuration, channels: channels)
        defer { listener.close() }
        return try await body(listener.notifications)
    }

    /// Stops listening. Idempotent; the stream finishes.
    public func close() { wake.close() }

    /// Blocks until the listener thread has released its connection (for tests and orderly shutdown).
    public func waitUntilClosed() { wake.waitUntilFinished() }

    private func loop(_ handle: PGHandle) {
        defer {
            _ = try? handle.run(sql: "UNLISTEN *", parameters: [], simple: true)
            handle.finish()
            wake.threadFinished()
        }
        let socket = handle.socket
        while true {
            // libpq may already hold notifications read along with an earlier result; poll() would not see them.
            for notification in handle.drainNotifications() { continuation.yield(notification) }
            var fds = [
                pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                continuation.finish(throwing: PostgresError(kind: .connectionLost, message: "poll failed: \(errno)"))
                return
            }
            if fds[1].revents != 0 {
                continuation.finish()
                return
            }
            if fds[0].revents != 0 {
                if let error = handle.consumeInput() {
                    continuation.finish(throwing: error)
                    return
                }
            }
        }
    }
}

extension PGHandle {
    var socket: Int32 { connectionPointer.map { PQsocket($0) } ?? -1 }

    /// Reads what the socket holds; an error if the connection is gone.
    func consumeInput() -> PostgresError? {
        guard let connection = connectionPointer, PQconsumeInput(connection) == 1,
            PQstatus(connection) == CONNECTION_OK
        else {
            return PostgresError(
                kind: .connectionLost,
                message: connectionPointer.map(PGHandle.errorMessage) ?? "the listener connection is closed",
                target: target
            ).scrubbed(of: secrets)
        }
        return nil
    }

    func drainNotifications() -> [PostgresNotification] {
        guard let connection = connectionPointer else { return [] }
        var found: [PostgresNotification] = []
        while let notify = PQnotifies(connection) {
            found.append(
                PostgresNotification(
                    channel: String(cString: notify.pointee.relname),
                    payload: notify.pointee.extra.map { String(cString: $0) } ?? "",
                    senderPID: notify.pointee.be_pid))
            PQfreemem(notify)
        }
        return found
    }
}
