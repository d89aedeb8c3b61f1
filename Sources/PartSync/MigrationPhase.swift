/// Where one table's migration stands. Stored in `partsync.migrations.phase`.
public enum MigrationPhase: String, Sendable, CaseIterable, Codable {
    case planned
    case prepared
    case backfilling
    case syncing
    case verified
    case cutOver = "cut_over"
    case finished
    case rolledBack = "rolled_back"
    case failed

    public var summary: String {
        switch self {
        case .planned: return "plan computed, nothing created"
        case .prepared: return "partitioned twin, state and capture triggers created; ready to backfill"
        case .backfilling: return "copying rows in checkpointed batches"
        case .syncing: return "copied; applying captured changes"
        case .verified: return "both sides proven equal"
        case .cutOver: return "tables swapped; capturing both ways for rollback"
        case .finished: return "retired table and triggers dropped"
        case .rolledBack: return "swapped back to the original table"
        case .failed: return "stopped on an error; see partsync status"
        }
    }

    /// The phases this one may move to. Every transition is checked here and nowhere else.
    public var successors: Set<MigrationPhase> {
        switch self {
        case .planned: return [.prepared, .failed]
        case .prepared: return [.backfilling, .failed]
        case .backfilling: return [.syncing, .failed]
        case .syncing: return [.verified, .backfilling, .failed]
        case .verified: return [.cutOver, .syncing, .failed]
        case .cutOver: return [.finished, .rolledBack, .failed]
        case .rolledBack: return [.syncing, .finished]
        case .finished: return []
        case .failed: return [.prepared, .backfilling, .syncing]
        }
    }

    public func canMove(to next: MigrationPhase) -> Bool { successors.contains(next) }
}
