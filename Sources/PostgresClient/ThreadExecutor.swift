import Foundation

/// A serial executor that runs every job on one dedicated thread.
///
/// libpq calls block. Running them on Swift's cooperative pool (two threads on the machines we target) would
/// stall every other task; a connection actor on its own thread blocks only itself. The executor also runs plain
/// closures (`perform`), which is how a connection is opened before its actor exists.
///
/// Invariant behind `@unchecked Sendable`: `queue`, `stopping` are touched only with `condition` locked; the
/// thread is the only consumer.
final class ThreadExecutor: SerialExecutor, @unchecked Sendable {
    private enum Work {
        case job(UnownedJob)
        case block(() -> Void)
    }

    private let condition = NSCondition()
    private var queue: [Work] = []
    private var head = 0
    private var stopping = false

    init(name: String) {
        let thread = Thread { [self] in self.runLoop() }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        push(.job(UnownedJob(job)))
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Runs `work` on the executor's thread and returns its result.
    func perform<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            push(.block { continuation.resume(with: Result { try work() }) })
        }
    }

    /// Lets the thread exit once the queued work is done. Idempotent.
    func shutdown() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func push(_ work: Work) {
        condition.lock()
        queue.append(work)
        condition.signal()
        condition.unlock()
    }

    private func runLoop() {
        while true {
            condition.lock()
            while head == queue.count && !stopping { condition.wait() }
            if head == queue.count {
                condition.unlock()
                return
            }
            let work = queue[head]
            head += 1
            if head > 64 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            condition.unlock()
            switch work {
            case .job(let job): job.runSynchronously(on: asUnownedSerialExecutor())
            case .block(let block): block()
            }
        }
    }
}
