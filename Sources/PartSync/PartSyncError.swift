import PostgresClient

/// What partsync reports when it cannot go on: which table, in which phase, why, and what to do next.
public struct PartSyncError: Error, Sendable, CustomStringConvertible {
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

    public var description: String {
        var text = ""
        if let table { text += "\(table): " }
        if let phase { text += "[\(phase.rawValue)] " }
        text += message
        if let underlying { text += "\n  cause: \(underlying.debugDescription.replacing("\n", with: "\n  "))" }
        if let nextStep { text += "\n  next: \(nextStep)" }
        return text
    }

    /// Wraps a database error that survived its retries.
    public static func database(_ error: any Error, table: String?, phase: MigrationPhase?, doing: String) -> PartSyncError {
        if let error = error as? PartSyncError { return error }
        let postgres = error as? PostgresError
        return PartSyncError(
            .database, table: table, phase: phase, message: "\(doing) failed: \(postgres?.description ?? "\(error)")",
            nextStep: postgres?.isTransient == true
                ? "the database was unreachable or busy; rerun the same command, it resumes where it stopped"
                : "fix the cause above and rerun the same command",
            underlying: postgres)
    }
}
