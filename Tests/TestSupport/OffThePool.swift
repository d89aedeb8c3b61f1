import Foundation
import LocalPostgres

/// Blocking work (waiting for a child process) on a thread of its own. Swift's cooperative pool has one
/// thread per core — two here — and the tests run in parallel: a test that blocked a pool thread in
/// `waitpid` for the seconds a child takes starved every other test's tasks (followers that did not start
/// within 30 s, writes that seemed to take 3 s).
public enum OffThePool {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}

/// At most `limit` children of the tests at once, waited for without blocking a thread. The children (partsync
/// and psql runs) are the heaviest work of the suite; with the suites in parallel on two cores, letting every
/// test start its children at once made timing-sensitive tests (a one-second snapshot bound, a write load
/// that must make progress) fail for want of CPU.
public actor ChildSlots {
    public static let shared = ChildSlots(limit: 2)

    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    public func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    public func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Runs `body` holding a slot.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        await shared.acquire()
        do {
            let value = try await OffThePool.run(body)
            await shared.release()
            return value
        } catch {
            await shared.release()
            throw error
        }
    }
}

extension ChildProcess {
    /// `wait()` off the cooperative pool.
    public func exited() async -> Int32 {
        (try? await OffThePool.run { self.wait() }) ?? -1
    }
}
