import ArgumentParser
import Foundation
import Logging
import PartSync
import PostgresClient

/// How cutover, rollback and finish ask for the tables' ACCESS EXCLUSIVE lock.
struct LockOptions: ParsableArguments {
    @Option(help: "lock_timeout of each attempt at the tables' ACCESS EXCLUSIVE lock, in milliseconds.")
    var lockTimeout = CutoverPreflight.defaultLockTimeoutMilliseconds

    @Option(help: "Lock attempts before giving up (exit 4, nothing changed); backoff with jitter between them.")
    var attempts = 10

    func validate() throws {
        guard lockTimeout >= 1 else { throw ValidationError("--lock-timeout must be positive") }
        guard attempts >= 1 else { throw ValidationError("--attempts must be at least 1") }
    }

    func swapLock(cancelBlockersAfter: Int? = nil) -> SwapLock {
        SwapLock(lockTimeoutMilliseconds: lockTimeout, attempts: attempts,
                 cancelBlockersAfterMilliseconds: cancelBlockersAfter)
    }
}

/// What cutover and rollback share.
struct SwapOptions: ParsableArguments {
    @OptionGroup var lock: LockOptions

    @Option(help: "How old the oldest pending change may be when the swap starts, in milliseconds.")
    var maxLagMs = CutoverPreflight.defaultMaxLagMilliseconds

    @Option(help: "Cancel (then terminate) sessions holding the tables longer than this many milliseconds.")
    var cancelBlockersAfter: Int?

    @Flag(help: "Go on when preflight checks fail (each is printed as a warning); the recheck under the lock still applies.")
    var force = false

    @Flag(help: "Print the outcome as JSON on stdout.")
    var json = false

    func validate() throws {
        guard maxLagMs >= 0 else { throw ValidationError("--max-lag-ms must not be negative") }
        if let cancelBlockersAfter, cancelBlockersAfter < 0 {
            throw ValidationError("--cancel-blockers-after must not be negative")
        }
    }

    var swapperOptions: Swapper.Options {
        Swapper.Options(lock: lock.swapLock(cancelBlockersAfter: cancelBlockersAfter), maxLagMilliseconds: maxLagMs,
                        force: force)
    }

    /// Runs the swap and prints its outcome.
    func run(_ kind: Swapper.Kind, table: String, connection: ConnectionOptions) async throws {
        let swapper = Swapper(configuration: ConnectionConfiguration.resolve(databaseURL: connection.databaseURL),
                              table: table, options: swapperOptions, logger: Logger(label: "partsync"))
        let outcome = kind == .cutover ? try await swapper.cutover() : try await swapper.rollback()
        if json {
            let encoder = JSONEncoder.readable()
            FileHandle.standardOutput.write(try encoder.encode(outcome) + Data("\n".utf8))
        }
        if let reason = outcome.alreadyDone {
            Output.info("\(outcome.table): \(reason)")
            return
        }
        func ms(_ value: Double?) -> String { value.map { String(format: "%.1f ms", $0) } ?? "not measured" }
        var lines = [
            "\(outcome.table): \(kind == .cutover ? "cut over" : "rolled back"): \(outcome.live) is the table now, "
                + "\(outcome.retired) is kept in sync until `partsync finish`",
            "  lock: attempt \(outcome.attempts); stall (lock request to commit) \(ms(outcome.stallMilliseconds)); "
                + "longest wait of a probe writer \(ms(outcome.probeMaxMilliseconds))",
            "  \(outcome.recheckedBeforeLock) changed key(s) rechecked before the lock; under it \(outcome.drainedEntries) "
                + "change-log entries applied and \(outcome.recheckedKeys) key(s) rechecked, all equal",
            "  under the lock: " + outcome.steps.map { "\($0.name) \(String(format: "%.0f", $0.milliseconds)) ms" }
                .joined(separator: ", "),
        ]
        if let analyzed = outcome.analyzedMilliseconds {
            lines.insert("  analyzed \(outcome.live) first (never analyzed as a whole; \(ms(analyzed)), before the lock)",
                         at: 1)
        }
        if !outcome.acknowledged {
            lines.append("  the connection was lost during the commit; the catalog shows the swap committed")
        }
        lines += outcome.cancelled.map { "  cancelled pid \($0.pid) (open \(Int($0.transactionSeconds)) s): \($0.query)" }
        lines += outcome.views.map { "  view re-pointed: \($0)" }
        lines += outcome.sequences.map { "  sequence: \($0)" }
        lines += outcome.notes.map { "  note: \($0)" }
        lines.append("  NOTIFY pgrst, 'reload schema' sent (PostgREST reloads its schema cache)")
        Output.info(lines.joined(separator: "\n"))
    }
}

extension PartSyncCommand {
    struct Cutover: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Swap the partitioned table in under the table's name, with a lock measured in milliseconds.",
            discussion: """
                Refuses, naming each reason, unless the copy is complete, the applier keeps up (--max-lag-ms), the \
                latest verification is clean, and no long or prepared transaction or anti-wraparound vacuum holds \
                the tables (--force goes on with warnings). Drains the change log while writers run, then in one \
                transaction takes ACCESS EXCLUSIVE with a short lock_timeout (retried with backoff; out of attempts: \
                exit 4, nothing changed), applies the rest, rechecks every key changed since the last clean \
                verification (any difference: exit 1, nothing changed), renames the table to <table>_retired and \
                the partitioned one to <table>, hands its identity/serial sequences over, recreates dependent views \
                over it, and starts capturing the new table back into the retired one so that `rollback` loses \
                nothing. Keep `partsync sync --follow` running until `finish`.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The table to cut over.")
        var table: String
        @OptionGroup var swap: SwapOptions

        func run() async throws { try await swap.run(.cutover, table: table, connection: connection) }
    }

    struct Rollback: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Swap the original table back in after a cutover, losing no write made since.",
            discussion: """
                The same lock discipline, recheck, view and sequence handling as cutover, in the other direction: \
                the partitioned table gets its prepare name back and the original table its name. Both captures \
                keep running, so a cutover can follow again (or `finish` keeps the original table).
                """)

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The table to roll back (its name, or the retired table's).")
        var table: String
        @OptionGroup var swap: SwapOptions

        func run() async throws { try await swap.run(.rollback, table: table, connection: connection) }
    }

    struct Finish: AsyncParsableCommand, ConnectingCommand {
        static let configuration = CommandConfiguration(
            abstract: "End the rollback window: drop both captures, and the retired table with --drop-retired.",
            discussion: """
                Stop `partsync sync` first. Applies what is left in both change logs, drops partsync's triggers, \
                change logs and functions for the table, and keeps the retired table (no longer in sync) unless \
                --drop-retired. Same short-lock discipline as cutover. Running it again finds nothing to do.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The table whose migration to finish.")
        var table: String
        @Flag(help: "Drop the retired table too.")
        var dropRetired = false
        @OptionGroup var lock: LockOptions

        func run() async throws {
            let database = try await connection.connect()
            let outcome = try await Finisher.finish(
                table: table, dropRetired: dropRetired, on: database,
                lock: lock.swapLock(), logger: Logger(label: "partsync"))
            if let reason = outcome.alreadyDone {
                Output.info("\(outcome.table): \(reason)")
                return
            }
            Output.info("\(outcome.table): finished; \(outcome.live) is the table"
                + (outcome.retiredDropped ? "" : ", \(outcome.retired) kept (no longer in sync)")
                + "; \(outcome.drainedEntries) change-log entries applied first. Removed:\n"
                + outcome.removed.map { "  - \($0)" }.joined(separator: "\n"))
        }
    }
}
