/// One sample of a capture's sync lag, as the applier records it in `partsync.lag_samples` while it follows.
public struct LagSample: Sendable, Codable, Equatable {
    /// When it was taken (server time, UTC, ISO 8601).
    public var at: String
    /// Entries waiting in the change log.
    public var pending: Int64
    /// Age of the oldest waiting entry, in seconds (nil when none waits).
    public var oldestAgeSeconds: Double?

    public init(at: String, pending: Int64, oldestAgeSeconds: Double?) {
        self.at = at
        self.pending = pending
        self.oldestAgeSeconds = oldestAgeSeconds
    }
}
