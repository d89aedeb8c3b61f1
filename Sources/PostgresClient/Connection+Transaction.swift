/// Isolation levels for `withTransaction`.
public enum IsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

/// A transaction whose body failed and whose rollback failed too: both are reported.
public struct TransactionError: Error, Sendable, CustomStringConvertible {
    public var bodyError: any Error
    public var rollbackError: any Error

    public var description: String {
        "\(bodyError) (and the rollback failed too: \(rollbackError))"
    }
}

extension Connection {
    /// Runs `body` inside `BEGIN … COMMIT`, rolling back if it throws.
    ///
    /// - Parameters:
    ///   - isolation: the transaction's isolation level.
    ///   - readOnly: start a `READ ONLY` transaction.
    ///   - settings: run-time parameters set with `SET LOCAL` semantics, e.g. `["lock_timeout": "200ms"]`;
    ///     they end with the transaction.
    ///   - rollBack: end with `ROLLBACK` even when the body succeeds (its value is still returned): for work
    ///     that must leave nothing behind, such as `EXPLAIN ANALYZE`.
    /// - Throws: the body's error; a `TransactionError` when the rollback fails as well; a commit failure
    ///   (e.g. a serialization failure at commit) as a `PostgresError`.
    public func withTransaction<T: Sendable>(
        isolation: IsolationLevel = .readCommitted, readOnly: Bool = false, settings: [String: String] = [:],
        rollBack: Bool = false, _ body: @Sendable (isolated Connection) async throws -> T
    ) async throws -> T {
        try await execute("BEGIN ISOLATION LEVEL \(isolation.rawValue)\(readOnly ? " READ ONLY" : "")")
        let value: T
        do {
            for (name, setting) in settings.sorted(by: { $0.key < $1.key }) {
                try await set(name, to: setting, local: true)
            }
            value = try await body(self)
        } catch {
            do {
                if isOpen { try await execute("ROLLBACK") }
            } catch let rollbackError {
                throw TransactionError(bodyError: error, rollbackError: rollbackError)
            }
            throw error
        }
        if rollBack {
            try await execute("ROLLBACK")
            return value
        }
        let result = try await execute("COMMIT")
        // COMMIT of a transaction that already failed reports ROLLBACK instead of failing.
        if result.commandTag == "ROLLBACK" {
            throw PostgresError(
                kind: .server, message: "the transaction was rolled back by the server instead of committed",
                statement: "COMMIT")
        }
        return value
    }
}
