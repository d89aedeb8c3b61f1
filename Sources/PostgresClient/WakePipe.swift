import Foundation

/// What a connection that lives on a thread of its own (`NotificationListener`, `ReplicationStream`) shares with
/// the rest of the process: a pipe the thread polls beside its socket, so that other threads can wake it; the
/// flag that asks it to stop; and a signal that it has let go of its connection.
///
/// Invariant behind `@unchecked Sendable`: `closed` (and what owners change through `wake` and `locked`) is
/// read and written only under `lock`, and the write end
/// of the pipe is closed only under `lock` after `closed` is set, so no thread writes to a closed descriptor.
final class WakePipe: @unchecked Sendable {
    /// The end the owning thread polls.
    let readEnd: Int32
    private let writeEnd: Int32
    private let lock = NSLock()
    private var closed = false
    private let finished = DispatchSemaphore(value: 0)

    /// A pipe for the thread that will own `handle`; when none can be made, the handle is closed too.
    static func forThread(owning handle: PGHandle) throws -> WakePipe {
        do {
            return try WakePipe()
        } catch {
            handle.finish()
            throw error
        }
    }

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw PostgresError(kind: .client, message: "cannot create a wake-up pipe: errno \(errno)")
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    /// Runs `change` under the lock and wakes the thread, unless it was asked to stop already.
    func wake(_ change: () -> Void = {}) {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        change()
        var byte: UInt8 = 1
        _ = Foundation.write(writeEnd, &byte, 1)
    }

    /// Asks the thread to stop (idempotent).
    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        var byte: UInt8 = 1
        _ = Foundation.write(writeEnd, &byte, 1)
    }

    /// Runs `body` under the lock (state the owner shares between its thread and the others).
    func locked(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }

    var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return closed
    }

    /// Empties the pipe after a wake-up.
    func drain() {
        var bytes = [UInt8](repeating: 0, count: 64)
        _ = Foundation.read(readEnd, &bytes, bytes.count)
    }

    /// Called by the owning thread last, after it released its connection.
    func threadFinished() {
        Foundation.close(readEnd)
        lock.lock()
        closed = true
        Foundation.close(writeEnd)
        lock.unlock()
        finished.signal()
    }

    /// Blocks until the owning thread called `threadFinished`.
    func waitUntilFinished() {
        finished.wait()
        finished.signal()
    }
}
