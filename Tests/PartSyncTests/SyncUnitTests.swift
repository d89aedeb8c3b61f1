@testable import PartSync
import PostgresClient
import TestSupport
import Testing

/// The follow loop's decisions, without a server.
@Suite struct ApplierFiguresTests {
    let start = ContinuousClock.now

    @Test("figures are reported once per interval, with the rate of that interval and the total so far")
    func reports() {
        var figures = ApplierFigures()
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

/// When the change log switches generations and truncates the retired one, without a server.
@Suite struct LogRotationTests {
    let start = ContinuousClock.now

    @Test("a new applier first empties the retired generation a previous one may have left, once drained")
    func truncatesFirst() {
        var rotation = LogRotation(switchAfterEntries: 1_000)
        rotation.record(applied: 10, at: start)
        #expect(rotation.next(at: start, drained: false) == nil)
        #expect(rotation.next(at: start, drained: true) == .truncateRetired)
        rotation.truncateAttempted(succeeded: false, at: start)
        #expect(rotation.next(at: start + .milliseconds(100), drained: true) == nil, "retries are spaced")
        #expect(rotation.next(at: start + .milliseconds(200), drained: true) == .truncateRetired)
        rotation.truncateAttempted(succeeded: true, at: start + .milliseconds(200))
        #expect(rotation.next(at: start + .seconds(2), drained: true) == nil, "10 entries are too few to switch")
    }

    @Test("the generation switches after enough applied entries, at most once a second, never before truncation")
    func switches() {
        var rotation = LogRotation(switchAfterEntries: 1_000)
        rotation.record(applied: 0, at: start)
        rotation.truncateAttempted(succeeded: true, at: start)
        rotation.record(applied: 999, at: start + .seconds(1))
        #expect(rotation.next(at: start + .seconds(1), drained: false) == nil)
        rotation.record(applied: 1, at: start + .seconds(1))
        #expect(rotation.next(at: start + .seconds(1), drained: false) == .switchGeneration)
        rotation.switched(at: start + .seconds(1))
        // Under load (never drained) the retired generation is tried once half a switch's worth was applied.
        rotation.record(applied: 400, at: start + .seconds(2))
        #expect(rotation.next(at: start + .seconds(2), drained: false) == nil)
        rotation.record(applied: 100, at: start + .seconds(2))
        #expect(rotation.next(at: start + .seconds(2), drained: false) == .truncateRetired)
        // Without the truncation there is no further switch, however much is applied.
        rotation.truncateAttempted(succeeded: false, at: start + .seconds(2))
        rotation.record(applied: 5_000, at: start + .seconds(3))
        #expect(rotation.next(at: start + .seconds(3), drained: false) == .truncateRetired)
        rotation.truncateAttempted(succeeded: true, at: start + .seconds(3))
        #expect(rotation.next(at: start + .seconds(3), drained: false) == .switchGeneration)
        rotation.switched(at: start + .seconds(3))
        rotation.truncateAttempted(succeeded: true, at: start + .seconds(3))
        rotation.record(applied: 5_000, at: start + .milliseconds(3_500))
        #expect(rotation.next(at: start + .milliseconds(3_500), drained: true) == nil, "one switch a second at most")
        #expect(rotation.next(at: start + .seconds(4), drained: true) == .switchGeneration)
    }

    @Test("a slow trickle still switches after the time limit; an idle log never does")
    func trickle() {
        var rotation = LogRotation(switchAfterEntries: 1_000)
        rotation.record(applied: 0, at: start)
        rotation.truncateAttempted(succeeded: true, at: start)
        #expect(rotation.next(at: start + .seconds(600), drained: true) == nil)
        rotation.record(applied: 3, at: start + .seconds(10))
        #expect(rotation.next(at: start + .seconds(299), drained: true) == nil)
        #expect(rotation.next(at: start + .seconds(300), drained: true) == .switchGeneration)
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

/// The WAL decoder's array parameters, read back by PostgreSQL.
@Suite struct ArrayLiteralTests {
    @Test("quotes, backslashes, commas, braces, NULL, the word NULL, empty and non-ASCII values survive as text[]")
    func roundTrip() async throws {
        let values: [String?] = ["plain", "with \"quotes\"", #"back\slash\"#, "a,b", "{braces}", nil, "NULL", "",
                                 "Ünïcode ✓", " spaced ", "\\\"", "line\nbreak"]
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            let rows = try await connection.query(
                "SELECT value FROM unnest($1::text[]) WITH ORDINALITY AS t (value, n) ORDER BY n",
                [ArrayLiteral.text(values)])
            #expect(rows.rows.map { $0[0] } == values)
            let empty = try await connection.query("SELECT cardinality($1::text[])", [ArrayLiteral.text([])])
            #expect(empty.first?[0] == "0")
            await connection.close()
        }
    }
}
