@testable import PartSync
import Testing

/// The follow loop's decisions, without a server.
@Suite struct ApplierFiguresTests {
    let start = ContinuousClock.now

    @Test("the log is vacuumed once enough was deleted and the log drained, or after four times as many under load")
    func vacuumDecisions() {
        var figures = ApplierFigures(vacuumAfterEntries: 1_000)
        figures.record(applied: 999, at: start)
        #expect(!figures.vacuumDue(at: start, drained: true))
        figures.record(applied: 1, at: start)
        #expect(figures.vacuumDue(at: start, drained: true))
        #expect(!figures.vacuumDue(at: start, drained: false))
        figures.record(applied: 3_000, at: start)
        #expect(figures.vacuumDue(at: start, drained: false))
        figures.vacuumed(at: start)
        #expect(!figures.vacuumDue(at: start, drained: true))
        // Not again within the minimum spacing, however much was deleted.
        figures.record(applied: 10_000, at: start)
        #expect(!figures.vacuumDue(at: start + .milliseconds(500), drained: true))
        #expect(figures.vacuumDue(at: start + .seconds(1), drained: true))
    }

    @Test("a threshold too large to multiply never vacuums under load")
    func noOverflow() {
        var figures = ApplierFigures(vacuumAfterEntries: Int.max)
        figures.record(applied: 1_000_000, at: start)
        #expect(!figures.vacuumDue(at: start + .seconds(10), drained: false))
    }

    @Test("figures are reported once per interval, with the rate of that interval and the total so far")
    func reports() {
        var figures = ApplierFigures(vacuumAfterEntries: 1_000)
        #expect(figures.finalReport() == nil)
        figures.record(applied: 500, at: start)
        #expect(figures.report(at: start + .milliseconds(400)) == nil)
        figures.record(applied: 1_500, at: start + .milliseconds(900))
        let first = figures.report(at: start + .seconds(2))
        #expect(first == .init(total: 2_000, rate: 1_000, appliedSinceLast: true))
        let idle = figures.report(at: start + .seconds(4))
        #expect(idle == .init(total: 2_000, rate: 0, appliedSinceLast: false))
        #expect(figures.finalReport() == .init(total: 2_000, rate: 0, appliedSinceLast: false))
    }
}

@Suite struct SyncLagLineTests {
    @Test("the lag line shows pending, the oldest entry's age when there is one, applied and rate, log size")
    func line() {
        var lag = SyncLag(pending: 120, oldestAgeSeconds: 0.84, appliedTotal: 51_200, applyRate: 6_100.4,
                          lastBatchAgeSeconds: 0.1, heartbeatAgeSeconds: 0.2, applierPID: 42, applierWaiting: false,
                          logBytes: 1_258_291)
        #expect(lag.line == "120 pending, oldest 0.8 s, 51200 applied (6100/s), log 1.2 MB")
        lag.pending = 0
        lag.oldestAgeSeconds = nil
        lag.applyRate = nil
        #expect(lag.line == "0 pending, 51200 applied, log 1.2 MB")
    }
}
