import PostgresClient

/// How far the partitioned table trails the source, from the change log and the applier's own figures.
///
/// Read by `partsync status` and by the follow loop's periodic lag line. Cheap enough to poll every few
/// seconds: one count of the log, one index probe for its oldest entry, one row of `partsync.appliers`.
public struct SyncLag: Sendable, Codable, Equatable {
    /// Change-log entries not applied yet.
    public var pending: Int64
    /// Age of the oldest unapplied entry (when its statement started); nil when nothing is pending.
    public var oldestAgeSeconds: Double?
    /// Entries the current (or last) applier has applied since it started.
    public var appliedTotal: Int64
    /// Entries per second over the applier's last reporting interval; nil before its first report.
    public var applyRate: Double?
    /// Seconds since the applier last applied a non-empty batch; nil if it never has.
    public var lastBatchAgeSeconds: Double?
    /// Seconds since the applier last reported it was alive; nil if no applier ever ran.
    public var heartbeatAgeSeconds: Double?
    /// Backend pid of the session holding the applier lock right now; nil when no applier runs.
    public var applierPID: Int32?
    /// True while the applier sleeps on LISTEN (writers then notify it).
    public var applierWaiting: Bool
    /// Heap, index and TOAST bytes of the change log.
    public var logBytes: Int64

    public init(
        pending: Int64, oldestAgeSeconds: Double?, appliedTotal: Int64, applyRate: Double?,
        lastBatchAgeSeconds: Double?, heartbeatAgeSeconds: Double?, applierPID: Int32?, applierWaiting: Bool,
        logBytes: Int64
    ) {
        self.pending = pending
        self.oldestAgeSeconds = oldestAgeSeconds
        self.appliedTotal = appliedTotal
        self.applyRate = applyRate
        self.lastBatchAgeSeconds = lastBatchAgeSeconds
        self.heartbeatAgeSeconds = heartbeatAgeSeconds
        self.applierPID = applierPID
        self.applierWaiting = applierWaiting
        self.logBytes = logBytes
    }

    /// Reads the lag of one of the migration's captures (the forward one by default).
    public static func load(_ context: MigrationContext, direction: CaptureDirection = .forward,
                            on connection: Connection) async throws -> SyncLag {
        guard let capture = context.capture(direction),
              let lag = try await StateStore(connection).lag(context.record.key, capture) else {
            throw PartSyncError(.database, table: context.table, phase: .syncing,
                                message: "partsync.appliers has no row for this migration",
                                nextStep: "the state schema was changed by hand; prepare the table again")
        }
        return lag
    }

    /// `public.messages: 120 pending, oldest 0.8 s, 51200 applied (6100/s), log 1.2 MB`. Pure.
    public var line: String {
        var parts = ["\(pending) pending"]
        if let oldestAgeSeconds { parts.append("oldest \(Self.format(oldestAgeSeconds)) s") }
        var applied = "\(appliedTotal) applied"
        if let applyRate { applied += " (\(Int(applyRate.rounded()))/s)" }
        parts.append(applied)
        parts.append("log \(Self.format(Double(logBytes) / 1_048_576)) MB")
        return parts.joined(separator: ", ")
    }

    private static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths))" : "\(tenths)"
    }
}
