import PostgresClient

/// Exponential backoff with full jitter, for locks asked for with a short `lock_timeout` (invariant 7) and
/// for dropped connections. Pure: `delay(forAttempt:)` is tested without a server.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var baseMilliseconds: Double
    public var maxMilliseconds: Double

    public init(attempts: Int = 8, baseMilliseconds: Double = 100, maxMilliseconds: Double = 5_000) {
        self.attempts = attempts
        self.baseMilliseconds = baseMilliseconds
        self.maxMilliseconds = maxMilliseconds
    }

    /// The pause before attempt `attempt + 1` (attempt counts from 1): random in [cap/2, cap] where the cap
    /// doubles each time, so retries spread out instead of lining up behind the same long query.
    public func delay(forAttempt attempt: Int, random: Double = Double.random(in: 0...1)) -> Double {
        let cap = min(maxMilliseconds, baseMilliseconds * Double(1 << min(attempt - 1, 20)))
        return cap / 2 + cap / 2 * random
    }

    /// Runs `body` until it succeeds, retrying transient PostgreSQL errors (lock timeouts, serialization
    /// failures, lost connections).
    /// - Parameter onRetry: told about each failed attempt (attempt number, error, pause in ms).
    public func run<T>(
        _ body: () async throws -> T,
        onRetry: (Int, PostgresError, Double) -> Void = { _, _, _ in }
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch let error as PostgresError where error.isTransient && attempt < attempts {
                let pause = delay(forAttempt: attempt)
                onRetry(attempt, error, pause)
                try await Task.sleep(for: .milliseconds(Int(pause)))
                attempt += 1
            }
        }
    }
}
