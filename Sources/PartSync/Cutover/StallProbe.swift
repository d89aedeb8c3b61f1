import Foundation
import PostgresClient

/// A stand-in writer that measures the longest wait a writer of the table saw while a swap ran, without
/// writing anything: on its own connection it asks again and again for the lock an `INSERT`, `UPDATE` or
/// `DELETE` takes (`ROW EXCLUSIVE`, by the table's name, as an application does) and lets go at once, timing
/// each request. Started before the swap's first lock attempt, stopped after its commit.
final class StallProbe: @unchecked Sendable {
    // Invariant behind `@unchecked Sendable`: `longest`, `samples` and `stopped` are read and written only
    // under `lock`; `task` is set once in `start` before anyone else sees the probe.
    private let lock = NSLock()
    private var longest: Duration = .zero
    private var samples = 0
    private var stopped = false
    private var task: Task<Void, Never>?

    /// Starts probing `table` on a new connection; nil when it cannot connect (the swap goes on without it).
    static func start(_ table: SQLIdentifier, configuration: ConnectionConfiguration) async -> StallProbe? {
        var configuration = configuration
        configuration.applicationName = "partsync stall probe"
        guard let connection = try? await Connection.connect(configuration) else { return nil }
        let probe = StallProbe()
        let statement = "BEGIN; SET LOCAL lock_timeout = '30s'; LOCK TABLE \(table.sql) IN ROW EXCLUSIVE MODE; ROLLBACK"
        probe.task = Task {
            while !probe.isStopped {
                let start = ContinuousClock.now
                do { try await connection.execute(statement) } catch {
                    _ = try? await connection.execute("ROLLBACK")
                    if !(await connection.isOpen) { break }
                }
                probe.record(ContinuousClock.now - start)
                try? await Task.sleep(for: .milliseconds(5))
            }
            await connection.close()
        }
        return probe
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func record(_ wait: Duration) {
        lock.lock()
        longest = max(longest, wait)
        samples += 1
        lock.unlock()
    }

    /// Stops after the request in flight (which a committed swap no longer blocks) and returns the longest
    /// wait in milliseconds, nil if no request completed.
    func stop() async -> Double? {
        lock.withLock { stopped = true }
        await task?.value
        return lock.withLock { samples == 0 ? nil : longest.milliseconds }
    }
}
