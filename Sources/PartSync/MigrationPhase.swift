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

    /// The phases this one may move to. `StateStore.transition` checks every move against this table.
    public var successors: Set<MigrationPhase> {
        switch self {
        case .planned: return [.prepared, .failed]
        case .prepared: return [.backfilling, .failed]
        case .backfilling: return [.syncing, .failed]
        case .syncing: return [.verified, .backfilling, .cutOver, .failed]
        case .verified: return [.cutOver, .syncing, .failed]
        case .cutOver: return [.finished, .rolledBack, .failed]
        case .rolledBack: return [.cutOver, .verified, .syncing, .finished]
        case .finished: return []
        case .failed: return [.prepared, .backfilling, .syncing]
        }
    }

    /// Whether a migration in this phase may move to `next`. A failed migration resumes the phase that failed
    /// (`failedFrom`) and nothing else; without that record, any of `failed`'s successors.
    public func canMove(to next: MigrationPhase, failedFrom: MigrationPhase? = nil) -> Bool {
        if self == .failed, let failedFrom { return next == failedFrom }
        return successors.contains(next)
    }

    /// What the operator can do next from this phase, for error messages.
    func nextStep(table: String) -> String {
        switch self {
        case .planned, .failed: return "see `partsync status --table \(table)` for where it stands"
        case .prepared, .backfilling: return "run `partsync backfill --table \(table)`"
        case .syncing: return "keep `partsync sync --table \(table) --follow` running, then verify"
        case .verified: return "run `partsync cutover --table \(table)` when ready"
        case .cutOver: return "keep `partsync sync --table \(table) --follow` running for the rollback window, then "
            + "`partsync finish --table \(table)` (or `partsync rollback --table \(table)`)"
        case .finished: return "nothing is left to do for this table"
        case .rolledBack: return "cut over again when ready, or `partsync finish --table \(table)` to keep the "
            + "original table and end the migration"
        }
    }
}

/// What a command may do in the migration's phase: run, report that its work is already done, or refuse
/// (exit 2, nothing changed). Pure; unit tested for every phase.
public enum PhaseRule: Sendable, Equatable {
    case run
    case alreadyDone(String)
    case refuse(String)

    /// `partsync backfill`.
    public static func backfill(_ phase: MigrationPhase, failedFrom: MigrationPhase?) -> PhaseRule {
        switch phase {
        case .prepared, .backfilling: return .run
        case .failed:
            return failedFrom == nil || failedFrom == .backfilling
                ? .run : .refuse("it failed while \(failedFrom!.rawValue), not while backfilling")
        case .syncing, .verified: return .alreadyDone("already backfilled (phase \(phase.rawValue)); nothing to do")
        case .planned, .cutOver, .finished, .rolledBack:
            return .refuse("a migration in phase \(phase.rawValue) cannot be backfilled")
        }
    }

    /// `partsync sync`: the applier runs beside the backfill, while syncing and verifying, and after a
    /// cutover (stragglers written to the retired table by OID are still captured), until finish.
    public static func sync(_ phase: MigrationPhase, failedFrom: MigrationPhase?) -> PhaseRule {
        switch phase {
        case .prepared, .backfilling, .syncing, .verified, .cutOver, .rolledBack, .failed: return .run
        case .planned, .finished: return .refuse("a migration in phase \(phase.rawValue) has nothing to sync")
        }
    }

    /// `partsync verify`: once the copy is complete and the applier keeps the target current (again after a
    /// rollback, before the next cutover).
    public static func verify(_ phase: MigrationPhase, failedFrom: MigrationPhase?) -> PhaseRule {
        switch phase {
        case .syncing, .verified, .rolledBack: return .run
        case .failed where failedFrom == .syncing: return .run
        case .prepared, .backfilling, .failed:
            return .refuse("the backfill is not complete (phase \(phase.rawValue)); there is nothing to compare yet")
        case .planned, .cutOver, .finished:
            return .refuse("a migration in phase \(phase.rawValue) is not verified by this command")
        }
    }

    /// `partsync cutover`: once copied (the preflight checks the rest), and again after a rollback.
    public static func cutover(_ phase: MigrationPhase, failedFrom: MigrationPhase?) -> PhaseRule {
        switch phase {
        case .syncing, .verified, .rolledBack: return .run
        case .failed where failedFrom == .syncing: return .run
        case .cutOver: return .alreadyDone("already cut over; nothing to do")
        case .prepared, .backfilling, .failed:
            return .refuse("the backfill is not complete (phase \(phase.rawValue))")
        case .planned, .finished:
            return .refuse("a migration in phase \(phase.rawValue) cannot be cut over")
        }
    }

    /// `partsync rollback`: only after a cutover.
    public static func rollback(_ phase: MigrationPhase, failedFrom: MigrationPhase?) -> PhaseRule {
        switch phase {
        case .cutOver: return .run
        case .rolledBack: return .alreadyDone("already rolled back; the original table is in place")
        case .planned, .prepared, .backfilling, .syncing, .verified, .failed:
            return .refuse("there is no cutover to roll back (phase \(phase.rawValue)); the original table is in place")
        case .finished:
            return .refuse("the migration is finished; its rollback window has ended")
        }
    }

    /// `partsync finish`: ends the rollback window after a cutover, or the migration after a rollback.
    public static func finish(_ phase: MigrationPhase, failedFrom: MigrationPhase?) -> PhaseRule {
        switch phase {
        case .cutOver, .rolledBack: return .run
        case .finished: return .alreadyDone("already finished; nothing to do")
        case .planned, .prepared, .backfilling, .syncing, .verified, .failed:
            return .refuse("finish ends a migration after its cutover; this one is in phase \(phase.rawValue) "
                + "(before a cutover, `partsync abandon` removes it)")
        }
    }

    /// `partsync abandon`: any phase before the swap; after it, the way back is rollback.
    public static func abandon(_ phase: MigrationPhase, failedFrom: MigrationPhase?) -> PhaseRule {
        switch phase {
        case .planned, .prepared, .backfilling, .syncing, .verified: return .run
        case .failed where failedFrom.map { [.prepared, .backfilling, .syncing, .verified].contains($0) } ?? true:
            return .run
        case .failed, .cutOver, .rolledBack, .finished:
            return .refuse("abandon undoes a migration before its cutover; this one is in phase \(phase.rawValue)"
                + (failedFrom.map { " (failed during \($0.rawValue))" } ?? ""))
        }
    }
}
