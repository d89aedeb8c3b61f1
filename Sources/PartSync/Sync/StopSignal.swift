import Foundation

/// Tells a running `SyncFollower` to stop after its current batch. The executable wires SIGINT/SIGTERM to it;
/// tests call `stop()` directly. One signal may stop several runs; stopping twice is harmless.
///
/// Invariant behind `@unchecked Sendable`: every stored property is read and written only under `lock`.
public final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var wakeups: [Wakeups] = []

    public init() {}

    public func stop() {
        lock.lock()
        stopped = true
        let waiting = wakeups
        lock.unlock()
        for wakeup in waiting { wakeup.ring() }
    }

    public var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Rings `wakeups` when the signal fires (at once if it already has), so a sleeping loop notices promptly.
    func attach(_ wakeups: Wakeups) {
        lock.lock()
        self.wakeups.append(wakeups)
        let already = stopped
        lock.unlock()
        if already { wakeups.ring() }
    }
}

/// What wakes the follow loop: a notification forwarded by the listener task, or a stop. A ring that arrives
/// while nobody waits is remembered, so a notification between "drain once more" and "block" is not lost.
/// Also carries whether the listener is connected (the loop marks itself waiting only then).
///
/// Invariant behind `@unchecked Sendable`: every stored property is read and written only under `lock`.
final class Wakeups: @unchecked Sendable {
    private let lock = NSLock()
    private var rung = false
    private var waiter: CheckedContinuation<Void, Never>?
    private var listening = false

    func ring() {
        lock.lock()
        if let waiter {
            self.waiter = nil
            lock.unlock()
            waiter.resume()
            return
        }
        rung = true
        lock.unlock()
    }

    /// Forgets rings that arrived before now (the caller is about to look at the log anyway).
    func reset() {
        lock.lock()
        rung = false
        lock.unlock()
    }

    var isListening: Bool {
        get {
            lock.lock()
            defer { lock.unlock() }
            return listening
        }
        set {
            lock.lock()
            listening = newValue
            lock.unlock()
        }
    }

    /// Returns on a ring (including one that came since the last wait) or after `timeout`, whichever is first.
    func wait(upTo timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.nextRing() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func nextRing() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                lock.lock()
                if rung {
                    rung = false
                    lock.unlock()
                    continuation.resume()
                } else if Task.isCancelled {
                    // Cancelled before we could wait: leave `rung` for the next waiter.
                    lock.unlock()
                    continuation.resume()
                } else {
                    waiter = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            lock.lock()
            let pending = waiter
            waiter = nil
            lock.unlock()
            pending?.resume()
        }
    }
}
