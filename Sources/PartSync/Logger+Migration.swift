import Logging

/// The metadata on every line the engine logs, so a handler that keeps it (the service's JSON logs, metrics)
/// can tell migrations, phases and workers apart; the CLI's handler prints the message alone.
///
/// - `table`: the migration's display name (`public.messages`); the table as given until the migration is
///   loaded (a connection retried before that).
/// - `phase`: the phase the logging work belongs to: `prepared` for prepare, `backfilling`, `syncing`.
/// - `worker`: where there is more than one: a copy worker's number, `applier` or `listener` for sync.
extension Logger {
    func with(table: String, phase: MigrationPhase) -> Logger {
        var logger = self
        logger[metadataKey: "table"] = .string(table)
        logger[metadataKey: "phase"] = .string(phase.rawValue)
        return logger
    }

    func with(worker: String) -> Logger {
        var logger = self
        logger[metadataKey: "worker"] = .string(worker)
        return logger
    }
}
