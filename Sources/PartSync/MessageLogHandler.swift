import Logging

/// A log handler that hands each message, alone, to `write` (the CLI's stderr, the bench's stdout). The metadata
/// (`table`, `phase`, `worker`) is for handlers that keep it, such as the service's JSON logs; a person at a
/// terminal reads the table in the message.
public struct MessageLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let write: @Sendable (String) -> Void

    public init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) { write(event.message.description) }
}
