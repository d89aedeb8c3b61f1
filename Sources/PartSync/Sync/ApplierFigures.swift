import PostgresClient

/// The applier's running figures, and when to report them. Pure, so its decisions are unit tested without a
/// server; `SyncFollower` executes them.
struct ApplierFigures {
    typealias Instant = ContinuousClock.Instant

    var reportInterval: Duration = .seconds(1)
    private(set) var total: Int64 = 0
    private var sinceReport: Int64 = 0
    private var intervalStart: Instant?
    private var lastRate: Double?

    mutating func record(applied: Int, at now: Instant) {
        if intervalStart == nil { intervalStart = now }
        total += Int64(applied)
        sinceReport += Int64(applied)
    }

    /// The figures to write, once per `reportInterval`; the rate covers the interval just ended.
    mutating func report(at now: Instant) -> Report? {
        guard let start = intervalStart, now - start >= reportInterval else { return nil }
        let rate = Double(sinceReport) / (now - start).seconds
        let report = Report(total: total, rate: rate, appliedSinceLast: sinceReport > 0)
        lastRate = rate
        sinceReport = 0
        intervalStart = now
        return report
    }

    /// The figures at the end of a run (whatever the interval).
    func finalReport() -> Report? {
        intervalStart == nil ? nil : Report(total: total, rate: lastRate, appliedSinceLast: sinceReport > 0)
    }

    struct Report: Sendable, Equatable {
        var total: Int64
        var rate: Double?
        var appliedSinceLast: Bool

        func write(_ context: MigrationContext, _ capture: CaptureRecord, on connection: Connection) async throws {
            try await StateStore(connection).writeApplierFigures(
                context.record.key, capture, total: total, rate: rate, appliedSinceLast: appliedSinceLast)
        }
    }
}
