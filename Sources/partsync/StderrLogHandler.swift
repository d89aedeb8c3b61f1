import Logging

/// The CLI's log handler: each message alone on a line of stderr, as partsync printed it before it logged
/// through swift-log. The metadata (`table`, `phase`, `worker`) is for handlers that keep it, such as the
/// service's JSON logs; a person at a terminal reads the table in the message.
struct StderrLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        // Through the progress display: a line written while the backfill bar is drawn replaces it.
        ProgressDisplay.line(event.message.description)
    }
}
