import Logging

/// Prints each engine log message alone on stdout, as the bench's in-process applier did before the engine
/// logged through swift-log.
struct PrintLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        print(event.message.description)
    }
}

extension Logger {
    /// For the engine's steps the bench only sets up with (prepare, backfill), which it runs quietly.
    static let benchQuiet = Logger(label: "partsync-bench") { _ in SwiftLogNoOpLogHandler() }
    static let benchPrinted = Logger(label: "partsync-bench") { _ in PrintLogHandler() }
}
