import PostgresClient

/// What partsync reports when it cannot go on: which table, in which phase, why, and what to do next.
public struct PartSyncError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Bad input or a plan blocker: nothing was changed (exit 2).
        case usage
        /// The database failed after retries (exit 3).
        case database
        /// Stopped by a signal; the work can be resumed (exit 4).
        case interrupted
        /// Verification found rows that differ (exit 1).
        case divergence
    }

    public var kind: Kind
    public var table: String?
    public var phase: MigrationPhase?
    public var message: String
    public var nextStep: String?
    public var underlying: PostgresError?

    public init(
        _ kind: Kind, table: String? = nil, phase: MigrationPhase? = nil, message: String, nextStep: String? = nil,
        underlying: PostgresError? = nil
    ) {
        self.kind = kind
        self.table = table
        self.phase = phase
        self.message = message
        self.nextStep = nextStep
        self.underlying = underlying
    }

    /// The documented exit code for this kind of failure.
    public var exitCode: Int32 {
        switch kind {
        case .divergence: return 1
        case .usage: return 2
        case .database: return 3
        case .interrupted: return 4
        }
    }

    /// For people, safe to paste anywhere: `table: [phase] message`, the cause (kind, SQLSTATE and the server's
    /// message) and the next step, each line once. The server's DETAIL (which may quote row data: "Failing row
    /// contains (…)"), HINT, CONTEXT and the statement are in `debugDescription` only.
    public var description: String {
        var text = ""
        if let table { text += "\(table): " }
        if let phase { text += "[\(phase.rawValue)] " }
        text += message
        if let underlying { text += "\n  cause: " + Self.indented(underlying.description) }
        if let nextStep { text += "\n  next: \(nextStep)" }
        return text
    }

    /// `description`, then everything else the server said (`--verbose`). May contain row data; never a password.
    public var debugDescription: String {
        var text = description
        guard let underlying else { return text }
        let fields = [
            ("DETAIL", underlying.detail), ("HINT", underlying.hint), ("CONTEXT", underlying.context),
            ("STATEMENT", underlying.statement),
        ]
        for case let (label, value?) in fields { text += "\n  \(label): " + Self.indented(value) }
        return text
    }

    /// Continuation lines of a multi-line value stay inside the block, indented below their label.
    private static func indented(_ value: String) -> String {
        value.trimmingCharacters(in: .newlines).replacing("\n", with: "\n    ")
    }

    /// Wraps a database error that survived its retries. The cause goes in `underlying` only, so that its line is
    /// printed once; a failed rollback is named in the message.
    public static func database(_ error: any Error, table: String?, phase: MigrationPhase?, doing: String) -> PartSyncError {
        if let error = error as? PartSyncError { return error }
        let transaction = error as? TransactionError
        let postgres = (transaction?.bodyError ?? error) as? PostgresError
        var message = "\(doing) failed"
        if let transaction, postgres != nil {
            message += " (and the rollback failed too: \(transaction.rollbackError))"
        } else if postgres == nil {
            message += ": \(error)"
        }
        return PartSyncError(
            .database, table: table, phase: phase, message: message,
            nextStep: postgres?.isTransient == true
                ? "the database was unreachable or busy; rerun the same command, it resumes where it stopped"
                : "fix the cause above and rerun the same command",
            underlying: postgres)
    }
}
